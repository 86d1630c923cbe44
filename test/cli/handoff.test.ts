import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHandoff, type HandoffOptions } from '../../src/cli/commands/handoff.ts';
import type { Io } from '../../src/cli/io.ts';
import { runCli } from '../helpers/run-cli.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { automatedHistory, buildNamed, shopHistory } from '../report/handoff-fixture.ts';
import { usageErrorOfPromise } from '../helpers/errors.ts';

// runHandoff in-process with a fake Io (the command is wired into program.ts separately); the
// black-box block at the end runs once `talentrisk handoff` is registered and built.

const CONFIG = `critical:
  - name: payments
    paths: ["pay/**"]
    minOwners: 2
model:
  inactiveAfter: 365
departures:
  - who: carol@example.com
    date: "2025-02-28"
  - who: Ada
    date: "2025-03-31"
    note: moving to the data team
`;

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: { write: (text: string) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, env: { PATH: process.env.PATH, HOME: process.env.HOME }, cwd };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

function options(dir: string, extra: Partial<HandoffOptions> = {}): HandoffOptions {
  // --until fixes the reference date (--until 2025-01-01 is the end of that day), so "the last 90 days" does not move with the clock.
  return { rev: 'HEAD', model: 'talentrisk', format: 'markdown', repo: dir, until: new Date('2025-01-01T23:59:59Z'), depth: 1, cache: false, quiet: true, ...extra };
}

function shop() {
  const repo = buildNamed('shop', shopHistory());
  writeFileSync(path.join(repo.dir, '.talentrisk.yml'), CONFIG);
  return repo;
}

const failure = usageErrorOfPromise;

describe('runHandoff', () => {
  it('writes the markdown of the golden file, with the config’s departures', async () => {
    const repo = shop();
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('ada@example.com', options(repo.dir), io)).toBe(0);
    expect(stdout()).toBe(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/expected/handoff-shop-ada.md'), 'utf8'));
  });

  it('counts an old clone’s recent work back from its last commit (deno, curl: "None" for the most active people)', async () => {
    const repo = shop();
    const { io, stdout } = fakeIo(repo.dir);
    // Measured 533 days after the last commit (2024-12-15): today's 90 days hold no commit at all.
    expect(await runHandoff('ada@example.com', options(repo.dir, { until: new Date('2026-06-01T23:59:59Z') }), io)).toBe(0);
    const markdown = stdout();
    expect(markdown).toContain('\n## Ada’s commits of the 90 days up to the revision’s last commit (2024-12-15) in these areas\n\n- `704f17d7c9` 2024-12-15: Legacy fix');
    expect(markdown).toContain('- `58f995d76f` 2024-11-01: Refund flow');
    // The checklist says the same (it said "the last 90 days": review).
    expect(markdown).toContain('- [ ] Go over the 90 days of work up to the revision’s last commit (2024-12-15) (3 commits): unfinished changes');
    const json = await (async () => {
      const { io: jsonIo, stdout: jsonOut } = fakeIo(repo.dir);
      await runHandoff('ada@example.com', options(repo.dir, { until: new Date('2026-06-01T23:59:59Z'), format: 'json' }), jsonIo);
      return JSON.parse(jsonOut()) as { recent: { days: number; before: string | null; commits: unknown[] } };
    })();
    expect(json.recent).toMatchObject({ days: 90, before: '2024-12-15' });
    expect(json.recent.commits).toHaveLength(3);
  });

  it('gives the same data as JSON', async () => {
    const repo = shop();
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('ADA', options(repo.dir, { format: 'json' }), io)).toBe(0);
    const json = JSON.parse(stdout());
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'handoff', person: { id: 'ada@example.com', date: '2025-03-31' }, alsoLeaving: [{ id: 'carol@example.com' }] });
    const golden = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../fixtures/expected/handoff-shop-ada.json'), 'utf8'));
    // The golden file was made in-process with a fixed clock, without --until.
    expect(json.repository).toMatchObject({ requested: 'HEAD until 2025-01-01', analyzedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    const repository = { ...json.repository, path: '<repo>', requested: 'HEAD', analyzedAt: golden.repository.analyzedAt };
    expect({ ...json, repository, tool: { ...json.tool, version: '<version>' } }).toEqual(golden);
  });

  it('writes --output to a file, and refuses to overwrite it without --force', async () => {
    const repo = shop();
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('ada', options(repo.dir, { output: 'handoff.md', quiet: false }), io)).toBe(0);
    expect(stdout()).toBe('');
    expect(readFileSync(path.join(repo.dir, 'handoff.md'), 'utf8')).toContain('# Handoff: Ada');
    const again = await failure(runHandoff('ada', options(repo.dir, { output: 'handoff.md' }), fakeIo(repo.dir).io));
    expect(again.message).toBe('handoff.md already exists');
    expect(await runHandoff('ada', options(repo.dir, { output: 'handoff.md', force: true }), fakeIo(repo.dir).io)).toBe(0);
  });

  // Regression (flask, a tester): the identity `git shortlog -sne` prints was an unknown person, and
  // two last days for the same person were accepted silently, the first one winning.
  it('takes a person as `Name <email>`, and refuses two different last days for them (exit 2)', async () => {
    const repo = shop();
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('Ada <ada@example.com>', options(repo.dir, { format: 'json' }), io)).toBe(0);
    expect(JSON.parse(stdout()).person.id).toBe('ada@example.com');
    // Against the config's last day (2025-03-31), and without it.
    const withConfig = await failure(runHandoff('Ada', options(repo.dir, { leaving: ['ada@example.com=2025-04-30'] }), fakeIo(repo.dir).io));
    expect(withConfig.exitCode).toBe(2);
    expect(withConfig.message).toMatch(/^Ada is given two different last days: 2025-03-31 \(\.talentrisk\.yml:\d+:\d+ departures\.1\.date\) and 2025-04-30 \(--leaving\)$/);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'model:\n  inactiveAfter: 365\n');
    const flags = await failure(runHandoff('Ada=2025-03-01', options(repo.dir, { leaving: ['ada@example.com=2025-04-30'] }), fakeIo(repo.dir).io));
    expect(flags.message).toBe('Ada is given two different last days: 2025-03-01 and 2025-04-30');
    expect(flags.hint).toBe('give one last day per person (the same day twice is fine): drop or correct one of them');
    // The same day twice is one departure.
    expect(await runHandoff('Ada=2025-03-01', options(repo.dir, { leaving: ['ada@example.com=2025-03-01'] }), fakeIo(repo.dir).io)).toBe(0);
  });

  // Regression (numpy, an EM test): `handoff seberg`, his 127 commits' name, was an unknown person:
  // an email-only .mailmap line gives every commit of the address his full name.
  it('takes a name that .mailmap replaced on every commit, in the handoff and --leaving', async () => {
    const repo = buildRepo([
      { author: { name: 'adal', email: 'ada@example.com' }, at: '2024-10-01T10:00:00Z', write: { 'lib/a.ts': 5, '.mailmap': 'Ada Lovelace <ada@example.com>\n' } },
      { author: 'bob', at: '2024-10-02T10:00:00Z', write: { 'lib/b.ts': 5 } },
    ]);
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('adal', options(repo.dir, { format: 'json' }), io)).toBe(0);
    expect(JSON.parse(stdout()).person).toMatchObject({ id: 'ada@example.com', name: 'Ada Lovelace' });
    expect(await runHandoff('bob', options(repo.dir, { format: 'json', leaving: ['ADAL=2024-12-01'] }), fakeIo(repo.dir).io)).toBe(0);
    // A name no commit has stays unknown.
    expect((await failure(runHandoff('nobody', options(repo.dir), fakeIo(repo.dir).io))).message).toMatch(/^unknown person "nobody"/);
    // In another case than committed, outside ASCII too (a review: git runs under LC_ALL=C).
    repo.commit({ author: { name: 'Łukasz Nowak', email: 'lukasz@example.com' }, at: '2024-10-03T10:00:00Z', write: { 'lib/c.ts': 5, '.mailmap': 'Ada Lovelace <ada@example.com>\nLukas New <lukasz@example.com>\n' } });
    const lukasz = fakeIo(repo.dir);
    expect(await runHandoff('łukasz nowak', options(repo.dir, { format: 'json' }), lukasz.io)).toBe(0);
    expect(JSON.parse(lukasz.stdout()).person).toMatchObject({ id: 'lukasz@example.com', name: 'Lukas New' });
  });

  // Regression (laravel, first-time users): the release workflow's 920 commits under Taylor Otwell's
  // no-reply addresses were his work with no word; the command reads every commit subject of theirs.
  it('says which of their addresses look automated, from the subjects of all their commits', async () => {
    const repo = buildNamed('automated', automatedHistory());
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'model:\n  inactiveAfter: 365\n');
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('Ada Lovelace', options(repo.dir, { format: 'json' }), io)).toBe(0);
    const json = JSON.parse(stdout()) as { automatedAddresses: { email: string; commits: number; repeatedCommits: number }[] };
    expect(json.automatedAddresses).toMatchObject([{ email: '1+ada@users.noreply.github.com', commits: 62, repeatedCommits: 62 }]);
    const markdown = fakeIo(repo.dir);
    expect(await runHandoff('Ada Lovelace', options(repo.dir), markdown.io)).toBe(0);
    expect(markdown.stdout()).toContain('they look automated (a CI job committing as Ada Lovelace); if so, config `bots: ["1+ada@users.noreply.github.com"]` leaves them out.');
  });

  // The subjects are read over the last two years only: the whole history cost a rails handoff 2.7 s.
  it('judges an address by its commits of the last two years only', async () => {
    const repo = buildNamed('automated-old', [...automatedHistory(), { author: { name: 'Ada Lovelace', email: 'ada@example.com' }, at: '2026-11-01T10:00:00Z', message: 'Str again', write: { 'lib/str.ts': 7 } }]);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'model:\n  inactiveAfter: 365\n');
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('Ada Lovelace', options(repo.dir, { format: 'json', until: new Date('2026-11-02T00:00:00Z') }), io)).toBe(0);
    expect((JSON.parse(stdout()) as { automatedAddresses: unknown[] }).automatedAddresses).toEqual([]);
  });

  // Regression (flask, a tester): licences, CHANGES.rst, logo SVGs, 0-byte files and 2011 test
  // fixtures came before the code in the walk-throughs, the areas' tables and "Also worked on",
  // whose order (CHANGES.rst last with 180 commits) read as a sorting bug.
  it('lists code first, then prose, chores and fixtures, and walks nobody through images or empty files', async () => {
    const repo = buildRepo([
      // Bob's other files make lib and the root modules of 5 files: smaller ones rank with the tests.
      { author: 'bob', at: '2024-10-01T10:00:00Z', write: { 'lib/bob.ts': 5, 'CHANGES.md': 5, 'lib/b2.ts': 5, 'lib/b3.ts': 5, 'Makefile': 5, 'build.sh': 5, 'setup.ts': 5 } },
      { author: 'ada', at: '2024-10-02T10:00:00Z', write: { 'lib/core.ts': 5, 'LICENSE.txt': 5, 'CHANGES.md': 3, 'docs/logo.svg': 5, 'lib/__init__.py': '', 'tests/templates/mail.txt': 5, 'tests/static/site.css': 5 } },
      ...[1, 2, 3, 4].map((n) => ({ author: 'ada', at: `2024-10-1${n}T10:00:00Z`, write: { 'LICENSE.txt': 5, 'docs/logo.svg': 5, 'tests/templates/mail.txt': 5, 'tests/static/site.css': 5, 'CHANGES.md': 2, 'lib/bob.ts': 1 } })),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ author: 'bob', at: `2024-11-0${n}T10:00:00Z`, write: { 'lib/bob.ts': 2, 'CHANGES.md': 2 } })),
    ]);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'model:\n  inactiveAfter: 365\n');
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('ada', options(repo.dir, { format: 'json' }), io)).toBe(0);
    const json = JSON.parse(stdout()) as { areas: { files: { path: string }[] }[]; checklist: { kind: string; path?: string }[]; alsoWorkedOn: { path: string; commits: number }[] };
    expect(json.areas.flatMap((area) => area.files.map((file) => file.path))).toEqual(['lib/core.ts', 'lib/__init__.py', 'LICENSE.txt', 'tests/static/site.css', 'tests/templates/mail.txt', 'docs/logo.svg']);
    expect(json.checklist.filter((item) => item.kind === 'transfer-file').map((item) => item.path)).toEqual(['lib/core.ts', 'LICENSE.txt', 'tests/static/site.css', 'tests/templates/mail.txt']);
    // More commits on the changelog than on the code, listed after it, and said so.
    expect(json.alsoWorkedOn.map((file) => [file.path, file.commits])).toEqual([
      ['lib/bob.ts', 4],
      ['CHANGES.md', 5],
    ]);
    const markdown = fakeIo(repo.dir);
    await runHandoff('ada', options(repo.dir), markdown.io);
    expect(markdown.stdout()).toContain('Code comes first, then docs, licences and settings, then changelogs, release manifests and test fixtures, then images and empty files; by their commits within each.');
  });

  // Regression (flask, a tester): a shallow clone's handoff never said it was one; at depth 1 it said
  // "Nothing to hand over from the code" of the maintainer, and at depth 50 Armin Ronacher was an
  // unknown person with no word that the history is cut.
  it('says in the document and the JSON that the clone is shallow, and when its history is too short', async () => {
    const source = shop();
    const clone = (depth: number) => {
      const dir = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'shallow-')), `depth-${depth}`);
      execFileSync('git', ['clone', '-q', '--depth', String(depth), `file://${source.dir}`, dir]);
      return dir;
    };
    const one = clone(1);
    const { io, stdout } = fakeIo(one);
    expect(await runHandoff('ada', options(one), io)).toBe(0);
    expect(stdout()).toContain("\n⚠️ This is a shallow clone: its history begins on 2024-12-15, so the figures count only the work since then, and people whose work is older are missing from it. `git fetch --unshallow` reads the whole history.\n");
    expect(stdout()).toContain("\nThe fetched history is too short to tell what Ada knows: this shallow clone's history begins on 2024-12-15");
    expect(stdout()).not.toContain('Nothing to hand over');
    const unknown = await failure(runHandoff('carol', options(one), fakeIo(one).io));
    expect(unknown.hint).toContain('this clone is shallow (its history begins on 2024-12-15): someone whose commits are all older is not in it (`git fetch --unshallow` reads the whole history)');
    const three = clone(3);
    const json = fakeIo(three);
    expect(await runHandoff('ada', options(three, { format: 'json' }), json.io)).toBe(0);
    expect(JSON.parse(json.stdout()).repository.shallowSince).toBe('2024-11-01');
    const full = fakeIo(source.dir);
    await runHandoff('ada', options(source.dir, { format: 'json' }), full.io);
    expect(JSON.parse(full.stdout()).repository.shallowSince).toBeNull();
  });

  it('refuses an unknown person with the closest known identities (exit 2)', async () => {
    const repo = shop();
    const error = await failure(runHandoff('adda', options(repo.dir), fakeIo(repo.dir).io));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('unknown person "adda": no developer of this repository has that name, email or alias');
    // Only those close enough to be a slip ("nobody-here" suggested three unrelated people: a first-time user test).
    expect(error.hint).toBe('closest known: Ada <ada@example.com>');
  });

  // Regression (laravel, a tester): `taylr` suggested Brett, Christian and Rob Taylor (by name) and
  // not Taylor Otwell, who authors most files; "Jon Doe" suggested three unrelated people.
  it('suggests the most active of equally near people, and nobody when no one is a slip', async () => {
    const who = (name: string, email: string) => ({ name, email });
    const repo = buildRepo([
      { author: who('Taylor Otwell', 'taylor@laravel.example'), write: { 'a.ts': 5, 'b.ts': 5, 'c.ts': 5 } },
      { author: who('Brett Taylor', 'brett@example.com'), write: { 'd.ts': 5 } },
      { author: who('Christian Taylor', 'christian@example.com'), write: { 'e.ts': 5 } },
      { author: who('Rob Taylor', 'rob@example.com'), write: { 'f.ts': 5 } },
      { author: who('Clemir Rondón', 'clemir@example.com'), write: { 'g.ts': 5 } },
      { author: who('Frank de Jonge', 'frank@example.com'), write: { 'h.ts': 5 } },
      { author: who('Jodie Dunlop', 'jodie@example.com'), write: { 'i.ts': 5 } },
      { author: who('Wouter de Jong', 'wouter@example.com'), write: { 'j.ts': 5 } },
    ]);
    const unknown = async (name: string) => (await failure(runHandoff(name, options(repo.dir), fakeIo(repo.dir).io))).hint;
    expect(await unknown('taylr')).toBe('closest known: Taylor Otwell <taylor@laravel.example>, Brett Taylor <brett@example.com>, Christian Taylor <christian@example.com>');
    expect(await unknown('Jon Doe')).toBe('no developer has a name or email close to it: `talentrisk scan --format json` lists them all');
    // A slip in any word of a whole name, in either order, or two letters swapped.
    expect(await unknown('Otwel Taylor')).toBe('closest known: Taylor Otwell <taylor@laravel.example>');
    expect(await unknown('Frank Jonge')).toBe('closest known: Frank de Jonge <frank@example.com>');
    expect(await unknown('jodei')).toBe('closest known: Jodie Dunlop <jodie@example.com>');
  });

  it('refuses an ambiguous person and lists the candidates (exit 2)', async () => {
    const repo = buildRepo([
      { author: { name: 'Sam Lee', email: 'sam@a.example' }, write: { 'a.ts': 'a\n' } },
      { author: { name: 'Sam Roe', email: 'sam@b.example' }, write: { 'b.ts': 'b\n' } },
    ]);
    const error = await failure(runHandoff('sam', options(repo.dir), fakeIo(repo.dir).io));
    expect(error.message).toBe('"sam" matches 2 developers, most files authored first: Sam Lee <sam@a.example> (1 file, 1 commit), Sam Roe <sam@b.example> (1 file, 1 commit)');
    expect(error.hint).toBe('name one of them by email, e.g. sam@a.example');
    // The likely person first, and in the hint: by name, svelte's "simon" led with a 1-commit Lyndsy
    // Simon (a user test).
    repo.commit({ author: { name: 'Sam Roe', email: 'sam@b.example' }, write: { 'c.ts': 'c\n' } });
    const ranked = await failure(runHandoff('sam', options(repo.dir), fakeIo(repo.dir).io));
    expect(ranked.message).toBe('"sam" matches 2 developers, most files authored first: Sam Roe <sam@b.example> (2 files, 2 commits), Sam Lee <sam@a.example> (1 file, 1 commit)');
    expect(ranked.hint).toBe('name one of them by email, e.g. sam@b.example');
  });

  // Regression (laravel, a tester): "Mohamed" listed its 16 matches on one line of 1,100 characters.
  it('lists the five most active of an ambiguous name, then how many more and how to name one', async () => {
    const surnames = ['Lee', 'Roe', 'Kim', 'Ito', 'Day', 'Fox', 'Gil'];
    // Sam Gil commits most (7 files), Sam Lee least (1).
    const repo = buildRepo(surnames.map((surname, i) => ({ author: { name: `Sam ${surname}`, email: `sam.${surname.toLowerCase()}@example.com` }, write: Object.fromEntries(Array.from({ length: i + 1 }, (_, n) => [`${surname}/${n}.ts`, 5])) })));
    const error = await failure(runHandoff('sam', options(repo.dir), fakeIo(repo.dir).io));
    expect(error.message).toBe(
      '"sam" matches 7 developers, most files authored first: Sam Gil <sam.gil@example.com> (7 files, 1 commit), Sam Fox <sam.fox@example.com> (6 files, 1 commit), Sam Day <sam.day@example.com> (5 files, 1 commit), Sam Ito <sam.ito@example.com> (4 files, 1 commit), Sam Kim <sam.kim@example.com> (3 files, 1 commit) +2 more',
    );
    expect(error.hint).toBe('name one of them by email, e.g. sam.gil@example.com, or by their whole name (`talentrisk scan --format json` lists every developer’s names and emails)');
  });

  it('refuses an unknown --leaving person', async () => {
    const repo = shop();
    const error = await failure(runHandoff('ada', options(repo.dir, { leaving: ['zed'] }), fakeIo(repo.dir).io));
    expect(error.message).toBe('unknown person "zed" (--leaving): no developer of this repository has that name, email or alias');
  });

  it('finds a person by an email .mailmap maps to another, as copied from an old commit (git/git: junio@pobox.com was "unknown")', async () => {
    const repo = buildRepo([
      { author: { name: 'Ada Old', email: 'ada@old.example' }, at: '2024-10-01T10:00:00Z', write: { 'a.ts': 'a\n' } },
      { author: 'ada', at: '2024-11-01T10:00:00Z', write: { 'a.ts': 'a\nb\n', '.mailmap': 'Ada <ada@example.com> <ada@old.example>\n' } },
      { author: 'bob', at: '2024-12-01T10:00:00Z', write: { 'b.ts': 'b\n' } },
    ]);
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('ADA@old.example', options(repo.dir, { format: 'json', leaving: ['bob@example.com'] }), io)).toBe(0);
    expect(JSON.parse(stdout()).person.id).toBe('ada@example.com');
    // As a departure too; an email nobody has, mapped or not, is still unknown.
    const leaving = fakeIo(repo.dir);
    await runHandoff('bob', options(repo.dir, { format: 'json', leaving: ['ada@old.example=2025-06-30'] }), leaving.io);
    expect(JSON.parse(leaving.stdout()).alsoLeaving.map((d: { id: string }) => d.id)).toEqual(['ada@example.com']);
    const error = await failure(runHandoff('nobody@old.example', options(repo.dir), fakeIo(repo.dir).io));
    expect(error.message).toBe('unknown person "nobody@old.example": no developer of this repository has that name, email or alias');
  });

  it('finds a person by an old email that .mailmap maps together with the name it was used with (jest: `Proper <p> Commit Name <old>` lines were "unknown person")', async () => {
    const repo = buildRepo([
      { author: { name: 'Ada Old', email: 'ada@old.example' }, at: '2024-10-01T10:00:00Z', write: { 'a.ts': 'a\n' } },
      { author: 'ada', at: '2024-11-01T10:00:00Z', write: { 'a.ts': 'a\nb\n', '.mailmap': 'Ada <ada@example.com> Ada Old <ada@old.example>\n' } },
      { author: 'bob', at: '2024-12-01T10:00:00Z', write: { 'b.ts': 'b\n' } },
    ]);
    const { io, stdout } = fakeIo(repo.dir);
    expect(await runHandoff('ada@OLD.example', options(repo.dir, { format: 'json' }), io)).toBe(0);
    expect(JSON.parse(stdout()).person.id).toBe('ada@example.com');
    const error = await failure(runHandoff('nobody@old.example', options(repo.dir), fakeIo(repo.dir).io));
    expect(error.message).toBe('unknown person "nobody@old.example": no developer of this repository has that name, email or alias');
  });

  // Regression (hugo, first-time users): its .mailmap maps "Steve Francia" to spf13 and "Bjørn Erik
  // Pedersen" to bep; `handoff "Steve Francia"` and `handoff "Bjørn Erik"` (and a departure `who:
  // Bjørn Erik`) were unknown people with no name close to them.
  it('finds a person by a name .mailmap replaces, or by the leading words of a name, on the command line and in the config', async () => {
    const mailmap = ['# names', 'spf13 <steve@example.com> Steve Francia <steve@example.com>', 'bep <bep@example.com> Bjørn Erik Pedersen <bep@example.com>', ''].join('\n');
    const repo = buildRepo([
      { author: { name: 'Steve Francia', email: 'steve@example.com' }, at: '2024-09-01T10:00:00Z', write: { 'a.ts': 5 } },
      { author: { name: 'Bjørn Erik Pedersen', email: 'bep@example.com' }, at: '2024-10-01T10:00:00Z', write: { 'b.ts': 5, 'c.ts': 5 } },
      { author: { name: 'spf13', email: 'steve@example.com' }, at: '2024-11-01T10:00:00Z', write: { 'a.ts': 6, '.mailmap': mailmap } },
    ]);
    const person = async (who: string, extra: Partial<HandoffOptions> = {}) => {
      const { io, stdout } = fakeIo(repo.dir);
      await runHandoff(who, options(repo.dir, { format: 'json', ...extra }), io);
      return JSON.parse(stdout()) as { person: { id: string; name: string }; alsoLeaving: { id: string }[] };
    };
    expect((await person('Steve Francia')).person).toMatchObject({ id: 'steve@example.com', name: 'spf13' });
    expect((await person('Bjorn Erik')).person).toMatchObject({ id: 'bep@example.com', name: 'bep' });
    expect((await person('Steve Francia', { leaving: ['Bjørn Erik=2025-03-31'] })).alsoLeaving.map((d) => d.id)).toEqual(['bep@example.com']);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'departures:\n  - who: Bjørn Erik\n');
    expect((await person('Steve')).alsoLeaving.map((d) => d.id)).toEqual(['bep@example.com']);
  });

  // Regression (hugo, a first-time user): `handoff "hugoreleaser[bot]"` said it "is a bot account",
  // for its pattern alone: no commit has it (its releases are a person-like "hugoreleaser"'s).
  it('says a bot account only of a bot the history has, by name, email or a name .mailmap gives it', async () => {
    const bot = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };
    const repo = buildRepo([
      { author: 'ada', at: '2024-10-01T10:00:00Z', write: { 'a.ts': 5 } },
      { author: bot, at: '2024-10-02T10:00:00Z', write: { 'a.ts': 6 } },
      { author: { name: 'Release Tool', email: 'release@example.com' }, at: '2024-10-03T10:00:00Z', write: { 'a.ts': 7, '.mailmap': 'release-bot <release@example.com> Release Tool <release@example.com>\n' } },
      { author: { name: 'hugoreleaser', email: 'ada+releaser@example.com' }, at: '2024-10-04T10:00:00Z', write: { 'b.ts': 5 } },
      // An AI assistant credited in a trailer only (pytest's `ai@cursor.sh` read as unknown: a re-test).
      { author: 'ada', at: '2024-10-05T10:00:00Z', write: { 'c.ts': 5 }, coAuthors: [{ name: 'Cursor AI', email: 'ai@cursor.sh' }] },
    ]);
    const error = async (who: string) => failure(runHandoff(who, options(repo.dir), fakeIo(repo.dir).io));
    for (const who of ['renovate', 'Renovate[bot]', bot.email.toUpperCase(), 'release-bot', 'ai@cursor.sh', 'Cursor AI']) expect((await error(who)).message).toMatch(/ is a bot account[ :]/);
    const unknown = await error('hugoreleaser[bot]');
    expect(unknown.message).toBe('unknown person "hugoreleaser[bot]": no developer or bot account of this repository has that name, email or alias');
    // hugoreleaser commits from a sub-address of Ada's mailbox: one developer with her (hugo's
    // release identity), shown as Ada.
    expect(unknown.hint).toBe('closest known: Ada <ada@example.com>');
    expect((await error('dependabot[bot]@users.noreply.github.com')).message).toMatch(/^unknown person /);
    // As a departure too.
    const leaving = await failure(runHandoff('ada', options(repo.dir, { leaving: ['hugoreleaser[bot]'] }), fakeIo(repo.dir).io));
    expect(leaving.message).toBe('unknown person "hugoreleaser[bot]" (--leaving): no developer or bot account of this repository has that name, email or alias');
  });

  it('leaves commits of config ignoreRevs out of the recent work and the co-change (a review: they were counted there)', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'lib/a.ts': 'a\n', 'lib/b.ts': 'b\n' } },
      { author: 'ada', at: '2024-12-02T10:00:00Z', write: { 'lib/a.ts': 'a\n2\n', 'lib/c.ts': 'c\n' } },
      { author: 'ada', at: '2024-12-03T10:00:00Z', message: 'License headers', write: { 'lib/a.ts': 'a\n2\n3\n', 'lib/b.ts': 'b\n3\n' } },
    ]);
    const sweep = repo.git('rev-parse', 'HEAD').trim();
    const json = async () => {
      const { io, stdout } = fakeIo(repo.dir);
      await runHandoff('ada', options(repo.dir, { format: 'json' }), io);
      return JSON.parse(stdout()) as { recent: { commits: { sha: string }[] }; coChange: { files: { path: string; partners: { path: string }[] }[] } };
    };
    const before = await json();
    expect(before.recent.commits.map((c) => c.sha)).toContain(sweep);
    expect(before.coChange.files.find((f) => f.path === 'lib/b.ts')?.partners.map((p) => p.path)).toEqual(['lib/a.ts']);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), `ignoreRevs: ["${sweep.slice(0, 10)}"]\n`);
    const after = await json();
    expect(after.recent.commits.map((c) => c.sha)).not.toContain(sweep);
    expect(after.recent.commits).toHaveLength(2);
    expect(after.coChange.files.find((f) => f.path === 'lib/b.ts')).toBeUndefined();
    // The document counts the window as read, and says what it left out ("In the last 1999 commits"
    // read as a bug: vuejs/core).
    const { io, stdout } = fakeIo(repo.dir);
    await runHandoff('ada', options(repo.dir, {}), io);
    expect(stdout()).toContain('In the last 3 commits (1 commit of config ignoreRevs or git subtree squashes, commits of bots the figures leave out, and of more than ');
    expect((await json()) as unknown).toMatchObject({ coChange: { commits: 2, ignored: 1 } });
  });

  it('leaves the commits .git-blame-ignore-revs lists out of the recent work, as the figures do', async () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'lib/a.ts': 'a\n', 'lib/b.ts': 'b\n' } },
      { author: 'ada', at: '2024-12-03T10:00:00Z', message: 'Run prettier', write: { 'lib/a.ts': 'a\n3\n', 'lib/b.ts': 'b\n3\n' } },
    ]);
    const sweep = repo.git('rev-parse', 'HEAD').trim();
    repo.commit({ author: 'bob', at: '2024-12-04T10:00:00Z', write: { '.git-blame-ignore-revs': `${sweep}\n` } });
    const recent = async (config?: string) => {
      if (config !== undefined) writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config);
      const { io, stdout } = fakeIo(repo.dir);
      await runHandoff('ada', options(repo.dir, { format: 'json' }), io);
      return (JSON.parse(stdout()) as { recent: { commits: { sha: string }[] } }).recent.commits.map((c) => c.sha);
    };
    expect(await recent()).not.toContain(sweep);
    expect(await recent('ignoreRevsFile: false\n')).toContain(sweep);
  });

  // Regression (pytest, a first-time user): `handoff "Bruno Oliveira=2027-01-07"`, copied from
  // --leaving, was an unknown person "with no name or email close to it".
  it('takes a last day after "=" as --leaving does', async () => {
    const repo = buildRepo([
      { author: { name: 'Ada Lovelace', email: 'ada@example.com' }, at: '2024-11-01T10:00:00Z', write: { 'a.ts': 5 } },
      { author: 'bob', at: '2024-12-01T10:00:00Z', write: { 'b.ts': 5 } },
    ]);
    const run = async (who: string, extra: Partial<HandoffOptions> = {}) => {
      const { io, stdout } = fakeIo(repo.dir);
      expect(await runHandoff(who, options(repo.dir, extra), io)).toBe(0);
      return stdout();
    };
    const json = JSON.parse(await run('Ada Lovelace=2025-06-30', { format: 'json' }));
    expect(json.person).toMatchObject({ id: 'ada@example.com', date: '2025-06-30' });
    expect(json.alsoLeaving).toEqual([]);
    const withLeaving = JSON.parse(await run('Ada Lovelace', { format: 'json', leaving: ['Ada Lovelace=2025-06-30'] }));
    expect(json).toEqual({ ...withLeaving, repository: { ...withLeaving.repository, analyzedAt: json.repository.analyzedAt } });
    expect(await run('ada = 2025-06-30')).toContain('\nLeaving; last day 2025-06-30.\n');
    // What --leaving refuses, said of handoff's own argument.
    const error = await failure(runHandoff('ada=tomorrow', options(repo.dir), fakeIo(repo.dir).io));
    expect(error.message).toBe('handoff ada=tomorrow: "tomorrow" is not a date');
    expect(error.hint).toBe('write the last day as YYYY-MM-DD: handoff "ada=YYYY-MM-DD"');
  });

  it('excludes people given with --leaving from the successors', async () => {
    const repo = shop();
    const { io, stdout } = fakeIo(repo.dir);
    await runHandoff('ada', options(repo.dir, { format: 'json', leaving: ['bob'] }), io);
    const json = JSON.parse(stdout());
    const rates = json.areas[0].files.find((f: { path: string }) => f.path === 'pay/rates.ts');
    expect(rates.successor).toBeNull();
    // An undated departure counts as immediate: it comes first.
    expect(json.alsoLeaving.map((d: { id: string }) => d.id)).toEqual(['bob@example.com', 'carol@example.com']);
  });
});

// Black-box: the built CLI (npm test builds first).
describe('talentrisk handoff (built CLI)', { tags: ['slow'] }, () => {
  it('prints the document and exits 0; an unknown person exits 2 with one line and a hint', () => {
    const repo = shop();
    const ok = runCli(['handoff', 'ada@example.com', '--until', '2025-01-01', '--depth', '1', '--no-cache'], { cwd: repo.dir });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('# Handoff: Ada');
    const bad = runCli(['handoff', 'nobody', '--no-cache'], { cwd: repo.dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe(
      'talentrisk: unknown person "nobody": no developer of this repository has that name, email or alias\n  no developer has a name or email close to it: `talentrisk scan --format json` lists them all\n',
    );
    const json = runCli(['handoff', 'ada', '--format', 'json', '--no-cache'], { cwd: repo.dir });
    expect(JSON.parse(json.stdout).kind).toBe('handoff');
  });

  // Regression (elixir, a tester's report): `handoff jose` documented Jose Añasco (1 commit, 0 files)
  // without a word, as the word "Jose" as written was tried before José Valim, the maintainer, and
  // `check --leaving jose` judged his departure instead.
  it('takes `jose` for José Valim and Jose Añasco alike: an ambiguous person (exit 2)', () => {
    const valim = { name: 'José Valim', email: 'jose.valim@example.com' };
    const anasco = { name: 'Jose Añasco', email: 'jose.anasco@example.com' };
    const repo = buildRepo([
      ...Array.from({ length: 6 }, (_, i) => ({ author: valim, write: { [`lib/m${i}.ex`]: 10 } })),
      { author: valim, write: { 'lib/m0.ex': 10 } },
      { author: anasco, write: { 'lib/m0.ex': 1 } },
      { author: valim, write: { 'lib/m0.ex': 10 } },
    ]);
    const ambiguous = '"jose" matches 2 developers, most files authored first: José Valim <jose.valim@example.com> (6 files, 8 commits), Jose Añasco <jose.anasco@example.com> (0 files, 1 commit)';
    const bad = runCli(['handoff', 'jose', '--no-cache'], { cwd: repo.dir });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe(`talentrisk: ${ambiguous}\n  name one of them by email, e.g. jose.valim@example.com\n`);
    // A whole name without its accent, or the word typed with it, names the maintainer.
    const person = (who: string) => JSON.parse(runCli(['handoff', who, '--format', 'json', '--no-cache'], { cwd: repo.dir }).stdout).person.id;
    expect(person('Jose Valim')).toBe('jose.valim@example.com');
    expect(person('José')).toBe('jose.valim@example.com');
    expect(person('anasco')).toBe('jose.anasco@example.com');
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: lib\n    paths: ["lib/**"]\n');
    const leaving = runCli(['check', '--leaving', 'jose', '--no-cache'], { cwd: repo.dir });
    expect(leaving.exitCode).toBe(2);
    expect(leaving.stderr).toContain(ambiguous.replace('"jose"', '"jose" (--leaving)'));
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: lib\n    paths: ["lib/**"]\ndepartures:\n  - who: jose\n');
    const departure = runCli(['check', '--no-cache'], { cwd: repo.dir });
    expect(departure.exitCode).toBe(2);
    expect(departure.stderr).toContain('José Valim <jose.valim@example.com> (6 files, 8 commits), Jose Añasco <jose.anasco@example.com> (0 files, 1 commit)');
  });
});
