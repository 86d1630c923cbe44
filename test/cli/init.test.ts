import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

const history: FixtureCommit[] = [
  { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10, 'src/auth/x.ts': 10 } },
  { author: 'bob', write: { 'src/auth/x.ts': 10, 'src/auth/y.ts': 10 } },
  { author: 'bob', write: { 'src/auth/x.ts': 10 } },
  { author: { name: 'Jenkins', email: 'jenkins@ci.example' }, write: { 'docs/changelog.md': 3 } },
  { author: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' }, write: { 'package.json': '{}\n' } },
];

const CODEOWNERS = '* @org/everyone\n/src/pay/ @org/payments\nsrc/auth/ @org/auth @bob\n/nothing-here/ @org/ghosts\n';

describe('talentrisk init (black box)', { tags: ['slow'] }, () => {
  it('writes a starter config that loads: modules, CODEOWNERS paths and bots as commented candidates', async () => {
    const repo = buildRepo(history);
    mkdirSync(path.join(repo.dir, '.github'));
    writeFileSync(path.join(repo.dir, '.github/CODEOWNERS'), CODEOWNERS);
    const result = runCli(['init'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      // `/nothing-here/ @org/ghosts` names no file: counted, and listed in the config (pnpm: 7 of 8 lines stale).
      'wrote .talentrisk.yml: 3 module candidates, 2 from .github/CODEOWNERS (1 of its lines names no analysed file: see the comment), 1 bot candidate, all commented out\n' +
        'next: uncomment the critical systems that must never depend on one person, then run `talentrisk check`\n',
    );
    // From elsewhere, the check to run next names the repository, and the config where it went (a tester).
    const name = path.basename(repo.dir);
    expect(runCli(['init', name, '--force'], { cwd: path.dirname(repo.dir) }).stdout).toContain('then run `talentrisk check ' + name + '`\n');
    expect(runCli(['init', name, '-o', `${name}.yml`], { cwd: path.dirname(repo.dir) }).stdout).toContain(`then run \`talentrisk check ${name} --config ${name}.yml\`\n`);
    rmSync(path.join(path.dirname(repo.dir), `${name}.yml`));
    const text = readFileSync(path.join(repo.dir, '.talentrisk.yml'), 'utf8');
    const loaded = await loadConfig(repo.dir);
    expect(loaded.file).toBe(path.join(repo.dir, '.talentrisk.yml'));
    expect(loaded.config.critical).toEqual([]);
    expect(text).toContain('  # - name: "src/pay"\n  #   paths: ["src/pay/**"]\n  #   minOwners: 2    # now: truck factor 1 (check fails on it today) · 2 files · Ada');
    expect(text).toContain('  # - name: "@org/payments"\n  #   paths: ["src/pay/**"]');
    expect(text).toContain('  # - name: "@bob @org/auth"\n  #   paths: ["src/auth/**"]');
    // The catch-all line and a path with no analysed file are not candidates.
    expect(text).not.toContain('@org/everyone');
    expect(text).not.toContain('@org/ghosts');
    expect(text).toContain('  # .github/CODEOWNERS: 1 line names no analysed file, so no system comes from it (a path moved or deleted since, or only files the analysis leaves out):\n  #   line 4: /nothing-here/\n');
    expect(text).toContain('already left out: dependabot[bot].');
    expect(text).toContain('  # - "Jenkins"    # 1 commit');
  });

  it('warns when git ignores the config it wrote (prometheus ignores /*.yml: CI would never see it)', () => {
    const repo = buildRepo([...history, { author: 'ada', write: { '.gitignore': '/*.yml\n' } }]);
    const result = runCli(['init'], { cwd: repo.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('talentrisk: warning: git ignores .talentrisk.yml (.gitignore:1 `/*.yml`): commit it with `git add -f .talentrisk.yml`, or CI will not see it\n');
    expect(runCli(['init', '--force', '-q'], { cwd: repo.dir }).stderr).toBe('');
  });

  it('reads CODEOWNERS only as a regular file: a link to /dev/zero filled gigabytes (a re-test)', () => {
    const repo = buildRepo(history);
    symlinkSync('/dev/zero', path.join(repo.dir, 'CODEOWNERS'));
    const result = runCli(['init'], { cwd: repo.dir, timeoutMs: 30_000 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^wrote \.talentrisk\.yml: 3 module candidates, 1 bot candidate, all commented out\n/);
  });

  it('writes a CODEOWNERS path as the file or the folder it is in the tree (requests: a file read "x.py", "x.py/**")', () => {
    const repo = buildRepo([...history, { author: 'ada', write: { 'docs/HISTORY.md': 3, 'HISTORY.md/old.md': 3 } }]);
    writeFileSync(path.join(repo.dir, 'CODEOWNERS'), 'src/pay/a.ts @ada\n/src/auth @bob\nHISTORY.md @carl\n');
    expect(runCli(['init', '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
    const text = readFileSync(path.join(repo.dir, '.talentrisk.yml'), 'utf8');
    expect(text).toContain('  # - name: "@ada"\n  #   paths: ["src/pay/a.ts"]\n');
    expect(text).toContain('  # - name: "@bob"\n  #   paths: ["src/auth/**"]\n');
    // A name that is a file in one place and a folder in another keeps both.
    expect(text).toContain('  # - name: "@carl"\n  #   paths: ["**/HISTORY.md", "**/HISTORY.md/**"]\n');
  });

  // Regression (vite, by a new-user test): "playground" said "truck factor 1 · 10 files" (the folder
  // minus its workspace packages) for a glob that check found 1,743 files and bus factor 8 in.
  it('gives a folder with nested workspace packages globs and figures that check agrees with', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'package.json': '{"workspaces": ["packages/*"]}\n', 'packages/README.md': 5 } },
      { author: 'bob', write: { 'packages/a/package.json': '{"name": "a"}\n', 'packages/a/index.ts': 5, 'packages/a/x.ts': 5 } },
      { author: 'carl', write: { 'packages/b/package.json': '{"name": "b"}\n', 'packages/b/index.ts': 5 } },
    ]);
    expect(runCli(['init', '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
    const text = readFileSync(path.join(repo.dir, '.talentrisk.yml'), 'utf8');
    expect(text).toContain('  # - name: "packages"\n  #   paths: ["packages/**", "!packages/a/**", "!packages/b/**"]\n  #   minOwners: 2    # now: truck factor 1 (check fails on it today) · 1 file · Ada');
    // Uncommented, check reports the same figures for it.
    // (The block alone: the top-level files' candidate has the same figures.)
    const uncommented = text.replace(/^ {2}# (- name: "packages")\n {2}# ( {2}paths: .*)\n {2}# ( {2}minOwners: .*)$/m, '  $1\n  $2\n  $3');
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), uncommented);
    const check = JSON.parse(runCli(['check', '--format', 'json'], { cwd: repo.dir }).stdout);
    expect(check.systems.map((system: { name: string; busFactor: number; files: number }) => [system.name, system.busFactor, system.files])).toEqual([['packages', 1, 1]]);
  });

  it('counts the folders at the module depth inside a folder as modules, not workspace packages (review finding)', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'src/index.ts': 5, 'src/a/x.ts': 5, 'src/b/x.ts': 5, 'src/c/x.ts': 5, 'src/d/x.ts': 5 } }]);
    const text = runCli(['init', '--depth', '2', '--output', '/dev/stdout'], { cwd: repo.dir }).stdout;
    expect(text).toContain('  # - name: "src"\n  #   paths: ["src/**"]\n  #   minOwners: 2    # now: truck factor 1 (check fails on it today) · 5 files · with the 4 modules inside it · Ada');
  });

  // Regression (laravel, a tester's report): src holds nothing but src/Illuminate, and init offered
  // one candidate "src/**" (truck factor 4, 1,930 files) instead of its components.
  it('proposes the folders where a chain of single folders branches, and says a depth set in the config counts every folder', () => {
    const component = (name: string) => Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`src/Illuminate/${name}/F${i}.php`, 3]));
    const repo = buildRepo([{ author: 'ada', write: { ...component('Auth'), ...component('View'), ...component('Mail'), 'tests/AuthTest.php': 3 } }]);
    const text = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir }).stdout;
    const candidates = [...text.matchAll(/^ {2}# - name: "([^"]+)"\n {2}# {3}paths:/gm)].map((match) => match[1]);
    expect(candidates).toEqual(['src/Illuminate/Auth', 'src/Illuminate/Mail', 'src/Illuminate/View', 'tests']);
    expect(text).toContain("  # Modules (folders at depth 1 or workspace packages; src/Illuminate's folders count in the place of src, which holds nothing else), riskiest first;");
    expect(text).toContain("# With the automatic depth, src/Illuminate's folders count in the place of src, which holds nothing else; a depth set here counts every folder.\n# modules:\n#   depth: 1\n");
  });

  // Regression (flask, a tester): the top-level files (8, truck factor 1) were left out without a word.
  it('offers the top-level files as a candidate of their own, whose glob matches no file in a folder', () => {
    const repo = buildRepo([{ author: 'ada', write: { 'pyproject.toml': 3, 'CHANGES.rst': 3, 'src/app.py': 3, 'src/cli.py': 3 } }, { author: 'bob', write: { 'src/app.py': 9 } }]);
    const text = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir }).stdout;
    expect(text).toContain('  # The files at the top level, scan\'s module ".":\n  # - name: "top-level files"\n  #   paths: ["*"]\n  #   minOwners: 2    # now: truck factor 1 (check fails on it today) · 2 files · Ada (inactive)\n');
  });

  // tokio: its 3-file fuzz and 1-file docs folders were proposed before its 378-file src (a tester).
  it('lists the folders of a module that holds most files with the small ones last, as the main list', () => {
    const many = (folder: string, from: number, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`lib/${folder}/f${from + i}.rs`, 3]));
    const repo = buildRepo([
      { author: 'ada', write: many('core', 0, 60) },
      { author: 'bob', write: many('core', 60, 60) },
      { author: 'carol', write: many('io', 0, 6) },
      { author: 'ada', write: { ...many('fuzz', 0, 2), 'README.md': 2 } },
      // Cargo packages: `lib` is one module, which holds most files, so its folders are proposed.
      { author: 'ada', write: { 'Cargo.toml': '[workspace]\nmembers = ["lib", "other"]\n', 'lib/Cargo.toml': '[package]\nname = "lib"\n', 'other/Cargo.toml': '[package]\nname = "other"\n', 'other/a.rs': 2 } },
    ]);
    const text = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir }).stdout;
    const order = [...text.matchAll(/^ {2}# - name: "(lib\/[^"]+)"$/gm)].map((match) => match[1]);
    expect(order).toEqual(['lib/io', 'lib/core', 'lib/fuzz']);
  });

  // Regression (elixir, a tester): one `lib` of 720 files of 775, holding six applications, was the only proposal.
  it('proposes the folders of a module that holds most files, as candidates and as commented module roots that load', async () => {
    const app = (name: string, count: number, author: string) => ({ author, write: Object.fromEntries(Array.from({ length: count }, (_, i) => [`lib/${name}/lib/f${i}.ex`, 3])) });
    const repo = buildRepo([app('elixir', 300, 'jose'), app('mix', 220, 'jose'), { author: 'eric', write: { 'lib/mix/lib/f1.ex': 2 } }, app('logger', 20, 'ada'), { author: 'jose', write: { 'bin/elixir': 3, 'man/elixir.1': 3, 'Makefile': 3, '.github/ci.yml': 3, 'LICENSES/MIT': 3 } }]);
    const written = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir });
    const text = written.stdout;
    // Counted where init says what it wrote (a review: "2 module candidates" for 12 entries).
    expect(written.stderr).toContain(': 5 module candidates, 3 of the folders of lib, 0 bot candidates, all commented out');
    expect(text).toContain('  # "lib" holds 540 of the 545 analysed files: its folders, riskiest first (`modules.roots` below makes them modules):\n  # - name: "lib/elixir"\n  #   paths: ["lib/elixir/**"]\n  #   minOwners: 2    # now: truck factor 1 (check fails on it today) · 300 files · Jose');
    expect(text).toContain('#   # lib holds 540 of the 545 analysed files: each of its folders a module (no wildcards here)\n#   roots:\n#     - "lib/elixir"\n#     - "lib/mix"\n#     - "lib/logger"\n');
    // Uncommented, the roots load and make the applications modules.
    const config = text.replace(/^# modules:\n# {3}depth: 1\n# {3}# .*\n# {3}roots:\n((?:# {5}- .*\n)+)/m, (_, roots: string) => `modules:\n  roots:\n${roots.replace(/^# {3}/gm, '')}`);
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), config);
    const modules = JSON.parse(runCli(['--format', 'json'], { cwd: repo.dir }).stdout).modules.map((module: { path: string }) => module.path);
    expect(modules).toEqual(expect.arrayContaining(['lib/elixir', 'lib/mix', 'lib/logger']));
    expect(modules).not.toContain('lib');
  });

  // Regression (deno, by a new-user test): its own bots (denobot, nathanwhitbot's nathan+bot@,
  // Fibi's fibibot login and +fibibot tag) owned files, and init proposed none of them.
  it('proposes accounts named like bots by login, email tag or a name ending in "bot", not people', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: { name: 'denobot', email: '33910674+denobot@users.noreply.github.com' }, write: { 'b.ts': 5 } },
      { author: { name: 'Nathan W', email: 'nathan+bot@deno.example' }, write: { 'c.ts': 5 } },
      { author: { name: 'Fibi', email: '278973722+fibibot@users.noreply.github.com' }, write: { 'd.ts': 5 } },
      { author: { name: 'Sam Talbot', email: 'talbot@corp.example' }, write: { 'e.ts': 5 } },
      // A surname ending in "bot" in an address (review finding): a person, not a candidate.
      { author: { name: 'Jane Talbot', email: 'jtalbot@corp.example' }, write: { 'g.ts': 5 } },
      { author: { name: 'Dana Abbot', email: 'dana.abbot@corp.example' }, write: { 'h.ts': 5 } },
      { author: { name: 'Jon Jenkins', email: '1234+jenkins@users.noreply.github.com' }, write: { 'f.ts': 5 } },
      // A handle made of the person's own name (vite): a person, not a candidate.
      { author: { name: 'Boy Steven', email: 'stevenprobot@gmail.com' }, write: { 'i.ts': 5 } },
    ]);
    expect(runCli(['init', '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
    const candidates = readFileSync(path.join(repo.dir, '.talentrisk.yml'), 'utf8')
      .split('\n')
      .flatMap((line) => /^ {2}# - "([^"]+)" {4}# \d+ commits?$/.exec(line)?.[1] ?? []);
    expect(candidates.sort()).toEqual(['Fibi', 'Nathan W', 'denobot']);
  });

  // Regression (laravel, a tester): Travis Elkins <travis@groupcaliber.com> was a bot candidate by
  // his first name as the address; Travis CI is a machine however it is addressed.
  it('does not propose people whose address is their own name and a CI role (travis@, jenkins@), and still proposes Travis CI', () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: { name: 'Travis Elkins', email: 'travis@groupcaliber.example' }, write: { 'b.ts': 5 } },
      { author: { name: 'lizardslair', email: 'travis@lizardslair.example' }, write: { 'c.ts': 5 } },
      { author: { name: 'Jon Jenkins', email: 'jenkins@corp.example' }, write: { 'd.ts': 5 } },
      { author: { name: 'Travis CI', email: 'builds@travis-ci.example' }, write: { 'e.ts': 5 } },
      { author: { name: 'Git for Windows Build Agent', email: 'ci@git-for-windows.example' }, write: { 'f.ts': 5 } },
    ]);
    expect(runCli(['init', '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
    const candidates = readFileSync(path.join(repo.dir, '.talentrisk.yml'), 'utf8')
      .split('\n')
      .flatMap((line) => /^ {2}# - "([^"]+)" {4}# \d+ commits?$/.exec(line)?.[1] ?? []);
    expect(candidates.sort()).toEqual(['Git for Windows Build Agent', 'Travis CI']);
  });

  // Regression (deno, by a new-user test): one `Co-authored-by: divybot <his address>` trailer joined
  // the bot-named identity to Divy Srivastava, and init proposed "Divy Srivastava" as a bot.
  it('proposes the bot-named identity joined to a person, not the person', () => {
    const divy = { name: 'Divy Srivastava', email: 'divy@corp.example' };
    const repo = buildRepo([
      { author: divy, write: { 'a.ts': 5 } },
      { author: divy, write: { 'b.ts': 5 } },
      { author: 'ada', coAuthors: [{ name: 'divybot', email: 'divy@corp.example' }], write: { 'c.ts': 5 } },
    ]);
    const text = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir }).stdout;
    expect(text).toContain(`  # - "divybot"    # a name joined to Divy Srivastava (2 commits in all); only this name's commits are left out\n`);
    expect(text).not.toContain('# - "Divy Srivastava"');
    // Taking the suggestion leaves Divy whole: both his files are still his.
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'bots: ["divybot"]\n');
    const scan = JSON.parse(runCli(['scan', '--format', 'json', '--quiet'], { cwd: repo.dir }).stdout) as { developers: { name: string; filesAuthored: number }[] };
    expect(scan.developers.find((d) => d.name === 'Divy Srivastava')?.filesAuthored).toBe(2);
  });

  // Regression (hugo, a tester): hugoreleaser, 976 commits from its maintainer's plus-address, was
  // counted as him; init proposed no bot and scan said nothing.
  it('proposes a release tool committing from a person’s plus-address, and scan names it', () => {
    const bep = { name: 'bep', email: 'bjorn.erik.pedersen@gmail.example' };
    const plus = 'bjorn.erik.pedersen+hugoreleaser@gmail.example';
    const repo = buildRepo([
      { author: bep, write: { 'a.go': 5 } },
      { author: { name: 'Bjørn Erik Pedersen', email: bep.email }, write: { 'a.go': 5 } },
      { author: { name: 'Bjørn Erik Pedersen', email: plus }, write: { 'b.go': 5 } },
      { author: { name: 'hugoreleaser', email: plus }, write: { 'docs/release.md': 5 } },
      { author: { name: 'hugoreleaser', email: plus }, write: { 'docs/release.md': 5 } },
    ]);
    const text = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir }).stdout;
    expect(text).toContain(`  # - "hugoreleaser"    # a name joined to Bjørn Erik Pedersen (5 commits in all); only this name's commits are left out\n`);
    expect(runCli(['scan', '--no-color'], { cwd: repo.dir }).stdout).toContain('An author of files looks automated (hugoreleaser (a name of Bjørn Erik Pedersen');
  });

  it('shares its analysis with a scan through the result cache (the scan without a config is the same analysis)', () => {
    const repo = buildRepo(history);
    const results = () => readdirSync(path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1')).filter((name) => name.endsWith('.result'));
    expect(runCli(['init', '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
    const stored = results();
    expect(stored).toHaveLength(1);
    // The scan (no config file: the defaults init analysed with) reads that entry rather than adding its own.
    rmSync(path.join(repo.dir, '.talentrisk.yml'));
    expect(runCli(['scan', '--quiet', '--format', 'json'], { cwd: repo.dir }).exitCode).toBe(0);
    expect(results()).toEqual(stored);
    // --no-cache neither reads nor writes it.
    rmSync(path.join(repo.dir, '.git', 'talentrisk'), { recursive: true });
    expect(runCli(['init', '--quiet', '--no-cache'], { cwd: repo.dir }).exitCode).toBe(0);
    expect(readdirSync(path.join(repo.dir, '.git')).includes('talentrisk')).toBe(false);
  });

  it('warns, as scan does, when the candidates rest on part of the history (a shallow clone); --quiet keeps it silent', () => {
    const source = buildRepo(history);
    const clone = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'init-')), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${source.dir}`, clone]);
    const warned = runCli(['init'], { cwd: clone });
    expect(warned.exitCode).toBe(0);
    expect(warned.stdout).toContain('wrote .talentrisk.yml');
    expect(warned.stderr).toBe(
      'talentrisk: warning: this is a shallow clone: the figures cover only the fetched history (run `git fetch --unshallow` for all of it)\n' +
        "talentrisk: warning: the changes of the commit at the shallow clone's boundary are not counted: git shows it without parents, as adding every file\n",
    );
    const quiet = runCli(['init', '--quiet', '--force'], { cwd: clone });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stderr).toBe('');
    // The file says it too: the warning stays in the terminal, the file in the repository (ohmyzsh, a CI maintainer).
    expect(readFileSync(path.join(clone, '.talentrisk.yml'), 'utf8').split('\n')[1]).toBe(
      '# Written in a shallow clone: the figures below rest on its 1 fetched commit only. For those of the whole history, run `git fetch --unshallow`, then `talentrisk init --force`.',
    );
  });

  // ohmyzsh, a CI maintainer: `cache/` and `log/`, a .gitkeep each, were offered with "check fails
  // on it today"; and "Void", named only in a Co-authored-by trailer, as a bot of "0 commits".
  it('leaves out folders of placeholder files only, and says "co-author only" of a bot candidate with no commit', () => {
    const repo = buildRepo([
      ...history,
      { author: 'ada', write: { 'cache/.gitkeep': '', 'log/.gitkeep': '', 'log/.gitignore': '*\n!.gitignore\n' } },
      { author: 'bob', write: { 'src/pay/a.ts': 4 }, coAuthors: [{ name: 'Void', email: 'vst4rbot@example.com' }] },
    ]);
    expect(runCli(['init', '--quiet'], { cwd: repo.dir }).exitCode).toBe(0);
    const text = readFileSync(path.join(repo.dir, '.talentrisk.yml'), 'utf8');
    expect(text).not.toContain('# - name: "cache"');
    expect(text).not.toContain('# - name: "log"');
    expect(text).toContain('  # (left out: cache, log, which hold only placeholder files such as .gitkeep)\n');
    expect(text).toContain('  # - "Void"    # co-author only, no commit of its own\n');
    expect(text).not.toContain('0 commits');
    // Without the shallow clone's line.
    expect(text).not.toContain('shallow');
  });

  it('refuses to overwrite an existing config without --force (exit 2, file untouched), replaces it with --force', () => {
    const repo = buildRepo(history);
    const file = path.join(repo.dir, '.talentrisk.yml');
    writeFileSync(file, 'version: 1 # mine\n');
    const refused = runCli(['init'], { cwd: repo.dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'talentrisk: .talentrisk.yml already exists\n  edit it by hand, or pass --force to replace it with a new starter config (your edits would be lost)\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('version: 1 # mine\n');
    const forced = runCli(['init', '--force'], { cwd: repo.dir });
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('talentrisk configuration, written by `talentrisk init`');
  });

  // Regression (adversarial test): with a .talentrisk.yaml, --force wrote a new .talentrisk.yml
  // beside it, which the commands read first: the user's config stopped counting without a word.
  it('replaces the .talentrisk.yaml the commands read with --force, and writes no .talentrisk.yml beside it', () => {
    const repo = buildRepo(history);
    const yaml = path.join(repo.dir, '.talentrisk.yaml');
    writeFileSync(yaml, 'version: 1 # mine\n');
    const refused = runCli(['init'], { cwd: repo.dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/^talentrisk: \.talentrisk\.yaml already exists\n/);
    expect(runCli(['init', '--force'], { cwd: repo.dir }).exitCode).toBe(0);
    expect(readFileSync(yaml, 'utf8')).toContain('talentrisk configuration, written by `talentrisk init`');
    expect(existsSync(path.join(repo.dir, '.talentrisk.yml'))).toBe(false);
  });

  // Regression (review): init --force appended the starter config to a FIFO .talentrisk.yml and
  // blocked; init --output starter.yml/ wrote starter.yml.
  it.skipIf(process.platform === 'win32')('refuses a .talentrisk.yml that is a pipe, and an --output that ends with "/"', () => {
    const repo = buildRepo(history);
    execFileSync('mkfifo', [path.join(repo.dir, '.talentrisk.yml')]);
    const piped = runCli(['init', '--force'], { cwd: repo.dir, timeoutMs: 60_000 });
    expect(piped.exitCode).toBe(2);
    expect(piped.stderr.split('\n')[0]).toBe('talentrisk: .talentrisk.yml is not a regular file (a pipe or a device?)');
    const slashed = runCli(['init', '--output', 'starter.yml/'], { cwd: repo.dir });
    expect(slashed.exitCode).toBe(2);
    expect(slashed.stderr.split('\n')[0]).toBe('talentrisk: starter.yml/ ends with "/", so it names a folder, and there is no such folder');
    expect(existsSync(path.join(repo.dir, 'starter.yml'))).toBe(false);
  });

  // Regression (hostile-repository test): --force wrote through a link into ../precious.txt, and a
  // dangling link made init create its target outside the repository.
  it('never writes through a .talentrisk.yml that is a symbolic link, even with --force', () => {
    const repo = buildRepo(history);
    const precious = path.join(path.dirname(repo.dir), `precious-${path.basename(repo.dir)}.txt`);
    writeFileSync(precious, 'keep me\n');
    const link = path.join(repo.dir, '.talentrisk.yml');
    symlinkSync(precious, link);
    const refused = runCli(['init', '--force'], { cwd: repo.dir });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`talentrisk: .talentrisk.yml is a symbolic link to ${precious}; init does not write through it\n  remove the link first, or pass --output <file> to write the starter config elsewhere\n`);
    expect(readFileSync(precious, 'utf8')).toBe('keep me\n');
    // Named with --output, it is the same link (review).
    expect(runCli(['init', '--output', '.talentrisk.yml', '--force'], { cwd: repo.dir }).exitCode).toBe(2);
    expect(readFileSync(precious, 'utf8')).toBe('keep me\n');
    rmSync(link);
    const nowhere = `${precious}.absent`;
    symlinkSync(nowhere, link);
    expect(runCli(['init'], { cwd: repo.dir }).exitCode).toBe(2);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('--output /dev/stdout prints the config on stdout (what init says goes to stderr), and touches no file', () => {
    const repo = buildRepo(history);
    const printed = runCli(['init', '--output', '/dev/stdout'], { cwd: repo.dir });
    expect(printed.exitCode).toBe(0);
    expect(printed.stdout).toContain('talentrisk configuration, written by `talentrisk init`');
    expect(printed.stderr).toMatch(/^wrote \/dev\/stdout: /);
    expect(existsSync(path.join(repo.dir, '.talentrisk.yml'))).toBe(false);
    // --quiet: nothing but the config (a user test: "wrote /dev/stdout: …" on stderr all the same).
    const quiet = runCli(['init', '--output', '/dev/stdout', '-q'], { cwd: repo.dir });
    expect(quiet.stdout).toBe(printed.stdout);
    expect(quiet.stderr).toBe('');
    const quietFile = runCli(['init', '-q'], { cwd: repo.dir });
    expect(quietFile.exitCode).toBe(0);
    expect(quietFile.stdout + quietFile.stderr).toBe('');
  });

  it('also refuses when the config is .talentrisk.yaml, and writes elsewhere with --output', async () => {
    const repo = buildRepo(history);
    writeFileSync(path.join(repo.dir, '.talentrisk.yaml'), 'version: 1\n');
    expect(runCli(['init'], { cwd: repo.dir }).stderr.split('\n')[0]).toBe('talentrisk: .talentrisk.yaml already exists');
    const other = runCli(['init', '--output', 'ci/talentrisk.yml'], { cwd: repo.dir });
    expect(other.stderr).toContain('cannot write ci/talentrisk.yml: the folder ci does not exist');
    expect(other.exitCode).toBe(2);
    mkdirSync(path.join(repo.dir, 'ci'));
    expect(runCli(['init', '--output', 'ci/talentrisk.yml'], { cwd: repo.dir }).exitCode).toBe(0);
    expect((await loadConfig(repo.dir, path.join(repo.dir, 'ci/talentrisk.yml'))).config.critical).toEqual([]);
  });

  it('init, uncomment a candidate, check: the single-owner module fails, the two-owner one passes', () => {
    const repo = buildRepo(history);
    expect(runCli(['init'], { cwd: repo.dir }).exitCode).toBe(0);
    const file = path.join(repo.dir, '.talentrisk.yml');
    const uncomment = (name: string) => {
      const lines = readFileSync(file, 'utf8').split('\n');
      const start = lines.indexOf(`  # - name: "${name}"`);
      for (let i = start; i < start + 3; i++) lines[i] = (lines[i] as string).replace('  # ', '  ');
      writeFileSync(file, lines.join('\n'));
    };
    uncomment('src/auth');
    expect(runCli(['check'], { cwd: repo.dir }).exitCode).toBe(0);
    uncomment('src/pay');
    const failed = runCli(['check'], { cwd: repo.dir });
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain('1 of 2 critical systems has too few owners: src/pay.');
  });
});

describe('init --output', { tags: ['slow'] }, () => {
  it('refuses a value that reads as an option (it wrote a file named --no-cache; review)', () => {
    const repo = buildRepo(history);
    const result = runCli(['init', '--output', '--no-cache'], { cwd: repo.dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^talentrisk: option '-o, --output <file>' argument '--no-cache' is invalid\./);
    expect(existsSync(path.join(repo.dir, '--no-cache'))).toBe(false);
  });
});

describe('init module candidates', () => {
  it('proposes the modules that ship first, riskiest first; tests, examples and tiny modules after them (vite: 15 fixtures and playgrounds, packages/vite left out)', async () => {
    const { starterInput } = await import('../../src/cli/commands/init.ts');
    const { analyzeRepo } = await import('../helpers/analyze.ts');
    const files = (folder: string, count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`${folder}/f${i}.ts`, 3]));
    const repo = buildRepo([
      { author: 'ada', write: { ...files('src', 8), ...files('test', 6), ...files('examples', 5), ...files('tiny', 2) } },
      { author: 'ada', write: files('lib', 6) },
      { author: 'bob', write: files('lib', 6) },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const input = starterInput(analysis, repo.dir, undefined);
    expect(input.modules.map((m) => [m.path, m.truckFactor])).toEqual([
      ['src', 1],
      ['lib', 2],
      ['test', 1],
      ['examples', 1],
      ['tiny', 1],
    ]);
    expect(input.moduleCount).toBe(5);
  });
});
