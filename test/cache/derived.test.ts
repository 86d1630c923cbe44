import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCached, derived } from '../../src/analysis-cache.ts';
import { configSchema } from '../../src/config/schema.ts';
import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { buildDecayRepo } from '../model/departures-fixture.ts';

const NOW = new Date('2025-01-01T10:00:00Z');
const cacheDir = (repo: FixtureRepo) => path.join(repo.dir, '.git', 'talentrisk', 'cache', 'v1');
const derivedFiles = (repo: FixtureRepo) => readdirSync(cacheDir(repo)).filter((name) => name.endsWith('.derived'));

function history(): FixtureRepo {
  return buildRepo([
    { author: 'ada', at: '2024-01-01T12:00:00Z', write: { 'src/a.ts': 5 } },
    { author: 'bob', write: { 'src/a.ts': 2, 'src/b.ts': 1 } },
  ]);
}

const analysisOf = (dir: string, cache = true) => analyzeCached({ path: dir, rev: 'HEAD', model: 'talentrisk', now: NOW, cache, config: configSchema.parse({}) });

describe('figures derived from a stored result', () => {
  it('are computed once per result and inputs, then read back', async () => {
    const repo = history();
    let computed = 0;
    const compute = () => ({ n: ++computed, list: ['a', 'b'], nested: { x: 0.1 + 0.2 } });
    const first = derived(await analysisOf(repo.dir), 'test', { k: 1 }, compute);
    const second = derived(await analysisOf(repo.dir), 'test', { k: 1 }, compute);
    expect(computed).toBe(1);
    expect(second).toStrictEqual(first);
    // Other inputs, or another name: computed again.
    derived(await analysisOf(repo.dir), 'test', { k: 2 }, compute);
    derived(await analysisOf(repo.dir), 'other', { k: 1 }, compute);
    expect(computed).toBe(3);
    expect(derivedFiles(repo)).toHaveLength(3);
  });

  it('are computed every time without a stored result (--no-cache) or when JSON would change them', async () => {
    const repo = history();
    let computed = 0;
    for (let i = 0; i < 2; i++) derived(await analysisOf(repo.dir, false), 'test', {}, () => ++computed);
    expect(computed).toBe(2);
    for (let i = 0; i < 2; i++) derived(await analysisOf(repo.dir), 'test', {}, () => ({ n: ++computed, missing: undefined }));
    expect(computed).toBe(4);
  });

  it('ignore a corrupt entry and compute again', async () => {
    const repo = history();
    let computed = 0;
    derived(await analysisOf(repo.dir), 'test', {}, () => ({ n: ++computed }));
    const [name] = derivedFiles(repo);
    const file = path.join(cacheDir(repo), name as string);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 2) ^ 0xff, bytes.length - 2);
    writeFileSync(file, bytes);
    expect(derived(await analysisOf(repo.dir), 'test', {}, () => ({ n: ++computed }))).toStrictEqual({ n: 2 });
    expect(derived(await analysisOf(repo.dir), 'test', {}, () => ({ n: ++computed }))).toStrictEqual({ n: 2 });
  });

  it('are stored only when JSON gives them back exactly', async () => {
    const repo = history();
    for (const value of [{ a: undefined }, [Number.NaN], { a: Infinity }, -0, new Date(0), { a: new Map() }, new Array<number>(3), undefined]) {
      let computed = 0;
      for (let i = 0; i < 2; i++) derived(await analysisOf(repo.dir), 'test', { value: String(value) }, () => (computed++, value));
      expect(computed, String(value)).toBe(2);
    }
    expect(derivedFiles(repo)).toHaveLength(0);
  });
});

describe('a scan read from the result cache', () => {
  it('prints the same current figures and projection as the scan that computed them, and as one without the cache', () => {
    const repo = buildDecayRepo();
    const args = ['scan', '--format', 'json', '--until', '2025-06-01', '--depth', '1', '--leaving', 'bob'];
    const withoutClock = (stdout: string) => stdout.replace(/"analyzedAt": "[^"]*"/, '');
    const first = runCli(args, { cwd: repo.dir });
    expect(first.exitCode).toBe(0);
    // The current figures, and the projection with bob leaving.
    expect(derivedFiles(repo)).toHaveLength(2);
    expect(JSON.parse(first.stdout).current.modules.length).toBeGreaterThan(0);
    const second = runCli(args, { cwd: repo.dir });
    expect(withoutClock(second.stdout)).toBe(withoutClock(first.stdout));
    expect(withoutClock(runCli([...args, '--no-cache'], { cwd: repo.dir }).stdout)).toBe(withoutClock(first.stdout));
    // The table too.
    const table = ['scan', '--until', '2025-06-01', '--depth', '1', '--leaving', 'bob'];
    expect(runCli(table, { cwd: repo.dir }).stdout).toBe(runCli([...table, '--no-cache'], { cwd: repo.dir }).stdout);
    // Nobody leaving: the same current figures, another projection, stored apart.
    const nobody = runCli(['scan', '--format', 'json', '--until', '2025-06-01', '--depth', '1'], { cwd: repo.dir });
    expect(derivedFiles(repo)).toHaveLength(3);
    expect(withoutClock(runCli(['scan', '--format', 'json', '--until', '2025-06-01', '--depth', '1', '--no-cache'], { cwd: repo.dir }).stdout)).toBe(withoutClock(nobody.stdout));
  });
});
