import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// Start-up time is mostly module loading (issue #5), so each run loads only what it needs: no
// command module before commander has chosen one, zod and yaml only for a config file, chalk and
// cli-table3 only for text output, ora only for a spinner. These runs list the packages the built
// CLI actually loaded, ESM imports and CommonJS requires alike.

const history: FixtureCommit[] = [
  { author: 'ada', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10 } },
  { author: 'bob', write: { 'src/auth/c.ts': 10 } },
];

/** A module for `node --import` that appends every module loaded to $TALENTRISK_TRACE. */
function writeTracer(): string {
  const dir = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'trace-'));
  // The resolve hook runs on the loader's own thread: it writes to the file synchronously.
  writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.TALENTRISK_TRACE, resolved.url + '\\n');
  return resolved;
}
`,
  );
  writeFileSync(
    path.join(dir, 'tracer.mjs'),
    `import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url));
process.on('exit', () => appendFileSync(process.env.TALENTRISK_TRACE, Object.keys(Module._cache).join('\\n') + '\\n'));
`,
  );
  return path.join(dir, 'tracer.mjs');
}

const tracer = writeTracer();
let runs = 0;

/** The npm packages a CLI run loaded, sorted. */
function packagesLoaded(args: string[], cwd: string): string[] {
  const trace = path.join(path.dirname(tracer), `run-${(runs += 1)}.txt`);
  writeFileSync(trace, '');
  const result = runCli(args, { cwd, env: { NODE_OPTIONS: `--import=${pathToFileURL(tracer).href}`, TALENTRISK_TRACE: trace } });
  expect(result.stderr).toBe('');
  expect(result.exitCode).toBe(0);
  const names = readFileSync(trace, 'utf8')
    .split('\n')
    .map((line) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)].sort();
}

describe('start-up: each run loads only the packages it needs', { tags: ['slow'] }, () => {
  it('--version and --help load commander and nothing else', () => {
    const repo = buildRepo(history);
    expect(packagesLoaded(['--version'], repo.dir)).toEqual(['commander']);
    expect(packagesLoaded(['--help'], repo.dir)).toEqual(['commander']);
  });

  it('scan --format json without a config file loads no zod, yaml, chalk, cli-table3 or ora', () => {
    const repo = buildRepo(history);
    const loaded = packagesLoaded(['scan', '--format', 'json'], repo.dir);
    expect(loaded).toContain('simple-git');
    for (const name of ['zod', 'yaml', 'chalk', 'cli-table3', 'ora']) expect(loaded).not.toContain(name);
  });

  it('the table loads chalk and cli-table3; a config file loads yaml and zod', () => {
    const repo = buildRepo(history, { files: { '.talentrisk.yml': 'critical:\n  - name: pay\n    paths: ["src/pay/**"]\n    minOwners: 1\n' } });
    const loaded = packagesLoaded(['scan'], repo.dir);
    for (const name of ['chalk', 'cli-table3', 'yaml', 'zod']) expect(loaded).toContain(name);
    expect(loaded).not.toContain('ora');
  });
});
