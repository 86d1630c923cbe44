import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

// Deterministic, isolated environment for every test file: UTC, C locale, a private HOME (so the
// user's git config never leaks in), no system git config, no colours unless a test asks.
const base = mkdtempSync(path.join(os.tmpdir(), 'talentrisk-test-'));
const home = path.join(base, 'home');
mkdirSync(home, { recursive: true });
writeFileSync(path.join(home, '.gitconfig'), '[init]\n\tdefaultBranch = main\n[gc]\n\tauto = 0\n[maintenance]\n\tauto = false\n');
process.env.TZ = 'UTC';
process.env.LC_ALL = 'C';
process.env.HOME = home;
process.env.XDG_CONFIG_HOME = path.join(home, '.config');
process.env.XDG_CACHE_HOME = path.join(home, '.cache');
process.env.GIT_CONFIG_NOSYSTEM = '1';
process.env.TALENTRISK_TEST_TMP = base;
delete process.env.FORCE_COLOR;
delete process.env.NO_COLOR;
delete process.env.CI;

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});
