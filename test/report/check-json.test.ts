import { describe, expect, it } from 'vitest';
import { renderCheckJson } from '../../src/report/check-json.ts';
import { checkOutputSchema } from '../../src/report/check-schema.ts';
import { makeReport } from './check-factory.ts';

describe('check --format json', () => {
  it('parses back against its zod schema (schemaVersion 1)', () => {
    const json = JSON.parse(renderCheckJson(makeReport())) as unknown;
    const output = checkOutputSchema.parse(json);
    // Every key printed is in the schema (zod drops the others).
    expect(output).toEqual(json);
    expect(output.schemaVersion).toBe(1);
    // As every document begins: what it is, and which model made it (a dashboard could not tell).
    expect(output).toMatchObject({ kind: 'check', model: 'talentrisk', repository: { revisionDate: '2025-01-01T12:00:00.000Z', shallowSince: null } });
    expect(output.passed).toBe(false);
    expect(output.summary).toEqual({ systems: 3, checked: 3, ok: 2, violations: 1, skipped: 0, preexisting: 0 });
    expect(output.systems.map((s) => [s.name, s.status, s.busFactor, s.configLine])).toEqual([
      ['payments', 'violation', 1, 3],
      ['deploy', 'ok', 1, 11],
      ['auth', 'ok', 2, 7],
    ]);
    const payments = output.systems[0]!;
    expect(payments).toMatchObject({
      description: 'Card payments',
      files: 3,
      owners: [{ id: 'ada@x', name: 'Ada', files: 2, share: 0.6667 }],
      orphanFiles: ['src/pay/c.ts'],
      violations: [{ rule: 'minOwners', required: 2, actual: 1 }],
    });
    expect(output.systems[2]?.unmatchedPatterns).toEqual(['legacy/auth/**']);
  });

  it('marks the systems --changed left out as skipped, and passes when the checked ones hold', () => {
    const output = checkOutputSchema.parse(JSON.parse(renderCheckJson(makeReport({ checked: (n) => n !== 'payments', changed: { base: 'main', mergeBase: 'abc', files: 2 } }))));
    expect(output.passed).toBe(true);
    expect(output.changed).toEqual({ base: 'main', mergeBase: 'abc', files: 2 });
    expect(output.systems.at(-1)).toMatchObject({ name: 'payments', status: 'skipped' });
    expect(output.summary).toMatchObject({ checked: 2, skipped: 1, violations: 0 });
  });
});
