#!/usr/bin/env node
// Run after `tsc` by `npm run build`: writes dist/build-id.txt, the hash of every compiled module,
// which the result cache (src/analysis-cache.ts) puts in its keys. Computing it here saves every
// scan from reading and hashing the whole build; without the file (tests run from src/), the
// cache hashes the sources itself, the same way.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const hash = createHash('sha256');
const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(js|ts)$/.test(name) && !name.endsWith('.d.ts'))
  .sort();
for (const name of files) hash.update(`${name}\0`).update(readFileSync(path.join(dist, name))).update('\0');
writeFileSync(path.join(dist, 'build-id.txt'), `${hash.digest('hex')}\n`);
