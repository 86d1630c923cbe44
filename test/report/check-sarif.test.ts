import { describe, expect, it } from 'vitest';
import { renderCheckSarif, renderSarifCouldNotRun, SARIF_KNOWLEDGE_LOSS_RULE_ID, SARIF_RULE_ID } from '../../src/report/check-sarif.ts';
import { addViolations } from '../../src/model/critical.ts';
import { makeReport } from './check-factory.ts';

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } };
}

describe('check --format sarif', () => {
  it('is SARIF 2.1.0 with one result per failing system, each location with a start line', () => {
    const sarif = JSON.parse(renderCheckSarif(makeReport()));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('talentrisk');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([SARIF_RULE_ID, SARIF_KNOWLEDGE_LOSS_RULE_ID]);
    expect(run.results).toHaveLength(1);
    const [result] = run.results;
    expect(result).toMatchObject({ ruleId: SARIF_RULE_ID, ruleIndex: 0, level: 'error', partialFingerprints: { 'talentriskCriticalSystem/v1': 'payments' } });
    expect(result.message.text).toBe('Critical system "payments" has bus factor 1, needs 2; sole owner: Ada, who authors 2 of its 3 files; 3 files at risk: src/pay/c.ts, src/pay/a.ts, src/pay/b.ts.');
    const locations = result.locations as SarifLocation[];
    expect(locations.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine])).toEqual([
      ['.talentrisk.yml', 3],
      ['src/pay/c.ts', 1],
      ['src/pay/a.ts', 1],
      ['src/pay/b.ts', 1],
    ]);
    for (const location of locations) expect(location.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
  });

  // tokio, a tester: no $schema, no inactive-owner notes, and a shallow clone's figures stated as fact.
  it('names its schema, carries the notes on passing systems, and says a shallow clone’s verdict rests on its fetched commits', () => {
    const inactive = ['ada@x', 'bob@x'].map((id) => ({ id, name: id, lastCommit: '2020-01-01T00:00:00Z' }));
    // The boundary commit is fetched, and its changes are not counted: the caveat says so (vuejs/core: "the 50 fetched commits are read" counted 49).
    const sarif = JSON.parse(renderCheckSarif({ ...makeReport(), fetchedCommits: 2, boundaryCommits: 1, inactive }));
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const run = sarif.runs[0];
    expect(run.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text)).toEqual([
      expect.stringMatching(/^deploy: passes on an owner who is inactive: /),
      expect.stringMatching(/^auth: passes on 2 owners who are all inactive: /),
      // The advice once, after the notes.
      expect.stringMatching(/^The bus factor counts inactive owners: /),
    ]);
    expect(run.results[0].message.text).toBe('Critical system "payments" has bus factor 1, needs 2; sole owner: Ada, who authors 2 of its 3 files; 3 files at risk: src/pay/c.ts, src/pay/a.ts, src/pay/b.ts (shallow clone: only 1 of the 2 fetched commits is counted).');
    expect(JSON.parse(renderSarifCouldNotRun('why')).$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
  });

  it('has no result when every rule holds, and encodes paths as URIs', () => {
    const report = makeReport({ systems: [{ name: 'auth', paths: ['src/auth/**'], minOwners: 2 }] });
    expect(JSON.parse(renderCheckSarif(report)).runs[0].results).toEqual([]);
    const spaced = makeReport({ systems: [{ name: 'p', paths: ['src/pay/**'], minOwners: 2 }] });
    spaced.configFile = 'conf dir/#x.yml';
    const uri = JSON.parse(renderCheckSarif(spaced)).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe('conf%20dir/%23x.yml');
  });

  it('files a departures failure under its own rule: one result per rule broken (it was filed as too few owners when the bus factor passed)', () => {
    const report = makeReport();
    const loss = { rule: 'maxKnowledgeLoss' as const, afterDepartures: true, required: 0.2, actual: 1, message: 'without Bob, 100% of its files lose their last author (1 of 1; at most 20% allowed)' };
    report.systems = report.systems.map((system) => (system.name === 'deploy' || system.name === 'payments' ? addViolations(system, [loss]) : system)) as typeof report.systems;
    const results = JSON.parse(renderCheckSarif(report)).runs[0].results as { ruleId: string; ruleIndex: number; message: { text: string }; partialFingerprints: Record<string, string> }[];
    // Each alert leads with its own rule.
    expect(results.map((r) => r.message.text.split(';')[0])).toEqual([
      'Critical system "payments" has bus factor 1, needs 2',
      'Critical system "payments": without Bob, 100% of its files lose their last author (1 of 1',
      'Critical system "deploy": without Bob, 100% of its files lose their last author (1 of 1',
    ]);
    expect(results.map((r) => [r.partialFingerprints['talentriskCriticalSystem/v1'], r.ruleId, r.ruleIndex])).toEqual([
      ['payments', SARIF_RULE_ID, 0],
      ['payments', SARIF_KNOWLEDGE_LOSS_RULE_ID, 1],
      ['deploy', SARIF_KNOWLEDGE_LOSS_RULE_ID, 1],
    ]);
  });
});
