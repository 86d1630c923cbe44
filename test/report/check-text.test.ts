import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { addViolations } from '../../src/model/critical.ts';
import { renderCheckText } from '../../src/report/check-text.ts';
import { makeReport, PLAIN } from './check-factory.ts';

describe('check --format text', () => {
  it('one line per system, violations first, and a one-line verdict', () => {
    expect(renderCheckText(makeReport(), PLAIN)).toMatchInlineSnapshot(`
      "talentrisk check · .talentrisk.yml · /repo @ 0123456789ab (2025-01-01)
         system    bus factor  needs  owners            files at risk
      ✗  payments           1      2  sole owner: Ada   3: src/pay/c.ts +2 more
      ✓  deploy             1      1  sole owner: Bob   1: deploy/run.sh
      ✓  auth               2      2  owners: Ada, Bob
      ✗ payments: bus factor 1 (needs 2): Ada authors 2 of its 3 files

      ✗ 1 of 3 critical systems has too few owners: payments.
        To fix: have someone else change and review the files at risk, or pair on them, until they have another author (\`talentrisk explain <path>\` shows who knows a file); if a rule asks more than the team can hold, change it in .talentrisk.yml.
      "
    `);
  });

  it('says the revision\'s day, and what was asked for when not HEAD (psf/requests: `check --until` said only "@ <sha>")', () => {
    const report = makeReport();
    const asked = { ...report, repository: { ...report.repository, requested: 'HEAD until 2019-01-01' } };
    expect(renderCheckText(asked, PLAIN).split('\n')[0]).toMatch(/ @ [0-9a-f]{12} \(\d{4}-\d\d-\d\d\) · HEAD until 2019-01-01$/);
    expect(renderCheckText(report, PLAIN).split('\n')[0]).toMatch(/ @ [0-9a-f]{12} \(\d{4}-\d\d-\d\d\)$/);
  });

  it('names the failing systems in the verdict in the table’s order, not the config’s (curl new-user test)', () => {
    // auth (bus factor 2) comes before payments (1) in the config; both need 3.
    const report = makeReport({ systems: [{ name: 'auth', paths: ['src/auth/**'], minOwners: 3 }, { name: 'payments', paths: ['src/pay/**'], minOwners: 3 }] });
    const lines = renderCheckText(report, PLAIN).split('\n');
    expect(lines.filter((line) => line.startsWith('✗  ')).map((line) => line.split(/\s+/)[1])).toEqual(['payments', 'auth']);
    expect(lines).toContain('✗ 2 of 2 critical systems have too few owners: payments, auth.');
    // The per-rule lines between them too (review): a knowledge-loss failure on each, in that order.
    const loss = (actual: number) => ({ rule: 'maxKnowledgeLoss' as const, afterDepartures: true, required: 0.1, actual, message: `loss ${actual}` });
    const withLoss = { ...report, systems: report.systems.map((system, i) => ({ ...system, ...addViolations(system, [loss(i)]) })) };
    expect(renderCheckText(withLoss, PLAIN).split('\n').filter((line) => line.startsWith('✗ ') && line.includes('loss'))).toEqual(['✗ payments: loss 1', '✗ auth: loss 0']);
  });

  it('names the rule that failed: a knowledge-loss violation gets its own line, and the verdict its words', () => {
    const loss = { rule: 'maxKnowledgeLoss' as const, required: 0.2, actual: 0.5, message: 'without Ada, 50% of its files lose their last author (1 of 2; at most 20% allowed)' };
    const withLoss = (name: string) => {
      const report = makeReport();
      report.systems = report.systems.map((system) => (system.name === name ? addViolations(system, [loss]) : system)) as typeof report.systems;
      return renderCheckText(report, PLAIN).trimEnd().split('\n');
    };
    // deploy holds its owner count: only the loss fails.
    const deploy = withLoss('deploy');
    expect(deploy).toContain('✗ deploy: without Ada, 50% of its files lose their last author (1 of 2; at most 20% allowed)');
    expect(deploy.at(-2)).toBe('✗ 2 of 3 critical systems have too few owners or would lose too much of their knowledge: payments, deploy.');
    // payments fails both rules.
    expect(withLoss('payments').at(-2)).toBe('✗ 1 of 3 critical systems has too few owners and would lose too much of its knowledge: payments.');
  });

  it('ends a failing check with what to do, and with who is staying when only departures break the rules', () => {
    const report = makeReport({ systems: [{ name: 'deploy', paths: ['deploy/**'], minOwners: 1 }] });
    expect(renderCheckText(report, PLAIN)).not.toContain('To fix');
    const loss = { rule: 'maxKnowledgeLoss' as const, afterDepartures: true, required: 0.2, actual: 1, message: 'without Bob, 100% of its files lose their last author (1 of 1; at most 20% allowed)' };
    report.systems = report.systems.map((system) => addViolations(system, [loss])) as typeof report.systems;
    expect(renderCheckText(report, PLAIN).trimEnd().split('\n').at(-1)).toMatch(/^ {2}To fix: .* until they have another author who is staying \(/);
  });

  it('says when every rule holds, and shows skipped systems last with --changed', () => {
    const text = renderCheckText(makeReport({ checked: (name) => name !== 'payments', changed: { base: 'origin/main', mergeBase: 'abc', files: 4 } }), PLAIN);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toContain('changed since origin/main: 4 paths');
    expect(lines[lines.length - 3]).toMatch(/^–\s+payments\s+1\s+2\s+skipped: no file changed since origin\/main$/);
    expect(lines[lines.length - 1]).toBe('✓ The 2 critical systems checked have enough owners (1 skipped: no file changed since origin/main).');
  });

  it('says when --changed left nothing to check', () => {
    const text = renderCheckText(makeReport({ checked: () => false, changed: { base: 'main', mergeBase: 'abc', files: 1 } }), PLAIN);
    expect(text.split('\n')[0]).toContain('changed since main: 1 path');
    expect(text.split('\n')[0]).not.toContain('1 files');
    expect(text.trimEnd().split('\n').pop()).toBe('✓ No critical system has a changed file since main: nothing to check.');
  });

  it('names who is inactive on each passing system, and gives the advice once (tokio: four 250-character lines said the same)', () => {
    // payments needs 1 here: Ada holds it alone; deploy: Bob alone. Both inactive.
    const report = makeReport({ systems: [{ name: 'payments', paths: ['src/pay/**'], minOwners: 1 }, { name: 'deploy', paths: ['deploy/**'], minOwners: 1 }] });
    report.inactive = [
      { id: 'ada@x', name: 'Ada', lastCommit: '2021-03-04T10:00:00Z' },
      { id: 'bob@x', name: 'Bob', lastCommit: '2022-05-06T10:00:00Z' },
    ];
    const lines = renderCheckText(report, PLAIN).split('\n');
    expect(lines.filter((line) => line.startsWith('! '))).toEqual(['! payments: passes on an owner who is inactive: Ada (no commit since 2021-03-04)', '! deploy: passes on an owner who is inactive: Bob (no commit since 2022-05-06)']);
    expect(lines.filter((line) => line.includes('treatInactiveAsDeparted'))).toEqual([
      '  The bus factor counts inactive owners: to gate on who is active, set `model.treatInactiveAsDeparted: true` or declare them gone (`--leaving`, or config `departures`).',
    ]);
  });

  it('strips control characters from names and colours only when asked', () => {
    const report = makeReport({ systems: [{ name: 'pay\u001b[31mments\nx', paths: ['src/pay/**'], minOwners: 2 }] });
    expect(renderCheckText(report, PLAIN).includes('\u001b')).toBe(false);
    expect(renderCheckText(report, { chalk: new Chalk({ level: 1 }), width: 100 })).toContain('\u001b[31m');
  });

  // fastapi: a pull request touched fastapi/routing.py, which both "fastapi package" and "routing" hold:
  // "starting with the 2 this change touches" for one file (a tester).
  it('counts a touched file at risk once when two failing systems hold it', () => {
    const report = makeReport({
      systems: [
        { name: 'package', paths: ['src/**'], minOwners: 2 },
        { name: 'payments', paths: ['src/pay/**'], minOwners: 2 },
      ],
      changed: { base: 'main', mergeBase: 'abc', files: 1 },
    });
    report.systems = report.systems.map((system) => ({ ...system, changedAtRisk: [{ path: 'src/pay/a.ts', added: false }] }));
    expect(renderCheckText(report, PLAIN)).toContain('To fix: have someone else change and review the files at risk, starting with the one this change touches (listed first)');
  });
});
