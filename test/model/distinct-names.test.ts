import { describe, expect, it } from 'vitest';
import { botCandidatesOf, looksAutomated } from '../../src/model/automation.ts';
import { distinctNames, usualName } from '../../src/model/distinct-names.ts';
import { personLabel, resolvePerson } from '../../src/model/people.ts';
import { usageErrorOf } from '../helpers/errors.ts';

const dev = (id: string, name: string, emails: string[] = id.includes('@') ? [id] : []) => ({ id, name, emails, names: [name] });

/** The developers as the analysis names them: distinctNames' name, the name alone kept as sharedName. */
function named<T extends { id: string; name: string; emails: string[] }>(developers: T[]): (T & { sharedName?: string })[] {
  const shown = distinctNames(developers);
  return developers.map((developer) => {
    const name = shown.get(developer.id) as string;
    return name === developer.name ? developer : { ...developer, name, sharedName: developer.name };
  });
}

const failure = usageErrorOf;

describe('distinctNames', () => {
  // tokio (a review): two people committing under the placeholder "Name" were two developers, both
  // shown as "Name" in every table; redis's "root" is four.
  it('shows developers who share a name with the address of their id, and the others by their name alone', () => {
    const shown = distinctNames([
      dev('44015907+fenfengao@users.noreply.github.com', 'Name'),
      dev('diazarnau0@gmail.com', 'Name'),
      dev('ada@example.com', 'Ada Lovelace'),
    ]);
    expect([...shown]).toEqual([
      ['44015907+fenfengao@users.noreply.github.com', 'Name <44015907+fenfengao@users.noreply.github.com>'],
      ['diazarnau0@gmail.com', 'Name <diazarnau0@gmail.com>'],
      ['ada@example.com', 'Ada Lovelace'],
    ]);
  });

  it('compares names as identities do (case, composed accents) and with runs of blanks as one, and keeps each name as written', () => {
    const shown = distinctNames([
      dev('jo@x.example', 'Your Name'),
      dev('sam@y.example', 'your name'),
      dev('zoe@a.example', 'Zoe\u0308 Mu\u0308ller'),
      dev('zm@b.example', 'Zoë Müller'),
      dev('sam@a.example', 'Sam Lee'),
      dev('lee@b.example', 'Sam\u00a0 Lee'),
    ]);
    expect(shown.get('jo@x.example')).toBe('Your Name <jo@x.example>');
    expect(shown.get('sam@y.example')).toBe('your name <sam@y.example>');
    expect(shown.get('zoe@a.example')).toBe('Zoe\u0308 Mu\u0308ller <zoe@a.example>');
    expect(shown.get('zm@b.example')).toBe('Zoë Müller <zm@b.example>');
    expect(shown.get('sam@a.example')).toBe('Sam Lee <sam@a.example>');
    expect(shown.get('lee@b.example')).toBe('Sam\u00a0 Lee <lee@b.example>');
  });

  it('shows the one with no address of their own (`name:<name>`) as "(no email)", and by their id\'s address those with several', () => {
    const shown = distinctNames([dev('name:root', 'root'), dev('root@mongo.example', 'root'), { id: 'shfbai@gmail.com', name: 'root', emails: ['root@old.example', 'shfbai@gmail.com'] }]);
    expect([...shown.values()]).toEqual(['root (no email)', 'root <root@mongo.example>', 'root <shfbai@gmail.com>']);
  });

  it('gives back the name alone', () => {
    const [a, b] = named([dev('a@x.example', 'Name'), dev('b@y.example', 'Name')]);
    expect([a?.name, a?.sharedName, usualName(a as NonNullable<typeof a>)]).toEqual(['Name <a@x.example>', 'Name', 'Name']);
    expect(usualName(dev('c@z.example', 'Cy'))).toBe('Cy');
    expect(b?.name).toBe('Name <b@y.example>');
  });
});

describe('naming developers who share a name', () => {
  const people = named([dev('fen@x.example', 'Name'), dev('diaz@y.example', 'Name'), dev('name:root', 'root'), dev('root@mongo.example', 'root'), dev('ada@example.com', 'Ada')]);

  it('labels each once, with no second address', () => {
    expect(people.map(personLabel)).toEqual(['Name <fen@x.example>', 'Name <diaz@y.example>', 'root (no email)', 'root <root@mongo.example>', 'Ada <ada@example.com>']);
  });

  it('keeps the name they share ambiguous, listing each with their address, and takes an email, a shown name or `Name <email>`', () => {
    const error = failure(() => resolvePerson(people, 'Name', { source: '--leaving' }));
    expect(error.message).toBe('"Name" (--leaving) matches 2 developers: Name <diaz@y.example>, Name <fen@x.example>');
    expect(error.hint).toBe('name one of them by email, e.g. diaz@y.example');
    expect(resolvePerson(people, 'fen@x.example').id).toBe('fen@x.example');
    expect(resolvePerson(people, 'Name <fen@x.example>').id).toBe('fen@x.example');
    // A name copied from a table or the JSON.
    expect(resolvePerson(people, 'root (no email)').id).toBe('name:root');
    // The example is an email, not the id of the one who has none.
    const root = failure(() => resolvePerson(people, 'root'));
    expect(root.message).toBe('"root" matches 2 developers: root (no email), root <root@mongo.example>');
    expect(root.hint).toBe('name one of them by email, e.g. root@mongo.example');
  });

  it('proposes the name alone as a bot, and judges it alone', () => {
    const [ci] = named([dev('ci@a.example', 'ci'), dev('robot@b.example', 'ci')]);
    expect(botCandidatesOf({ ...(ci as NonNullable<typeof ci>), commits: 3 })).toEqual([{ name: 'ci', commits: 3 }]);
    const [snyk] = named([dev('snyk-fan@a.example', 'Jo'), dev('jo@b.example', 'Jo')]);
    expect(looksAutomated({ ...(snyk as NonNullable<typeof snyk>), emails: [] })).toBe(false);
  });
});
