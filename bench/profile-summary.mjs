#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and per category
// (idle = the event loop waiting, i.e. on git; GC; talentrisk code; simple-git; node internals).
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const { samples, timeDeltas } = profile;
for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));

const byFunction = new Map();
const byCategory = new Map();
let total = 0;
for (const [id, micros] of self) {
  const node = byId.get(id);
  const frame = node.callFrame;
  const url = frame.url ?? '';
  const name = `${frame.functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/[^/]+|src|dist)\//, '$1/')}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  let category = 'node internals';
  if (frame.functionName === '(idle)') category = 'idle (waiting on git)';
  else if (frame.functionName === '(garbage collector)') category = 'GC';
  else if (frame.functionName === '(program)') category = 'program (native, unattributed)';
  else if (url.includes('simple-git')) category = 'simple-git';
  else if (url.includes('node_modules')) category = 'other dependencies';
  else if (/\/(src|dist)\//.test(url)) category = `talentrisk ${url.replace(/^.*\/(src|dist)\//, '')}`;
  byCategory.set(category, (byCategory.get(category) ?? 0) + micros);
  total += micros;
}
const ms = (micros) => (micros / 1000).toFixed(0).padStart(7);
const pct = (micros) => ((100 * micros) / total).toFixed(1).padStart(5);
console.log(`total ${ms(total)} ms`);
console.log('\nby category');
for (const [name, micros] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`${ms(micros)} ms ${pct(micros)}%  ${name}`);
console.log('\nby function (self time)');
for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 25))) console.log(`${ms(micros)} ms ${pct(micros)}%  ${name}`);
