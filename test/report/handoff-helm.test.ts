import { describe, expect, it } from 'vitest';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { resolvePerson } from '../../src/model/people.ts';
import type { Analysis } from '../../src/model/types.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildNamed, handoffOf } from './handoff-fixture.ts';
import { keeperHistory, lowerHistory } from './handoff-helm-fixture.ts';

// Four spots of helm's handoffs at 2020-01-01, Adam Reese and Michelle Noorali leaving (a tester).

const CONFIG = { model: { inactiveAfter: 180 } };

function leaving(analysis: Analysis, ...who: string[]) {
  return who.map((name) => ({ ...resolvePerson(analysis.developers, name), date: '2025-03-31' }));
}

describe('handoff: "kept by" only someone active who changed the file most (helm: Michelle Noorali)', () => {
  it('someone inactive keeps nothing: B changed f.go twice 300 days ago, A authored it, both leave', async () => {
    const analysis = await analyzeRepo(buildNamed('keep', keeperHistory()).dir, { depth: 1, config: CONFIG });
    const report = await handoffOf(analysis, 'bob', { critical: [], alsoLeaving: leaving(analysis, 'alice', 'bob') });
    expect(report.person.inactive).toBe(true);
    expect(report.alsoWorkedOn.map((file) => [file.path, file.keeper])).toEqual([['lib/f.go', false]]);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).not.toContain('kept by');
    expect(markdown).not.toContain('Walk through what Bob keeps');
    expect(report.checklist.some((item) => item.kind === 'kept-files')).toBe(false);
  });

  it('nor does someone who changed a file less than its author, active and leaving too; an inactive author’s changes do not count (redis)', async () => {
    const analysis = await analyzeRepo(buildNamed('keep', keeperHistory()).dir, { depth: 1, config: CONFIG });
    const report = await handoffOf(analysis, 'carol', { critical: [], alsoLeaving: leaving(analysis, 'alice', 'carol') });
    expect(report.person.inactive).toBe(false);
    // f.go: Alice, its author, 11 changes to Carol's 2. g.go: Dan, inactive, 6 changes: kept by Carol.
    expect(report.alsoWorkedOn.map((file) => [file.path, file.keeper])).toEqual([
      ['lib/g.go', true],
      ['lib/f.go', false],
    ]);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('| `lib/g.go` | 2 | 2024-12-02 | Dan (inactive) · **kept by Carol** |');
    expect(markdown).toContain('| `lib/f.go` | 2 | 2024-12-02 | Alice |');
    expect(markdown).toContain('- [ ] Walk through what Carol keeps: `lib/g.go`:');
  });
});

describe('handoff: why the truck factor falls without someone it does not count (helm: "4 → 3" for Michelle Noorali)', () => {
  it('says so whatever the margin, with the shares before and after their files', async () => {
    const analysis = await analyzeRepo(buildNamed('lower', lowerHistory()).dir, { depth: 1, config: CONFIG });
    const report = await handoffOf(analysis, 'mia', { critical: [] });
    // 56.5% is far from the 2-point margin the figure's line was said for.
    expect(report.summary.truckFactor).toEqual({ before: 2, afterThem: 1, whyLower: { people: 1, coverage: 13 / 23, coverageWithoutThem: 10 / 23, theirFiles: 3 } });
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain(
      '- **Truck factor:** 2 → 1 if Mia leaves.\n  Mia is not one of the 2 people it counts, but without its first person, 56.5% of the files keep an author, and 3 of the 4 files Mia authors have no other author then: without them 43.5% do, fewer than half, so it stops at 1.\n',
    );
    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.summary.truckFactor.whyLower).toEqual({ people: 1, coverage: 13 / 23, coverageWithoutThem: 10 / 23, theirFiles: 3 });
  });

  it('says nothing of the kind for someone it counts, nor when the figure holds', async () => {
    const analysis = await analyzeRepo(buildNamed('lower', lowerHistory()).dir, { depth: 1, config: CONFIG });
    expect((await handoffOf(analysis, 'xena', { critical: [] })).summary.truckFactor).toEqual({ before: 2, afterThem: 1, rank: 1 });
    // Zoe's 3 files lower it too; Ivan's one file keeps Mia.
    expect((await handoffOf(analysis, 'ivan', { critical: [] })).summary.truckFactor).toEqual({ before: 2, afterThem: 2 });
  });
});

describe('handoff: files with no successor by what they are for (helm: "nobody for 100", 95 of them testdata)', () => {
  it('splits the summary counts into code and test files and fixtures, in the markdown and the JSON', async () => {
    const analysis = await analyzeRepo(buildNamed('lower', lowerHistory()).dir, { depth: 1, config: CONFIG });
    const report = await handoffOf(analysis, 'mia', { critical: [] });
    const split = { code: 1, tests: 3, examples: 0, docs: 0, settings: 0 };
    expect(report.summary).toMatchObject({ noSuccessor: 4, noSuccessorByCategory: split, noActiveAuthorLeft: 4, noActiveAuthorLeftByCategory: split, orphanedFiles: 3 });
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('**no successor** for 4 (1 code file, 3 test files and fixtures) and a **weak successor** for 0');
    expect(markdown).toContain('- **Left with no active author:** 4 files of theirs (1 code file, 3 test files and fixtures): after Mia, nobody who committed in the last 180 days authors them');
    expect(markdown).toContain('- **Who could take over:** nobody active who stays has changed any of the 4 files nobody active would author after Mia (1 code file, 3 test files and fixtures): each needs a knowledge transfer.');
    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.summary).toMatchObject({ noSuccessorByCategory: split, noActiveAuthorLeftByCategory: split });
  });

  it('adds nothing when every such file is code', async () => {
    const analysis = await analyzeRepo(buildNamed('keep', keeperHistory()).dir, { depth: 1, config: CONFIG });
    const report = await handoffOf(analysis, 'alice', { critical: [] });
    expect(report.summary.noSuccessorByCategory).toEqual({ code: 1, tests: 0, examples: 0, docs: 0, settings: 0 });
    expect(renderHandoffMarkdown(report)).toMatch(/\*\*no successor\*\* for 1 and a/);
  });
});

describe('handoff: two orderings (helm)', () => {
  it('lists a dotfile of a testdata folder after the code of its area, and a go.mod-scoped version bump as a dependency update', async () => {
    const analysis = await analyzeRepo(buildNamed('lower', lowerHistory()).dir, { depth: 1, config: CONFIG });
    const report = await handoffOf(analysis, 'mia', { critical: [] });
    expect(report.areas.find((area) => area.module === 'src')?.files.map((file) => file.path)).toEqual(['src/m.go', 'src/testdata/.helmignore', 'src/testdata/c.txt', 'src/testdata/a.txt']);
    expect(report.recentGroups.map((group) => [group.subject, group.dependencyUpdate])).toEqual([['ref(go.mod): kubernetes 1.16.2', true]]);
  });
});
