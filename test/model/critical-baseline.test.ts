import { describe, expect, it } from 'vitest';
import { compareWithBase, isNewViolation } from '../../src/model/critical-baseline.ts';
import { evaluateAfterDepartures } from '../../src/model/critical-departures.ts';
import { developer, file } from '../report/check-factory.ts';

// check --changed <base> --new-only: each violation at the revision against the merge base.
describe('compareWithBase', () => {
  const developers = [developer('ada', 'Ada'), developer('bob', 'Bob'), developer('cy', 'Cy'), developer('leo', 'Leo')];
  const judge = (files: ReturnType<typeof file>[], minOwners: number, options: { maxKnowledgeLoss?: number; leaving?: string[] } = {}) =>
    evaluateAfterDepartures(
      { files, developers },
      [{ name: 'core', paths: ['core/**'], minOwners, maxKnowledgeLoss: options.maxKnowledgeLoss }],
      (options.leaving ?? []).map((id) => ({ id, name: id })),
    );
  const soleAda = [file('core/a.ts', ['ada']), file('core/b.ts', ['ada'])];
  const adaAndBob = [file('core/a.ts', ['ada', 'bob']), file('core/b.ts', ['bob', 'ada'])];

  it('a sole owner the base already had is not new (tokio: `time`, owned by one person for years)', () => {
    const [core] = compareWithBase(judge(soleAda, 2), judge(soleAda, 2));
    expect(core?.violations.map((v) => v.base)).toEqual([{ isNew: false, broken: true, actual: 1 }]);
    expect(core?.violations.every(isNewViolation)).toBe(false);
    // A bus factor that improved but still breaks the rule is not new either.
    const [better] = compareWithBase(judge([...adaAndBob, file('core/c.ts', ['cy', 'ada'])], 3), judge(soleAda, 3));
    expect(better?.violations.map((v) => v.base)).toEqual([{ isNew: false, broken: true, actual: 1 }]);
  });

  it('a rule the base kept, or breaks with a better figure, is new', () => {
    const [fresh] = compareWithBase(judge(soleAda, 2), judge(adaAndBob, 2));
    expect(fresh?.violations.map((v) => v.base)).toEqual([{ isNew: true, broken: false, actual: 2 }]);
    const [worse] = compareWithBase(judge(soleAda, 3), judge(adaAndBob, 3));
    expect(worse?.violations.map((v) => v.base)).toEqual([{ isNew: true, broken: true, actual: 2 }]);
  });

  it('a system with no file at the base (the change creates it) has every violation new', () => {
    const [created] = compareWithBase(judge(soleAda, 2), judge([file('web/x.ts', ['ada'])], 2));
    expect(created?.violations.map((v) => v.base)).toEqual([{ isNew: true, broken: false, actual: undefined }]);
  });

  it('a knowledge loss is new when the base kept the limit, or loses a smaller share; the same share is not', () => {
    // Leo alone authors 1 of 4 files at the base (25%), 2 of 4 at the revision (50%); at most 20%.
    const base = [file('core/a.ts', ['ada']), file('core/b.ts', ['bob']), file('core/c.ts', ['cy']), file('core/d.ts', ['leo'])];
    const head = [file('core/a.ts', ['ada']), file('core/b.ts', ['bob']), file('core/c.ts', ['leo']), file('core/d.ts', ['leo'])];
    const options = { maxKnowledgeLoss: 0.2, leaving: ['leo'] };
    const loss = (results: ReturnType<typeof judge>) => results[0]?.violations.filter((v) => v.rule === 'maxKnowledgeLoss').map((v) => v.base);
    expect(loss(compareWithBase(judge(head, 1, options), judge(base, 1, options)))).toEqual([{ isNew: true, broken: true, actual: 0.25 }]);
    expect(loss(compareWithBase(judge(base, 1, options), judge(base, 1, options)))).toEqual([{ isNew: false, broken: true, actual: 0.25 }]);
    expect(loss(compareWithBase(judge(base, 1, options), judge(base.slice(0, 3), 1, options)))).toEqual([{ isNew: true, broken: false, actual: 0 }]);
  });

  it('leaves systems that break nothing as they are', () => {
    const head = judge(adaAndBob, 2);
    expect(compareWithBase(head, judge(soleAda, 2))).toEqual(head);
  });
});
