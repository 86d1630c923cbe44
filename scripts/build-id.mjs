#!/usr/bin/env node
// Run after `tsc` by `npm run build`: writes dist/build-id.txt, the hash of every compiled module,
// which cache keys include (src/build-id.ts). Computing it here saves every
// scan from reading and hashing the whole build; without the file (tests run from src/), the
// cache hashes the sources itself, with the same function.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashModules } from '../dist/build-id.js';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
writeFileSync(path.join(dist, 'build-id.txt'), `${hashModules(dist)}\n`);
