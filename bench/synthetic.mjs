#!/usr/bin/env node
// Generates a deterministic synthetic repository for the bench (issue #5 target 3): by default
// 300,000 commits ending with 50,000 tracked files, 400 developers with a skewed share of the
// work, renames (exact and with edits), deletions, co-authors and a merged side branch every
// 150 commits. Built with `git fast-import`, so it takes about a minute; same seed, same repository
// (same commit ids).
//
//   node bench/synthetic.mjs [--out DIR] [--commits N] [--files N] [--seed N] [--repack]
//     --out DIR    a bare repository to create (default $TMPDIR/talentrisk-synth); replaced if it exists
//     --repack     `git repack -adf` afterwards (slower to build; packs like a fresh clone)
//
// Then: npm run bench -- /tmp/talentrisk-synth
import { spawn, execFileSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const opts = { out: path.join(os.tmpdir(), 'talentrisk-synth'), commits: 300_000, files: 50_000, seed: 5, repack: false };
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--out') opts.out = path.resolve(args[++i] ?? '');
  else if (arg === '--commits') opts.commits = Number(args[++i]);
  else if (arg === '--files') opts.files = Number(args[++i]);
  else if (arg === '--seed') opts.seed = Number(args[++i]);
  else if (arg === '--repack') opts.repack = true;
  else {
    console.error(`synthetic: unknown argument ${arg}`);
    process.exit(2);
  }
}

// mulberry32: a tiny deterministic PRNG.
let state = opts.seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(random() * n);
/** Skewed choice: index 0 is the most likely (a few people do most of the work). */
const skewed = (n, power = 2.2) => Math.min(n - 1, Math.floor(n * Math.pow(random(), power)));

const DEVELOPERS = 400;
const MODULES = 60;
const people = Array.from({ length: DEVELOPERS }, (_, i) => ({ name: `Dev ${String(i).padStart(3, '0')}`, email: `dev${i}@synthetic.example` }));
// Each developer mostly works in a few home modules.
const homes = people.map(() => [pick(MODULES), pick(MODULES), pick(MODULES)]);

const alive = []; // paths tracked right now
const where = new Map(); // path -> index in alive
const byModule = Array.from({ length: MODULES }, () => []);
let fileCounter = 0;
const versions = new Map(); // path -> [file id, version]; a rename carries both over

const addPath = (file, module) => {
  where.set(file, alive.length);
  alive.push(file);
  byModule[module].push(file);
};
const removePath = (file) => {
  const index = where.get(file);
  const last = alive.pop();
  if (last !== file) {
    alive[index] = last;
    where.set(last, index);
  }
  where.delete(file);
  const module = Number(file.slice(3, 5));
  const list = byModule[module];
  const at = list.lastIndexOf(file);
  list[at] = list[list.length - 1];
  list.pop();
};
const newPath = (module) => `mod${String(module).padStart(2, '0')}/${['core', 'api', 'util', 'test'][pick(4)]}/f${fileCounter++}.${['ts', 'js', 'md', 'json'][skewed(4, 1.5)]}`;
const content = (file) => {
  const [id, v] = versions.get(file) ?? [fileCounter, 0];
  versions.set(file, [id, v + 1]);
  // Eight lines of which an edit changes one, so a rename with an edit is still a rename (-M).
  return `${Array.from({ length: 7 }, (_, i) => `line ${i} of file ${id}`).join('\n')}\nversion ${v + 1}\n`;
};

rmSync(opts.out, { recursive: true, force: true });
execFileSync('git', ['init', '-q', '--bare', opts.out]);
execFileSync('git', ['config', 'gc.auto', '0'], { cwd: opts.out });
const git = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: opts.out, stdio: ['pipe', 'inherit', 'inherit'] });
let buffer = '';
const write = async (text) => {
  buffer += text;
  if (buffer.length > 1 << 20) {
    const chunk = buffer;
    buffer = '';
    if (!git.stdin.write(chunk)) await new Promise((resolve) => git.stdin.once('drain', resolve));
  }
};
const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

const start = Date.UTC(2005, 0, 1) / 1000;
const span = Date.UTC(2025, 0, 1) / 1000 - start;
let mark = 0;
let mainTip = 0;
let written = 0;
const commit = async (branch, parents, who, time, ops, coAuthor) => {
  mark += 1;
  const trailer = coAuthor ? `\n\nCo-authored-by: ${coAuthor.name} <${coAuthor.email}>` : '';
  let text = `commit refs/heads/${branch}\nmark :${mark}\nauthor ${who.name} <${who.email}> ${time} +0000\ncommitter ${who.name} <${who.email}> ${time} +0000\n${data(`change ${mark}${trailer}`)}`;
  if (parents[0]) text += `from :${parents[0]}\n`;
  for (const p of parents.slice(1)) text += `merge :${p}\n`;
  await write(text + ops.join('') + '\n');
  written += 1;
  return mark;
};

/** The file operations of one ordinary commit by `dev`. */
const changeSet = (dev) => {
  const ops = [];
  const touched = new Set();
  const module = homes[dev][skewed(3, 1.5)];
  const wantFiles = alive.length < opts.files * ((written + 1) / opts.commits) + 10;
  const n = 1 + skewed(4, 2);
  for (let k = 0; k < n; k++) {
    const roll = random();
    const local = byModule[module];
    if (wantFiles || local.length === 0 || roll < 0.03) {
      const file = newPath(module);
      addPath(file, module);
      touched.add(file);
      ops.push(`M 100644 inline ${file}\n${data(content(file))}`);
    } else if (roll < 0.05 && alive.length > opts.files * 0.5) {
      const file = local[pick(local.length)];
      if (touched.has(file)) continue;
      removePath(file);
      versions.delete(file);
      touched.add(file);
      ops.push(`D ${file}\n`);
    } else if (roll < 0.065) {
      const file = local[pick(local.length)];
      if (touched.has(file)) continue;
      const target = newPath(module);
      removePath(file);
      addPath(target, module);
      versions.set(target, versions.get(file) ?? [fileCounter, 0]);
      versions.delete(file);
      touched.add(file).add(target);
      ops.push(`R ${file} ${target}\n`);
      if (random() < 0.5) ops.push(`M 100644 inline ${target}\n${data(content(target))}`); // a rename with edits
    } else {
      const file = local[Math.min(local.length - 1, skewed(local.length, 1.3))];
      if (touched.has(file)) continue;
      touched.add(file);
      ops.push(`M 100644 inline ${file}\n${data(content(file))}`);
    }
  }
  return ops;
};

const began = Date.now();
let time = start;
const step = span / opts.commits;
while (written < opts.commits) {
  time += Math.max(1, Math.round(step * (0.2 + 1.6 * random())));
  if (written > 0 && written % 150 === 0 && opts.commits - written > 4) {
    // A side branch of three commits, with older-looking dates, merged back (main has not moved
    // meanwhile, so replaying the side's changes gives the merge the side's tree).
    let tip = mainTip;
    const replay = [];
    for (let k = 0; k < 3; k++) {
      const dev = skewed(DEVELOPERS);
      const ops = changeSet(dev);
      replay.push(...ops);
      tip = await commit('side', [tip], people[dev], time - 3600 * (3 - k), ops);
    }
    const dev = skewed(DEVELOPERS);
    mainTip = await commit('main', [mainTip, tip], people[dev], time, replay);
    written -= 1; // merges are not counted: the target is non-merge commits
    continue;
  }
  const dev = skewed(DEVELOPERS);
  const co = random() < 0.02 ? people[pick(DEVELOPERS)] : undefined;
  mainTip = await commit('main', mainTip ? [mainTip] : [], people[dev], Math.round(time), changeSet(dev), co);
  if (written % 50_000 === 0) process.stderr.write(`synthetic: ${written} commits, ${alive.length} files (${((Date.now() - began) / 1000).toFixed(0)} s)\n`);
}
await write('done\n');
git.stdin.end(buffer);
const code = await new Promise((resolve) => git.on('close', resolve));
if (code !== 0) {
  console.error(`synthetic: git fast-import exited ${code}`);
  process.exit(1);
}
execFileSync('git', ['symbolic-ref', 'HEAD', 'refs/heads/main'], { cwd: opts.out });
execFileSync('git', ['update-ref', '-d', 'refs/heads/side'], { cwd: opts.out });
if (opts.repack) execFileSync('git', ['repack', '-adfq'], { cwd: opts.out, stdio: 'inherit' });
const count = execFileSync('git', ['rev-list', '--count', '--no-merges', 'HEAD'], { cwd: opts.out, encoding: 'utf8' }).trim();
const files = execFileSync('git', ['ls-tree', '-r', '--name-only', 'HEAD'], { cwd: opts.out, encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n').filter(Boolean).length;
console.log(`synthetic: ${opts.out}: ${count} non-merge commits, ${files} files, ${((Date.now() - began) / 1000).toFixed(0)} s`);
