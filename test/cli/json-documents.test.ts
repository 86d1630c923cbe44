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
