import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';
import { buildRepo, gitOnPath, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

/** The roots a dominant-module note proposes, as its config snippet lists them. */
function proposedRoots(note: string | undefined): string[] {
  const listed = /`modules: \{ roots: \[(.*?)\] \}`/.exec(note ?? '')?.[1];
  return listed === undefined ? [] : (JSON.parse(`[${listed}]`) as string[]);
}

/** The module paths of a scan with `roots` as modules.roots (written as the note writes them). */
function modulesWith(dir: string, roots: readonly string[], args: string[] = []): string[] {
  writeFileSync(path.join(dir, '.talentrisk.yml'), `modules: { roots: [${roots.map((root) => JSON.stringify(root)).join(', ')}] }\n`);
  const output = JSON.parse(runCli(['--format', 'json', ...args], { cwd: dir }).stdout) as { modules: { path: string }[] };
  rmSync(path.join(dir, '.talentrisk.yml'));
  return output.modules.map((module) => module.path).sort();
}

const history: FixtureCommit[] = [
  { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10 } },
  { author: 'bob', write: { 'src/auth/c.ts': 10 } },
  { author: 'ada', write: { 'src/pay/a.ts': 10 } },
  { author: 'carol', write: { 'README.md': 3 } },
];

const hasAnsi = (text: string) => text !== stripVTControlCharacters(text);
const tmp = () => mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'cli-'));

describe('talentrisk scan (black box)', { tags: ['slow'] }, () => {
  it('prints the table by default, with no colour under NO_COLOR', () => {
    const repo = buildRepo(history);
    const result = runCli([], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('4 commits · 3 developers · 4 files analysed');
    expect(result.stdout).toMatch(/Truck factor: 2/);
    expect(hasAnsi(result.stdout)).toBe(false);
  });

  it('says why no orphaned file has a successor when nobody has committed lately, and how to measure from the last commit (redis: 647 of 647 read "none")', () => {
    const repo = buildRepo(history);
    const last = repo.git('log', '-1', '--format=%cs').trim();
    const note = `Nobody committed in the 180 days before \\d{4}-\\d\\d-\\d\\d, so nobody can be a successor: \`--until ${last}\` measures from the last commit\\.`;
    expect(runCli(['--leaving', 'ada', '-q'], { cwd: repo.dir }).stdout).toMatch(new RegExp(`; successor: of those who stay and are active, the highest DOA; weak below normDOA 0\\.5 or DOA 3\\.293\\)\\n  ${note}\\n`));
    expect(runCli(['--leaving', 'ada', '-q', '--until', last], { cwd: repo.dir }).stdout).not.toContain('Nobody committed');
    // The classic model's successors are the active ones too (it said nothing: a review).
    expect(runCli(['--leaving', 'ada', '-q', '--model', 'classic'], { cwd: repo.dir }).stdout).toMatch(new RegExp(`\\n  ${note}\\n`));
    // A merge made today on that old history: still nobody can be a successor (the note went by the revision's date).
    repo.git('branch', 'side', 'HEAD~1');
    repo.git('merge', '-q', '--no-ff', '-s', 'ours', '-m', 'merge today', 'side');
    expect(runCli(['--leaving', 'ada', '-q'], { cwd: repo.dir }).stdout).toMatch(new RegExp(`\\n  ${note}\\n`));
  });

  it('reads a committed .mailmap only as a regular file: a link to /dev/zero filled gigabytes (a pull request could do it to a CI runner)', () => {
    const repo = buildRepo([...history, { author: 'bob', write: { 'src/auth/c.ts': 4 }, coAuthors: ['dee'] }]);
    symlinkSync('/dev/zero', path.join(repo.dir, '.mailmap'));
    repo.git('add', '.mailmap');
    repo.commit({ author: 'carol', write: { 'README.md': 4 } });
    const result = runCli(['--format', 'json'], { cwd: repo.dir, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(0);
    expect(scanOutputSchema.parse(JSON.parse(result.stdout)).stats.developers).toBe(4);
  });

  it('ends with what to run next on the repository as it was given, init before check when there is no config (prometheus: the hint failed from the parent folder)', () => {
    const repo = buildRepo(history);
    const parent = path.dirname(repo.dir);
    const name = path.basename(repo.dir);
    const fromParent = runCli(['scan', name, '-q'], { cwd: parent }).stdout;
    expect(fromParent.endsWith(`\nNext: talentrisk explain -C ${name} <file> · talentrisk init ${name} (then check, the CI gate) · talentrisk handoff -C ${name} <who>\n`)).toBe(true);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: pay\n    paths: [src/pay]\n');
    // Stored and printed again (a second run): the line follows the folder given, here the current one.
    for (let run = 0; run < 2; run++) {
      expect(runCli(['-q'], { cwd: repo.dir }).stdout.endsWith('\nNext: talentrisk explain <file> · talentrisk check (CI gate) · talentrisk handoff <who>\n')).toBe(true);
    }
    expect(runCli(['scan', name, '-q'], { cwd: parent }).stdout).toContain(`talentrisk check ${name} (CI gate)`);
    // Not in a report written to a file.
    runCli(['-q', '-o', 'report.txt'], { cwd: repo.dir });
    expect(readFileSync(path.join(repo.dir, 'report.txt'), 'utf8')).not.toContain('Next:');
  });

  it('runs with EDITOR, PAGER and GIT_* variables in the environment (simple-git refuses them when passed on)', () => {
    const repo = buildRepo(history);
    const result = runCli([], { cwd: repo.dir, env: { EDITOR: 'vim', VISUAL: 'vim', PAGER: 'less', PREFIX: '/usr', GIT_PAGER: 'less', GIT_SSH_COMMAND: 'ssh', SSH_ASKPASS: 'x' } });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
  });

  it('passes the user’s git configuration from the environment (GIT_CONFIG_COUNT/KEY/VALUE) on to git', () => {
    const repo = buildRepo(history);
    const mailmap = path.join(tmp(), 'team.mailmap');
    writeFileSync(mailmap, 'Ada <ada@example.com> <bob@example.com>\n');
    const env = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'mailmap.file', GIT_CONFIG_VALUE_0: mailmap };
    const result = runCli(['--format', 'json'], { cwd: repo.dir, env });
    // simple-git 4.1 warns about config keys outside its known-safe list unless they are named to it.
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    // Bob's commits are Ada's through the external .mailmap: 2 developers instead of 3.
    expect(json.stats.developers).toBe(2);
  });

  it('colours only when asked (FORCE_COLOR) and never with --no-color', () => {
    const repo = buildRepo(history);
    expect(hasAnsi(runCli([], { cwd: repo.dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout)).toBe(true);
    expect(hasAnsi(runCli(['--no-color'], { cwd: repo.dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout)).toBe(false);
  });

  it('writes JSON that matches the published schema, deterministic across runs', () => {
    const repo = buildRepo(history);
    const first = runCli(['scan', '--format', 'json'], { cwd: repo.dir, env: { FORCE_COLOR: '1' } });
    expect(first.exitCode).toBe(0);
    expect(hasAnsi(first.stdout)).toBe(false);
    const parsed = scanOutputSchema.parse(JSON.parse(first.stdout));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.stats).toMatchObject({ commits: 4, developers: 3, files: 4, excludedFiles: 0 });
    expect(parsed.truckFactor.value).toBe(2);
    expect(parsed.truckFactor.developers.map((d) => d.id)).toEqual(['ada@example.com', 'bob@example.com']);
    expect(parsed.files.map((f) => f.path)).toEqual(['README.md', 'src/auth/c.ts', 'src/pay/a.ts', 'src/pay/b.ts']);
    const strip = (text: string) => text.replace(/"analyzedAt": "[^"]+"/, '').replace(/"referenceDate": "[^"]+"/, '');
    const second = runCli(['scan', '--format', 'json'], { cwd: repo.dir });
    expect(strip(second.stdout)).toBe(strip(first.stdout));
  });

  it('writes markdown to paste into a document, to stdout or --output, stored as it is printed (vite: "Allowed choices are table, json")', () => {
    const repo = buildRepo(history);
    const first = runCli(['scan', '--format', 'markdown'], { cwd: repo.dir, env: { FORCE_COLOR: '1' } });
    expect(first.exitCode).toBe(0);
    expect(hasAnsi(first.stdout)).toBe(false);
    expect(first.stdout).toMatch(/^## talentrisk scan: `repo-\w+` at `[0-9a-f]{12}` \(\d{4}-\d\d-\d\d\)\n\n4 commits · 3 developers · 4 files analysed\n\n### Truck factor: 2\n/);
    expect(first.stdout).toContain('\n| # | Developer | Files authored | Share |\n| ---: | --- | ---: | ---: |\n| 1 | Ada (inactive) | 2 | 50% |\n');
    expect(first.stdout).toContain('\n### Riskiest modules\n');
    // No "Next:" line: that is the terminal's.
    expect(first.stdout).not.toContain('Next:');
    // The same scan again prints the report it stored.
    expect(runCli(['scan', '--format', 'markdown'], { cwd: repo.dir }).stdout).toBe(first.stdout);
    const written = runCli(['scan', '--format', 'markdown', '--output', 'scan.md'], { cwd: repo.dir });
    expect(written.stdout).toBe('');
    expect(written.stderr).toBe('talentrisk: wrote the scan to scan.md\n');
    expect(readFileSync(path.join(repo.dir, 'scan.md'), 'utf8')).toBe(first.stdout);
  });

  it('names the current truck factor beside the published one when they differ, under the default model only (ohmyzsh: 140, and 5 by current knowledge only far below)', () => {
    // Ada created two files years ago and Bob changed them lately: both author them, but by today's
    // knowledge (measured from --until) Bob alone does, so he alone is the current truck factor.
    const repo = buildRepo([
      { author: 'ada', at: '2015-01-01T10:00:00Z', write: { 'old/a.ts': 10, 'old/b.ts': 10 } },
      { author: 'bob', at: '2024-05-01T10:00:00Z', write: { 'old/a.ts': 10, 'old/b.ts': 10, 'src/c.ts': 10 } },
      { author: 'carol', at: '2024-05-02T10:00:00Z', write: { 'src/d.ts': 10, 'src/e.ts': 10 } },
    ]);
    const line = (args: string[]) => runCli(['-q', '--until', '2024-06-01', ...args], { cwd: repo.dir }).stdout.split('\n').find((text) => text.startsWith('Truck factor:'));
    expect(line([])).toBe('Truck factor: 2  if these 2 developers leave, 40.0% of files keep an author · current: 1 (recency-weighted; see Current figures)');
    expect(line(['--model', 'classic'])).toBe('Truck factor: 2  if these 2 developers leave, 40.0% of files keep an author');
    // The same figure twice would only lengthen the line.
    expect(runCli(['-q'], { cwd: buildRepo(history).dir }).stdout).toMatch(/\nTruck factor: 2 {2}if these 2 developers leave, 25\.0% of files keep an author\n/);
  });

  it('says when people of the truck factor author mostly files that are not code, with the truck factor over code files, in the table, the markdown and the JSON (redis: src/commands/*.json)', () => {
    const numbered = (folder: string, count: number, extension: string) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/f${i}${extension}`, `${folder} ${i}\n`]));
    const repo = buildRepo([
      { author: 'ada', write: numbered('src', 20, '.c') },
      { author: 'bob', write: numbered('src/net', 5, '.c') },
      { author: 'guy', write: { ...numbered('src/commands', 25, '.json'), 'src/cmd.c': 'cmd\n' } },
    ]);
    const note =
      "25 of Guy's 26 files are not code (most of them in `src/commands`: 25 `.json` files): over the 26 code files alone (what `--only-code` analyses) the truck factor is 1: Ada. The headline is the published figure over every analysed file (METRICS §5).";
    const table = runCli(['--no-color', '-q'], { cwd: repo.dir }).stdout;
    expect(table).toContain('\nTruck factor: 1 ');
    expect(table).toContain(`\n${note}\n`);
    expect(runCli(['--format', 'markdown'], { cwd: repo.dir }).stdout).toContain(`\n> ⚠️ ${note}\n`);
    const json = scanOutputSchema.parse(JSON.parse(runCli(['--format', 'json'], { cwd: repo.dir }).stdout));
    expect(json.warnings).toContain(note);
    // --only-code analyses the code files: nothing to say.
    expect(runCli(['--no-color', '-q', '--only-code'], { cwd: repo.dir }).stdout).not.toContain('are not code');
  });

  it('says when tests, fixtures and examples are most of the files, and the truck factor of the rest, in the table and the JSON (vite: 7 over all files, 6 over the rest)', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'src/a.ts': 1, 'src/b.ts': 1, 'docs/guide.md': 1 } },
      { author: 'bob', write: { 'playground/x/a.ts': 1, 'playground/x/b.ts': 1 } },
      { author: 'carol', write: { 'src/__tests__/a.test.ts': 1, 'src/__tests__/b.test.ts': 1 } },
    ]);
    const note =
      '4 of the 7 analysed files (57%) are tests, fixtures and examples (`playground`: 2, `src/__tests__`: 2): over the other 3 files the truck factor is 1, not 2. It is the same published figure (METRICS §5) over fewer files, not a different model.';
    expect(runCli(['--no-color', '-q'], { cwd: repo.dir }).stdout).toContain(`\n${note}\n`);
    // The same figure over the rest says nothing new (express: 188 of 209 files, 2 either way): no note.
    const same = buildRepo([
      { author: 'ada', write: { 'src/a.ts': 1, 'src/b.ts': 1, 'docs/guide.md': 1 } },
      { author: 'bob', write: { 'playground/x/a.ts': 1, 'playground/x/b.ts': 1, 'src/__tests__/a.test.ts': 1, 'src/__tests__/b.test.ts': 1 } },
    ]);
    expect(runCli(['--no-color', '-q'], { cwd: same.dir }).stdout).not.toContain('are tests, fixtures and examples');
    const json = scanOutputSchema.parse(JSON.parse(runCli(['--format', 'json', '--depth', '1'], { cwd: repo.dir }).stdout));
    expect(json.warnings).toContain(note);
    // Each module says what it is for, as the tables rank it.
    expect(json.modules.map((module) => [module.path, module.category])).toEqual([
      ['docs', 'docs'],
      ['playground', 'tests'],
      ['src', 'small'],
    ]);
  });

  it('keeps stdout parseable when warnings are printed (they go to stderr)', () => {
    const source = buildRepo(history);
    const clone = path.join(tmp(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${source.dir}`, clone]);
    const result = runCli(['--format', 'json'], { cwd: clone });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).repository.isShallow).toBe(true);
    expect(result.stderr).toContain('talentrisk: warning: this is a shallow clone');
  });

  it('analyses another folder, a revision and a date', () => {
    const repo = buildRepo(history);
    const first = repo.git('rev-list', '--max-parents=0', 'HEAD').trim();
    const atRev = JSON.parse(runCli(['scan', repo.dir, '--rev', first, '--format', 'json'], { cwd: tmp() }).stdout);
    expect(atRev.repository.revision).toBe(first);
    expect(atRev.stats.commits).toBe(1);
    // Commits are one day apart from 2024-01-02: until 2024-01-03 sees the first two.
    const until = JSON.parse(runCli(['scan', repo.dir, '--until', '2024-01-03', '--format', 'json'], { cwd: tmp() }).stdout);
    expect(until.stats.commits).toBe(2);
    expect(until.repository.requested).toBe('HEAD until 2024-01-03');
    // A timestamp is named as given: it picks another commit than its day would.
    const earlier = JSON.parse(runCli(['scan', repo.dir, '--until', '2024-01-03T09:00:00Z', '--format', 'json'], { cwd: tmp() }).stdout);
    expect(earlier.repository.requested).toBe('HEAD until 2024-01-03T09:00:00Z');
  });

  it('does not name --model classic under the default model when no file is analysed', () => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'include: ["nothing/**"]\n');
    const table = runCli(['--no-cache'], { cwd: repo.dir }).stdout;
    expect(table).toMatch(/Truck factor: 0 classic · 0 current/);
    expect(table).not.toMatch(/--model classic/);
    expect(JSON.parse(runCli(['--format', 'json', '--no-cache'], { cwd: repo.dir }).stdout).current.hasDecay).toBe(true);
    expect(JSON.parse(runCli(['--format', 'json', '--no-cache', '--model', 'classic'], { cwd: repo.dir }).stdout).current?.hasDecay).not.toBe(true);
  });

  it('names the config file its critical systems came from, as config errors do', () => {
    const repo = buildRepo(history);
    mkdirSync(path.join(repo.dir, 'ci'));
    writeFileSync(path.join(repo.dir, 'ci', 'talentrisk.yml'), 'critical:\n  - name: pay\n    paths: ["src/pay/**"]\n');
    expect(runCli(['-c', 'ci/talentrisk.yml'], { cwd: repo.dir }).stdout).toMatch(/\nCritical systems \(ci\/talentrisk\.yml; /);
  });

  it('opens the repository once per command (check and handoff reuse the one the analysis read)', () => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: pay\n    paths: ["src/pay/**"]\n');
    const { bin, PATH } = gitOnPath((realGit, dir) => `echo "$*" >> "${dir}/calls"\nexec "${realGit}" "$@"`);
    const env = { PATH };
    const discoveries = () => readFileSync(path.join(bin, 'calls'), 'utf8').split('\n').filter((line) => line.startsWith('rev-parse --is-bare-repository')).length;
    const runs: [string[], string][] = [
      [['scan', '--format', 'json'], repo.dir],
      [['scan', repo.dir, '--format', 'json'], tmp()],
      [['check', '--no-cache'], repo.dir],
      [['explain', 'src/pay/a.ts', '-C', repo.dir], tmp()],
      [['handoff', 'ada', '--no-cache'], repo.dir],
    ];
    for (const [args, cwd] of runs) {
      writeFileSync(path.join(bin, 'calls'), '');
      const result = runCli(args, { cwd, env });
      expect(result.stderr, args.join(' ')).toBe('');
      expect([0, 1], args.join(' ')).toContain(result.exitCode);
      expect(discoveries(), args.join(' ')).toBe(1);
    }
  });

  it('writes --output to a file and refuses to overwrite it without --force', () => {
    const repo = buildRepo(history);
    const out = path.join(tmp(), 'report.json');
    expect(runCli(['--format', 'json', '--output', out], { cwd: repo.dir }).exitCode).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
    writeFileSync(out, 'keep me');
    const again = runCli(['--format', 'json', '--output', out], { cwd: repo.dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    expect(runCli(['--format', 'json', '--output', out, '--force'], { cwd: repo.dir }).exitCode).toBe(0);
    // `report.json/` names a folder: it wrote report.json (adversarial test), and with --force replaced it.
    const slashed = runCli(['--format', 'json', '--output', `${out}x/`, '--force'], { cwd: repo.dir });
    expect(slashed.exitCode).toBe(2);
    expect(slashed.stderr).toBe(`talentrisk: ${out}x/ ends with "/", so it names a folder, and there is no such folder\n  name a file: \`--output ${out}x\`\n`);
    expect(existsSync(`${out}x`)).toBe(false);
    // Written in pieces: the same bytes as on stdout, and no temp file left beside it.
    const printed = runCli(['--format', 'json'], { cwd: repo.dir }).stdout;
    const withoutClock = (text: string) => text.replace(/"analyzedAt": "[^"]*"/, '');
    expect(withoutClock(readFileSync(out, 'utf8'))).toBe(withoutClock(printed));
    expect(readdirSync(path.dirname(out))).toEqual(['report.json']);
  });

  it('writes --output through a symlink without replacing the link, and into a device or /dev/stdout in place', () => {
    const repo = buildRepo(history);
    const dir = tmp();
    const real = path.join(dir, 'shared', 'report.json');
    mkdirSync(path.dirname(real));
    writeFileSync(real, 'keep me');
    const link = path.join(dir, 'report.json');
    symlinkSync(real, link);
    const refused = runCli(['--format', 'json', '--output', link], { cwd: repo.dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(real, 'utf8')).toBe('keep me');
    expect(runCli(['--format', 'json', '--output', link, '--force'], { cwd: repo.dir }).exitCode).toBe(0);
    // Two links that point at each other: refused before the analysis, with --force too (it said
    // the file "appeared while the report was being written", and --force replaced the link).
    const loops = tmp();
    const [loopA, loopB] = [path.join(loops, 'loopA'), path.join(loops, 'loopB')];
    symlinkSync(loopB, loopA);
    symlinkSync(loopA, loopB);
    const looped = runCli(['--format', 'json', '--output', loopA, '--force'], { cwd: repo.dir });
    expect(looped.exitCode).toBe(2);
    expect(looped.stderr).toBe(`talentrisk: ${loopA} is a symbolic link that leads back to itself\n  remove the link, or choose another --output file\n`);
    expect(lstatSync(loopA).isSymbolicLink()).toBe(true);
    // A temp file and a rename over the link would have made it a plain file.
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(JSON.parse(readFileSync(real, 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(path.dirname(real))).toEqual(['report.json']);
    // A device: written in place, without --force (there is nothing in it to lose).
    const toNull = path.join(dir, 'null.json');
    symlinkSync('/dev/null', toNull);
    const nulled = runCli(['--format', 'json', '--output', toNull], { cwd: repo.dir });
    expect(nulled.stderr).toBe('');
    expect(nulled.exitCode).toBe(0);
    expect(lstatSync(toNull).isSymbolicLink()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    const piped = runCli(['--format', 'json', '--output', '/dev/stdout'], { cwd: repo.dir });
    expect(piped.exitCode).toBe(0);
    expect(JSON.parse(piped.stdout).schemaVersion).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['null.json', 'report.json', 'shared']);
  });

  it('reads a mistyped command as one, not as a missing folder, and words option errors like every other error', () => {
    const repo = buildRepo(history);
    const typo = runCli(['chek'], { cwd: repo.dir });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toBe('talentrisk: no command or folder named chek\n  did you mean `talentrisk check`?\n');
    expect(runCli(['departures'], { cwd: repo.dir }).stderr).toBe(
      'talentrisk: no command or folder named departures\n  departures are an option of scan and check: `talentrisk scan --leaving <who>`\n',
    );
    // A folder of that name is a folder (here inside the repository, which is then scanned), and a
    // word far from every command is a missing folder.
    mkdirSync(path.join(repo.dir, 'chek'));
    const folder = runCli(['chek', '--format', 'json'], { cwd: repo.dir });
    expect(folder.exitCode).toBe(0);
    expect(JSON.parse(folder.stdout).schemaVersion).toBe(1);
    expect(runCli(['zzz'], { cwd: repo.dir }).stderr).toBe(`talentrisk: path does not exist: ${path.join(repo.dir, 'zzz')}\n  check the path: it must be the folder of a git repository (the current folder when left out)\n`);
    // explain and handoff take the folder with -C: the hint no longer shows a scan command.
    expect(runCli(['explain', '-C', 'zzz', 'a.ts'], { cwd: repo.dir }).stderr).not.toContain('scan');
    const format = runCli(['--format', 'xml'], { cwd: repo.dir });
    expect(format.exitCode).toBe(2);
    expect(format.stderr).toBe("talentrisk: option '-f, --format <name>' argument 'xml' is invalid. Allowed choices are table, json, markdown.\n  run talentrisk scan --help for usage\n");
    // check's word for the plain report is scan's too.
    const text = runCli(['--format', 'text', '--quiet'], { cwd: repo.dir });
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toBe(runCli(['--format', 'table', '--quiet'], { cwd: repo.dir }).stdout);
    expect(text.stdout).toContain('Truck factor');
    // commander's own hint lines are indented like ours.
    expect(runCli(['--formt', 'json'], { cwd: repo.dir }).stderr).toBe("talentrisk: unknown option '--formt'\n  (Did you mean --format?)\n  run talentrisk scan --help for usage\n");
    // --depth has the config's bounds (modules.depth: 1 to 10).
    for (const depth of ['0', '11', '2.5']) {
      const bad = runCli(['--depth', depth], { cwd: repo.dir });
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr).toBe(`talentrisk: option '--depth <n>' argument '${depth}' is invalid. expected a whole number from 1 to 10\n  run talentrisk scan --help for usage\n`);
    }
  });

  it.skipIf(process.platform !== 'linux')('keeps a file under /dev (a tmpfs like /dev/shm) unless --force, appends to /dev/stderr, and takes /proc/self/fd/1 as stdout', () => {
    const repo = buildRepo(history);
    const dir = tmp();
    // /dev/shm holds ordinary files: the usual rules apply.
    if (existsSync('/dev/shm')) {
      const kept = path.join(mkdtempSync('/dev/shm/talentrisk-test-'), 'report.json');
      writeFileSync(kept, 'keep me');
      const refused = runCli(['--format', 'json', '--output', kept], { cwd: repo.dir });
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toContain('already exists');
      expect(readFileSync(kept, 'utf8')).toBe('keep me');
      rmSync(path.dirname(kept), { recursive: true });
    }
    // A log on stderr is appended to, not truncated.
    const log = path.join(dir, 'log');
    writeFileSync(log, 'earlier\n');
    const fd = openSync(log, 'a');
    const appended = runCli(['--format', 'json', '--output', '/dev/stderr'], { cwd: repo.dir, stdio: ['ignore', 'pipe', fd] });
    closeSync(fd);
    expect(appended.exitCode).toBe(0);
    const written = readFileSync(log, 'utf8');
    expect(written.startsWith('earlier\n{')).toBe(true);
    expect(JSON.parse(written.slice('earlier\n'.length)).schemaVersion).toBe(1);
    // Standard output redirected to a file is not a file to refuse or replace.
    const out = path.join(dir, 'out.json');
    const outFd = openSync(out, 'w');
    const viaProc = runCli(['--format', 'json', '--output', '/proc/self/fd/1'], { cwd: repo.dir, stdio: ['ignore', outFd, 'pipe'] });
    closeSync(outFd);
    expect(viaProc.stderr).toBe('');
    expect(viaProc.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it('writes --output through a symlink to a file not there yet, and refuses one whose folder is missing, before the analysis', () => {
    const repo = buildRepo(history);
    const dir = tmp();
    mkdirSync(path.join(dir, 'shared'));
    const link = path.join(dir, 'report.json');
    symlinkSync(path.join('shared', 'report.json'), link);
    expect(runCli(['--format', 'json', '--output', link], { cwd: repo.dir }).exitCode).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'shared', 'report.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(path.join(dir, 'shared'))).toEqual(['report.json']);
    const nowhere = path.join(dir, 'nowhere.json');
    symlinkSync(path.join('missing', 'report.json'), nowhere);
    const fresh = buildRepo(history);
    const refused = runCli(['--format', 'json', '--output', nowhere], { cwd: fresh.dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`talentrisk: cannot write ${nowhere}: the folder ${path.join(dir, 'missing')} (where ${nowhere} points) does not exist\n  create it first, or choose another --output file\n`);
    // Refused before the analysis: nothing was cached.
    expect(existsSync(path.join(fresh.dir, '.git', 'talentrisk'))).toBe(false);
  });

  it('keeps the permission bits of a file it replaces with --force', () => {
    const repo = buildRepo(history);
    const out = path.join(tmp(), 'report.json');
    writeFileSync(out, 'old', { mode: 0o640 });
    chmodSync(out, 0o640);
    expect(runCli(['--format', 'json', '--output', out, '--force'], { cwd: repo.dir }).exitCode).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it.skipIf(process.platform !== 'linux')('refuses an --output in a folder where no file can be made before analysing anything (root ignores permission bits, /proc does not)', () => {
    const repo = buildRepo(history);
    const result = runCli(['--format', 'json', '--output', '/proc/report.json'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('talentrisk: cannot write /proc/report.json: no file can be created in its folder\n  choose another --output file\n');
    expect(existsSync(path.join(repo.dir, '.git', 'talentrisk'))).toBe(false);
  });

  it('refuses an --output in a folder that does not exist, or that is a folder, before analysing anything', () => {
    const repo = buildRepo(history);
    const dir = tmp();
    const missing = runCli(['--format', 'json', '--output', 'nowhere/report.json'], { cwd: repo.dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe('talentrisk: cannot write nowhere/report.json: the folder nowhere does not exist\n  create it first, or choose another --output file\n');
    const folder = runCli(['--format', 'json', '--output', dir, '--force'], { cwd: repo.dir });
    expect(folder.exitCode).toBe(2);
    expect(folder.stderr).toBe(`talentrisk: ${dir} is a folder\n  name a file to write in it: \`--output ${dir}/<file>\`\n`);
    expect(readdirSync(dir)).toEqual([]);
    // Refused before the analysis: nothing was cached either.
    expect(existsSync(path.join(repo.dir, '.git', 'talentrisk'))).toBe(false);
  });

  it.skipIf(!existsSync('/proc/self'))('runs without its cache, with one warning, when no cache folder can be made (XDG_CACHE_HOME under /proc): no hang', () => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.git', 'talentrisk'), 'a file where the cache folder would go');
    // Node's recursive mkdir never returns under /proc: without the fix this run is killed.
    const result = runCli(['--format', 'json'], { cwd: repo.dir, env: { XDG_CACHE_HOME: '/proc/talentrisk-test/cache' }, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('the history cache is not written: no writable folder');
    expect(JSON.parse(result.stdout).stats.developers).toBe(3);
  });

  it('reads the same history whatever the user’s git config says about log output (root commit, signatures, encoding)', () => {
    const repo = buildRepo([
      { author: { name: 'Zoë Ünal', email: 'zoe@example.com' }, write: { 'src/a.ts': 10, 'src/b.ts': 10 } },
      { author: 'bob', write: { 'src/a.ts': 10 } },
      { author: { name: 'Zoë Ünal', email: 'zoe@example.com' }, write: { 'src/c.ts': 10 } },
    ]);
    // Sign HEAD (an SSH signature git cannot verify here: log.showSignature prints "No signature").
    const signed = repo.git('cat-file', 'commit', 'HEAD').replace(/^(committer .*)$/m, '$1\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lH\n -----END SSH SIGNATURE-----');
    const id = execFileSync('git', ['hash-object', '-t', 'commit', '-w', '--stdin'], { cwd: repo.dir, input: signed, encoding: 'utf8' }).trim();
    repo.git('update-ref', 'HEAD', id);
    const scan = (config?: Record<string, string>) => {
      const file = path.join(tmp(), 'gitconfig');
      writeFileSync(file, Object.entries(config ?? {}).map(([key, value]) => `[${key.split('.')[0]}]\n\t${key.split('.')[1]} = ${value}\n`).join(''));
      const result = runCli(['--format', 'json', '--no-cache'], { cwd: repo.dir, env: { GIT_CONFIG_GLOBAL: file } });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      return result.stdout.replace(/"analyzedAt": "[^"]*"/, '"analyzedAt": ""');
    };
    const plain = scan();
    expect(JSON.parse(plain).stats).toMatchObject({ developers: 2, files: 3 });
    expect(plain).toContain('Zoë Ünal');
    // Each once changed the figures (the root commit's files unread: Zoë lost two first authorships),
    // crashed the scan (signature lines between records), or garbled the names.
    const configs: Record<string, string>[] = [{ 'log.showRoot': 'false' }, { 'log.showSignature': 'true' }, { 'i18n.logOutputEncoding': 'ISO-8859-1' }];
    for (const config of configs) {
      expect.soft(scan(config), JSON.stringify(config)).toBe(plain);
    }
  });

  it('reports a git failure in the history walk caused by the user’s git config as git’s error (exit 2), not an internal error', () => {
    const repo = buildRepo(history);
    const file = path.join(tmp(), 'gitconfig');
    writeFileSync(file, '[diff]\n\torderFile = /no/such/orderfile\n');
    const result = runCli(['--no-cache'], { cwd: repo.dir, env: { GIT_CONFIG_GLOBAL: file } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^talentrisk: git failed \(reading the history of [0-9a-f]{12}\): failed to read orderfile '\/no\/such\/orderfile'/);
    expect(result.stderr).not.toContain('internal error');
  });

  // Regression (hostile-repository test): git looks for edited renames only while added × deleted
  // files stay within diff.renameLimit squared, so a 1,100-file move with edits lost every file's
  // history under git's default, and kept it under a config that said 5000.
  it('follows a large move with edits whatever diff.renameLimit says', () => {
    const text = (i: number, first: string) => `${first}\n${Array.from({ length: 12 }, (_, line) => `file ${i} line ${line}`).join('\n')}\n`;
    const files = Array.from({ length: 40 }, (_, i) => i);
    const repo = buildRepo([
      { author: 'ada', write: Object.fromEntries(files.map((i) => [`old/f${i}.ts`, text(i, 'original')])) },
      { author: 'carl', rename: Object.fromEntries(files.map((i) => [`old/f${i}.ts`, `new/g${i}.ts`])), write: Object.fromEntries(files.map((i) => [`new/g${i}.ts`, text(i, 'moved')])) },
    ]);
    const config = path.join(tmp(), 'gitconfig');
    writeFileSync(config, '[diff]\n\trenameLimit = 5\n');
    const authored = (env: Record<string, string>) =>
      (JSON.parse(runCli(['--format', 'json', '--no-cache', '--quiet'], { cwd: repo.dir, env }).stdout) as { developers: { name: string; filesAuthored: number }[] }).developers.map((d) => [d.name, d.filesAuthored]);
    // Ada created every file; Carl's move (new names: git pairs same-named files whatever the limit)
    // is one change each: she stays the author.
    expect(authored({})).toEqual([['Ada', 40], ['Carl', 40]]);
    expect(authored({ GIT_CONFIG_GLOBAL: config })).toEqual(authored({}));
  });

  // Regression (deno, new-user test): denobot owned files ("only denobot knows it") and only init said it looked automated.
  it('says when authors of files look automated and no bot is configured, naming them as init would', () => {
    const repo = buildRepo([...history, { author: { name: 'denobot', email: '33910674+denobot@users.noreply.github.com' }, write: { 'ci/release.ts': 5 } }]);
    const text = runCli(['--no-color'], { cwd: repo.dir }).stdout;
    expect(text).toContain('\nAn author of files looks automated (denobot): if it is a bot, list it under `bots:` in .talentrisk.yml (`talentrisk init` proposes bot candidates), or it counts as a person, an owner and a successor.\n');
    // By name only: an address like mtalbot@ is a person's (review: "Talbot" was flagged on every scan).
    const person = buildRepo([...history, { author: { name: 'Talbot', email: 'mtalbot@example.com' }, write: { 'ci/release.ts': 5 } }]);
    expect(runCli(['--no-color'], { cwd: person.dir }).stdout).not.toContain('automated');
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'bots: ["release-*"]\n');
    expect(runCli(['--no-color'], { cwd: repo.dir }).stdout).not.toContain('looks automated');
  });

  it('--only-code keeps only programming and markup files (Linguist), counting the rest', () => {
    const repo = buildRepo([...history, { author: 'ada', write: { 'data/table.csv': 3, 'Makefile': 2, 'docs/guide.txt': 2 } }]);
    const json = JSON.parse(runCli(['--format', 'json', '--only-code'], { cwd: repo.dir }).stdout);
    // The .ts files and Makefile are programming; .csv (data), .txt and README.md (prose) go. (.md is
    // also GCC Machine Description's extension, which kept every Markdown file: doc audit.)
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['Makefile', 'src/auth/c.ts', 'src/pay/a.ts', 'src/pay/b.ts']);
    expect(json.exclusions).toContainEqual({ rule: 'not programming or markup (--only-code)', files: 3 });
  });

  it('uses depth and the classic model', () => {
    const repo = buildRepo([...history, { author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, write: { 'src/pay/a.ts': 3 } }]);
    const modern = JSON.parse(runCli(['--format', 'json', '--depth', '2'], { cwd: repo.dir }).stdout);
    expect(modern.modules.map((m: { path: string }) => m.path)).toEqual(['.', 'src/auth', 'src/pay']);
    expect(modern.bots).toEqual(['dependabot[bot]']);
    // How many commits the bots made (fastapi: "11 bots ignored" hid 3,259 of its 7,678 commits, a CI maintainer).
    expect(modern.stats).toMatchObject({ commits: 5, bots: 1, botCommits: 1 });
    expect(runCli(['--no-color'], { cwd: repo.dir }).stdout).toContain('5 commits · 3 developers · 4 files analysed · 1 bot ignored (1 commit of theirs)\n');
    const classic = JSON.parse(runCli(['--format', 'json', '--model', 'classic'], { cwd: repo.dir }).stdout);
    expect(classic.model).toBe('classic');
    expect(classic.bots).toEqual([]);
    expect(classic.developers.map((d: { name: string }) => d.name)).toContain('dependabot[bot]');
  });
});

describe('bad input: one line, exit 2, no stack trace', { tags: ['slow'] }, () => {
  const expectUsageError = (result: ReturnType<typeof runCli>, message: RegExp) => {
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  // Regression (hostile-repository test): `> report.json` on a full disk exited 0 with the JSON cut
  // at 64 KiB and nothing on stderr.
  it.skipIf(!existsSync('/dev/full'))('a report that cannot be written to the standard output (a full disk) is exit 2, with the reason', () => {
    const repo = buildRepo(history);
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [['--format', 'json'], ['--quiet'], ['explain', 'src/pay/a.ts']]) {
        const result = runCli(args, { cwd: repo.dir, stdio: ['ignore', full, 'pipe'] });
        expect(result.exitCode, args.join(' ')).toBe(2);
        expect(result.stderr).toBe('talentrisk: cannot write to the standard output: no space left on the device\n  what was written is incomplete; free some space, or write a report elsewhere with --output <file>\n');
      }
    } finally {
      closeSync(full);
    }
  });

  // Regression (adversarial test): a standard error on a full disk made node exit 1, which check
  // means as "violations", for a passing check with a warning and for a config error alike.
  it.skipIf(!existsSync('/dev/full'))('a standard error that cannot be written keeps the exit code', () => {
    const repo = buildRepo(history);
    const full = openSync('/dev/full', 'w');
    try {
      writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: pay\n    paths: [src/pay, nothing/here]\n    minOwners: 1\n');
      expect(runCli(['check', '--format', 'json'], { cwd: repo.dir, stdio: ['ignore', 'pipe', full] }).exitCode).toBe(0);
      writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical: 5\n');
      expect(runCli(['check'], { cwd: repo.dir, stdio: ['ignore', 'pipe', full] }).exitCode).toBe(2);
    } finally {
      closeSync(full);
    }
  });

  // Regression (hostile-repository test): with GIT_DIR set the error never said it was not used.
  it('not a git repository, with GIT_DIR or GIT_WORK_TREE set: the hint says they are not used, and what to pass', () => {
    const repo = buildRepo(history);
    const result = runCli(['scan'], { cwd: tmp(), env: { GIT_DIR: path.join(repo.dir, '.git') } });
    expectUsageError(result, /^talentrisk: not a git repository: .*\n {2}GIT_DIR is set, but talentrisk finds the repository from a path, not from it: `talentrisk scan (.*)` \(explain and handoff: `-C \1`\)\n$/);
    expect(result.stderr).toContain(`\`talentrisk scan ${repo.dir}\``);
  });

  // Regression (hostile-repository test): an empty value (an unset variable) was taken as "everything".
  it('a value that is empty or reads as an option is refused (`--output --no-cache` wrote a file named --no-cache), and --debug is only ever the flag', () => {
    const repo = buildRepo(history);
    expectUsageError(runCli(['scan', '--output', '--no-cache'], { cwd: repo.dir }), /^talentrisk: option '-o, --output <file>' argument '--no-cache' is invalid\. expected a file to write, and got "--no-cache", which reads as an option \(a path that starts with "-" is written \.\/--no-cache\)\n/);
    expect(existsSync(path.join(repo.dir, '--no-cache'))).toBe(false);
    expectUsageError(runCli(['scan', '--config', ''], { cwd: repo.dir }), /^talentrisk: option '-c, --config <file>' argument '' is invalid\. expected a config file, and got an empty value\n/);
    expectUsageError(runCli(['scan', '--output', ''], { cwd: repo.dir }), /argument '' is invalid\. expected a file to write, and got an empty value\n/);
    // Not a stack trace: `--debug` here is a value (it was read as the flag wherever it appeared).
    expectUsageError(runCli(['scan', '--leaving', '--debug'], { cwd: repo.dir }), /^talentrisk: option '--leaving <who>' argument '--debug' is invalid\. expected a person \(name, email or alias\), and got "--debug", which reads as an option\n/);
    expectUsageError(runCli(['explain', '-C', '.', '--', '--debug'], { cwd: repo.dir }), /^talentrisk: no analysed file or folder matches --debug\n/);
  });

  it('warns of an --until after today: every age is measured from a day to come (a mistyped year)', () => {
    const repo = buildRepo(history);
    const result = runCli(['scan', '--until', '2999-01-01', '--format', 'json'], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('talentrisk: warning: --until 2999-01-01 is after today: ages and inactivity are measured from that day to come\n');
    expect(runCli(['scan', '--until', '2024-06-30', '--format', 'json'], { cwd: repo.dir }).stderr).not.toContain('after today');
  });

  it('a git setting git itself refuses is named with a hint to fix it (the line had none)', () => {
    const repo = buildRepo(history);
    repo.git('config', 'diff.algorithm', 'bogus');
    expectUsageError(
      runCli(['scan', '--no-cache'], { cwd: repo.dir }),
      /^talentrisk: git failed \(.*\): bad config variable 'diff\.algorithm' in file '\.git\/config' at line \d+\n {2}fix or remove that setting where it is set \(`git config --show-origin --get-all diff\.algorithm` shows the file;/,
    );
    repo.git('config', '--unset', 'diff.algorithm');
    // The same setting from the environment, as `git -c` and CI runners pass it (review).
    expectUsageError(
      runCli(['scan', '--no-cache'], { cwd: repo.dir, env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'diff.algorithm', GIT_CONFIG_VALUE_0: 'bogus' } }),
      /\n {2}fix or unset diff\.algorithm where the environment sets it \(GIT_CONFIG_PARAMETERS, or GIT_CONFIG_COUNT/,
    );
  });

  it('a command typo with its argument, a second folder, a file as --output folder and a depth written 1e1 are each named', () => {
    const repo = buildRepo(history);
    expectUsageError(runCli(['handof', 'ada'], { cwd: repo.dir }), /^talentrisk: no command or folder named handof\n {2}did you mean `talentrisk handoff`\?\n$/);
    expectUsageError(runCli(['scan', '.', 'extra'], { cwd: repo.dir }), /^talentrisk: scan takes one repository folder, and got 2 arguments: "\." "extra"\n/);
    writeFileSync(path.join(repo.dir, 'notes.txt'), 'x');
    expectUsageError(runCli(['scan', '-o', 'notes.txt/report.json'], { cwd: repo.dir }), /^talentrisk: cannot write notes\.txt\/report\.json: notes\.txt is a file, not a folder\n/);
    for (const depth of ['1e1', '0x2', ' 2']) expectUsageError(runCli(['scan', '--depth', depth], { cwd: repo.dir }), /argument '.*' is invalid\. expected a whole number from 1 to 10\n/);
  });

  it('an empty explain path or --changed base is an error, not the whole repository', () => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - { name: pay, paths: ["src/pay/**"], minOwners: 1 }\n');
    expectUsageError(runCli(['explain', ''], { cwd: repo.dir }), /^talentrisk: explain needs a file or folder, and got an empty path\n {2}e\.g\. /);
    expectUsageError(runCli(['check', '--changed', ''], { cwd: repo.dir }), /^talentrisk: --changed needs a base revision, and got an empty one\n {2}pass the branch /);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable config says so in words, with a hint', () => {
    const repo = buildRepo(history);
    const file = path.join(repo.dir, '.talentrisk.yml');
    writeFileSync(file, 'version: 1\n');
    chmodSync(file, 0o000);
    expectUsageError(runCli(['scan'], { cwd: repo.dir }), /^talentrisk: cannot read \.talentrisk\.yml: permission denied\n {2}check that the file can be read/);
  });

  // Regression (hostile-repository test): "the repository has no commits yet" of one with commits.
  it('a repository path with a line break is refused in words', () => {
    const repo = buildRepo(history);
    const odd = path.join(tmp(), 'new\nline');
    execFileSync('git', ['clone', '-q', repo.dir, odd]);
    for (const args of [['scan'], ['check']]) {
      expectUsageError(runCli(args, { cwd: odd }), /^talentrisk: cannot read a repository whose path has a line break in it: ".*new\\nline"\n {2}rename the folder/);
    }
    // A folder with a line break inside a repository is no problem: git prints the root's path (review).
    const inner = path.join(repo.dir, 'sub\ndir');
    mkdirSync(inner);
    expect(runCli(['scan', '--quiet'], { cwd: inner }).exitCode).toBe(0);
  });

  it('not a git repository (the hint names how each command is pointed at one)', () => {
    for (const args of [['scan'], ['explain', 'x'], ['handoff', 'bob']]) {
      const result = runCli(args, { cwd: tmp() });
      expectUsageError(result, /^talentrisk: not a git repository: .*\n {2}run talentrisk inside a git repository, or point it at one: `talentrisk scan path\/to\/repo` \(explain and handoff: `-C path\/to\/repo`\)\n$/);
    }
  });

  it('an empty repository', () => {
    const dir = tmp();
    execFileSync('git', ['init', '-q', dir]);
    expectUsageError(runCli([], { cwd: dir }), /^talentrisk: the repository has no commits yet\n/);
    // check too, before asking for a config that init cannot write yet (flask, a tester: a circle).
    expectUsageError(runCli(['check'], { cwd: dir }), /^talentrisk: the repository has no commits yet\n/);
  });

  it('a new branch with no commit yet, in a repository that has history: names the branch and one that has commits', () => {
    const repo = buildRepo(history);
    const branch = repo.git('symbolic-ref', '--short', 'HEAD').trim();
    repo.git('checkout', '-q', '--orphan', 'fresh');
    const result = runCli([], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(`talentrisk: the current branch fresh has no commits yet\n  pass a revision that has some, e.g. \`--rev ${branch}\` (see \`git branch -a\`)\n`);
    expect(runCli(['--rev', branch, '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
  });

  it('an unknown revision, an unparsable date, a path that does not exist, an unknown format', () => {
    const repo = buildRepo(history);
    expectUsageError(runCli(['--rev', 'nope'], { cwd: repo.dir }), /^talentrisk: unknown revision: nope\n/);
    // An object that is no commit is named as what it is (it read "unknown revision").
    expectUsageError(runCli(['--rev', 'HEAD^{tree}'], { cwd: repo.dir }), /^talentrisk: --rev HEAD\^\{tree\} names a tree, not a commit\n {2}pass a branch, tag or commit, e\.g\. `--rev main`\n$/);
    // An annotated tag of a tree says what it tags (it read "names a tag").
    repo.git('tag', '-a', '-m', 'the tree', 'tree-tag', 'HEAD^{tree}');
    expectUsageError(runCli(['--rev', 'tree-tag'], { cwd: repo.dir }), /^talentrisk: --rev tree-tag names a tag of a tree, not a commit\n/);
    expectUsageError(runCli(['--until', 'last tuesday'], { cwd: repo.dir }), /argument 'last tuesday' is invalid. expected a date as YYYY-MM-DD/);
    expectUsageError(runCli(['scan', 'no/such/dir'], { cwd: repo.dir }), /^talentrisk: path does not exist: .*no\/such\/dir\n/);
    expectUsageError(runCli(['--format', 'xml'], { cwd: repo.dir }), /argument 'xml' is invalid. Allowed choices are table, json, markdown/);
    expectUsageError(runCli(['--until', '1990-01-01'], { cwd: repo.dir }), /^talentrisk: no commit of HEAD is at or before 1990-01-01\n/);
    // Date() would roll it over to March 2.
    expectUsageError(runCli(['--until', '2024-02-30'], { cwd: repo.dir }), /argument '2024-02-30' is invalid. 2024-02-30 is not a real day/);
    expectUsageError(runCli(['explain', 'src/pay/a.ts', '--leaving', 'ada'], { cwd: repo.dir }), /^talentrisk: explain shows the history as it is: it does not take --leaving\n/);
    // …so its --help does not offer it, while scan's does.
    expect(runCli(['explain', '--help'], { cwd: repo.dir }).stdout).not.toContain('--leaving');
    expect(runCli(['scan', '--help'], { cwd: repo.dir }).stdout).toContain('--leaving');
  });

  it('git missing from PATH', () => {
    const repo = buildRepo(history);
    const empty = tmp();
    mkdirSync(path.join(empty, 'bin'));
    expectUsageError(runCli([], { cwd: repo.dir, env: { PATH: path.join(empty, 'bin') } }), /^talentrisk: git was not found on PATH\n/);
  });

  it('--debug shows the stack of a user error', () => {
    const result = runCli(['--rev', 'nope', '--debug'], { cwd: buildRepo(history).dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  // Regression: git accepts dates JavaScript's Date cannot hold (found with a commit dated
  // @99999999999999): the scan, its JSON and a handoff died with "internal error: Invalid time value".
  it('reads commits dated beyond the year 9999 without failing', () => {
    const repo = buildRepo(history);
    const commitAt = (file: string, author: string, committer: string) => {
      writeFileSync(path.join(repo.dir, file), 'x\n');
      repo.git('add', file);
      execFileSync('git', ['commit', '-q', '-m', `add ${file}`], { cwd: repo.dir, env: { ...process.env, GIT_AUTHOR_NAME: 'dora', GIT_AUTHOR_EMAIL: 'dora@example.com', GIT_COMMITTER_NAME: 'dora', GIT_COMMITTER_EMAIL: 'dora@example.com', GIT_AUTHOR_DATE: author, GIT_COMMITTER_DATE: committer } });
    };
    commitAt('far.txt', '@99999999999999 +0000', '@1700000000 +0000');
    const json = runCli(['--format', 'json'], { cwd: repo.dir });
    // A clock that wrong is worth a word (hostile-repository test), and the only one.
    expect(json.stderr).toMatch(/^talentrisk: warning: 1 commit\(s\) are dated after the analysis date, the latest 9999-12-31 \([0-9a-f]{12}\): a clock was wrong; decay and inactivity count them as made on the analysis date\n$/);
    expect(json.exitCode).toBe(0);
    const dora = JSON.parse(json.stdout).developers.find((developer: { name: string }) => developer.name === 'dora');
    expect(dora.lastCommit).toBe('9999-12-31T23:59:59.000Z');
    // The names each developer committed under: with the emails, what the identity rule joined (git/git audit).
    expect(dora.names).toEqual(['dora']);
    // The revision itself so dated: its date is capped the same way, so every date stays ISO 8601.
    commitAt('later.txt', '@1700000100 +0000', '@99999999999999 +0000');
    const table = runCli([], { cwd: repo.dir });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/@ [0-9a-f]{12} \(9999-12-31\)/);
    expect(JSON.parse(runCli(['--format', 'json'], { cwd: repo.dir }).stdout).repository.revisionDate).toBe('9999-12-31T23:59:59.000Z');
    // The handoff reads recent commits with its own log (review finding: its JSON still failed).
    for (const format of ['markdown', 'json']) {
      const handoff = runCli(['handoff', 'dora', '--format', format, '--until', '9999-12-31'], { cwd: repo.dir });
      // Only the word about a day to come.
      expect(handoff.stderr).toBe('talentrisk: warning: --until 9999-12-31 is after today: ages and inactivity are measured from that day to come\n');
      expect(handoff.exitCode).toBe(0);
    }
    const recent = JSON.parse(runCli(['handoff', 'dora', '--format', 'json', '--until', '9999-12-31'], { cwd: repo.dir }).stdout).recent.commits;
    expect(recent.map((commit: { date: string }) => commit.date)).toContain('9999-12-31T23:59:59.000Z');
  });

  it('help and version exit 0', () => {
    const dir = tmp();
    const help = runCli(['--help'], { cwd: dir });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 ok');
    expect(runCli(['--version'], { cwd: dir }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('talentrisk explain', { tags: ['slow'] }, () => {
  it('shows FA, DL, AC and DOA of every developer of a file, with the reason', () => {
    const repo = buildRepo(history);
    const result = runCli(['explain', 'src/pay/a.ts'], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    // ada added it and modified it once: FA 1, DL 1, AC 0 → 3.293 + 1.098 + 0.164 = 4.555
    expect(result.stdout).toMatch(/Ada\s+1\s+1\s+0\s+4\.555\s+1\.000/);
    expect(result.stdout).toContain('Ada: author: normDOA 1.000 > 0.75 and DOA 4.555 ≥ 3.293');
    const json = JSON.parse(runCli(['explain', 'src/pay/a.ts', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.developers[0]).toMatchObject({ id: 'ada@example.com', fa: 1, dl: 1, ac: 0, doa: 4.555, isAuthor: true });
    // Which tool, model and revision made the figures, as scan's JSON says (a dashboard could not tell: a tester).
    const head = repo.git('rev-parse', 'HEAD').trim();
    expect(json).toMatchObject({ schemaVersion: 1, kind: 'file', tool: { name: 'talentrisk' }, model: 'talentrisk', repository: { revision: head } });
    const classic = JSON.parse(runCli(['explain', 'src/pay', '--format', 'json', '--model', 'classic'], { cwd: repo.dir }).stdout);
    expect(classic).toMatchObject({ schemaVersion: 1, kind: 'folder', model: 'classic', repository: { revision: head }, revision: head });
  });

  it('shows every author and the next highest DOAs of a file, not all of its developers', () => {
    // vite's server/index.ts printed 104 rows and 104 reasons.
    const people = Array.from({ length: 24 }, (_, i) => `dev${String(i).padStart(2, '0')}`);
    const repo = buildRepo([{ author: 'ada', write: { 'big.ts': 10 } }, ...people.map((who) => ({ author: who, write: { 'big.ts': 10 } }))]);
    const text = runCli(['explain', 'big.ts'], { cwd: repo.dir }).stdout;
    // And who of them changed it last (vuejs/core: effect.ts hid its last three contributors).
    expect(text).toContain('… and 5 more developers, none of them an author; the latest to change it: Dev23 2024-01-26, Dev22 2024-01-25, Dev21 2024-01-24 (--format json lists them all)');
    // One line per reason: the 19 tied developers share theirs (ripgrep: the same sentence 15 times, a tester).
    expect(text.split('\n').filter((line) => /: (author|not an author):/.test(line))).toEqual([
      'Ada: author: normDOA 1.000 > 0.75 and DOA 3.358 ≥ 3.293',
      expect.stringMatching(/^Dev00, Dev01, Dev02 and 16 more with the same figures: not an author: /),
    ]);
    const json = JSON.parse(runCli(['explain', 'big.ts', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(json.developers).toHaveLength(25);
  });

  it('gives a file\'s current (decayed) figures beside the classic ones, and who of its authors is inactive (the current truck factor could not be traced to a file)', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2022-01-10T12:00:00Z', write: { 'a.ts': 10 } },
      { author: 'bob', at: '2024-12-01T12:00:00Z', write: { 'a.ts': 11 } },
      { author: 'bob', at: '2024-12-10T12:00:00Z', write: { 'a.ts': 12 } },
    ]);
    const text = runCli(['explain', 'a.ts', '--until', '2024-12-31'], { cwd: repo.dir }).stdout;
    // Classic: Ada (the creator) is an author; decayed, Bob's recent changes outweigh her 2022 creation.
    expect(text).toMatch(/Ada\s+1\s+0\s+2\s+.*author/);
    expect(text).toMatch(/\nCurrent \(METRICS §7: knowledge halves every 365 days, measured from 2024-12-31\): author Bob \(DOA [\d.]+, normDOA 1\.000\) · not current, inactive: Ada \(last commit 2022-01-10\)\n/);
    const json = JSON.parse(runCli(['explain', 'a.ts', '--until', '2024-12-31', '--format', 'json'], { cwd: repo.dir }).stdout);
    const byId = Object.fromEntries(json.developers.map((d: { id: string }) => [d.id, d]));
    expect(byId['ada@example.com']).toMatchObject({ isAuthor: true, inactive: true, current: { isAuthor: false } });
    expect(byId['bob@example.com']).toMatchObject({ inactive: false, current: { isAuthor: true, normDoa: 1 } });
    // --model classic has no recency figures: no line, and no inactive flag (review).
    const classic = JSON.parse(runCli(['explain', 'a.ts', '--until', '2024-12-31', '--format', 'json', '--model', 'classic'], { cwd: repo.dir }).stdout);
    expect(classic.developers.every((d: object) => !('inactive' in d) && !('current' in d))).toBe(true);
    expect(runCli(['explain', 'a.ts', '--until', '2024-12-31', '--model', 'classic'], { cwd: repo.dir }).stdout).not.toContain('Current (');
    // With treatInactiveAsDeparted, an inactive decayed author is counted as gone, as scan counts them (review).
    repo.commit({ author: 'dee', at: '2024-12-20T12:00:00Z', write: { 'z.ts': 3 } });
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'model:\n  inactiveAfter: 5\n  treatInactiveAsDeparted: true\n');
    const gone = runCli(['explain', 'z.ts', '--until', '2024-12-31'], { cwd: repo.dir }).stdout;
    expect(gone).toMatch(/\nCurrent \(.*\): no current author · not current, inactive \(counted as gone\): Dee \(last commit 2024-12-20\)\n/);
    const goneJson = JSON.parse(runCli(['explain', 'z.ts', '--until', '2024-12-31', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(goneJson.currentAuthors).toEqual([]);
    expect(goneJson.developers[0]).toMatchObject({ id: 'dee@example.com', inactive: true, current: { isAuthor: true } });
  });

  // numpy's mapping.c: "the creation has lost half its weight" was said of someone who never created it (an EM test).
  it('says why a classic author who did not create the file is no current author', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2020-01-01T12:00:00Z', write: { 'b.ts': 1 } },
      ...[2, 3, 4].map((day) => ({ author: 'bob', at: `2020-01-0${day}T12:00:00Z`, write: { 'b.ts': day } })),
      ...[5, 6, 7].map((day) => ({ author: 'ada', at: `2020-01-0${day}T12:00:00Z`, write: { 'b.ts': day } })),
      { author: 'bob', at: '2024-12-20T12:00:00Z', write: { 'c.ts': 1 } },
    ]);
    const text = runCli(['explain', 'b.ts', '--until', '2024-12-31'], { cwd: repo.dir }).stdout;
    expect(text).toMatch(/ · no longer current: Bob \(DOA 3\.2\d+, normDOA 0\.9\d+: DOA below 3\.293: others’ changes outweigh theirs, and they did not create the file\)\n/);
  });

  it('explains a folder as a module, from a subfolder', () => {
    const repo = buildRepo(history);
    const json = JSON.parse(runCli(['explain', 'pay', '--format', 'json'], { cwd: path.join(repo.dir, 'src') }).stdout);
    expect(json).toMatchObject({ path: 'src/pay', files: 2, truckFactor: { value: 1 } });
    // Whose the single-owner files are, not only how many (a readability review).
    const text = runCli(['explain', 'pay', '--until', '2024-12-31'], { cwd: path.join(repo.dir, 'src') }).stdout;
    expect(text).toMatch(new RegExp(`\\n${json.singleOwnerFiles.length} single-owner files?: [A-Z][a-z]+ \\d+.*; \\d+ files? with no author\\.\\n`));
  });

  it('marks inactive developers in a folder\'s table as in its single-owner line, not under --model classic (requests: only the line said Kenneth Reitz was inactive)', () => {
    const repo = buildRepo([
      { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'lib/a.ts': 3, 'lib/b.ts': 3 } },
      { author: 'bob', at: '2024-12-01T12:00:00Z', write: { 'lib/c.ts': 3 } },
    ]);
    const rows = (...args: string[]) => runCli(['explain', 'lib', '--no-color', '--until', '2024-12-31', ...args], { cwd: repo.dir }).stdout;
    const text = rows();
    expect(text).toMatch(/\nAda \(inactive\) +2 +67% +yes\n/);
    expect(text).toMatch(/\nBob +1 +33%\n/);
    expect(text).toContain('\n3 single-owner files: Ada 2 (inactive), Bob 1; 0 files with no author.\n');
    const classic = rows('--model', 'classic');
    expect(classic).toMatch(/\nAda +2 +67% +yes\n/);
    expect(classic).not.toContain('(inactive)');
  });

  it('explains a folder with at most 20 developers and says how many more, and a share under 1% is "<1%" (babel: packages/ listed 362 rows, most "0%")', () => {
    // Ada's 161 files, then 24 people with a file each: each of theirs is 1/185, 0.54% (cargo: "1%" read
    // for 0.55%, under the README's "<1%": a team lead).
    const commits: FixtureCommit[] = [{ author: 'ada', write: Object.fromEntries(Array.from({ length: 161 }, (_, i) => [`lib/a${i}.ts`, 1])) }];
    for (let i = 0; i < 24; i++) commits.push({ author: { name: `Dev ${String(i).padStart(2, '0')}`, email: `dev${i}@example.com` }, write: { [`lib/d${i}.ts`]: 1 } });
    const repo = buildRepo(commits);
    // (Measured while everyone is active: no "(inactive)" in the rows.)
    const text = runCli(['explain', 'lib', '--no-color', '--until', '2024-03-01'], { cwd: repo.dir }).stdout;
    const rows = text.split('\n').filter((line) => /^(Ada|Dev \d\d) /.test(line));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatch(/^Ada +161 +87% +yes$/);
    expect(rows[1]).toMatch(/^Dev \d\d +1 +<1%$/);
    expect(text).toContain('\n… 5 more developers with fewer files (--format json lists them all)\n');
    expect(JSON.parse(runCli(['explain', 'lib', '--format', 'json'], { cwd: repo.dir }).stdout).developers).toHaveLength(25);
  });

  it('says when test data makes up most of the analysed files, until the config excludes something (babel: 25,265 of 27,573 files were fixtures)', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/a.ts': 1, 'test/fixtures/x.js': 1, 'test/fixtures/y.js': 1, 'pkg/test/fixtures/z.js': 1 } }]);
    const text = runCli(['--no-color'], { cwd: repo.dir }).stdout;
    const note = '3 of the 4 analysed files are test data (`**/fixtures/**`): the figures say much about who wrote it; leave it out with `exclude:` in .talentrisk.yml (`talentrisk init` proposes it).';
    expect(text).toContain(note);
    // In the JSON too, with the warnings (svelte's dashboard never saw it: a tester).
    expect(JSON.parse(runCli(['--format', 'json'], { cwd: repo.dir }).stdout).warnings).toContain(note);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'exclude: ["docs/**"]\n');
    expect(runCli(['--no-color'], { cwd: repo.dir }).stdout).not.toContain('are test data');
  });

  // Regression (laravel, a tester's report): `src` held 1,930 of 3,329 files at --depth 1 and nothing
  // was said, since src holds one folder (src/Illuminate); at --depth 2 the note named 3 of 38 components.
  it('names the folders where a module that holds most files branches, below folders that hold only one, and the depth that makes them modules', () => {
    const component = (name: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`src/Illuminate/${name}/F${i}.php`, 1]));
    const repo = buildRepo([{ author: 'ada', write: { ...component('Foundation', 300), ...component('Database', 150), ...component('Auth', 40), ...component('View', 10), 'tests/AuthTest.php': 1, 'composer.json': 1 } }]);
    const note = (args: string[]) => runCli(['--no-color', ...args], { cwd: repo.dir }).stdout.split('\n').find((line) => line.includes('so the modules say little about it'));
    expect(note(['--depth', '1'])).toBe(
      '`src` holds 500 of the 501 analysed files outside tests, fixtures, examples and docs, so the modules say little about it: split it with `modules: { roots: ["src/Illuminate/Foundation", "src/Illuminate/Database", "src/Illuminate/Auth", "src/Illuminate/View"] }` in .talentrisk.yml, one root for each of its 4 folders (the largest: src/Illuminate/Foundation 300, src/Illuminate/Database 150, src/Illuminate/Auth 40), or leave out `--depth 1`: the depth talentrisk chooses follows src/Illuminate and makes 4 modules of it.',
    );
    // The roots proposed split it whole: no module `src` is left.
    expect(modulesWith(repo.dir, proposedRoots(note(['--depth', '1'])), ['--depth', '1'])).toEqual(['.', 'src/Illuminate/Auth', 'src/Illuminate/Database', 'src/Illuminate/Foundation', 'src/Illuminate/View', 'tests']);
    expect(note(['--depth', '2'])).toContain('`src/Illuminate` holds 500 of the 501 analysed files outside tests, fixtures, examples and docs');
    // No chain below src/Illuminate: the automatic depth simply cuts deeper ("follows" read wrong, a review).
    expect(note(['--depth', '2'])).toContain(', or leave out `--depth 2`: the depth talentrisk chooses makes 4 modules of it.');
    // The automatic depth makes the components modules: nothing to say.
    expect(note([])).toBeUndefined();
    // Given in the config, the note says where (a re-test: --depth 3 was offered where dropping the depth did it).
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'modules:\n  depth: 1\n');
    expect(note([])).toContain(', or remove `modules.depth: 1` from .talentrisk.yml: the depth talentrisk chooses follows src/Illuminate and makes 4 modules of it.');
    // The config as loaded, by the name it was given (a review: .talentrisk.yml for --config custom.yml).
    writeFileSync(path.join(repo.dir, 'custom.yml'), 'modules:\n  depth: 1\n');
    expect(note(['--config', 'custom.yml'])).toContain('in custom.yml, one root for each');
    expect(note(['--config', 'custom.yml'])).toContain(', or remove `modules.depth: 1` from custom.yml:');
    // Config roots are modules beside the folders, and no packages (re-tests read "2 workspace packages", then "2 packages").
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'modules:\n  roots: ["src/Illuminate/Foundation", "./src/Illuminate/Auth/"]\n');
    const header = runCli(['--no-color', '--depth', '1'], { cwd: repo.dir }).stdout.split('\n').find((line) => line.startsWith('Riskiest modules'));
    expect(header).toContain("5 modules: 2 roots (modules.roots), 3 folders at depth 1; a root's files are not its parent folder's");
    expect(header).not.toContain('package');
  });

  it('offers a depth that splits the module holding most files when the automatic depth keeps it whole', () => {
    const folder = (name: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`lib/${name}/f${i}.rb`, 1]));
    // Five top-level folders: the automatic depth is 1, and lib is one module of 550 files.
    const repo = buildRepo([{ author: 'ada', write: { ...folder('x', 300), ...folder('y', 250), 'a/1.rb': 1, 'b/1.rb': 1, 'c/1.rb': 1, 'd/1.rb': 1 } }]);
    const note = runCli(['--no-color'], { cwd: repo.dir }).stdout.split('\n').find((line) => line.includes('so the modules say little about it'));
    expect(note).toContain(', or make the 2 folders of lib modules with `--depth 2` (config `modules.depth: 2`), which cuts every folder at that depth.');
    // Given, the same depth is still what splits it: the automatic one would not.
    expect(runCli(['--no-color', '--depth', '1'], { cwd: repo.dir }).stdout).toContain('which cuts every folder at that depth.');
  });

  // Regression (elixir, new-user test): lib holds six apps, and the three largest offered as roots
  // left a module `lib` of 54 files holding the other three.
  it('proposes every folder where the dominant module branches as a root, and the count past 8', () => {
    const folder = (name: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`lib/${name}/f${i}.ex`, 1]));
    // Five top-level folders: the automatic depth is 1, and lib one module.
    const others = { 'mix.exs': 1, 'a/1.ex': 1, 'b/1.ex': 1, 'c/1.ex': 1, 'd/1.ex': 1 };
    const six = buildRepo([{ author: 'ada', write: { ...folder('elixir', 300), ...folder('mix', 150), ...folder('ex_unit', 40), ...folder('iex', 20), ...folder('logger', 10), ...folder('eex', 5), ...others } }]);
    const note = (dir: string) => runCli(['--no-color'], { cwd: dir }).stdout.split('\n').find((line) => line.includes('so the modules say little about it'));
    const sixNote = note(six.dir);
    expect(sixNote).toContain(
      'split it with `modules: { roots: ["lib/elixir", "lib/mix", "lib/ex_unit", "lib/iex", "lib/logger", "lib/eex"] }` in .talentrisk.yml, one root for each of its 6 folders (the largest: lib/elixir 300, lib/mix 150, lib/ex_unit 40)',
    );
    expect(modulesWith(six.dir, proposedRoots(sixNote))).toEqual(['.', 'a', 'b', 'c', 'd', 'lib/eex', 'lib/elixir', 'lib/ex_unit', 'lib/iex', 'lib/logger', 'lib/mix']);
    // Past 8 folders, the first ones and how many there are; a file directly in lib stays in the module lib.
    const ten = buildRepo([{ author: 'ada', write: { ...Object.assign({}, ...Array.from({ length: 10 }, (_, i) => folder(`p${i}`, 60 - i))), 'lib/top.ex': 1, ...others } }]);
    const tenNote = note(ten.dir);
    expect(tenNote).toContain('split it with `modules: { roots: ["lib/p0", "lib/p1", "lib/p2", …] }` in .talentrisk.yml, listing all 10 folders of lib (roots take no wildcards; the largest: lib/p0 60, lib/p1 59, lib/p2 58)');
    expect(tenNote).toMatch(/\. The file directly in lib stays in the module `lib`\.$/);
  });

  // Regression (tokio, a tester): the crate tokio/ held 353 of ~502 code files in src/, beside tests/,
  // docs/ and fuzz/; no note proposed splitting it, and tokio/src/runtime (truck factor 1) hid
  // behind "tokio TF 4". And the published crate tokio-test (test utilities) ranked as tests.
  it('looks through the one folder that holds a package\'s code (a Rust crate\'s src/) to propose roots, and ranks a test-utilities package as code', () => {
    const folder = (name: string, count: number, ext = 'rs') => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${name}/f${i}.${ext}`, 1]));
    const repo = buildRepo([
      {
        author: 'ada',
        write: {
          'Cargo.toml': '[workspace]\nmembers = ["tokio", "tokio-test", "tests-integration"]\n',
          'tokio/Cargo.toml': '[package]\nname = "tokio"\n',
          'tokio/src/lib.rs': 1,
          ...folder('tokio/src/runtime', 60),
          ...folder('tokio/src/sync', 40),
          ...folder('tokio/src/io', 10),
          ...folder('tokio/tests', 50),
          ...folder('tokio/fuzz', 2),
          'tokio/docs/reactor-refactor.md': 1,
          'tokio-test/Cargo.toml': '[package]\nname = "tokio-test"\n',
          ...folder('tokio-test/src', 5),
          ...folder('tests-integration', 6),
          ...folder('android-test', 6, 'kt'),
        },
      },
      { author: 'bob', write: { ...folder('tokio-test/src', 5), ...folder('tests-integration', 6) } },
    ]);
    const note = runCli(['--no-color'], { cwd: repo.dir }).stdout.split('\n').find((line) => line.includes('so the modules say little about it'));
    // tokio-test's 6 files count with the code: 114 of tokio's, 6 and the top-level Cargo.toml.
    expect(note).toBe(
      '`tokio` holds 114 of the 121 analysed files outside tests, fixtures, examples and docs, so the modules say little about it: split it with `modules: { roots: ["tokio/src/runtime", "tokio/src/sync", "tokio/src/io", "tokio/fuzz", "tokio/tests", "tokio/docs"] }` in .talentrisk.yml, one root for each of the 3 folders of tokio/src and the 3 other folders of tokio (the largest: tokio/src/runtime 60, tokio/src/sync 40, tokio/src/io 10). The 2 files directly in tokio/src and tokio stay in the module `tokio`.',
    );
    // The roots split it: what stays in `tokio` is its Cargo.toml and lib.rs.
    expect(modulesWith(repo.dir, proposedRoots(note))).toEqual(['.', 'android-test', 'tests-integration', 'tokio', 'tokio-test', 'tokio/docs', 'tokio/fuzz', 'tokio/src/io', 'tokio/src/runtime', 'tokio/src/sync', 'tokio/tests']);
    // A workspace package named `-test` is code; `tests-integration` (a package) and the plain folder `android-test` stay tests.
    const scan = JSON.parse(runCli(['--format', 'json'], { cwd: repo.dir }).stdout) as { modules: { path: string; category: string }[] };
    expect(Object.fromEntries(scan.modules.map((module) => [module.path, module.category]))).toMatchObject({ 'tokio-test': 'code', 'tests-integration': 'tests', 'android-test': 'tests', tokio: 'code' });
    const rows = runCli(['--no-color'], { cwd: repo.dir }).stdout.split('\n');
    const first = rows.findIndex((line) => line.startsWith('Riskiest modules'));
    const order = rows.slice(first + 2, first + 7).map((line) => line.trim().split(/ +/)[0]);
    // tokio-test (truck factor 2) among the code, before the tests of truck factor 1.
    expect(order).toEqual(['tokio', 'tokio-test', 'android-test', '.', 'tests-integration']);
    // So in the current figures' experts per module (ModuleProjection carries the module's kind).
    const experts = rows.findIndex((line) => line.includes('Experts per module'));
    expect(rows.slice(experts + 2, experts + 4).map((line) => line.trim().split(/ +/)[0])).toEqual(['tokio', 'tokio-test']);
    // And in a handoff's areas: with the code, before the tests.
    const handoff = JSON.parse(runCli(['handoff', 'ada', '--format', 'json'], { cwd: repo.dir }).stdout) as { areas: { module: string }[] };
    const areas = handoff.areas.map((area) => area.module);
    expect(areas.indexOf('tokio-test')).toBeLessThan(areas.indexOf('android-test'));
  });

  it('suggests the closest path for a typo', () => {
    const result = runCli(['explain', 'src/pay/aa.ts'], { cwd: buildRepo(history).dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('did you mean src/pay/a.ts?');
  });

  // Regression (elixir, a tester): `explain lib/mix/tasks/test.ex` meant lib/mix/lib/mix/tasks/test.ex.
  it('suggests the path a typed one ends, when its first folders are missing', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'lib/mix/lib/mix/tasks/test.ex': 3, 'lib/mix/lib/mix/tasks/compile.ex': 3, 'lib/elixir/lib/kernel.ex': 3 } }]);
    const result = runCli(['explain', 'lib/mix/tasks/test.ex'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('did you mean lib/mix/lib/mix/tasks/test.ex?');
    // From inside a folder, shown as it would be typed there.
    expect(runCli(['explain', '-C', 'lib/mix', 'mix/tasks/test.ex'], { cwd: repo.dir }).stderr).toContain('did you mean lib/mix/tasks/test.ex?');
    // Several paths end so: no guess (a review: the first of ten was suggested).
    expect(runCli(['explain', 'lib/kernel.ex'], { cwd: repo.dir }).stderr).toContain('did you mean lib/elixir/lib/kernel.ex?');
    const many = buildRepo([{ author: 'ada', write: { 'alpha/src/main.ex': 3, 'beta/src/main.ex': 3, 'gamma/src/main.ex': 3 } }]);
    const several = runCli(['explain', 'src/main.ex'], { cwd: many.dir }).stderr;
    expect(several).not.toContain('did you mean');
    // They are listed instead (pytest's `explain fixtures.py` listed none: a tester).
    expect(several).toContain('3 analysed paths end in it: alpha/src/main.ex, beta/src/main.ex, gamma/src/main.ex; pass one of them');
  });

  // deno's mirror, 107 days old, showed every current figure at 0 with no word why.
  it('says when the current figures are measured long after the revision, and how to measure from it', () => {
    const repo = buildRepo(history);
    const last = repo.git('log', '-1', '--format=%cs').trim();
    const old = runCli([], { cwd: repo.dir });
    expect(old.stdout).toMatch(new RegExp(`Measured from \\d{4}-\\d{2}-\\d{2}, \\d+ days after the revision's last commit \\(${last}\\): \`--until ${last}\` measures from that day\\.`));
    expect(runCli(['--until', last], { cwd: repo.dir }).stdout).not.toContain('Measured from');
  });

  // Regression (deno, new-user test): its table said "86 modules at depth 1" for 77 Cargo packages,
  // and `explain runtime` counted 74 files where scan's module runtime had 47 (its nested packages apart).
  it('counts workspace packages apart in the header, and explain says what a nested package takes from a folder', () => {
    const repo = buildRepo([
      {
        author: 'ada',
        write: {
          'package.json': '{"workspaces": ["packages/*", "packages/core/ext"]}\n',
          'packages/core/package.json': '{"name": "core"}\n',
          'packages/core/index.ts': 5,
          'packages/core/ext/package.json': '{"name": "ext"}\n',
          'packages/ui/package.json': '{"name": "ui"}\n',
          'packages/ui/y.ts': 5,
          'src/main.ts': 5,
        },
      },
      { author: 'bob', write: { 'packages/core/ext/x.ts': 5, 'packages/core/ext/z.ts': 5 } },
    ]);
    const table = runCli([], { cwd: repo.dir });
    expect(table.exitCode).toBe(0);
    expect(table.stdout).toMatch(/Riskiest modules \(lowest truck factor first; \d+ modules: 3 workspace packages, \d+ folders? at depth \d+; a package's files are not its parent folder's\)/);
    // Config roots beside packages are counted apart from them (a tester read roots as packages).
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'modules:\n  roots: ["src"]\n');
    expect(runCli([], { cwd: repo.dir }).stdout).toMatch(/; \d+ modules: 3 workspace packages, 1 root \(modules\.roots\), \d+ folders? at depth \d+; a package's or root's files are not its parent folder's\)/);
    const explained = runCli(['explain', 'packages/core'], { cwd: repo.dir });
    expect(explained.exitCode).toBe(0);
    expect(explained.stdout).toContain('packages/core  5 files analysed');
    expect(explained.stdout).toContain('As a module in scan: 2 files, truck factor 1; the other 3 files are in the module packages/core/ext.');
  });

  // Regression (astro, new-user test): pnpm-workspace.yaml's `packages/**/*` makes every test
  // fixture a package, and 11 of the 12 rows of the experts projection were such fixtures.
  it('lists code modules before test fixture packages in the experts projection, as in the riskiest modules', () => {
    const fixtures = Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [
        [`packages/astro/test/fixtures/f${i}/package.json`, `{"name": "f${i}"}\n`],
        [`packages/astro/test/fixtures/f${i}/index.ts`, 2],
      ]).flat(),
    );
    const repo = buildRepo([
      { author: 'bob', at: '2020-01-01T12:00:00Z', write: { 'pnpm-workspace.yaml': "packages:\n  - 'packages/**/*'\n", ...fixtures } },
      { author: 'ada', at: '2024-06-01T12:00:00Z', write: { 'packages/astro/package.json': '{"name": "astro"}\n', ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`packages/astro/src/a${i}.ts`, 5])) } },
    ]);
    const lines = runCli(['--no-color', '--until', '2024-06-10'], { cwd: repo.dir }).stdout.split('\n');
    const at = lines.findIndex((line) => line.includes('Experts per module'));
    // The header of the table, then the code package (it was cut: 13 fixtures with no expert sorted first).
    expect(lines[at + 2]?.trim().split(/\s+/)[0]).toBe('packages/astro');
    expect(lines.slice(at + 3, at + 14).every((line) => /^ {4}(packages\/astro\/test\/fixtures\/f\d+|\.) /.test(line))).toBe(true);
    expect(lines[at]).toContain('fewest experts at the end first, then in the columns before; tests, fixtures, examples, docs and modules of fewer than 5 files last)');
  });

  // Regression (deno, new-user test): `explain Cargo.lock` answered "did you mean Cargo.toml?".
  // The rule is the file selection's own, .gitattributes included (review finding).
  it('says why a tracked file is not analysed, with the rule that left it out, instead of suggesting another', () => {
    const repo = buildRepo([
      ...history,
      {
        author: 'ada',
        write: { 'Cargo.toml': 3, 'Cargo.lock': 3, 'vendor/lib/x.ts': 3, 'vendor/Cargo.lock': 3, 'third_party/y.ts': 3, 'gen/api.ts': 3, '.gitattributes': 'vendor/** linguist-vendored=false\ngen/** linguist-generated\n' },
      },
    ]);
    repo.git('update-index', '--add', '--cacheinfo', `160000,${repo.git('rev-parse', 'HEAD').trim()},deps/sub`);
    repo.git('commit', '-q', '-m', 'a submodule');
    const why = (target: string, cwd = repo.dir) => runCli(['explain', target], { cwd });
    const lock = why('Cargo.lock');
    expect(lock.exitCode).toBe(2);
    expect(lock.stderr).toContain('talentrisk: Cargo.lock is not analysed: it is a lock file, left out by default (`defaultExclusions: false` counts it)');
    expect(lock.stderr).not.toContain('did you mean');
    // linguist-vendored=false keeps vendor/ in: its lock file is out as a lock file, not as vendored.
    expect(why('Cargo.lock', path.join(repo.dir, 'vendor')).stderr).toContain('Cargo.lock is not analysed: it is a lock file');
    expect(why('vendor/lib/x.ts').exitCode).toBe(0);
    expect(why('third_party/y.ts').stderr).toContain('third_party/y.ts is not analysed: it is in a vendor folder');
    expect(why('gen/api.ts').stderr).toContain('gen/api.ts is not analysed: its .gitattributes mark it linguist-generated');
    expect(why('deps/sub').stderr).toContain('deps/sub is not analysed: it is a submodule');
    // Not tracked at all: no reason invented, the usual message.
    expect(why('nothere.lock').stderr).toContain('no analysed file or folder matches nothere.lock');
    // Under --model classic the default rules do not apply: the lock file is analysed.
    expect(runCli(['explain', 'Cargo.lock', '--model', 'classic'], { cwd: repo.dir }).exitCode).toBe(0);
  });

  // Regression (laravel, a tester): `explain src/Illuminate/Databse` had no "did you mean", while a
  // mistyped file (`Model.PHP`) had one.
  it('suggests the folder a mistyped folder stands for, as it does a file', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/Illuminate/Database/Model.php': 5, 'src/Illuminate/Database/Query/Builder.php': 5, 'src/Illuminate/Queue/Worker.php': 5 } }]);
    const hint = (target: string) => runCli(['explain', target], { cwd: repo.dir }).stderr.split('\n')[1];
    expect(hint('src/Illuminate/Databse')).toBe('  did you mean src/Illuminate/Database? (paths are relative to the repository root; excluded files and submodules are not analysed)');
    expect(hint('src/Illuminate/Databse/')).toContain('did you mean src/Illuminate/Database?');
    expect(hint('src/Illuminate/Database/Model.PHP')).toContain('did you mean src/Illuminate/Database/Model.php?');
    expect(hint('src/Illuminate/Database/Qury')).toContain('did you mean src/Illuminate/Database/Query?');
  });
});

describe('--output says where the report went', { tags: ['slow'] }, () => {
  it('on stderr, for every command that writes a file, and not under --quiet or to the standard output (scan and check said nothing, handoff did: a user test)', () => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'critical:\n  - name: pay\n    paths: [src/pay]\n');
    const dir = tmp();
    const commands: [string[], string][] = [
      [['scan'], 'the scan'],
      [['check'], 'the check'],
      [['explain', 'src/pay'], 'the explanation of src/pay'],
      [['handoff', 'ada'], 'the handoff of Ada'],
    ];
    for (const [args, what] of commands) {
      const file = path.join(dir, `${args[0]}.out`);
      const written = runCli([...args, '-o', file], { cwd: repo.dir });
      expect(written.stdout).toBe('');
      // After the warnings and notes the report carries (check's: its fixture's 2024 owners are
      // inactive today, and its only system fails).
      expect(written.stderr.replace(/^talentrisk: warning: .*\n/gm, '')).toBe(`talentrisk: wrote ${what} to ${file}\n`);
      expect(readFileSync(file, 'utf8')).not.toBe('');
      const quiet = runCli([...args, '-o', file, '--force', '-q'], { cwd: repo.dir });
      expect(quiet.stderr).toBe('');
      const printed = runCli([...args, '-o', '/dev/stdout'], { cwd: repo.dir });
      expect(printed.stdout).not.toBe('');
      expect(printed.stderr).toBe('');
    }
  });
});
