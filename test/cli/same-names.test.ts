import { describe, expect, it } from 'vitest';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// Developers the identity rules keep apart while git has one name for them: tokio's two people
// committing under the placeholder "Name" (different emails), redis's "root"s (one of them here
// with no email at all), and "Sam Lee" beside "Sam Lee" written with a no-break space (two names to
// the rules, one to a reader). Every table, note and report showed each pair as one name (a review).
const NBSP_SAM = 'Sam\u00a0Lee';
const history: FixtureCommit[] = [
  { author: { name: 'Name', email: 'fen@x.example' }, write: { 'src/a.rs': 6, 'src/b.rs': 6 }, message: 'first' },
  { author: { name: 'Name', email: 'diaz@y.example' }, write: { 'src/c.rs': 6, 'src/d.rs': 6 } },
  { author: { name: 'Name', email: 'diaz@y.example' }, write: { 'src/a.rs': 7 } },
  { author: { name: 'root', email: 'root@mongo.example' }, write: { 'lib/e.c': 6 } },
  { author: { name: 'root', email: '' }, write: { 'lib/f.c': 6 } },
  { author: { name: 'Sam Lee', email: 'sam@a.example' }, write: { 'lib/g.ts': 6 } },
  { author: { name: NBSP_SAM, email: 'lee@b.example' }, write: { 'lib/h.ts': 6 } },
];

// Measured at the last commit, so that nobody is inactive.
const AT = ['--until', '2024-01-31', '-q'];

describe('developers who show the same name are told apart everywhere', { tags: ['slow'] }, () => {
  it('in the scan table and the JSON (whose `names` keep the name as git has it)', () => {
    const repo = buildRepo(history);
    const table = runCli(['scan', ...AT], { cwd: repo.dir });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/^ {2}1 {2}Name <diaz@y\.example> +3 +38%$/m);
    expect(table.stdout).toMatch(/^ {2}src .* Name <diaz@y\.example> 75%, Name <fen@x\.example> 50% /m);
    // "Name" alone, or "root" alone, names nobody.
    expect(table.stdout).not.toMatch(/\bName\b(?! <)/);
    expect(table.stdout).not.toMatch(/\broot\b(?! <| \(no email\))/);

    const json = scanOutputSchema.parse(JSON.parse(runCli(['scan', '--format', 'json', ...AT], { cwd: repo.dir }).stdout));
    expect(Object.fromEntries(json.developers.map((d) => [d.id, [d.name, d.names]]))).toEqual({
      'diaz@y.example': ['Name <diaz@y.example>', ['Name']],
      'fen@x.example': ['Name <fen@x.example>', ['Name']],
      'name:root': ['root (no email)', ['root']],
      'root@mongo.example': ['root <root@mongo.example>', ['root']],
      'sam@a.example': ['Sam Lee <sam@a.example>', ['Sam Lee']],
      'lee@b.example': [`${NBSP_SAM} <lee@b.example>`, [NBSP_SAM]],
    });
    expect(json.truckFactor.developers.map((d) => d.name).slice(0, 2)).toEqual(['Name <diaz@y.example>', 'Name <fen@x.example>']);
    expect(json.modules.find((m) => m.path === 'src')?.developers.map((d) => d.name)).toEqual(['Name <diaz@y.example>', 'Name <fen@x.example>']);
  });

  it('in explain, of a file both changed and of a folder', () => {
    const repo = buildRepo(history);
    const file = runCli(['explain', 'src/a.rs', ...AT], { cwd: repo.dir });
    expect(file.exitCode).toBe(0);
    expect(file.stdout).toMatch(/^Name <fen@x\.example> +1 +0 +1 /m);
    expect(file.stdout).toMatch(/^Name <diaz@y\.example> +0 +1 +0 /m);
    const json = JSON.parse(runCli(['explain', 'src/a.rs', '--format', 'json', ...AT], { cwd: repo.dir }).stdout) as { developers: { id: string; name: string }[] };
    expect(json.developers.map((d) => d.name)).toEqual(['Name <fen@x.example>', 'Name <diaz@y.example>']);
    const folder = runCli(['explain', 'lib', ...AT], { cwd: repo.dir });
    expect(folder.stdout).toMatch(/^root \(no email\) +1 +25%/m);
    expect(folder.stdout).toMatch(/^root <root@mongo\.example> +1 +25%/m);
  });

  it('in the handoff, where the name they share stays ambiguous and an email or the shown name picks one', () => {
    const repo = buildRepo(history);
    const ambiguous = runCli(['handoff', 'Name', ...AT], { cwd: repo.dir });
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toBe(
      'talentrisk: "Name" matches 2 developers, most files authored first: Name <diaz@y.example> (3 files, 2 commits), Name <fen@x.example> (2 files, 1 commit)\n  name one of them by email, e.g. diaz@y.example\n',
    );
    const fen = runCli(['handoff', 'fen@x.example', ...AT], { cwd: repo.dir });
    expect(fen.exitCode).toBe(0);
    expect(fen.stdout).toContain('\n# Handoff: Name \\<fen@x.example\\>\n');
    // Who else authors their file: the other "Name", by their address.
    expect(fen.stdout).toContain('Name \\<diaz@y.example\\>');
    // (Its checklist's "Name a new owner" is the verb.)
    expect(fen.stdout).not.toMatch(/\bName\b(?! \\<| a new owner)/);
    const root = runCli(['handoff', 'root (no email)', ...AT], { cwd: repo.dir });
    expect(root.exitCode).toBe(0);
    expect(root.stdout).toContain('\n# Handoff: root (no email)\n');
    expect(root.stdout).toContain('\nPerson: root (no email), 1 commit');
  });

  it('in scan --leaving, where the name they share stays ambiguous', () => {
    const repo = buildRepo(history);
    const ambiguous = runCli(['scan', '--leaving', 'root', ...AT], { cwd: repo.dir });
    expect(ambiguous.exitCode).toBe(2);
    expect(ambiguous.stderr).toContain('"root" (--leaving) matches 2 developers, most files authored first: root (no email) (1 file, 1 commit), root <root@mongo.example> (1 file, 1 commit)\n  name one of them by email, e.g. root@mongo.example\n');
    const leaving = runCli(['scan', '--leaving', 'diaz@y.example', ...AT], { cwd: repo.dir });
    expect(leaving.exitCode).toBe(0);
    expect(leaving.stdout).toContain('(talentrisk extension, METRICS §8; nobody inherits authorship): Name <diaz@y.example>\n');
  });
});
