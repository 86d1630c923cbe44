import { execFileSync } from 'node:child_process';
import fs, { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runScan, type ScanOptions } from '../../src/cli/commands/scan.ts';
import { openHistoryCache } from '../../src/git/cache.ts';
import type { Io } from '../../src/cli/io.ts';
import { ExitCode } from '../../src/errors.ts';
import { buildRepo, commitEditedRename, gitOnPath, removeObject, type FixtureRepo } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { buildDecayRepo } from '../model/departures-fixture.ts';

const cacheDir = (repo: FixtureRepo) => path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1');
const entries = (repo: FixtureRepo, kind: string) => readdirSync(cacheDir(repo)).filter((name) => name.endsWith(`.${kind}`));
const withoutClock = (stdout: string) => stdout.replace(/"analyzedAt": "[^"]*"/, '"analyzedAt": …');
const CRITICAL = 'critical:\n  - name: core\n    paths: ["core/**"]\n    minOwners: 2\n';

/** Leaves only the stored reports: a scan that prints without them read nothing else. */
function keepOnlyReports(repo: FixtureRepo): void {
  for (const name of readdirSync(cacheDir(repo))) if (!name.endsWith('.report')) rmSync(path.join(cacheDir(repo), name));
}

describe('a stored report', { tags: ['slow'] }, () => {
  it('is printed again as it was (the time of analysis set to now), without decoding the result or walking the history', () => {
    const repo = buildDecayRepo();
    const args = ['scan', '--format', 'json', '--until', '2025-06-01', '--depth', '1', '--leaving', 'bob'];
    const first = runCli(args, { cwd: repo.dir });
    expect(first.exitCode).toBe(0);
    expect(entries(repo, 'report')).toHaveLength(1);
    keepOnlyReports(repo);
    const started = new Date();
    const second = runCli(args, { cwd: repo.dir });
    expect(second.exitCode).toBe(0);
    expect(withoutClock(second.stdout)).toBe(withoutClock(first.stdout));
    const analyzedAt = new Date(JSON.parse(second.stdout).repository.analyzedAt as string);
    expect(analyzedAt.getTime()).toBeGreaterThanOrEqual(started.getTime());
    expect(analyzedAt.getTime()).toBeLessThanOrEqual(Date.now());
    // Nothing else was needed: no history was read (and so none cached again).
    expect(readdirSync(cacheDir(repo)).filter((name) => !name.endsWith('.report'))).toEqual([]);
    expect(withoutClock(runCli([...args, '--no-cache'], { cwd: repo.dir }).stdout)).toBe(withoutClock(first.stdout));
  });

  it('is one per set of options, config file name and colours: each prints what a scan without the cache prints', () => {
    const repo = buildDecayRepo();
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), CRITICAL);
    copyFileSync(path.join(repo.dir, '.talentrisk.yml'), path.join(repo.dir, 'other.yml'));
    const base = ['scan', '--until', '2025-06-01', '--depth', '1'];
    const variants: { args: string[]; env?: Record<string, string> }[] = [
      { args: base },
      { args: [...base, '--leaving', 'bob'] },
      // The same config under another name: the same analysis, but the table names the file.
      { args: [...base, '--config', 'other.yml'] },
      { args: base, env: { NO_COLOR: '', FORCE_COLOR: '1' } },
      { args: [...base, '--format', 'json'] },
      { args: [...base, '--format', 'json', '--leaving', 'bob'] },
    ];
    const expected = variants.map(({ args, env }) => runCli([...args, '--no-cache'], { cwd: repo.dir, ...(env ? { env } : {}) }).stdout);
    expect(new Set(expected.map(withoutClock)).size).toBe(variants.length);
    expect(expected[2]).toContain('other.yml');
    for (let round = 0; round < 2; round++) {
      variants.forEach(({ args, env }, index) => {
        const run = runCli(args, { cwd: repo.dir, ...(env ? { env } : {}) });
        expect(run.exitCode).toBe(0);
        expect(withoutClock(run.stdout), `${args.join(' ')} ${JSON.stringify(env ?? {})}, round ${round}`).toBe(withoutClock(expected[index] as string));
      });
      expect(entries(repo, 'report')).toHaveLength(variants.length);
    }
  });

  it('is one per terminal width (the table fits its paths to it), and one for every width when piped', async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a-rather-long-module-name-with-a-rather-long-tail-too/src/file.ts': 3 } },
      { author: 'bob', write: { 'a-rather-long-module-name-with-a-rather-long-tail-too/src/file.ts': 1 } },
    ]);
    const scan = async (columns: number, cache: boolean, isTTY = true) => {
      const out: (string | Uint8Array)[] = [];
      const io: Io = { stdout: { write: (text) => out.push(text), columns, isTTY }, stderr: { write: () => true }, env: { PATH: process.env.PATH, HOME: process.env.HOME }, cwd: repo.dir };
      await runScan(undefined, { rev: 'HEAD', model: 'talentrisk', format: 'table', quiet: true, color: false, cache, depth: 1 }, io);
      return out.map((piece) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8'))).join('');
    };
    const narrow = await scan(70, false);
    const wide = await scan(140, false);
    expect(narrow).not.toBe(wide);
    for (let round = 0; round < 2; round++) {
      expect(await scan(70, true)).toBe(narrow);
      expect(await scan(140, true)).toBe(wide);
    }
    expect(entries(repo, 'report')).toHaveLength(2);
    // Piped, the paths are whole whatever the width: one stored report serves both.
    const piped = await scan(70, true, false);
    expect(piped).toContain('a-rather-long-module-name-with-a-rather-long-tail-too ');
    expect(await scan(140, true, false)).toBe(piped);
    expect(entries(repo, 'report')).toHaveLength(3);
  });

  it('that is corrupt is printed again from the result, silently, and stored anew', () => {
    const repo = buildDecayRepo();
    const args = ['scan', '--format', 'json', '--until', '2025-06-01'];
    const first = runCli(args, { cwd: repo.dir });
    const [name] = entries(repo, 'report');
    const file = path.join(cacheDir(repo), name as string);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 9) ^ 0x20, bytes.length - 9);
    writeFileSync(file, bytes);
    const second = runCli(args, { cwd: repo.dir });
    expect(second.exitCode).toBe(0);
    expect(second.stderr).toBe('');
    expect(withoutClock(second.stdout)).toBe(withoutClock(first.stdout));
    expect(readFileSync(file).equals(bytes)).toBe(false);
    keepOnlyReports(repo);
    expect(withoutClock(runCli(args, { cwd: repo.dir }).stdout)).toBe(withoutClock(first.stdout));
  });

  it('keeps the warnings of its result: printed again on stderr (JSON), or in the table', () => {
    const repo = buildDecayRepo();
    // A glob that matches nothing is a warning of the analysis.
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), 'exclude: ["nothing/**"]\n');
    for (const args of [
      ['scan', '--format', 'json', '--until', '2025-06-01'],
      ['scan', '--until', '2025-06-01'],
    ]) {
      const first = runCli(args, { cwd: repo.dir });
      const warning = 'talentrisk: warning: config exclude glob "nothing/**" matches no tracked file';
      expect(args.includes('json') ? first.stderr : first.stdout).toContain(args.includes('json') ? warning : 'nothing/**');
      keepOnlyReports(repo);
      const second = runCli(args, { cwd: repo.dir });
      expect(second.stderr).toBe(first.stderr);
      expect(withoutClock(second.stdout)).toBe(withoutClock(first.stdout));
    }
  });

  it('reads only regular files as entries: a FIFO hung the scan, a link to /dev/zero filled memory (a restored CI cache may hold either)', () => {
    const repo = buildDecayRepo();
    const args = ['scan', '--until', '2025-06-01'];
    const clean = runCli([...args, '--no-cache'], { cwd: repo.dir });
    runCli(args, { cwd: repo.dir });
    const names = readdirSync(cacheDir(repo)).filter((name) => /\.(report|result|list|chunk)$/.test(name));
    for (const [index, name] of names.entries()) {
      const file = path.join(cacheDir(repo), name);
      rmSync(file);
      if (index % 2 === 0) execFileSync('mkfifo', [file]);
      else fs.symlinkSync('/dev/zero', file);
    }
    const again = runCli(args, { cwd: repo.dir, timeoutMs: 30_000 });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toBe(clean.stdout);
    expect(again.stderr).toMatch(/is not a regular file; ignored and rebuilt/);
    expect(again.stderr).toMatch(/is a symbolic link; ignored and rebuilt/);
    // Replaced by entries of its own, read back quietly.
    expect(runCli(args, { cwd: repo.dir }).stderr).toBe(clean.stderr);
    // The last tip too (read when a commit is new): a FIFO there hung the next scan.
    const tip = path.join(cacheDir(repo), 'last-tip');
    rmSync(tip);
    execFileSync('mkfifo', [tip]);
    repo.commit({ author: 'ada', at: '2025-05-01T10:00:00Z', write: { 'extra.ts': 3 } });
    const next = runCli(args, { cwd: repo.dir, timeoutMs: 30_000 });
    expect(next.exitCode).toBe(0);
    expect(next.stdout).toBe(runCli([...args, '--no-cache'], { cwd: repo.dir }).stdout);
  });

  it("leaves a run's cache problems out of the report (stderr only), so the report stored is the clean one", () => {
    const repo = buildDecayRepo();
    const args = ['scan', '--until', '2025-06-01'];
    runCli(args, { cwd: repo.dir });
    // The result and report gone, the commit list damaged: the next scan rebuilds it and says so.
    for (const name of readdirSync(cacheDir(repo))) {
      const file = path.join(cacheDir(repo), name);
      if (/\.(result|report|derived)$/.test(name)) rmSync(file);
      if (name.endsWith('.list')) writeFileSync(file, 'garbage');
    }
    const clean = runCli([...args, '--no-cache'], { cwd: repo.dir });
    expect(clean.stdout + clean.stderr).not.toMatch(/rebuilt/);
    const rebuilt = runCli(args, { cwd: repo.dir });
    expect(rebuilt.stderr).toMatch(/^talentrisk: warning: .*\.list is .*ignored and rebuilt$/m);
    expect(rebuilt.stdout).toBe(clean.stdout);
    expect(entries(repo, 'report')).toHaveLength(1);
    for (let i = 0; i < 2; i++) {
      const again = runCli(args, { cwd: repo.dir });
      expect(again.stdout).toBe(clean.stdout);
      expect(again.stderr).toBe(clean.stderr);
    }
    // --quiet silences them, as it does every warning.
    for (const name of entries(repo, 'list')) writeFileSync(path.join(cacheDir(repo), name), 'garbage');
    for (const name of readdirSync(cacheDir(repo)).filter((n) => /\.(result|report|derived)$/.test(n))) rmSync(path.join(cacheDir(repo), name));
    expect(runCli([...args, '--quiet'], { cwd: repo.dir }).stderr).toBe('');
  });

  it('is not printed again once a blob git could not read is back: the result, its figures and its reports are made again', () => {
    for (const format of ['json', 'table']) {
      // A rename with edits: git needs the old blob to see it, and the blob is missing.
      const repo = buildRepo([
        { author: 'ada', write: { 'core/a.ts': 12, 'core/b.ts': 6 } },
        { author: 'bob', write: { 'core/b.ts': 3 } },
      ]);
      const restore = removeObject(repo, commitEditedRename(repo, 'bob', 'core/a.ts', 'core/c.ts'));
      const args = ['scan', '--format', format, '--until', '2025-06-01'];
      const first = runCli(args, { cwd: repo.dir });
      // Naming the commit (deno's user could not tell which one it was).
      expect(first.stderr + first.stdout).toContain(`rename detection was limited to files moved unchanged (or, where git could not compare even those, turned off) in 1 commit(s) (${repo.git('rev-parse', 'HEAD').trim().slice(0, 12)}) because`);
      expect(withoutClock(runCli(args, { cwd: repo.dir }).stdout)).toBe(withoutClock(first.stdout));
      expect(entries(repo, 'report')).toHaveLength(1);
      restore();
      const clean = runCli([...args, '--no-cache'], { cwd: repo.dir });
      expect(clean.stderr + clean.stdout).not.toMatch(/rename detection was limited/);
      for (let i = 0; i < 2; i++) {
        const again = runCli(args, { cwd: repo.dir });
        expect(withoutClock(again.stdout), `${format} ${i}`).toBe(withoutClock(clean.stdout));
        expect(again.stderr).toBe(clean.stderr);
      }
    }
  });

  it('asks git once per repeat scan whether the blobs of several commits read without renames are back', () => {
    // Three renames with edits, each old blob missing.
    const repo = buildRepo([{ author: 'ada', write: { 'core/a.ts': 12, 'core/b.ts': 12, 'core/c.ts': 12 } }]);
    const blobs = ['a', 'b', 'c'].map((name) => commitEditedRename(repo, 'bob', `core/${name}.ts`, `core/${name}2.ts`));
    for (const blob of blobs) removeObject(repo, blob);
    const log = path.join(repo.dir, '..', `${path.basename(repo.dir)}-git-calls.txt`);
    const { PATH } = gitOnPath((realGit) => `echo "$*" >> "${log}"\nexec "${realGit}" "$@"`);
    const args = ['scan', '--format', 'json', '--until', '2025-06-01'];
    const first = runCli(args, { cwd: repo.dir, env: { PATH } });
    expect(JSON.parse(first.stdout).stats.commitsWithoutRenames).toBe(3);
    writeFileSync(log, '');
    const again = runCli(args, { cwd: repo.dir, env: { PATH } });
    expect(withoutClock(again.stdout)).toBe(withoutClock(first.stdout));
    const calls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    // The revision and environment calls, then one cat-file: no git log at all.
    expect(calls.filter((call) => / (log|cat-file) /.test(` ${call} `) && !/^log .*-1 --no-walk /.test(call))).toEqual(['cat-file --batch-check']);
  });

  it('that cannot be stored (a full disk) is printed all the same, with a warning', async () => {
    const repo = buildDecayRepo();
    const run = async () => {
      const out: (string | Uint8Array)[] = [];
      const err: string[] = [];
      const io: Io = { stdout: { write: (text) => out.push(text) }, stderr: { write: (text: string) => err.push(text) }, env: { PATH: process.env.PATH, HOME: process.env.HOME }, cwd: repo.dir };
      const code = await runScan(undefined, { rev: 'HEAD', model: 'talentrisk', format: 'json', until: new Date('2025-06-01T23:59:59Z') }, io);
      return { code, stdout: withoutClock(out.map((piece) => Buffer.from(piece).toString('utf8')).join('')), stderr: err.join('') };
    };
    const first = await run();
    for (const name of entries(repo, 'report')) rmSync(path.join(cacheDir(repo), name));
    // The disk is full for the report's entry only (the descriptor its temp file was opened as).
    const reportFds = new Set<number>();
    const originalOpen = fs.openSync;
    const opened = vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (originalOpen as (file: fs.PathLike, ...rest: unknown[]) => number)(file, ...rest);
      if (String(file).includes('.report.tmp-')) reportFds.add(fd);
      return fd;
    }) as typeof fs.openSync);
    const originalWrite = fs.writeSync;
    const written = vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (reportFds.has(fd)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return (originalWrite as (fd: number, ...rest: unknown[]) => number)(fd, ...rest);
    }) as typeof fs.writeSync);
    let second: Awaited<ReturnType<typeof run>>;
    try {
      second = await run();
    } finally {
      opened.mockRestore();
      written.mockRestore();
    }
    expect(reportFds.size).toBe(1);
    expect(second.code).toBe(ExitCode.Ok);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toMatch(/^talentrisk: warning: could not write the history cache in .* \(ENOSPC\)/);
    expect(readdirSync(cacheDir(repo)).filter((name) => name.includes('.report'))).toEqual([]);
  });

  it('is neither written without a cache nor left half-written when printing fails', async () => {
    const repo = buildDecayRepo();
    runCli(['scan', '--format', 'json', '--no-cache', '--until', '2025-06-01'], { cwd: repo.dir });
    expect(() => readdirSync(cacheDir(repo))).toThrow();
    // stdout fails after the first piece (a closed pipe): the error is the command's, and no
    // report is stored, nor any temp file left.
    let pieces = 0;
    const io: Io = {
      stdout: {
        write: () => {
          if (++pieces > 1) throw new Error('EPIPE: broken pipe');
          return true;
        },
      },
      stderr: { write: () => true },
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      cwd: repo.dir,
    };
    const options: ScanOptions = { rev: 'HEAD', model: 'talentrisk', format: 'json', until: new Date('2025-06-01T23:59:59Z'), quiet: true };
    await expect(runScan(undefined, options, io)).rejects.toThrow(/EPIPE/);
    expect(pieces).toBe(2);
    expect(entries(repo, 'result')).toHaveLength(1);
    expect(readdirSync(cacheDir(repo)).filter((name) => name.includes('.report'))).toEqual([]);
  });
});

describe('a parsed config kept in the cache', { tags: ['slow'] }, () => {
  it('is used while the file is unchanged, and an edited file is read anew (errors included)', () => {
    const repo = buildDecayRepo();
    const config = path.join(repo.dir, '.talentrisk.yml');
    writeFileSync(config, CRITICAL);
    const first = runCli(['check'], { cwd: repo.dir });
    expect(entries(repo, 'config')).toHaveLength(1);
    const second = runCli(['check'], { cwd: repo.dir });
    expect([second.exitCode, second.stdout, second.stderr]).toEqual([first.exitCode, first.stdout, first.stderr]);
    expect(entries(repo, 'config')).toHaveLength(1);
    // One owner is enough now: the verdict follows the file, not the kept copy.
    writeFileSync(config, CRITICAL.replace('minOwners: 2', 'minOwners: 1'));
    expect(first.exitCode).toBe(ExitCode.CheckFailed);
    const edited = runCli(['check'], { cwd: repo.dir });
    expect(edited.exitCode).toBe(ExitCode.Ok);
    expect(entries(repo, 'config')).toHaveLength(2);
    writeFileSync(config, CRITICAL.replace('minOwners: 2', 'minOwners: 0'));
    const broken = runCli(['check'], { cwd: repo.dir });
    expect(broken.exitCode).toBe(ExitCode.UserError);
    expect(broken.stderr).toContain('.talentrisk.yml:4:16 critical.0.minOwners: minOwners must be at least 1');
    expect(entries(repo, 'config')).toHaveLength(2);
  });

  it('that is sound on disk but not a config (another build’s, forged) is parsed again', () => {
    const repo = buildDecayRepo();
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), CRITICAL);
    const first = runCli(['check'], { cwd: repo.dir });
    const [name] = entries(repo, 'config');
    const key = (name as string).replace(/\.config$/, '');
    // A valid entry (header, checksum) whose content lacks most of a config.
    openHistoryCache({ gitDir: path.join(repo.dir, '.git') }, () => undefined).writeResult(key, (emit) => emit(Buffer.from(JSON.stringify({ config: { critical: [{ name: 'x' }] }, positions: [] }))), 'config');
    const second = runCli(['check'], { cwd: repo.dir });
    expect([second.exitCode, second.stdout, second.stderr]).toEqual([first.exitCode, first.stdout, first.stderr]);
  });

  it('is not looked for, nor the cache made, when there is no config', () => {
    const repo = buildDecayRepo();
    // check without critical systems stops before any analysis.
    expect(runCli(['check'], { cwd: repo.dir }).exitCode).toBe(ExitCode.UserError);
    expect(() => readdirSync(cacheDir(repo))).toThrow();
  });

  it('is not written with --no-cache', () => {
    const repo = buildDecayRepo();
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), CRITICAL);
    runCli(['check', '--no-cache'], { cwd: repo.dir });
    expect(() => readdirSync(cacheDir(repo))).toThrow();
  });
});

describe('a stored check evaluation', { tags: ['slow'] }, () => {
  const SYSTEMS = `${CRITICAL}  - name: web\n    paths: ["web/**", "docs/**"]\n`;
  const FORMATS = ['text', 'json', 'github', 'markdown', 'sarif', 'junit'];
  // The JSON's time of analysis is each run's own (stored or not).
  const outcome = (run: ReturnType<typeof runCli>) => [run.exitCode, withoutClock(run.stdout), run.stderr];

  it('answers the same check again without decoding the result, in every format as --no-cache does', () => {
    const repo = buildDecayRepo();
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), SYSTEMS);
    const base = ['check', '--until', '2025-06-01'];
    const first = runCli(base, { cwd: repo.dir });
    expect(first.exitCode).toBe(ExitCode.CheckFailed);
    expect(entries(repo, 'report')).toHaveLength(1);
    // Only the evaluation is left (and the parsed config): every format is printed from it.
    for (const name of readdirSync(cacheDir(repo))) if (!/\.(report|config)$/.test(name)) rmSync(path.join(cacheDir(repo), name));
    for (const format of FORMATS) {
      const args = [...base, '--format', format];
      expect(outcome(runCli(args, { cwd: repo.dir })), format).toEqual(outcome(runCli([...args, '--no-cache'], { cwd: repo.dir })));
    }
    expect(readdirSync(cacheDir(repo)).filter((name) => !/\.(report|config)$/.test(name))).toEqual([]);
  });

  it('that is sound on disk but not an evaluation of these systems (forged, another build’s) is made again', () => {
    const repo = buildDecayRepo();
    writeFileSync(path.join(repo.dir, '.talentrisk.yml'), SYSTEMS);
    const first = runCli(['check'], { cwd: repo.dir });
    expect(first.exitCode).toBe(ExitCode.CheckFailed);
    const [name] = entries(repo, 'report');
    const key = (name as string).replace(/\.report$/, '');
    const cache = openHistoryCache({ gitDir: path.join(repo.dir, '.git') }, () => undefined);
    // Valid entries (header, checksum, the report's trailer) holding what check cannot use: with
    // no system, the gate would pass.
    for (const forged of ['not json', '{}', '{"repository":{"revision":"x"},"systems":[],"departing":[]}']) {
      const trailer = Buffer.from(JSON.stringify({ time: null, warnings: [] }));
      const size = Buffer.alloc(4);
      size.writeUInt32LE(trailer.length);
      cache.writeResult(key, (emit) => emit(Buffer.concat([Buffer.from(forged), trailer, size])), 'report');
      expect(outcome(runCli(['check'], { cwd: repo.dir })), forged).toEqual(outcome(first));
    }
  });

  it("takes this run's --leaving, --changed and the config file's lines, not the stored run's", () => {
    const repo = buildDecayRepo();
    const config = path.join(repo.dir, '.talentrisk.yml');
    writeFileSync(config, SYSTEMS);
    const base = ['check', '--until', '2025-06-01', '--format', 'github'];
    const before = runCli(base, { cwd: repo.dir });
    expect(before.stdout).toContain('file=.talentrisk.yml,line=6,title=web%3A unused glob');
    const variants = [
      [...base, '--leaving', 'bob'],
      [...base, '--changed', 'HEAD~1'],
      [...base, '--changed', 'HEAD~5'],
    ];
    for (const args of variants) {
      const expected = runCli([...args, '--no-cache'], { cwd: repo.dir });
      expect(outcome(runCli(args, { cwd: repo.dir })), args.join(' ')).toEqual(outcome(expected));
      expect(outcome(runCli(args, { cwd: repo.dir })), args.join(' ')).toEqual(outcome(expected));
    }
    // The same systems two lines lower: the same analysis, but the annotations point at the new lines.
    writeFileSync(config, `# critical systems\n\n${SYSTEMS}`);
    const moved = runCli(base, { cwd: repo.dir });
    expect(moved.stdout).toContain('file=.talentrisk.yml,line=8,title=web%3A unused glob');
    expect(outcome(moved)).toEqual(outcome(runCli([...base, '--no-cache'], { cwd: repo.dir })));
  });
});
