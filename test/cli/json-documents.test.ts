import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { explainOutputSchema } from '../../src/report/explain-schema.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';

// The four commands' JSON documents as a dashboard reads them side by side (redis, a dashboard
// builder): each valid against its published schema, with one `repository` shape, `kind` and
// `model` in every one, and the analysis's warnings in explain's and handoff's too.

const CONFIG = 'critical:\n  - name: payments\n    paths: ["src/pay/**"]\n    minOwners: 1\n';

function shop() {
  const repo = buildRepo([
    { author: 'ada', at: '2024-03-01T10:00:00Z', write: { 'src/pay/a.ts': 10, 'src/web/x.ts': 5 } },
    { author: 'bob', at: '2024-03-05T10:00:00Z', write: { 'src/web/x.ts': 10 } },
    { author: 'ada', at: '2024-03-10T10:00:00Z', write: { 'src/pay/a.ts': 10, 'src/pay/b.ts': 10 } },
    { author: 'bob', at: '2024-03-15T10:00:00Z', write: { 'src/web/y.ts': 10 } },
  ]);
  writeFileSync(path.join(repo.dir, '.talentrisk.yml'), CONFIG);
  return repo;
}

/** A command's JSON, parsed by its schema: equal to what was printed only if the schema has every key (zod drops the others). */
function documentOf<Schema extends z.ZodType>(schema: Schema, args: string[], cwd: string): z.output<Schema> {
  // A fixed day: measured from today, everyone here would be inactive.
  const result = runCli([...args, '--until', '2024-04-01', '--format', 'json'], { cwd });
  expect(result.exitCode, result.stderr).toBe(0);
  const json = JSON.parse(result.stdout) as unknown;
  const parsed = schema.parse(json);
  expect(parsed).toEqual(json);
  return parsed;
}

function allDocuments(cwd: string, checkArgs: string[] = []) {
  return {
    scan: documentOf(scanOutputSchema, ['scan'], cwd),
    check: documentOf(checkOutputSchema, ['check', ...checkArgs], cwd),
    file: documentOf(explainOutputSchema, ['explain', 'src/pay/a.ts'], cwd),
    folder: documentOf(explainOutputSchema, ['explain', 'src/pay'], cwd),
    handoff: documentOf(handoffOutputSchema, ['handoff', 'ada'], cwd),
  };
}

const REPOSITORY_KEYS = ['path', 'revision', 'requested', 'revisionDate', 'analyzedAt', 'isShallow', 'isPartial', 'shallowSince'];

describe('the JSON documents of scan, check, explain and handoff', () => {
  it('validate against their schemas and share kind, tool, model and one repository shape', () => {
    const repo = shop();
    const documents = allDocuments(repo.dir);
    expect(Object.values(documents).map((d) => d.kind)).toEqual(['scan', 'check', 'file', 'folder', 'handoff']);
    for (const document of Object.values(documents)) {
      expect(document.schemaVersion).toBe(1);
      expect(document.model).toBe('talentrisk');
      expect(document.tool).toEqual(documents.scan.tool);
    }
    // The same keys everywhere (the handoff adds the date its figures are measured from), and the same values but the time of the run.
    const { scan, check, file, folder, handoff } = documents;
    const { referenceDate, ...handoffRepository } = handoff.repository;
    expect(referenceDate).toBe(scan.settings.referenceDate);
    const withoutTime = ({ analyzedAt, ...rest }: { analyzedAt: string }) => (expect(analyzedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/), rest);
    for (const repository of [scan.repository, check.repository, file.repository, folder.repository, handoffRepository]) {
      expect(Object.keys(repository)).toEqual(REPOSITORY_KEYS);
      expect(withoutTime(repository)).toEqual(withoutTime(scan.repository));
    }
    expect(scan.repository).toMatchObject({ requested: 'HEAD until 2024-04-01', revisionDate: '2024-03-15T10:00:00.000Z', isShallow: false, shallowSince: null });
    expect(Object.keys(handoff.repository)).toEqual([...REPOSITORY_KEYS, 'referenceDate']);
    // A full clone: nothing to warn of, in any document.
    for (const document of [scan, check, file, folder, handoff]) expect(document.warnings).toEqual([]);
  });

  it('check says which model made its figures, as scan does', () => {
    const repo = shop();
    expect(documentOf(checkOutputSchema, ['check', '--model', 'classic'], repo.dir).model).toBe('classic');
    expect(documentOf(explainOutputSchema, ['explain', 'src/pay', '--model', 'classic'], repo.dir).model).toBe('classic');
    expect(documentOf(handoffOutputSchema, ['handoff', 'ada', '--model', 'classic'], repo.dir).model).toBe('classic');
  });

  it("a check answered from its stored evaluation gives this run's time of analysis, as a stored scan report does", () => {
    const repo = shop();
    const first = documentOf(checkOutputSchema, ['check'], repo.dir).repository;
    const again = documentOf(checkOutputSchema, ['check'], repo.dir).repository;
    expect(again.analyzedAt > first.analyzedAt).toBe(true);
    expect({ ...again, analyzedAt: first.analyzedAt }).toEqual(first);
  });

  it('in a shallow clone, all give the day its history begins, and explain and handoff carry the warnings scan and check do', () => {
    const source = shop();
    const clone = path.join(mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'json-')), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '3', `file://${source.dir}`, clone]);
    writeFileSync(path.join(clone, '.talentrisk.yml'), CONFIG);
    const documents = allDocuments(clone, ['--allow-shallow']);
    for (const document of Object.values(documents)) expect(document.repository).toMatchObject({ isShallow: true, shallowSince: '2024-03-05' });
    const shallow = documents.scan.warnings.find((warning) => warning.startsWith('this is a shallow clone'));
    expect(shallow).toBeDefined();
    for (const document of [documents.file, documents.folder, documents.handoff]) expect(document.warnings).toEqual(documents.scan.warnings);
    expect(documents.check.warnings).toContain(shallow);
  });
});

// tokio (a first-time user): a dashboard could neither tell the inactive owners of a module or a folder
// (the tables mark them "(inactive)") nor put the path-sorted modules in the table's order.
describe('the module and folder entries of scan and explain JSON', () => {
  // On 2024-04-01 Ada, silent since 2023-06, is inactive (inactiveAfter 180 days); Bob and Cy are not.
  function team() {
    return buildRepo([
      { author: 'ada', at: '2023-06-01T10:00:00Z', write: { 'beta/1.ts': 5, 'beta/2.ts': 5, 'beta/3.ts': 5, 'beta/4.ts': 5, 'beta/5.ts': 5, 'beta/6.ts': 5, 'alpha/1.ts': 5, 'alpha/2.ts': 5 } },
      { author: 'bob', at: '2024-03-01T10:00:00Z', write: { 'alpha/3.ts': 5, 'alpha/4.ts': 5, 'docs/a.md': 5 } },
      { author: 'cy', at: '2024-03-02T10:00:00Z', write: { 'alpha/5.ts': 5 } },
    ]);
  }

  it('mark inactive developers with inactive: true where the tables say "(inactive)", not under --model classic', () => {
    const repo = team();
    const scan = documentOf(scanOutputSchema, ['scan', '--depth', '1'], repo.dir);
    const marks = (members: { id: string; inactive?: true }[]) => members.map((m) => [m.id, m.inactive ?? false]);
    const alpha = scan.modules.find((module) => module.path === 'alpha');
    expect(marks(alpha?.developers ?? [])).toEqual([
      ['ada@example.com', true],
      ['bob@example.com', false],
      ['cy@example.com', false],
    ]);
    expect(marks(alpha?.truckFactor.developers ?? [])).toEqual([
      ['ada@example.com', true],
      ['bob@example.com', false],
    ]);
    // Absent, not false, on the active (a key less per entry on 50,000-file scans).
    expect(alpha?.developers[1]).not.toHaveProperty('inactive');
    expect(marks(scan.truckFactor.developers)).toEqual([['ada@example.com', true]]);
    // As current.inactive lists them.
    expect(scan.current).toMatchObject({ inactive: [expect.objectContaining({ id: 'ada@example.com' })] });
    const folder = documentOf(explainOutputSchema, ['explain', 'alpha'], repo.dir);
    if (folder.kind !== 'folder') throw new Error('expected a folder document');
    expect(marks(folder.developers)).toEqual([
      ['ada@example.com', true],
      ['bob@example.com', false],
      ['cy@example.com', false],
    ]);
    expect(marks(folder.truckFactor.developers)).toEqual([
      ['ada@example.com', true],
      ['bob@example.com', false],
    ]);
    // The table says so too.
    expect(runCli(['explain', 'alpha', '--until', '2024-04-01'], { cwd: repo.dir }).stdout).toMatch(/\nAda \(inactive\) +2 /);
    // The classic model marks nobody.
    const classic = documentOf(scanOutputSchema, ['scan', '--depth', '1', '--model', 'classic'], repo.dir);
    const classicFolder = documentOf(explainOutputSchema, ['explain', 'alpha', '--model', 'classic'], repo.dir);
    const everyMember = [...classic.truckFactor.developers, ...classic.modules.flatMap((m) => [...m.developers, ...m.truckFactor.developers])];
    if (classicFolder.kind === 'folder') everyMember.push(...classicFolder.developers, ...classicFolder.truckFactor.developers);
    expect(everyMember.length).toBeGreaterThan(0);
    expect(everyMember.filter((m) => 'inactive' in m)).toEqual([]);
  });

  it('give each scan module its rank in the table\'s "Riskiest modules", the list staying sorted by path', () => {
    const repo = team();
    const scan = documentOf(scanOutputSchema, ['scan', '--depth', '1'], repo.dir);
    // beta: truck factor 1; alpha: 2; docs last (documentation, and fewer than 5 files).
    expect(scan.modules.map((module) => [module.path, module.rank, module.truckFactor.value])).toEqual([
      ['alpha', 2, 2],
      ['beta', 1, 1],
      ['docs', 3, 1],
    ]);
    const table = runCli(['scan', '--depth', '1', '--until', '2024-04-01'], { cwd: repo.dir }).stdout;
    const rows = table.slice(table.indexOf('Riskiest modules')).split('\n').slice(2, 5).map((line) => line.trim().split(/\s+/)[0]);
    expect(rows).toEqual([...scan.modules].sort((a, b) => a.rank - b.rank).map((module) => module.path));
  });
});
