import { describe, expect, it } from 'vitest';
import { evaluateAfterDepartures, lossAgainstLimit } from '../../src/model/critical-departures.ts';
import { developer, file } from '../report/check-factory.ts';

describe('lossAgainstLimit', () => {
  it('prints a share and the limit it broke with enough decimals to tell them apart', () => {
    expect(lossAgainstLimit(0.5, 0.2)).toEqual(['50%', '20%']);
    expect(lossAgainstLimit(6 / 57, 0.1)).toEqual(['11%', '10%']);
    // 10.04% against 10% read "would orphan 10% … at most 10% allowed".
    expect(lossAgainstLimit(0.1004, 0.1)).toEqual(['10.04%', '10.00%']);
    expect(lossAgainstLimit(0.1, 0.1)).toEqual(['10%', '10%']);
    // A limit is shown as written (0.5% read "at most 1% allowed": a re-test); 7% is 0.07 × 100 = 7.000000000000001.
    expect(lossAgainstLimit(0, 0.005)).toEqual(['0.0%', '0.5%']);
    expect(lossAgainstLimit(0.02, 0.07)).toEqual(['2%', '7%']);
    expect(lossAgainstLimit(0.0123, 0.0125)).toEqual(['1.23%', '1.25%']);
  });
});

describe('evaluateAfterDepartures', () => {
  // npm: Bob authors every file (bus factor 1, needs 2: failing today). web: Ada and Bob (2).
  const analysis = {
    files: [file('npm/a.ts', ['bob']), file('npm/b.ts', ['bob']), file('web/x.ts', ['ada', 'bob']), file('web/y.ts', ['ada', 'bob'])],
    developers: [developer('ada', 'Ada'), developer('bob', 'Bob'), developer('leo', 'Leo')],
  };
  const systems = [
    { name: 'npm', paths: ['npm/**'], minOwners: 2 },
    { name: 'web', paths: ['web/**'], minOwners: 2 },
  ];

  it('says a system that already fails, with the same owners, fails today, not "after X leaves" (deno: Leo owns nothing there)', () => {
    const [npm, web] = evaluateAfterDepartures(analysis, systems, [{ id: 'leo', name: 'Leo' }]);
    expect(npm?.violations).toEqual([{ rule: 'minOwners', required: 2, actual: 1, message: 'bus factor 1 (needs 2): Bob authors 2 of its 2 files', held: 2 }]);
    expect(web?.violations).toEqual([]);
  });

  it('charges a departure that orphans a file even when the bus factor and owners stay (review)', () => {
    // npm: Bob authors two files, Leo a third alone; the bus factor is 1 (Bob) before and after Leo
    // leaves, but npm/c.ts loses its only author.
    const withLeo = { ...analysis, files: [...analysis.files, file('npm/c.ts', ['leo'])] };
    const [npm] = evaluateAfterDepartures(withLeo, systems, [{ id: 'leo', name: 'Leo' }]);
    // Failing today already: the line says so, and what the departure adds (vite: "bus factor 2 after
    // Bjorn leaves (today 2)" read as Bjorn breaking the system).
    expect(npm?.violations[0]).toMatchObject({ afterDepartures: true, message: 'bus factor 1 with or without Leo (needs 2); 1 file loses its last author' });
    // Today: Bob authors 2 of its 3 files, not "the knowledge of its 3 files" (deno: 19 of 25).
    const [today] = evaluateAfterDepartures(withLeo, systems, []);
    expect(today?.violations[0]?.message).toBe('bus factor 1 (needs 2): Bob authors 2 of its 3 files');
    // Both what loses its last author and what else comes at risk (deno: 5 lose theirs, 6 more at risk).
    const shared = { ...analysis, files: [...analysis.files, file('npm/c.ts', ['leo']), file('npm/d.ts', ['leo', 'bob']), file('npm/e.ts', ['bob'])] };
    const [both] = evaluateAfterDepartures(shared, systems, [{ id: 'leo', name: 'Leo' }]);
    expect(both?.violations[0]?.message).toBe('bus factor 1 with or without Leo (needs 2); 1 file loses its last author; 1 more file at risk');
  });

  it('names the inactive or departing authors a system is left without, not "no file has an author" (a re-test on psf/requests)', () => {
    // Inactive Bob gone (model.treatInactiveAsDeparted): npm's two files were all his.
    const [npm, web] = evaluateAfterDepartures(analysis, systems, [], ['bob']);
    expect(npm?.violations[0]?.message).toBe('bus factor 0 (needs 2): without Bob (inactive), fewer than half of its 2 files have an author');
    expect(npm?.authorsLeftOut).toEqual([{ id: 'bob', name: 'Bob', files: 2, share: 1 }]);
    expect(npm?.orphanAuthorsLeftOut).toEqual({ 'npm/a.ts': ['Bob (inactive)'], 'npm/b.ts': ['Bob (inactive)'] });
    // web keeps Ada on both files: Bob's absence orphans nothing there, so he is not named (a review).
    expect(web?.authorsLeftOut).toBeUndefined();
    expect(web?.orphanAuthorsLeftOut).toBeUndefined();
    // With Ada leaving as well: web names both, the departing one by name alone.
    const [, webAfter] = evaluateAfterDepartures(analysis, systems, [{ id: 'ada', name: 'Ada' }], ['bob']);
    expect(webAfter?.orphanAuthorsLeftOut).toEqual({ 'web/x.ts': ['Ada', 'Bob (inactive)'], 'web/y.ts': ['Ada', 'Bob (inactive)'] });
    // Many left out: the first four are named, the rest counted (the message goes to CI annotations).
    const crowd = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const crowded = { files: [file('npm/a.ts', crowd)], developers: crowd.map((id) => developer(id, id.toUpperCase())) };
    const [many] = evaluateAfterDepartures(crowded, systems, [], crowd);
    expect(many?.violations[0]?.message).toBe('bus factor 0 (needs 2): without P1 (inactive), P2 (inactive), P3 (inactive), P4 (inactive) +2 more, its only file has no author');
    // Nobody left out: no such fields, and a system whose files never had an author says so as before.
    const [plain] = evaluateAfterDepartures({ ...analysis, files: [file('npm/a.ts', [])] }, systems, []);
    expect(plain?.authorsLeftOut).toBeUndefined();
    expect(plain?.violations[0]?.message).toBe('bus factor 0 (needs 2): its only file has no author');
  });

  it('charges the departures with what they break or change', () => {
    const [, web] = evaluateAfterDepartures(analysis, systems, [{ id: 'ada', name: 'Ada' }]);
    // `held`: what the owners left author (the message says who leaves instead).
    expect(web?.violations).toEqual([{ rule: 'minOwners', required: 2, actual: 1, afterDepartures: true, message: 'bus factor 1 without Ada (2 with them; needs 2)', held: 2 }]);
    // npm fails today with Bob alone; without him its bus factor drops to 0: the departure changes it.
    const [npm] = evaluateAfterDepartures(analysis, systems, [{ id: 'bob', name: 'Bob' }]);
    expect(npm?.violations[0]).toMatchObject({ afterDepartures: true, message: 'bus factor 0 without Bob (1 with them; needs 2)' });
  });
  it('names a departure dated before the analysis day as past, and says "without", not "after … leaves" (vuejs/core: someone gone since 2022 read as leaving)', () => {
    const dated = { ...analysis, settings: { referenceDate: '2026-12-07T23:59:59Z' } };
    const [, web] = evaluateAfterDepartures(dated, systems, [{ id: 'ada', name: 'Ada', date: '2022-01-21' }]);
    expect(web?.violations[0]?.message).toBe('bus factor 1 without Ada (left 2022-01-21) (2 with them; needs 2)');
    // A last day to come is no past departure; with two people, "with them" too (psf/requests: "1 with them all" was hard to parse, a tester).
    const [npm, later] = evaluateAfterDepartures(dated, systems, [{ id: 'ada', name: 'Ada', date: '2027-01-31' }, { id: 'bob', name: 'Bob' }]);
    expect(later?.violations[0]?.message).toBe('bus factor 0 without Ada, Bob (2 with them; needs 2)');
    // Ada authors no npm file: its line names Bob alone (elixir: a departure of 2021 named on every
    // failing line, systems he authors nothing in included, a tester's report).
    expect(npm?.violations[0]?.message).toBe('bus factor 0 without Bob (1 with them; needs 2)');
    // Its knowledge loss too; with nobody leaving authoring a file there, all of them are named.
    const limited = systems.map((system) => ({ ...system, maxKnowledgeLoss: 0.5 }));
    const [npmLoss] = evaluateAfterDepartures(dated, limited, [{ id: 'ada', name: 'Ada' }, { id: 'bob', name: 'Bob' }]);
    expect(npmLoss?.knowledgeLoss?.message).toBe('without Bob, 100% of its files lose their last author (2 of 2; at most 50% allowed)');
    const [npmNobody] = evaluateAfterDepartures(dated, limited, [{ id: 'leo', name: 'Leo' }]);
    expect(npmNobody?.knowledgeLoss?.message).toBe('without Leo, 0% of its files lose their last author (0 of 2; at most 50% allowed)');
  });
});
