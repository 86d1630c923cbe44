import { describe, expect, it } from 'vitest';
import { evaluateCriticalSystems } from '../../src/model/critical.ts';
import { criticalSystemOutputSchema } from '../../src/report/check-schema.ts';
import { criticalJson, renderCriticalSection } from '../../src/report/critical-section.ts';
import { developer, file, PLAIN } from './check-factory.ts';

const analysis = {
  developers: [developer('ada@x', 'Ada'), developer('bob@x', 'Bob')],
  files: [file('src/pay/a.ts', ['ada@x']), file('src/auth/x.ts', ['ada@x', 'bob@x'])],
};
const results = evaluateCriticalSystems(analysis, [
  { name: 'auth', paths: ['src/auth/**'], minOwners: 2 },
  { name: 'payments', paths: ['src/pay/**'], minOwners: 2 },
  { name: 'deploy', paths: ['deploy/**'], minOwners: 2 },
]);

describe('critical systems in scan', () => {
  it('renderCriticalSection: a heading and one row per system, failing first', () => {
    expect(renderCriticalSection(results, PLAIN)).toMatchInlineSnapshot(`
      "Critical systems (.talentrisk.yml; 1 of 3 failing, 1 of 3 with a config error — \`talentrisk check\` gates CI on them)
           system    bus factor  needs  owners                                files at risk
        ✗  payments           1      2  sole owner: Ada                       1: src/pay/a.ts
        !  deploy             —      2  no analysed file matches "deploy/**"
        ✓  auth               2      2  owners: Ada, Bob"
    `);
    expect(renderCriticalSection([], PLAIN)).toBe('');
    // Read from another file (--config): the heading names it.
    expect(renderCriticalSection(results, PLAIN, 'ci/talentrisk.yml').split('\n')[0]).toBe('Critical systems (ci/talentrisk.yml; 1 of 3 failing, 1 of 3 with a config error — `talentrisk check` gates CI on them)');
    // A system whose globs match nothing is not said to fail its rule (deno, `scan --until` before its paths existed: "5 of 5 failing").
    expect(renderCriticalSection(results.slice(2), PLAIN).split('\n')[0]).toBe('Critical systems (.talentrisk.yml; 1 of 1 with a config error — `talentrisk check` gates CI on them)');
  });

  it('criticalJson: config order, each entry valid against the published schema', () => {
    const json = criticalJson(results);
    expect(json.map((s) => [s.name, s.status])).toEqual([
      ['auth', 'ok'],
      ['payments', 'violation'],
      ['deploy', 'error'],
    ]);
    for (const entry of json) criticalSystemOutputSchema.parse(JSON.parse(JSON.stringify(entry)));
  });
});
