import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/report/check-escape.ts';
import { addViolations } from '../../src/model/critical.ts';
import { renderCheckJunit } from '../../src/report/check-junit.ts';
import { assertWellFormedXml, file, makeReport } from './check-factory.ts';

describe('check --format junit', () => {
  it('is well-formed XML with one testcase per system and a failure for the violation', () => {
    const xml = renderCheckJunit(makeReport());
    const elements = assertWellFormedXml(xml);
    expect(elements[0]).toEqual({ name: 'testsuites', attributes: { name: 'talentrisk check', tests: '3', failures: '1', errors: '0', skipped: '0', time: '0' } });
    const cases = elements.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => [c.attributes.name, c.attributes.line])).toEqual([
      ['payments', '3'],
      ['auth', '7'],
      ['deploy', '11'],
    ]);
    expect(elements.filter((e) => e.name === 'failure')).toEqual([{ name: 'failure', attributes: { message: 'bus factor 1, needs 2; sole owner: Ada', type: 'minOwners' } }]);
    // The config's description is in the failure's text (it was in the JSON only).
    expect(xml).toMatch(/<failure [^>]*>[^<]*\nsystem: Card payments\nat risk: /);
  });

  // pnpm: 404 "at risk:" lines for 4 systems, heavy for a merge-request widget (a first-time user).
  it('lists the first 20 files at risk of a failing system and counts the rest', () => {
    const files = Array.from({ length: 25 }, (_, i) => file(`src/pay/f${String(i).padStart(2, '0')}.ts`, ['ada@x']));
    const xml = renderCheckJunit(makeReport({ files, systems: [{ name: 'payments', paths: ['src/pay/**'], minOwners: 2 }] }));
    assertWellFormedXml(xml);
    expect(xml.match(/\nat risk: /g)).toHaveLength(20);
    expect(xml).toContain('\nat risk: src/pay/f19.ts\n… and 5 more (`talentrisk check --format json` lists them all)</failure>');
  });

  it('marks the systems --changed left out as skipped', () => {
    const xml = renderCheckJunit(makeReport({ checked: (n) => n === 'auth', changed: { base: 'main', mergeBase: 'x', files: 1 } }));
    const elements = assertWellFormedXml(xml);
    expect(elements[0]?.attributes).toMatchObject({ tests: '3', failures: '0', skipped: '2' });
    expect(elements.filter((e) => e.name === 'skipped').map((e) => e.attributes.message)).toEqual(['no file changed since main', 'no file changed since main']);
  });

  it('escapes names, and makes characters XML cannot hold spaces, as the other formats do', () => {
    expect(escapeXml('a<b>&"c\'\u0001\u001b')).toBe('a&lt;b&gt;&amp;&quot;c&apos;  ');
    // As sanitize() reads it for the other formats: an escape sequence goes whole, a control character is a space.
    expect(escapeXml('Ev\u001b[31mil src/a\u0001b.ts')).toBe('Evil src/a b.ts');
    const xml = renderCheckJunit(makeReport({ systems: [{ name: '<pay & "ments">\u0007', paths: ['src/pay/**'], minOwners: 2 }] }));
    expect(assertWellFormedXml(xml).find((e) => e.name === 'testcase')?.attributes.name).toBe('&lt;pay &amp; &quot;ments&quot;&gt; ');
  });

  it('leads a departures failure with the rule it broke (it read "bus factor 1, needs 1", which passes)', () => {
    const report = makeReport();
    const loss = { rule: 'maxKnowledgeLoss' as const, afterDepartures: true, required: 0.2, actual: 1, message: 'without Bob, 100% of its files lose their last author (1 of 1; at most 20% allowed)' };
    report.systems = report.systems.map((system) => (system.name === 'deploy' || system.name === 'payments' ? addViolations(system, [loss]) : system)) as typeof report.systems;
    const failures = assertWellFormedXml(renderCheckJunit(report)).filter((e) => e.name === 'failure');
    expect(failures.map((e) => e.attributes)).toEqual([
      { message: 'bus factor 1, needs 2; departures orphan 100%, at most 20%; sole owner: Ada', type: 'minOwners maxKnowledgeLoss' },
      { message: 'departures orphan 100%, at most 20%; sole owner: Bob', type: 'maxKnowledgeLoss' },
    ]);
  });
});
