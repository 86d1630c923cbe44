#!/usr/bin/env node
// talentrisk bench (issue #2 item 10, issue #5): per repository, the raw history walk git itself
// does, the cold scan (empty cache) and the warm scan (cache filled, no new commit), each several
// times, interleaved so that background load hits all of them alike. Prints medians, the ratios
// scan/raw and the scan's peak RSS. Never part of the tests: timings live here only.
//
//   npm run bench -- [options] <repo> [more repos]
//     --runs N           repetitions of each measurement (default 5)
//     --variants LIST    any of raw,cold,warm,history,nocache,plus1 (default raw,cold,warm)
//                        warm: nothing new (the stored report is printed again); history: the
//                        history is cached but not the result (a scan on the next day, or with
//                        other settings); nocache: `scan --no-cache`; plus1: one new commit
//     --tool [NAME=]DIR  checkout whose bin/talentrisk.js is measured (default: this one);
//                        repeat it to compare builds within one run (e.g. --tool before=/tmp/old)
//     --work DIR         where the private git dirs live (default $TMPDIR/talentrisk-bench)
//     --in-place         scan the repository itself (its git dir receives the cache)
//     --json FILE        also write every sample as JSON
//     --node-arg ARG     extra argument for the measured node (e.g. --cpu-prof), repeatable
//
// Method. Each repository is scanned through a private git directory that borrows its objects
// (objects/info/alternates) and copies its refs, so the cache the scan writes never lands in the
// repository under test (it may be read-only, or someone else's). The raw walk is
// `git log --no-merges --name-status -M <rev>` with its output sent to /dev/null. When it dies on a
// missing blob (a history without its large files), the baseline becomes the time until it died,
// plus the failing commit with --no-renames, plus the rest walked with -M from a precomputed list
// (`git log --no-walk=unsorted --stdin`); the list is computed outside the timing, so this baseline
// is if anything too fast. Peak RSS is the talentrisk process's own (getrusage RUSAGE_SELF, via a
// preloaded probe, bench/rss-probe.mjs); git's children are not counted in it. When /usr/bin/time
// exists, the CPU time (user + system) of each measured process tree is recorded too: on a machine
// shared with other work, CPU seconds move far less than wall seconds.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opts = { runs: 5, variants: ['raw', 'cold', 'warm'], tools: [], work: path.join(os.tmpdir(), 'talentrisk-bench'), inPlace: false, json: undefined, nodeArgs: [] };
const repos = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  const value = () => {
    const next = args[++i];
    if (next === undefined) fail(`${arg} needs a value`);
    return next;
  };
  if (arg === '--runs') opts.runs = Math.max(1, Number(value()));
  else if (arg === '--variants') opts.variants = value().split(',');
  else if (arg === '--tool') {
    const spec = value();
    const at = spec.indexOf('=');
    const dir = path.resolve(at === -1 ? spec : spec.slice(at + 1));
    opts.tools.push({ name: at === -1 ? path.basename(dir) : spec.slice(0, at), dir });
  } else if (arg === '--work') opts.work = path.resolve(value());
  else if (arg === '--in-place') opts.inPlace = true;
  else if (arg === '--json') opts.json = path.resolve(value());
  else if (arg === '--node-arg') opts.nodeArgs.push(value());
  else if (arg === '--help' || arg === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 19).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
  else repos.push(path.resolve(arg));
}
if (repos.length === 0) fail('usage: npm run bench -- [--runs N] [--variants raw,cold,warm,history,nocache,plus1] [--tool DIR] <repo> [more repos]');
if (opts.tools.length === 0) opts.tools.push({ name: 'talentrisk', dir: path.resolve(here, '..') });
for (const tool of opts.tools) if (!existsSync(path.join(tool.dir, 'bin', 'talentrisk.js'))) fail(`no bin/talentrisk.js in ${tool.dir}`);
const probe = pathToFileURL(path.join(here, 'rss-probe.mjs')).href;
const gitEnv = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1' };
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const has = (variant) => opts.variants.includes(variant);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function git(dir, ...gitArgs) {
  return execFileSync('git', gitArgs, { cwd: dir, env: gitEnv, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A private git dir borrowing the repository's objects, so the scan's cache stays out of it. */
function privateGitDir(repo) {
  const gitDir = git(repo, 'rev-parse', '--absolute-git-dir').trim();
  if (opts.inPlace) return gitDir;
  const objects = path.resolve(gitDir, git(repo, 'rev-parse', '--git-path', 'objects').trim());
  const name = path.basename(repo.replace(/\/(repo|\.git)\/?$/, '')).replace(/[^\w.+-]/g, '_') || 'repo';
  const target = path.join(opts.work, `${name}.git`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.join(target, 'objects', 'info'), { recursive: true });
  mkdirSync(path.join(target, 'refs'), { recursive: true });
  writeFileSync(path.join(target, 'objects', 'info', 'alternates'), `${objects}\n`);
  writeFileSync(path.join(target, 'HEAD'), `${git(repo, 'rev-parse', 'HEAD').trim()}\n`);
  for (const file of ['packed-refs', 'shallow']) if (existsSync(path.join(gitDir, file))) cpSync(path.join(gitDir, file), path.join(target, file));
  writeFileSync(path.join(target, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
  return target;
}

/** Runs a command; wall seconds, exit code, stderr, and (with /usr/bin/time) its tree's CPU seconds. */
function timed(command, commandArgs, options = {}) {
  const cpuFile = TIME ? path.join(mkdtempSync(path.join(os.tmpdir(), 'trb-cpu-')), 'cpu') : undefined;
  const [bin, binArgs] = TIME ? [TIME, ['-f', '%U %S', '-o', cpuFile, command, ...commandArgs]] : [command, commandArgs];
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(bin, binArgs, options);
    let stderr = '';
    child.stderr?.on('data', (data) => {
      if (stderr.length < 100_000) stderr += data;
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let cpu = NaN;
      if (cpuFile) {
        const line = existsSync(cpuFile) ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1) : '';
        const [user, system] = (line ?? '').split(' ').map(Number);
        cpu = user + system;
        rmSync(path.dirname(cpuFile), { recursive: true, force: true });
      }
      resolve({ seconds, cpu, code, stderr });
    });
  });
}

const devNull = () => openSync('/dev/null', 'w');

/** Finds the commits where a plain -M walk dies (untimed), so the timed baseline can step over them. */
function planRawWalk(gitDir, sha) {
  const ids = git(gitDir, 'rev-list', '--no-merges', sha).split('\n').filter(Boolean);
  const failures = [];
  let start = 0;
  for (;;) {
    const out = spawnSync('git', start === 0 ? ['log', '--no-merges', '--format=%x1e%H', '--name-status', '-M', sha] : ['log', '--no-walk=unsorted', '--stdin', '--format=%x1e%H', '--name-status', '-M'], {
      cwd: gitDir,
      env: gitEnv,
      input: start === 0 ? undefined : ids.slice(start).join('\n'),
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
    if (out.status === 0) break;
    if (!/unable to read|missing blob|could not read/i.test(out.stderr)) fail(`git log failed in ${gitDir}: ${out.stderr.trim()}`);
    const printed = out.stdout.split('\x1e').length - 1;
    failures.push(start + printed);
    start += printed + 1;
    if (start >= ids.length) break;
  }
  return { ids, failures };
}

async function rawWalk(gitDir, sha, plan) {
  const out = devNull();
  const io = { cwd: gitDir, env: gitEnv, stdio: ['ignore', out, 'pipe'] };
  try {
    const first = await timed('git', ['log', '--no-merges', '--name-status', '-M', sha], io);
    if (plan.failures.length === 0 && first.code !== 0) fail(`raw walk failed: ${first.stderr.trim()}`);
    let { seconds, cpu } = first;
    // Step over each failing commit with --no-renames, then go on with -M from the list.
    for (let f = 0; f < plan.failures.length; f++) {
      const at = plan.failures[f];
      const skip = await timed('git', ['log', '--no-walk', '--name-status', '--no-renames', plan.ids[at]], io);
      seconds += skip.seconds;
      cpu += skip.cpu;
      const rest = plan.ids.slice(at + 1, plan.failures[f + 1] ?? plan.ids.length);
      if (rest.length === 0) continue;
      const more = await timed('git', ['log', '--no-walk=unsorted', '--stdin', '--name-status', '-M'], { ...io, stdio: ['pipe', out, 'pipe'], input: rest.join('\n') });
      seconds += more.seconds;
      cpu += more.cpu;
    }
    return { seconds, cpu };
  } finally {
    closeSync(out);
  }
}

async function scan(tool, gitDir, extra, label) {
  const probeFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'trb-rss-')), 'probe.json');
  const out = devNull();
  try {
    const result = await timed(process.execPath, [...opts.nodeArgs, '--import', probe, path.join(tool.dir, 'bin', 'talentrisk.js'), 'scan', gitDir, '--format', 'json', '--quiet', ...extra], {
      env: { ...process.env, TALENTRISK_BENCH_RSS_FILE: probeFile, NO_COLOR: '1' },
      stdio: ['ignore', out, 'pipe'],
    });
    if (result.code !== 0) fail(`${label} scan of ${gitDir} by ${tool.name} exited ${result.code}: ${result.stderr.trim()}`);
    const own = existsSync(probeFile) ? JSON.parse(readFileSync(probeFile, 'utf8')) : {};
    return { seconds: result.seconds, cpu: result.cpu, nodeCpu: (own.userSeconds ?? NaN) + (own.systemSeconds ?? NaN), rssMb: (own.maxRssKb ?? NaN) / 1024 };
  } finally {
    closeSync(out);
    rmSync(path.dirname(probeFile), { recursive: true, force: true });
  }
}

function clearCache(gitDir) {
  rmSync(path.join(gitDir, 'talentrisk'), { recursive: true, force: true });
}

/**
 * Removes the stored results and what hangs off them (derived figures, reports), as the next day
 * would (their keys name the analysis day): the next scan reads the cached history and computes again.
 */
function clearResults(gitDir) {
  const dir = path.join(gitDir, 'talentrisk', 'cache');
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) if (/\.(result|derived|report)$/.test(entry)) rmSync(path.join(dir, entry), { force: true });
}

function dirBytes(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(file) : statSync(file).size;
  }
  return total;
}

/** Moves the private git dir's HEAD one new commit ahead (one file added), for the plus1 variant. */
function addCommit(gitDir, sha, n) {
  const index = path.join(gitDir, `bench-index-${n}`);
  const env = { ...gitEnv, GIT_INDEX_FILE: index, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  const run = (input, ...a) => execFileSync('git', a, { cwd: gitDir, env, input, encoding: 'utf8' }).trim();
  run(undefined, 'read-tree', sha);
  const blob = run(`bench ${n} ${process.hrtime.bigint()}\n`, 'hash-object', '-w', '--stdin');
  run(undefined, 'update-index', '--add', '--cacheinfo', `100644,${blob},talentrisk-bench-${n}.txt`);
  const commit = run(undefined, 'commit-tree', run(undefined, 'write-tree'), '-p', sha, '-m', `bench ${n}`);
  rmSync(index, { force: true });
  writeFileSync(path.join(gitDir, 'HEAD'), `${commit}\n`);
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const VARIANTS = ['nocache', 'cold', 'warm', 'history', 'plus1'];

const results = [];
mkdirSync(opts.work, { recursive: true });
for (const repo of repos) {
  const gitDir = privateGitDir(repo);
  const sha = git(gitDir, 'rev-parse', 'HEAD').trim();
  const commits = Number(git(gitDir, 'rev-list', '--no-merges', '--count', sha).trim());
  const name = path.basename(gitDir).replace(/\.git$/, '');
  const plan = has('raw') ? planRawWalk(gitDir, sha) : { ids: [], failures: [] };
  process.stderr.write(`${name}: ${commits} commits${plan.failures.length ? `, the raw -M walk dies at ${plan.failures.length} commit(s) (missing blobs)` : ''}\n`);
  const raw = { seconds: [], cpu: [] };
  const perTool = opts.tools.map((tool) => ({ tool, cacheBytes: NaN, ...Object.fromEntries(VARIANTS.map((v) => [v, { seconds: [], cpu: [], nodeCpu: [], rssMb: [] }])) }));
  const record = (into, sample) => {
    for (const key of Object.keys(into)) into[key].push(sample[key]);
  };
  for (let run = 0; run < opts.runs; run++) {
    writeFileSync(path.join(gitDir, 'HEAD'), `${sha}\n`);
    if (has('raw')) record(raw, await rawWalk(gitDir, sha, plan));
    for (const t of perTool) {
      if (has('nocache')) record(t.nocache, await scan(t.tool, gitDir, ['--no-cache'], 'no-cache'));
      if (has('cold') || has('warm') || has('history') || has('plus1')) {
        clearCache(gitDir);
        const cold = await scan(t.tool, gitDir, [], 'cold');
        if (has('cold')) record(t.cold, cold);
        t.cacheBytes = dirBytes(path.join(gitDir, 'talentrisk'));
      }
      if (has('warm')) record(t.warm, await scan(t.tool, gitDir, [], 'warm'));
      if (has('history')) {
        clearResults(gitDir);
        record(t.history, await scan(t.tool, gitDir, [], 'history'));
      }
      if (has('plus1')) {
        addCommit(gitDir, sha, run);
        record(t.plus1, await scan(t.tool, gitDir, [], 'plus1'));
        writeFileSync(path.join(gitDir, 'HEAD'), `${sha}\n`);
      }
    }
    const line = perTool.map((t) => `${opts.tools.length > 1 ? `${t.tool.name}: ` : ''}${VARIANTS.filter((v) => t[v].seconds.length > run).map((v) => `${v} ${t[v].seconds[run].toFixed(2)}s`).join(', ')}`);
    process.stderr.write(`  run ${run + 1}/${opts.runs}: ${raw.seconds.length > run ? `raw ${raw.seconds[run].toFixed(2)}s; ` : ''}${line.join('; ')}\n`);
  }
  writeFileSync(path.join(gitDir, 'HEAD'), `${sha}\n`);
  const rawSeconds = median(raw.seconds);
  for (const t of perTool) {
    const row = { repository: name, tool: t.tool.name, commits, rawFailures: plan.failures.length, raw: rawSeconds, rawCpu: median(raw.cpu), cacheMb: t.cacheBytes / 1048576 };
    for (const v of VARIANTS) {
      row[v] = median(t[v].seconds);
      row[`${v}Ratio`] = row[v] / rawSeconds;
      row[`${v}Cpu`] = median(t[v].cpu);
      row[`${v}NodeCpu`] = median(t[v].nodeCpu);
    }
    row.peakRssMb = Math.max(...VARIANTS.flatMap((v) => t[v].rssMb).filter(Number.isFinite));
    row.samples = { raw, ...Object.fromEntries(VARIANTS.map((v) => [v, t[v]])) };
    results.push(row);
  }
}

const show = (v, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const columns = [
  ['repository', (r) => r.repository],
  ...(opts.tools.length > 1 ? [['build', (r) => r.tool]] : []),
  ['commits', (r) => String(r.commits)],
  ['raw s', (r) => show(r.raw) + (r.rawFailures ? '*' : '')],
  ...(has('nocache') ? [['no-cache s', (r) => show(r.nocache)]] : []),
  ['cold s', (r) => show(r.cold)],
  ['warm s', (r) => show(r.warm)],
  ...(has('history') ? [['history-cached s', (r) => show(r.history)]] : []),
  ...(has('plus1') ? [['+1 commit s', (r) => show(r.plus1)]] : []),
  ...(has('nocache') ? [['no-cache ratio', (r) => show(r.nocacheRatio)]] : []),
  ['cold ratio', (r) => show(r.coldRatio)],
  ['warm ratio', (r) => show(r.warmRatio, 3)],
  ...(has('history') ? [['history-cached ratio', (r) => show(r.historyRatio, 3)]] : []),
  ...(has('plus1') ? [['+1 ratio', (r) => show(r.plus1Ratio, 3)]] : []),
  ...(TIME ? [['raw CPU s', (r) => show(r.rawCpu)], ['cold CPU s', (r) => show(r.coldCpu)], ['(node)', (r) => show(r.coldNodeCpu)], ['warm CPU s', (r) => show(r.warmCpu)]] : []),
  ['peak RSS MB', (r) => show(r.peakRssMb, 0)],
  ['cache MB', (r) => show(r.cacheMb, 1)],
];
const widths = columns.map(([title, cell]) => Math.max(title.length, ...results.map((r) => cell(r).length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\ntalentrisk bench: medians of ${opts.runs} run(s); ${os.availableParallelism?.() ?? os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; node ${process.version}; ${git('.', 'version').trim()}`);
console.log(line(columns.map(([title]) => title)));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of results) console.log(line(columns.map(([, cell]) => cell(r))));
if (results.some((r) => r.rawFailures)) console.log('* the raw -M walk dies on a missing blob; its time includes stepping over the failing commit(s) (see bench/run.js)');
if (TIME) console.log('CPU s: user + system of the whole process tree (git included); (node): the talentrisk process alone, cold');
if (opts.json) writeFileSync(opts.json, JSON.stringify({ runs: opts.runs, node: process.version, loadavg: os.loadavg(), results }, null, 2));
