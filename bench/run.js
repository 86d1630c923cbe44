#!/usr/bin/env node
// talentrisk bench (issue #2 item 10, issue #5): per repository, the raw history walk git itself
// does, the cold scan (empty cache) and the warm scan (cache filled, no new commit), each several
// times, interleaved so that background load hits all three alike. Prints medians, the ratios
// scan/raw and the scan's peak RSS. Never part of the tests: timings live here only.
//
//   npm run bench -- [options] <repo> [more repos]
//     --runs N           repetitions of each measurement (default 5)
//     --variants LIST    any of raw,cold,warm,nocache,plus1 (default raw,cold,warm)
//                        nocache: `scan --no-cache`; plus1: warm scan after one new commit
//     --tool DIR         checkout whose bin/talentrisk.js is measured (default: this one)
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
// preloaded probe, bench/rss-probe.mjs); git's children are not counted in it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opts = { runs: 5, variants: ['raw', 'cold', 'warm'], tool: path.resolve(here, '..'), work: path.join(os.tmpdir(), 'talentrisk-bench'), inPlace: false, json: undefined, nodeArgs: [] };
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
  else if (arg === '--tool') opts.tool = path.resolve(value());
  else if (arg === '--work') opts.work = path.resolve(value());
  else if (arg === '--in-place') opts.inPlace = true;
  else if (arg === '--json') opts.json = path.resolve(value());
  else if (arg === '--node-arg') opts.nodeArgs.push(value());
  else if (arg === '--help' || arg === '-h') {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 17).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  } else if (arg.startsWith('--')) fail(`unknown option ${arg}`);
  else repos.push(path.resolve(arg));
}
if (repos.length === 0) fail('usage: npm run bench -- [--runs N] [--variants raw,cold,warm,nocache,plus1] <repo> [more repos]');

const bin = path.join(opts.tool, 'bin', 'talentrisk.js');
if (!existsSync(bin)) fail(`no ${bin}`);
const probe = pathToFileURL(path.join(here, 'rss-probe.mjs')).href;
const gitEnv = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0', GIT_NO_LAZY_FETCH: '1' };

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

function timed(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, commandArgs, options);
    let stderr = '';
    child.stderr?.on('data', (data) => {
      if (stderr.length < 100_000) stderr += data;
    });
    child.stdout?.resume();
    child.on('close', (code) => resolve({ seconds: Number(process.hrtime.bigint() - start) / 1e9, code, stderr }));
  });
}

const devNull = () => openSync('/dev/null', 'w');

/** Finds the commits where a plain -M walk dies (untimed), so the timed baseline can step over them. */
function planRawWalk(gitDir, sha) {
  const ids = git(gitDir, 'rev-list', '--no-merges', sha).split('\n').filter(Boolean);
  const failures = [];
  let start = 0;
  for (;;) {
    const rest = ids.slice(start);
    const out = spawnSync('git', start === 0 ? ['log', '--no-merges', '--format=%x1e%H', '--name-status', '-M', sha] : ['log', '--no-walk=unsorted', '--stdin', '--format=%x1e%H', '--name-status', '-M'], {
      cwd: gitDir,
      env: gitEnv,
      input: start === 0 ? undefined : rest.join('\n'),
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
  try {
    const first = await timed('git', ['log', '--no-merges', '--name-status', '-M', sha], { cwd: gitDir, env: gitEnv, stdio: ['ignore', out, 'pipe'] });
    let seconds = first.seconds;
    if (plan.failures.length === 0) {
      if (first.code !== 0) fail(`raw walk failed: ${first.stderr.trim()}`);
      return seconds;
    }
    // Step over each failing commit with --no-renames, then go on with -M from the list.
    for (let f = 0; f < plan.failures.length; f++) {
      const at = plan.failures[f];
      const skip = await timed('git', ['log', '--no-walk', '--name-status', '--no-renames', plan.ids[at]], { cwd: gitDir, env: gitEnv, stdio: ['ignore', out, 'pipe'] });
      const end = plan.failures[f + 1] ?? plan.ids.length;
      const rest = plan.ids.slice(at + 1, end);
      seconds += skip.seconds;
      if (rest.length === 0) continue;
      const more = await new Promise((resolve) => {
        const start = process.hrtime.bigint();
        const child = spawn('git', ['log', '--no-walk=unsorted', '--stdin', '--name-status', '-M'], { cwd: gitDir, env: gitEnv, stdio: ['pipe', out, 'ignore'] });
        child.stdin.end(rest.join('\n'));
        child.on('close', () => resolve(Number(process.hrtime.bigint() - start) / 1e9));
      });
      seconds += more;
    }
    return seconds;
  } finally {
    closeSync(out);
  }
}

async function scan(gitDir, extra, label) {
  const rssFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'trb-rss-')), 'rss');
  const out = devNull();
  try {
    const result = await timed(process.execPath, [...opts.nodeArgs, '--import', probe, bin, 'scan', gitDir, '--format', 'json', '--quiet', ...extra], {
      env: { ...process.env, TALENTRISK_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', out, 'pipe'],
    });
    if (result.code !== 0) fail(`${label} scan of ${gitDir} exited ${result.code}: ${result.stderr.trim()}`);
    const rssKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
    return { seconds: result.seconds, rssMb: rssKb / 1024 };
  } finally {
    closeSync(out);
    rmSync(path.dirname(rssFile), { recursive: true, force: true });
  }
}

function clearCache(gitDir) {
  rmSync(path.join(gitDir, 'talentrisk'), { recursive: true, force: true });
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

/** Moves the private git dir's HEAD one new commit ahead (one file changed), for the plus1 variant. */
function addCommit(gitDir, sha, n) {
  const index = path.join(gitDir, `bench-index-${n}`);
  const env = { ...gitEnv, GIT_INDEX_FILE: index, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
  const run = (...a) => execFileSync('git', a, { cwd: gitDir, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();
  run('read-tree', sha);
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: gitDir, env, input: `bench ${n} ${Date.now()}\n`, encoding: 'utf8' }).trim();
  run('update-index', '--add', '--cacheinfo', `100644,${blob},talentrisk-bench-${n}.txt`);
  const tree = run('write-tree');
  const commit = execFileSync('git', ['commit-tree', tree, '-p', sha, '-m', `bench ${n}`], { cwd: gitDir, env, encoding: 'utf8' }).trim();
  rmSync(index, { force: true });
  writeFileSync(path.join(gitDir, 'HEAD'), `${commit}\n`);
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const results = [];
mkdirSync(opts.work, { recursive: true });
for (const repo of repos) {
  const gitDir = privateGitDir(repo);
  const sha = git(gitDir, 'rev-parse', 'HEAD').trim();
  const commits = Number(git(gitDir, 'rev-list', '--no-merges', '--count', sha).trim());
  const name = path.basename(gitDir).replace(/\.git$/, '');
  const plan = opts.variants.includes('raw') ? planRawWalk(gitDir, sha) : { ids: [], failures: [] };
  const samples = { raw: [], cold: [], warm: [], nocache: [], plus1: [], rss: { cold: [], warm: [], nocache: [], plus1: [] } };
  process.stderr.write(`${name}: ${commits} commits${plan.failures.length ? `, the raw -M walk dies at ${plan.failures.length} commit(s) (missing blobs)` : ''}\n`);
  let cacheBytes = NaN;
  for (let run = 0; run < opts.runs; run++) {
    writeFileSync(path.join(gitDir, 'HEAD'), `${sha}\n`);
    if (opts.variants.includes('raw')) samples.raw.push(await rawWalk(gitDir, sha, plan));
    if (opts.variants.includes('nocache')) {
      const r = await scan(gitDir, ['--no-cache'], 'no-cache');
      samples.nocache.push(r.seconds);
      samples.rss.nocache.push(r.rssMb);
    }
    if (opts.variants.includes('cold') || opts.variants.includes('warm') || opts.variants.includes('plus1')) {
      clearCache(gitDir);
      const cold = await scan(gitDir, [], 'cold');
      samples.cold.push(cold.seconds);
      samples.rss.cold.push(cold.rssMb);
      cacheBytes = dirBytes(path.join(gitDir, 'talentrisk'));
    }
    if (opts.variants.includes('warm')) {
      const warm = await scan(gitDir, [], 'warm');
      samples.warm.push(warm.seconds);
      samples.rss.warm.push(warm.rssMb);
    }
    if (opts.variants.includes('plus1')) {
      addCommit(gitDir, sha, run);
      const plus = await scan(gitDir, [], 'plus1');
      samples.plus1.push(plus.seconds);
      samples.rss.plus1.push(plus.rssMb);
      writeFileSync(path.join(gitDir, 'HEAD'), `${sha}\n`);
    }
    process.stderr.write(`  run ${run + 1}/${opts.runs}: ${['raw', 'nocache', 'cold', 'warm', 'plus1'].filter((v) => samples[v].length > run).map((v) => `${v} ${samples[v][run].toFixed(2)}s`).join(', ')}\n`);
  }
  writeFileSync(path.join(gitDir, 'HEAD'), `${sha}\n`);
  const raw = median(samples.raw);
  const row = {
    repository: name,
    commits,
    rawFailures: plan.failures.length,
    raw,
    cold: median(samples.cold),
    warm: median(samples.warm),
    nocache: median(samples.nocache),
    plus1: median(samples.plus1),
    coldRatio: median(samples.cold) / raw,
    warmRatio: median(samples.warm) / raw,
    nocacheRatio: median(samples.nocache) / raw,
    plus1Ratio: median(samples.plus1) / raw,
    peakRssMb: Math.max(...[...samples.rss.cold, ...samples.rss.warm, ...samples.rss.nocache, ...samples.rss.plus1].filter(Number.isFinite)),
    cacheMb: cacheBytes / 1048576,
    samples,
  };
  results.push(row);
}

const show = (v, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const columns = [
  ['repository', (r) => r.repository],
  ['commits', (r) => String(r.commits)],
  ['raw s', (r) => show(r.raw) + (r.rawFailures ? '*' : '')],
  ['cold s', (r) => show(r.cold)],
  ['warm s', (r) => show(r.warm)],
  ...(opts.variants.includes('nocache') ? [['no-cache s', (r) => show(r.nocache)]] : []),
  ...(opts.variants.includes('plus1') ? [['+1 commit s', (r) => show(r.plus1)]] : []),
  ['cold ratio', (r) => show(r.coldRatio)],
  ['warm ratio', (r) => show(r.warmRatio, 3)],
  ...(opts.variants.includes('nocache') ? [['no-cache ratio', (r) => show(r.nocacheRatio)]] : []),
  ...(opts.variants.includes('plus1') ? [['+1 ratio', (r) => show(r.plus1Ratio, 3)]] : []),
  ['peak RSS MB', (r) => show(r.peakRssMb, 0)],
  ['cache MB', (r) => show(r.cacheMb, 1)],
];
const widths = columns.map(([title, cell]) => Math.max(title.length, ...results.map((r) => cell(r).length)));
const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
console.log(`\ntalentrisk bench: medians of ${opts.runs} run(s), ${os.availableParallelism?.() ?? os.cpus().length} cores, node ${process.version}, ${git('.', 'version').trim()}`);
console.log(line(columns.map(([title]) => title)));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of results) console.log(line(columns.map(([, cell]) => cell(r))));
if (results.some((r) => r.rawFailures)) console.log('* the raw -M walk dies on a missing blob; its time includes stepping over the failing commit(s) (see bench/run.js)');
if (opts.json) writeFileSync(opts.json, JSON.stringify({ runs: opts.runs, node: process.version, results }, null, 2));
