import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unmappedContact } from '../../src/git/repo.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('contacts without a .mailmap', () => {
  it('are printed back as git check-mailmap prints them (split_ident_line), or left to git', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'a.ts': 1 } }]);
    // Names and emails with blanks, brackets and non-ASCII letters, as trailers can carry them.
    const part = fc.string({ unit: fc.constantFrom('a', 'B', 'é', ' ', '\t', '<', '>', '@', '.', '-'), maxLength: 8 });
    const contacts = fc.sample(fc.tuple(part, part, fc.constantFrom('', ' ', '  ', '\t')).map(([name, email, gap]) => `${name}${gap}<${email}>`), { numRuns: 400, seed: 5 });
    const readable = [...new Set(contacts)].filter((contact) => unmappedContact(contact) !== undefined);
    expect(readable.length).toBeGreaterThan(100);
    const printed = execFileSync('git', ['check-mailmap', '--', ...readable], { cwd: repo.dir, encoding: 'utf8' }).split('\n').slice(0, -1);
    expect(readable.map(unmappedContact)).toEqual(printed);
    // What it does not read exactly as git is left to git: a second '<', text after the '>'.
    for (const contact of ['a <b <c@d>', 'a <b> c', 'no email', 'a <b>> ']) expect(unmappedContact(contact)).toBeUndefined();
  });
});
