import { describe, expect, it } from 'vitest';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { MAX_AREAS, MAX_FILES_PER_AREA } from '../../src/report/handoff-areas.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildNamed, handoffOf, SHOP_CONFIG, shopHistory } from './handoff-fixture.ts';

describe('handoff report of a hand-computed fixture', () => {
  it('finds sole and shared files, successors, co-change and recent commits', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    expect(report.summary).toMatchObject({
      soleFiles: 4,
      sharedFiles: 1,
      soleModules: ['pay'],
      sharedModules: ['web'],
      truckFactor: { before: 1, afterThem: 1 - 1 },
      orphanedFiles: 4,
      noSuccessor: 1,
      // Carol and Bob are below the author floor (DOA 2.94 and 3.01 < 3.293): weak, though normDOA ≥ 0.5.
      weakSuccessor: 3,
    });
    expect(report.summary.criticalSystems).toEqual([
      { name: 'payments', minOwners: 2, files: 3, theirFiles: 3, soleFiles: 3, busFactorBefore: 1, busFactorAfter: 0 },
    ]);
    expect(report.areas.map((a) => a.module)).toEqual(['pay', 'web']);
    const successors = report.areas.flatMap((a) => a.files.map((f) => [f.path, f.strength, f.successor?.id ?? null]));
    expect(successors).toEqual([
      ['pay/ledger.ts', 'weak', 'dave@example.com'],
      ['pay/core.ts', 'weak', 'carol@example.com'],
      ['pay/rates.ts', 'weak', 'bob@example.com'],
      ['web/legacy.ts', 'none', null],
      ['web/app.ts', 'author', 'bob@example.com'],
    ]);
    expect(report.coChange.map((c) => [c.path, c.partners.map((p) => `${p.path} ${p.together}/${c.commits}`)])).toEqual([
      ['pay/core.ts', ['pay/ledger.ts 5/6', 'pay/rates.ts 4/6']],
      ['pay/rates.ts', ['pay/core.ts 4/5', 'pay/ledger.ts 4/5']],
      ['web/app.ts', ['web/theme.css 2/3']],
    ]);
    expect(report.coChange[2]?.partners[0]).toMatchObject({ theirs: false, owner: 'bob@example.com' });
    expect(report.recentCommits.map((c) => c.subject)).toEqual(['Legacy fix', 'Refund flow, part 2', 'Refund flow | part 1 <b>@bob</b> #12 `x`']);
    expect(report.checklist.map((item) => item.kind)).toEqual(['critical', 'owner-area', 'owner-area', 'transfer-file', 'transfer-file', 'transfer-file', 'transfer-file', 'co-change', 'co-change', 'co-change', 'recent-work', 'outside-git']);
    // Critical files first, then the most worked on. A successor below the author floor is walked
    // through too: "ok", flask's one-commit successors took their files out of the checklist (a tester).
    expect(report.checklist.filter((item) => item.kind === 'transfer-file').map((item) => item.path)).toEqual(['pay/ledger.ts', 'pay/core.ts', 'pay/rates.ts', 'web/legacy.ts']);
  });

  it('proposes no inactive developer as a successor', async () => {
    const repo = buildNamed('shop', shopHistory());
    // Inactive after 180 days at 2025-01-01: dave (2024-01-20) and carol (2024-07-01).
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { ...SHOP_CONFIG, model: { inactiveAfter: 180 } } });
    const report = await handoffOf(analysis, 'ada');
    expect(report.successorsActiveWithinDays).toBe(180);
    const pay = report.areas[0]?.files.map((f) => [f.path, f.strength, f.successor?.id ?? null]);
    expect(pay).toEqual([
      ['pay/ledger.ts', 'none', null],
      ['pay/core.ts', 'none', null],
      ['pay/rates.ts', 'weak', 'bob@example.com'],
    ]);
  });

  // Regression (flask, a tester): "Shares 63 files" while every co-author of the 63 was inactive;
  // nobody active would author any of David Lord's 168 files, which nothing said, and the checklist
  // named new owners only for the files he alone knew.
  it('says which shared files are shared only with inactive developers, and asks a new owner for them', async () => {
    const repo = buildNamed('shared', [
      { author: 'carol', at: '2023-01-01T10:00:00Z', write: { 'lib/old.ts': 5 } },
      // Bob writes the docs too, a regular (not a one-off contributor, one-off.ts).
      { author: 'bob', at: '2024-09-01T10:00:00Z', write: { 'docs/bob.md': 5 } },
      { author: 'bob', at: '2024-10-01T10:00:00Z', write: { 'docs/bob.md': 6 } },
      { author: 'bob', at: '2024-11-01T10:00:00Z', write: { 'lib/live.ts': 5 } },
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'lib/old.ts': 5, 'lib/live.ts': 5, 'lib/mine.ts': 5 } },
      { author: 'ada', at: '2024-12-02T10:00:00Z', write: { 'lib/old.ts': 5, 'lib/live.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 180 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [] });
    const files = Object.fromEntries(report.areas.flatMap((area) => area.files.map((file) => [file.path, [file.status, file.othersInactive]])));
    expect(files).toEqual({ 'lib/mine.ts': ['sole', false], 'lib/old.ts': ['shared', true], 'lib/live.ts': ['shared', false] });
    // The published figures are kept; the addition is labelled.
    expect(report.summary).toMatchObject({ soleFiles: 1, sharedFiles: 2, sharedOnlyWithInactive: 1, orphanedFiles: 1, noActiveAuthorLeft: 2 });
    expect(report.areas[0]).toMatchObject({ soleFiles: 1, sharedOnlyWithInactive: 1 });
    // Nobody who stays changed those files; Bob, who works in `lib`, is named as the one active there lately.
    expect(report.checklist.find((item) => item.kind === 'owner-area')).toEqual({ kind: 'owner-area', module: 'lib', soleFiles: 1, sharedOnlyWithInactive: 1, sharedOnlyWithLeaving: 0, mostActiveLately: { id: 'bob@example.com', commits: 1 } });
    expect(report.checklist.filter((item) => item.kind === 'transfer-file').map((item) => item.path)).toEqual(['lib/old.ts', 'lib/mine.ts']);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('\n- **Shares** 2 files with other authors (in `lib`); **1 of them only with inactive developers**.\n');
    expect(markdown).toContain('\n- **Left with no active author:** 2 files of theirs: after Ada, nobody who committed in the last 180 days authors them (the figures above count inactive developers as authors).\n');
    expect(markdown).toContain('\n### `lib`: 3 files, 1 only Ada knows, 1 shared only with inactive developers\n');
    expect(markdown).toContain('\n- [ ] Name a new owner for `lib` (1 file only Ada knows, 1 more shared only with inactive developers); nobody active who stays has changed them; most active here lately: Bob (1 commit in the last 90 days).\n');
    const json = toHandoffJson(report);
    expect(json.areas[0]?.files.find((file) => file.path === 'lib/old.ts')).toMatchObject({ otherAuthorsAllInactive: true });
  });

  it('marks an inactive co-author "(inactive)" where it names them (jest: "shared with Paul" beside "no successor", Paul inactive since 2023)', async () => {
    const repo = buildNamed('shared', [
      { author: 'carol', at: '2023-01-01T10:00:00Z', write: { 'lib/shared.ts': 5 } },
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'lib/shared.ts': 5 } },
      { author: 'ada', at: '2024-12-02T10:00:00Z', write: { 'lib/shared.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 180 } } });
    const report = await handoffOf(analysis, 'ada');
    expect(report.areas[0]?.files[0]).toMatchObject({ path: 'lib/shared.ts', status: 'shared', otherAuthors: ['carol@example.com'], strength: 'none' });
    expect(report.inactive).toEqual(['carol@example.com']);
    expect(renderHandoffMarkdown(report)).toContain('| `lib/shared.ts` (shared with Carol (inactive)) |');
    expect(toHandoffJson(report).inactive).toEqual([{ id: 'carol@example.com', name: 'Carol' }]);
  });

  it('says in the JSON, as the markdown does, that a file is shared only with others leaving (status "shared" had otherAuthors: [])', async () => {
    const repo = buildNamed('leaving', [
      { author: 'bob', at: '2024-12-01T10:00:00Z', write: { 'lib/shared.ts': 5, 'lib/three.ts': 5 } },
      { author: 'ada', at: '2024-12-02T10:00:00Z', write: { 'lib/shared.ts': 5 } },
      // three.ts: three changes each by Ada and Carol after Bob's creation make all three authors.
      ...[3, 4, 5].flatMap((day) => [
        { author: 'ada', at: `2024-12-0${day}T10:00:00Z`, write: { 'lib/three.ts': day * 2 } },
        { author: 'carol', at: `2024-12-0${day}T12:00:00Z`, write: { 'lib/three.ts': day * 2 + 1 } },
      ]),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada', { alsoLeaving: [{ id: 'bob@example.com', name: 'Bob' }] });
    expect(renderHandoffMarkdown(report)).toContain('| `lib/shared.ts` (shared with Bob, also leaving) |');
    const files = Object.fromEntries((toHandoffJson(report).areas[0]?.files ?? []).map((file) => [file.path, file]));
    expect(files['lib/shared.ts']).toMatchObject({ status: 'shared', otherAuthors: [], otherAuthorsLeaving: [{ id: 'bob@example.com', name: 'Bob' }] });
    expect(files['lib/three.ts']).toMatchObject({ status: 'shared', otherAuthors: [{ id: 'carol@example.com', name: 'Carol' }], otherAuthorsLeaving: [{ id: 'bob@example.com', name: 'Bob' }] });
  });

  // spring-boot (an EM test, Andy Wilkinson leaving too): "73 of them only with inactive developers",
  // of which 16 were shared with Andy as well, whose rows read "shared with Madhura Bhave (inactive)";
  // and files shared only with Andy needed no new owner, though nobody would author them either.
  it('counts files shared with inactive developers and others leaving as the rows name them, and asks a new owner for those shared only with others leaving', async () => {
    const repo = buildNamed('leaving', [
      { author: 'carol', at: '2023-01-01T10:00:00Z', write: { 'lib/both.ts': 5, 'lib/old.ts': 5 } },
      { author: 'bob', at: '2024-11-01T10:00:00Z', write: { 'lib/pair.ts': 5 } },
      { author: 'dave', at: '2024-11-02T10:00:00Z', write: { 'lib/live.ts': 5 } },
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'lib/mine.ts': 5, 'lib/pair.ts': 6, 'lib/live.ts': 6, 'lib/old.ts': 6 } },
      { author: 'ada', at: '2024-12-02T10:00:00Z', write: { 'lib/old.ts': 7 } },
      // both.ts: three changes each by Ada and Bob after Carol's creation make all three authors.
      ...[3, 4, 5].flatMap((day) => [
        { author: 'ada', at: `2024-12-0${day}T10:00:00Z`, write: { 'lib/both.ts': day * 2 } },
        { author: 'bob', at: `2024-12-0${day}T12:00:00Z`, write: { 'lib/both.ts': day * 2 + 1 } },
      ]),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 180 } } });
    const report = await handoffOf(analysis, 'ada', { critical: [], alsoLeaving: [{ id: 'bob@example.com', name: 'Bob' }] });
    const files = Object.fromEntries(report.areas.flatMap((area) => area.files.map((file) => [file.path, [file.status, file.othersInactive, file.noActiveAuthorLeft]])));
    expect(files).toEqual({
      'lib/mine.ts': ['sole', false, true],
      'lib/both.ts': ['shared', true, true],
      'lib/old.ts': ['shared', true, true],
      'lib/pair.ts': ['shared', false, true],
      'lib/live.ts': ['shared', false, false],
    });
    expect(report.summary).toMatchObject({ soleFiles: 1, sharedFiles: 4, sharedOnlyWithInactive: 2, sharedOnlyWithLeaving: 1, noActiveAuthorLeft: 4, takeOver: { files: 4 } });
    expect(report.areas[0]).toMatchObject({ sharedOnlyWithInactive: 2, sharedOnlyWithLeaving: 1, takeOver: { files: 4 } });
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('| `lib/both.ts` (shared with Carol (inactive); Bob, also leaving) |');
    expect(markdown).toContain('| `lib/pair.ts` (shared with Bob, also leaving) |');
    expect(markdown).toContain(
      '\n- **Shares** 4 files with other authors (in `lib`); **3 of them with no other active author who stays**: 1 only with inactive developers, 1 with inactive developers and others leaving, 1 only with others leaving.\n',
    );
    expect(markdown).toContain('\n### `lib`: 5 files, 1 only Ada knows, 3 shared only with inactive developers or others leaving\n');
    expect(markdown).toContain('the 4 files nobody active would author after Ada and the others leaving');
    expect(markdown).toContain('- [ ] Name a new owner for `lib` (1 file only Ada knows, 3 more shared only with inactive developers or others leaving); ');
    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.summary).toMatchObject({ sharedOnlyWithInactive: 2, sharedOnlyWithLeaving: 1 });
    expect(json.areas[0]?.files.find((file) => file.path === 'lib/pair.ts')).toMatchObject({ otherAuthorsAllInactive: false, noActiveAuthorLeft: true });
  });

  it('says a weak successor who barely knows a file (normDOA below 0.1) is no walk-through partner (jest: the runtime\'s successor had touched it twice in 2020)', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    const ledger = report.areas[0]?.files.find((f) => f.path === 'pay/ledger.ts') as NonNullable<(typeof report.areas)[number]['files'][number]>;
    expect(ledger.strength).toBe('weak');
    const barely = { ...ledger, successor: { ...(ledger.successor as NonNullable<typeof ledger.successor>), normDoa: 0.05 } };
    const changed = {
      ...report,
      areas: report.areas.map((area, index) => (index === 0 ? { ...area, files: area.files.map((f) => (f.path === 'pay/ledger.ts' ? barely : f)) } : area)),
      checklist: report.checklist.map((item) => (item.kind === 'transfer-file' && item.path === 'pay/ledger.ts' ? { ...item, normDoa: 0.05 } : item)),
    };
    const markdown = renderHandoffMarkdown(changed);
    // Dave's one commit makes him a one-off contributor too: said beside it.
    expect(markdown).toContain('| Dave (last commit 347 days ago; barely knows it, and is a one-off contributor: 1 commit in the whole history, on 2024-01-20; plan a knowledge transfer) |');
    expect(markdown).toContain('Walk through `pay/ledger.ts` with its new owner: the nearest successor, Dave, barely knows it (normDOA 0.05) and is a one-off contributor (1 commit in the whole history, on 2024-01-20).');
    // Above the floor: weak, and a one-off contributor.
    expect(renderHandoffMarkdown(report)).toContain('| Dave (last commit 347 days ago; weak; a one-off contributor: 1 commit in the whole history, on 2024-01-20) |');
    // The table and the checklist print one normDOA alike, and never on the floor it is below
    // (commons-lang: 0.09 in the table, 0.08 in the checklist; 0.0999 had read "0.1").
    for (const [value, text] of [[0.0899, '0.09'], [0.0999, '0.0999']] as const) {
      const near = renderHandoffMarkdown({
        ...changed,
        areas: changed.areas.map((area, index) => (index === 0 ? { ...area, files: area.files.map((f) => (f.path === 'pay/ledger.ts' ? { ...barely, successor: { ...barely.successor, normDoa: value } } : f)) } : area)),
        checklist: changed.checklist.map((item) => (item.kind === 'transfer-file' && item.path === 'pay/ledger.ts' ? { ...item, normDoa: value } : item)),
      });
      expect(near).toContain(`barely knows it (normDOA ${text}) and is a one-off contributor`);
      expect(near).toContain(`(normDOA ${text}) ·`);
    }
  });

  // numpy: Charles Harris, whose last change to a file was a 2019 whitespace sweep, was the successor
  // of 51 of Sebastian Berg's files, over people changing them this year (an EM test).
  it('names beside a weak successor who changed the file more recently and knows it best today (extension)', async () => {
    // Dave: 3 changes in January (DOA 2.96, weak); Erin: 2 in December (DOA 2.77, current DOA higher).
    // Each with a commit elsewhere, weeks apart: neither is a one-off contributor (one-off.ts).
    const history = [
      ...shopHistory(),
      { author: 'dave', at: '2024-01-05T10:00:00Z', message: 'Dave notes', write: { 'docs/dave.md': 'dave\n' } },
      { author: 'erin', at: '2024-11-15T10:00:00Z', message: 'Erin notes', write: { 'docs/erin.md': 'erin\n' } },
      { author: 'dave', at: '2024-01-21T10:00:00Z', message: 'Ledger export 2', write: { 'pay/ledger.ts': 'version 31\n' } },
      { author: 'dave', at: '2024-01-22T10:00:00Z', message: 'Ledger export 3', write: { 'pay/ledger.ts': 'version 32\n' } },
      { author: 'erin', at: '2024-12-20T10:00:00Z', message: 'Ledger fix', write: { 'pay/ledger.ts': 'version 33\n' } },
      { author: 'erin', at: '2024-12-21T10:00:00Z', message: 'Ledger fix 2', write: { 'pay/ledger.ts': 'version 34\n' } },
    ].sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
    const analysis = await analyzeRepo(buildNamed('shop', history).dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    const ledger = report.areas.flatMap((area) => area.files).find((f) => f.path === 'pay/ledger.ts');
    expect(ledger?.strength).toBe('weak');
    expect(ledger?.successor?.id).toBe('dave@example.com');
    expect(ledger?.recentSuccessor?.id).toBe('erin@example.com');
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('| Dave (last commit 345 days ago; weak: walk through it together); more recent: Erin (2 commits, last 2024-12-21) |');
    expect(markdown).toContain('Walk through `pay/ledger.ts` with Dave (weak successor) or Erin, who changed it more recently.');
    expect(markdown).toContain('*more recent* names who stays, is active and knows the file best today');
    expect(toHandoffJson(report).areas.flatMap((area) => area.files).find((f) => f.path === 'pay/ledger.ts')?.recentSuccessor).toMatchObject({ id: 'erin@example.com', name: 'Erin', commits: 2 });
    // The published figures only: no such name.
    const classic = await handoffOf(await analyzeRepo(buildNamed('shop', history).dir, { depth: 1, config: SHOP_CONFIG, model: 'classic' }), 'ada');
    expect(classic.areas.flatMap((area) => area.files).find((f) => f.path === 'pay/ledger.ts')?.recentSuccessor).toBeUndefined();
    // Without erin, nobody more recent: the golden document has no such words.
    expect(renderHandoffMarkdown(await handoffOf(await analyzeRepo(buildNamed('shop', shopHistory()).dir, { depth: 1, config: SHOP_CONFIG }), 'ada'))).not.toContain('more recent');
  });

  it('lists the files they changed most without being an author (flask: 62 commits, a document about 2 files)', async () => {
    const repo = buildNamed('worked', [
      { author: 'carol', at: '2024-06-01T10:00:00Z', write: { 'lib/a.ts': 5, 'lib/c.ts': 5 } },
      ...[2, 3, 4, 5, 6].map((day) => ({ author: 'carol', at: `2024-06-0${day}T10:00:00Z`, write: { 'lib/a.ts': day + 5 } })),
      { author: 'ada', at: '2024-07-01T10:00:00Z', write: { 'lib/a.ts': 20, 'lib/b.ts': 5, 'lib/c.ts': 9 } },
      { author: 'ada', at: '2024-07-02T10:00:00Z', write: { 'lib/a.ts': 21 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    // lib/a.ts: 2 commits of Ada's, Carol's file; lib/c.ts: one commit only (not listed).
    expect(report.alsoWorkedOn.map((file) => [file.path, file.commits, file.authors])).toEqual([['lib/a.ts', 2, ['carol@example.com']]]);
    expect(renderHandoffMarkdown(report)).toContain('## Also worked on (not an author)\n\nThe files Ada changed most without being one of their authors: where they know parts of what others own.\n\n| File | Their commits | Their last change | Authors |\n| --- | ---: | --- | --- |\n| `lib/a.ts` | 2 | 2024-07-02 | Carol |\n');
    expect(toHandoffJson(report).alsoWorkedOn).toEqual([{ path: 'lib/a.ts', commits: 2, lastChange: '2024-07-02T10:00:00.000Z', authors: [{ id: 'carol@example.com', name: 'Carol' }], keeper: false, nobodyActiveKnowsBetter: false }]);
    expect(report.checklist.some((item) => item.kind === 'kept-files')).toBe(false);
    // Carol inactive (209 days), Ada active (183): nobody active changed lib/a.ts more than Ada, so
    // Ada keeps it, and the checklist says to walk through it (redis: the active maintainer's
    // server.c, authored by antirez, inactive, was only "also worked on"). At 150 days Ada was
    // inactive too, and kept it all the same (helm: Michelle Noorali; a tester).
    const later = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 190 } } });
    const kept = await handoffOf(later, 'ada');
    expect(kept.alsoWorkedOn.map((file) => [file.path, file.keeper])).toEqual([['lib/a.ts', true]]);
    const markdown = renderHandoffMarkdown(kept);
    expect(markdown).toContain('**Kept by Ada**: every author is inactive or leaving, and nobody active changed the file more; they come first.');
    expect(markdown).toContain('| `lib/a.ts` | 2 | 2024-07-02 | Carol (inactive) · **kept by Ada** |');
    expect(markdown).toContain('- [ ] Walk through what Ada keeps: `lib/a.ts`: every author is inactive or leaving, and nobody active changed it more.');
    expect(markdown).not.toContain('nobody active knows it better');
    // At 150 days Ada is inactive too: she keeps nothing, but nobody active knows lib/a.ts better
    // (express: Douglas Wilson's handoff, inactive by mid-2024, said nothing of lib/; a first-time user).
    const gone = await handoffOf(await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 150 } } }), 'ada');
    expect(gone.alsoWorkedOn.map((file) => [file.path, file.keeper, file.nobodyActiveKnowsBetter])).toEqual([['lib/a.ts', false, true]]);
    const goneMarkdown = renderHandoffMarkdown(gone);
    expect(goneMarkdown).toContain('| `lib/a.ts` | 2 | 2024-07-02 | Carol (inactive) · **nobody active knows it better** |');
    expect(goneMarkdown).toContain('- [ ] While Ada can still be reached, walk through what nobody active knows better: `lib/a.ts`: every author is inactive or leaving, and nobody active changed it more.');
    expect(toHandoffJson(gone).checklist).toContainEqual({ kind: 'best-source-files', paths: ['lib/a.ts'], files: 1 });
    expect(gone.checklist.some((item) => item.kind === 'kept-files')).toBe(false);
    // Counted over every such file, not the ten listed (a review: express's 64 read as 10).
    const many = buildNamed('many', [
      { author: 'carol', at: '2024-06-01T10:00:00Z', write: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`lib/f${String(i).padStart(2, '0')}.ts`, 5])) },
      ...[2, 3, 4, 5, 6].map((day) => ({ author: 'carol', at: `2024-06-0${day}T10:00:00Z`, write: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`lib/f${String(i).padStart(2, '0')}.ts`, day + 5])) })),
      { author: 'ada', at: '2024-07-01T10:00:00Z', write: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`lib/f${String(i).padStart(2, '0')}.ts`, 20])) },
      { author: 'ada', at: '2024-07-02T10:00:00Z', write: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`lib/f${String(i).padStart(2, '0')}.ts`, 21])) },
    ]);
    const twelve = await handoffOf(await analyzeRepo(many.dir, { depth: 1, config: { model: { inactiveAfter: 150 } } }), 'ada');
    expect(twelve.alsoWorkedOn).toHaveLength(10);
    expect(twelve.checklist).toContainEqual(expect.objectContaining({ kind: 'best-source-files', files: 12 }));
    const twelveMarkdown = renderHandoffMarkdown(twelve);
    expect(twelveMarkdown).toContain('`lib/f02.ts` and 9 more files: every author is inactive or leaving');
    expect(twelveMarkdown).toContain('\n… and 2 more files nobody active knows better.\n');
  });

  it('writes a short document for someone who authors nothing', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'dave');
    expect(report.areas).toEqual([]);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('Nothing to hand over from the code: Dave is not an author of any analysed file');
    expect(markdown).toContain('None: Dave made no commit in these areas in the last 90 days.');
    expect(markdown).not.toContain('| File |');
    expect(report.checklist).toEqual([{ kind: 'outside-git' }]);
  });

  it('says when the person has stopped committing (a handoff of someone gone for years read as if a walk-through were still possible)', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { ...SHOP_CONFIG, model: { inactiveAfter: 180 } } });
    // No config, no critical system: said so, not "none" as if none were affected (a review).
    const unconfigured = await handoffOf(analysis, 'ada', { critical: [] });
    expect(renderHandoffMarkdown(unconfigured)).toContain('- **Critical systems affected:** none configured (`critical:` in .talentrisk.yml names them).');
    const dave = await handoffOf(analysis, 'dave');
    expect(dave.person.inactive).toBe(true);
    // Dave authors no file: no walk-through is promised (pytest's fijal, a re-test); an author's is.
    expect(dave.person.filesAuthored).toBe(0);
    expect(renderHandoffMarkdown(dave)).toContain('\n**Inactive:** no commit for 347 days (more than 180 days). They author no analysed file today: there is nothing of theirs to hand over from the code.');
    expect(renderHandoffMarkdown(dave)).not.toContain('walk-through below');
    const author = { ...dave, person: { ...dave.person, filesAuthored: 3 } };
    expect(renderHandoffMarkdown(author)).toContain('\n**Inactive:** no commit for 347 days (more than 180 days). What they knew may already be fading;');
    // In an old clone, someone who had stopped long before its last commit is still said to be inactive
    // (deno: 534 days before it; the line was left out of every old clone).
    const later = await analyzeRepo(repo.dir, { depth: 1, config: { ...SHOP_CONFIG, model: { inactiveAfter: 180 } }, now: new Date('2025-06-01T00:00:00Z') });
    expect(renderHandoffMarkdown(await handoffOf(later, 'dave'))).toContain("\n**Inactive:** no commit for 330 days before the analysed revision (2024-12-15) (more than 180 days).");
    const ada = await handoffOf(analysis, 'ada');
    expect(ada.person.inactive).toBe(false);
    expect(renderHandoffMarkdown(ada)).not.toContain('**Inactive:**');
  });

  it('lists first the critical systems this departure breaks, then those already below their rule (a review on tokio)', async () => {
    const repo = buildNamed('two-systems', [
      { author: 'ada', at: '2024-10-01T10:00:00Z', write: { 'a/a1.ts': 5, 'b/b1.ts': 5, 'b/b2.ts': 5 } },
      { author: 'bob', at: '2024-10-02T10:00:00Z', write: { 'a/a2.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1 });
    const critical = [
      { name: 'already', paths: ['b/**'], minOwners: 2 },
      { name: 'broken', paths: ['a/**'], minOwners: 2 },
    ];
    const report = await handoffOf(analysis, 'ada', { critical });
    expect(report.summary.criticalSystems.map((s) => [s.name, s.busFactorBefore, s.busFactorAfter])).toEqual([
      ['broken', 2, 1],
      ['already', 1, 0],
    ]);
    expect(renderHandoffMarkdown(report)).toContain('  - **already**: bus factor 1 → 0 (needs 2) ⚠️ already below the rule;');
  });

  it('matches the golden markdown and JSON', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada', { alsoLeaving: [{ id: 'carol@example.com', name: 'Carol', date: '2025-02-28' }], departure: { date: '2025-03-31', note: 'moving to the data team' } });
    await expect(renderHandoffMarkdown(report)).toMatchFileSnapshot('../../fixtures/expected/handoff-shop-ada.md');
    const json = toHandoffJson(report);
    json.repository.path = '<repo>';
    json.tool.version = '<version>';
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot('../../fixtures/expected/handoff-shop-ada.json');
    // Nothing the published schema leaves out (zod drops unknown keys: equal only if there are none).
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    // A last day to come is a last day, not "leaving after" it (EM test).
    expect(renderHandoffMarkdown(report)).toContain('\nLeaving; last day 2025-03-31 (moving to the data team).\n');
    // Their files, not the repository's: with others leaving, the count read as all files orphaned (EM
    // test). Carol leaving too orphans none more of them: no "(with the other departures)", which read
    // as if the others were needed (vuejs/core). With Bob leaving too, web/app.ts (Ada's and Bob's) is.
    expect(renderHandoffMarkdown(report)).toContain('\n- **Left with no author:** 4 files of theirs · ');
    const withBob = await handoffOf(analysis, 'ada', { alsoLeaving: [{ id: 'bob@example.com', name: 'Bob' }] });
    expect(withBob.summary).toMatchObject({ orphanedFiles: 5, orphanedFilesAlone: 4 });
    expect(renderHandoffMarkdown(withBob)).toContain('\n- **Left with no author:** 4 files of theirs (5 with the other departures) · ');
    // Someone else whose last day has passed left; a day to come is a date (a re-test on vuejs/core).
    const gone = await handoffOf(analysis, 'ada', { alsoLeaving: [{ id: 'carol@example.com', name: 'Carol', date: '2024-06-30' }, { id: 'bob@example.com', name: 'Bob', date: '2025-03-31' }] });
    expect(renderHandoffMarkdown(gone)).toContain('\nAlso leaving: Carol (left 2024-06-30), Bob (2025-03-31). They are not counted as successors.\n');
    // A last day before the figures' date (2025-01-01) has passed.
    const past = await handoffOf(analysis, 'ada', { departure: { date: '2024-11-30', note: 'moving to the data team' } });
    expect(renderHandoffMarkdown(past)).toContain('\nLeft on 2024-11-30 (moving to the data team).\n');
    // A last day that has passed is no "if" (someone who left in 2015 read "if Old Timer leaves").
    expect(renderHandoffMarkdown(past)).toContain('- **Truck factor:** 1 → 0 without Ada.');
    // A shared file names three other authors at most (a rails cell listed ~60).
    const area = past.areas[0] as (typeof past.areas)[number];
    const many = { ...past, areas: [{ ...area, files: [{ ...(area.files[0] as (typeof area.files)[number]), status: 'shared' as const, otherAuthors: ['bob@example.com', 'carol@example.com', 'dave@example.com', 'x@example.com', 'y@example.com'] }] }] };
    expect(renderHandoffMarkdown(many)).toContain('(shared with Bob, Carol, Dave and 2 more)');
  });

  it('charges a critical system’s drop to the person, and says what the other departures add (EM test)', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    // web: ada authors app and legacy, bob app and theme: bus factor 2. Without bob, ada keeps 2 of 3
    // files (1); without both, none (0). It read "2 → 0" for bob, as if he alone took it there.
    const report = await handoffOf(analysis, 'bob', { critical: [{ name: 'web', paths: ['web/**'], minOwners: 1 }], alsoLeaving: [{ id: 'ada@example.com', name: 'Ada' }] });
    expect(report.summary.criticalSystems).toMatchObject([{ name: 'web', busFactorBefore: 2, busFactorAfter: 1, busFactorAfterAll: 0 }]);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('  - **web**: bus factor 2 → 1 (→ 0 with the other departures) (needs 1) ⚠️ below the rule with the other departures; Bob authors 2 of its 3 files, 1 alone.');
    expect(markdown).toContain('- [ ] Review the critical system **web** with its remaining owners: bus factor 2 → 1 (→ 0 with the other departures) (needs 1).');
  });

  it('says when the revision is old enough that nobody can be a successor (httpd: "no successor" for 322 of 322)', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    expect(report.nobodyActiveSince).toBeNull();
    expect(renderHandoffMarkdown(report)).not.toMatch(/⚠️ (Nobody|The figures)/);
    // Measured 533 days after the last commit, with a 365-day window: everyone who stays is inactive.
    const old = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG, now: new Date('2026-06-01T12:00:00Z') });
    const late = await handoffOf(old, 'ada');
    expect(late.nobodyActiveSince).toBe('2024-12-15');
    const line = "\n⚠️ Nobody who stays committed in the 365 days before 2026-06-01, so nobody can be a successor (the figures are measured 533 days after the revision's last commit, 2024-12-15). `--until 2024-12-15` measures from the last commit.\n";
    expect(renderHandoffMarkdown(late)).toContain(line);
    expect(toHandoffJson(late).nobodyActiveSince).toBe('2024-12-15');
    // A merge made today on that old history moves the revision's date, not who can take over: the
    // line went by the revision's date, and the merge hid it (scan's note judged it as here).
    const merged = renderHandoffMarkdown({ ...late, repository: { ...late.repository, revisionDate: '2026-06-01T09:00:00Z' } });
    expect(merged).toContain('\n⚠️ Nobody who stays committed in the 365 days before 2026-06-01, so nobody can be a successor. `--until 2024-12-15` measures from the last commit.\n');
    // Everyone else inactive while Ada, who leaves, committed lately: nobody can be a successor, and
    // no `--until` helps (it offered her own last commit: a review).
    const solo = await handoffOf(analysis, 'ada', { inactive: ['bob@example.com', 'carol@example.com', 'dave@example.com'] });
    expect(solo.nobodyActiveSince).toBe('2024-12-15');
    expect(renderHandoffMarkdown(solo)).toContain('\n⚠️ Nobody who stays committed in the 365 days before 2025-01-01, so nobody can be a successor.\n');
    // Old, but someone who stays is still active (Bob's last commit was 2024-08-01; with a 700-day window).
    const stillActive = await handoffOf(old, 'ada', { inactive: [], inactiveAfterDays: 700 });
    expect(stillActive.nobodyActiveSince).toBeNull();
    expect(renderHandoffMarkdown(stillActive)).toContain("\n⚠️ The figures are measured 533 days after the revision's last commit (2024-12-15). `--until 2024-12-15` measures from that day.\n");
    // Less old: inactive as of the figures' date, though not as of the clone's last commit; said (an
    // EM test on jest: the JSON said inactive and the document nothing). Ada's last commit: 2024-12-15.
    const inactive = { ...report, person: { ...report.person, inactive: true, lastCommit: '2024-09-01T10:00:00Z' }, successorsActiveWithinDays: 180 };
    const markdown = renderHandoffMarkdown({ ...inactive, repository: { ...report.repository, referenceDate: '2025-05-01T23:59:59Z' } });
    expect(markdown).toContain(
      "\n**Inactive as of 2025-05-01:** no commit for 242 days (more than 180 days), of which 137 days are after the analysed revision's day; successors are judged as of 2025-05-01 too. `--until 2024-12-15` judges both as of the analysed revision's day.\n",
    );
  });

  it('says in the document when the last day is before their last commit (the warning went to stderr only)', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada', { departure: { date: '2024-06-30' } });
    expect(renderHandoffMarkdown(report)).toContain('\n⚠️ Their last day (2024-06-30) is before their last commit (2024-12-15): check the date.\n');
    expect(renderHandoffMarkdown(await handoffOf(analysis, 'ada', { departure: { date: '2024-12-31' } }))).not.toContain('check the date');
    // Her last commit (10:00 UTC on the 15th) is still the 14th west of UTC−10: as on stderr, no warning (a review).
    expect(renderHandoffMarkdown(await handoffOf(analysis, 'ada', { departure: { date: '2024-12-14' } }))).not.toContain('check the date');
    expect(renderHandoffMarkdown(await handoffOf(analysis, 'ada', { departure: { date: '2024-12-13' } }))).toContain('check the date');
  });

  it('says when the checklist leaves files out (it stopped at 15 without a word)', async () => {
    const files = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`solo/f${String(i).padStart(2, '0')}.ts`, `solo ${i}\n`]));
    const repo = buildNamed('shop', [...shopHistory(), { author: 'ada', at: '2024-12-20T10:00:00Z', message: 'Solo', write: files }]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    const transfers = report.checklist.filter((item) => item.kind === 'transfer-file');
    expect(transfers).toHaveLength(15);
    // 18 solo files and web/legacy.ts with no successor, pay/ledger.ts, core.ts and rates.ts with a weak one: 22 in all.
    expect(report.checklist.find((item) => item.kind === 'more-transfers')).toEqual({ kind: 'more-transfers', files: 7, sharedOnlyWithInactive: 0, sharedOnlyWithLeaving: 0 });
    expect(renderHandoffMarkdown(report)).toContain('- [ ] And 7 more files only Ada knows with no or a weak successor: see the areas above, or `--format json`.');
  });

  it('writes out the first areas and counts the rest, and names a few modules per summary line', async () => {
    // vite's top author: ~150 areas and ~140 modules on one summary line, 2,244 lines in all.
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    const area = report.areas[0] as (typeof report.areas)[number];
    const areas = Array.from({ length: MAX_AREAS + 3 }, (_, i) => ({ ...area, module: `m${String(i).padStart(2, '0')}` }));
    const modules = areas.map((a) => a.module);
    const markdown = renderHandoffMarkdown({ ...report, areas, checklist: [], summary: { ...report.summary, sharedModules: modules } });
    expect(markdown.match(/^### /gm)).toHaveLength(MAX_AREAS);
    // An area ranked lower that the checklist names is written out too (vite's top contributor: the
    // checklist said "see the areas above" of five modules that were not there).
    const named = renderHandoffMarkdown({ ...report, areas, checklist: [{ kind: 'owner-area', module: 'm26', soleFiles: 1, sharedOnlyWithInactive: 0, sharedOnlyWithLeaving: 0 }], summary: { ...report.summary, sharedModules: modules } });
    expect(named.match(/^### /gm)).toHaveLength(MAX_AREAS + 1);
    expect(named).toContain('### `m26`');
    expect(named).not.toContain('### `m25`');
    expect(named).toContain('\n… and 2 more areas with');
    const files = 3 * area.files.length;
    const sole = 3 * area.files.filter((f) => f.status === 'sole').length;
    expect(markdown).toContain(`\n… and 3 more areas with ${files} files Ada authors (${sole} only they know), ranked lower: \`--format json\` lists them all.\n`);
    expect(markdown).toMatch(/^- \*\*Shares\*\* .*\(in `m00`, .*`m07` and 20 more\)\.$/m);
    // An area one file over the limit shows that file rather than "… and 1 more file" (review).
    const file = area.files[0] as (typeof area.files)[number];
    const manyFiles = (count: number) => Array.from({ length: count }, (_, i) => ({ ...file, path: `m/f${String(i).padStart(2, '0')}.ts` }));
    const one = (count: number) => renderHandoffMarkdown({ ...report, areas: [{ ...area, files: manyFiles(count) }] });
    expect(one(MAX_FILES_PER_AREA + 1)).not.toContain('more file');
    expect(one(MAX_FILES_PER_AREA + 1)).toContain(`\`m/f${MAX_FILES_PER_AREA}.ts\``);
    expect(one(MAX_FILES_PER_AREA + 2)).toContain('… and 2 more files (`--format json` lists them all).');
  });

  it('names at most ten areas for a new owner in the checklist, the largest first, and counts the rest (deno: 50 such lines)', async () => {
    const write = Object.fromEntries(Array.from({ length: 13 }, (_, i) => Array.from({ length: (i % 4) + 1 }, (_, j) => [`m${String(i).padStart(2, '0')}/f${j}.ts`, 3])).flat());
    const repo = buildNamed('wide', [{ author: 'ada', at: '2024-12-01T10:00:00Z', message: 'Everything', write }]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    const owners = report.checklist.filter((item) => item.kind === 'owner-area');
    expect(owners.map((item) => item.soleFiles)).toEqual([4, 4, 4, 3, 3, 3, 2, 2, 2, 1]);
    expect(report.checklist).toContainEqual({ kind: 'more-owner-areas', areas: 3, soleFiles: 3, sharedOnlyWithInactive: 0, sharedOnlyWithLeaving: 0 });
    expect(renderHandoffMarkdown(report)).toContain('- [ ] And new owners for 3 more areas (3 files only Ada knows): see the areas above, or `--format json`.\n');
  });

  it('names no module for the files they share when they share none (doc audit: "Shares 0 files … (in `src`)")', async () => {
    const repo = buildNamed('two', [
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'src/a.ts': 5 } },
      { author: 'carol', at: '2024-12-02T10:00:00Z', write: { 'src/c.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'carol');
    expect(report.summary.sharedModules).toEqual([]);
    expect(renderHandoffMarkdown(report)).toContain('\n- **Shares** 0 files with other authors.\n');
  });

  it('ranks areas by what the departure costs, not by the latest change (git/git: git-gui, 1 → 0, came last)', async () => {
    const repo = buildNamed('cost', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'a/only.ts': 5 } },
      { author: 'bob', at: '2024-11-01T10:00:00Z', write: { 'b/two.ts': 5, 'b/three.ts': 5 } },
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'b/one.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    // a: truck factor 1 → 0 without Ada; b: 1 → 1 (Bob holds two of three), changed by Ada more recently.
    expect(report.areas.map((area) => [area.module, area.truckFactorBefore, area.truckFactorAfter])).toEqual([
      ['a', 1, 0],
      ['b', 1, 1],
    ]);
  });

  it('charges each area only its own drop, ranks by it, and puts the modules they leave with no author first (jest: jest-config, 6 → 3 with others leaving, ranked above a module only Tim knew)', async () => {
    const repo = buildNamed('cost', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'solo/only.ts': 5 } },
      // solo, a module of 1 file, is busy (8 changes, above the 19 / 3 of an average module): with the
      // code, as scan --leaving lists such a module.
      ...[2, 3, 4, 5, 6, 7, 8].map((n) => ({ author: 'ada', at: `2024-06-0${n}T10:00:00Z`, write: { 'solo/only.ts': `v${n}\n` } })),
      { author: 'bob', at: '2024-07-01T10:00:00Z', write: { 'big/b1.ts': 5, 'big/b2.ts': 5 } },
      { author: 'carol', at: '2024-08-01T10:00:00Z', write: { 'big/c1.ts': 5, 'big/c2.ts': 5 } },
      { author: 'ada', at: '2024-12-01T10:00:00Z', write: { 'big/a1.ts': 5 } },
      // e: three authors and a drop of 1 without Ada, more than solo's files: ranked after solo all the same.
      { author: 'ada', at: '2024-12-02T10:00:00Z', write: { 'e/a1.ts': 5, 'e/a2.ts': 5, 'e/a3.ts': 5 } },
      { author: 'dave', at: '2024-12-03T10:00:00Z', write: { 'e/d1.ts': 5, 'e/d2.ts': 5, 'e/d3.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const others = [
      { id: 'bob@example.com', name: 'Bob' },
      { id: 'carol@example.com', name: 'Carol' },
    ];
    const report = await handoffOf(analysis, 'ada', { alsoLeaving: others });
    const row = (module: string) => report.areas.find((area) => area.module === module);
    // big: Bob and Carol hold 4 of its 5 files: Ada's leaving costs it 1, everyone's 2. Ranked by
    // the 2 it was first; by Ada's own drop it comes after e (1 too, with more files only she knows),
    // and after solo, which she leaves with no author.
    expect(row('big')).toMatchObject({ truckFactorBefore: 2, truckFactorAfter: 1, truckFactorAfterAll: 0 });
    expect(report.areas.map((area) => area.module)).toEqual(['solo', 'e', 'big']);
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain('Module truck factor 2 → 1 (→ 0 with the other departures) (5 files in the module).');
    // The same figure with and without the others: said once.
    expect(markdown).toContain('Module truck factor 1 → 0 (1 file in the module, which keeps no author without Ada).');
    expect(toHandoffJson(report).areas.find((area) => area.module === 'big')).toMatchObject({ truckFactorAfter: 1, truckFactorAfterAll: 0 });
    // Alone, no "with the other departures".
    const alone = await handoffOf(analysis, 'ada');
    expect(renderHandoffMarkdown(alone)).not.toContain('with the other departures');
    expect(toHandoffJson(alone).areas.every((area) => area.truckFactorAfterAll == null)).toBe(true);
  });

  it('ranks test, fixture and example modules after the code, even those they leave with no author (vite: playgrounds filled the areas written out)', async () => {
    const repo = buildNamed('playgrounds', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'playground/a.ts': 1, 'playground/b.ts': 1 } },
      { author: 'ada', at: '2024-06-02T10:00:00Z', write: { 'core/a.ts': 1, 'core/b.ts': 1, 'core/c.ts': 1 } },
      { author: 'bob', at: '2024-06-03T10:00:00Z', write: { 'core/d.ts': 1, 'core/e.ts': 1, 'core/f.ts': 1 } },
    ]);
    const report = await handoffOf(await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } }), 'ada');
    // playground: 1 → 0 without Ada; core: 2 → 1. The code first all the same.
    expect(report.areas.map((area) => [area.module, area.truckFactorBefore, area.truckFactorAfter])).toEqual([
      ['core', 2, 1],
      ['playground', 1, 0],
    ]);
  });

  // Regression (first-time users): hugo's checklist told bep first to "name a new owner for docs"
  // (1149 files), which Areas ranks last; 6 of pytest's 15 files to walk through were release
  // announcements, and two of its five co-change pairs were docs alone.
  it('keeps the Areas’ order in the checklist: code before docs in its owner areas, its files to walk through and its co-change pairs', async () => {
    const docs = (n: number) => Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`docs/d${i}.md`, n]));
    const repo = buildNamed('manual', [
      // Bob's files make core a module of 5 files: a smaller one ranks with the docs.
      { author: 'bob', at: '2024-05-01T10:00:00Z', write: { 'core/b1.ts': 1, 'core/b2.ts': 1, 'core/b3.ts': 1 } },
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { ...docs(1), 'core/c1.ts': 1, 'core/c2.ts': 1 } },
      // The docs changed most, and most often together.
      ...[2, 3, 4, 5].map((n) => ({ author: 'ada', at: `2024-07-0${n}T10:00:00Z`, write: { 'docs/d0.md': n, 'docs/d1.md': n } })),
      { author: 'ada', at: '2024-08-01T10:00:00Z', write: { 'core/c1.ts': 2, 'core/c2.ts': 2 } },
      { author: 'ada', at: '2024-08-02T10:00:00Z', write: { 'core/c1.ts': 3, 'core/c2.ts': 3 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    expect(report.areas.map((area) => area.module)).toEqual(['core', 'docs']);
    const checklist = (items: typeof report.checklist) => items.map((item) => ('module' in item ? `${item.kind} ${item.module}` : 'partner' in item ? `${item.kind} ${item.path} ${item.partner}` : 'path' in item ? `${item.kind} ${item.path}` : item.kind));
    expect(checklist(report.checklist)).toEqual([
      'owner-area core',
      'owner-area docs',
      // Within each group, the most worked on first, as before.
      'transfer-file core/c1.ts',
      'transfer-file core/c2.ts',
      'transfer-file docs/d0.md',
      'transfer-file docs/d1.md',
      'transfer-file docs/d2.md',
      'transfer-file docs/d3.md',
      'transfer-file docs/d4.md',
      'transfer-file docs/d5.md',
      'co-change core/c1.ts core/c2.ts',
      'co-change docs/d0.md docs/d1.md',
      'outside-git',
    ]);
    expect(renderHandoffMarkdown(report)).toContain('\n- [ ] Name a new owner for `core` (2 files only Ada knows); nobody active who stays has changed them.\n- [ ] Name a new owner for `docs` (6 files only Ada knows); nobody active who stays has changed them.\n');
    // Critical areas come first in the checklist as in Areas, docs or not.
    const critical = await handoffOf(analysis, 'ada', { critical: [{ name: 'manual', paths: ['docs/**'], minOwners: 1 }] });
    expect(critical.areas.map((area) => area.module)).toEqual(['docs', 'core']);
    expect(checklist(critical.checklist).slice(0, 5)).toEqual(['critical', 'owner-area docs', 'owner-area core', 'transfer-file docs/d0.md', 'transfer-file docs/d1.md']);
  });

  it('says when the truck factor sits on the method’s 50% line, so that a small author lowers it (tokio: "7 → 5" for someone with 14 of 868 files)', async () => {
    const even = buildNamed('even', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'm/a1.ts': 1, 'm/a2.ts': 1, 'm/a3.ts': 1 } },
      { author: 'bob', at: '2024-06-02T10:00:00Z', write: { 'm/b1.ts': 1, 'm/b2.ts': 1 } },
      { author: 'carol', at: '2024-06-03T10:00:00Z', write: { 'm/c1.ts': 1 } },
    ]);
    const analysis = await analyzeRepo(even.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    // Ada and Bob are the truck factor's 2; without Ada exactly half the files keep an author (Bob's
    // and Carol's), so the greedy method removes Bob too. Without Carol, fewer than half do at once.
    expect(analysis.truckFactor.developers.map((d) => d.id)).toEqual(['ada@example.com', 'bob@example.com']);
    const carol = await handoffOf(analysis, 'carol');
    expect(carol.summary.truckFactor).toEqual({ before: 2, afterThem: 1, thinMargin: 0.5, whyLower: { people: 1, coverage: 0.5, coverageWithoutThem: 2 / 6, theirFiles: 1 } });
    expect(renderHandoffMarkdown(carol)).toContain(
      '- **Truck factor:** 2 → 1 if Carol leaves.\n  Carol is not one of the 2 people it counts, but without its first person, 50.0% of the files keep an author, and the file Carol authors has no other author then: without it 33.3% do, fewer than half, so it stops at 1.\n',
    );
    // Regression (tokio, first-time users): Carl Lerche, the first of its 7, read "7 → 6 … the figure
    // sits on the method's line". One of the people the figure counts lowers it whatever the margin.
    const bob = await handoffOf(analysis, 'bob');
    expect(bob.summary.truckFactor).toEqual({ before: 2, afterThem: 1, rank: 2 });
    expect(toHandoffJson(bob).summary.truckFactor).toEqual({ before: 2, afterThem: 1, rank: 2 });
    const bobMarkdown = renderHandoffMarkdown(bob);
    expect(bobMarkdown).toContain(
      '- **Truck factor:** 2 → 1 if Bob leaves.\n  The truck factor counts Bob: #2 of its 2 people (its top authors, removed one after another until fewer than half of the files have an author), so losing Bob lowers it.\n',
    );
    expect(bobMarkdown).not.toContain('sits on the method');
    expect(bobMarkdown).not.toContain('is not one of the');
    // Far from the line (4 of 7 files keep an author without Ada): said all the same (helm: "4 → 3"
    // for Michelle Noorali with no word why, at 52.04%; a tester).
    const wide = buildNamed('wide-margin', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'm/a1.ts': 1, 'm/a2.ts': 1, 'm/a3.ts': 1 } },
      { author: 'bob', at: '2024-06-02T10:00:00Z', write: { 'm/b1.ts': 1, 'm/b2.ts': 1, 'm/b3.ts': 1 } },
      { author: 'carol', at: '2024-06-03T10:00:00Z', write: { 'm/c1.ts': 1 } },
    ]);
    const carolWide = await handoffOf(await analyzeRepo(wide.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } }), 'carol');
    expect(carolWide.summary.truckFactor).toEqual({ before: 2, afterThem: 1, whyLower: { people: 1, coverage: 4 / 7, coverageWithoutThem: 3 / 7, theirFiles: 1 } });
    expect(renderHandoffMarkdown(carolWide)).toContain(
      '  Carol is not one of the 2 people it counts, but without its first person, 57.1% of the files keep an author, and the file Carol authors has no other author then: without it 42.9% do, fewer than half, so it stops at 1.\n',
    );
  });

  it('explains a module truck-factor drop when they know no file of it alone (an EM test: "2 → 1" beside "0 only they know")', async () => {
    const repo = buildNamed('shared', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'm/x1.ts': 1, 'm/x2.ts': 1 } },
      { author: 'bob', at: '2024-07-01T10:00:00Z', write: { 'm/x1.ts': 2, 'm/x2.ts': 2 } },
      { author: 'bob', at: '2024-07-02T10:00:00Z', write: { 'm/x1.ts': 3, 'm/x2.ts': 3 } },
      { author: 'carol', at: '2024-08-01T10:00:00Z', write: { 'm/c1.ts': 1 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const ada = await handoffOf(analysis, 'ada');
    // m: Ada and Bob both author x1 and x2; it takes both to orphan two of three files, Bob alone without Ada.
    expect(ada.areas.map((area) => [area.module, area.soleFiles, area.truckFactorBefore, area.truckFactorAfter])).toEqual([['m', 0, 2, 1]]);
    expect(renderHandoffMarkdown(ada)).toContain('Module truck factor 2 → 1 (3 files in the module). Ada last changed something here on 2024-06-01. No file of it is Ada’s alone, but Ada shares enough of them that its truck factor drops from 2 to 1 without Ada: one more departure would leave most of its files with no author.');
    // Carol's module keeps its figure without her: nothing to explain.
    expect(renderHandoffMarkdown(await handoffOf(analysis, 'carol'))).not.toContain('No file of it is');
  });

  it('names in the checklist only co-change pairs the document lists (vite: a pair with CHANGELOG.md was in no line of it)', async () => {
    const mine = (n: number) => Object.fromEntries(['a', 't1', 't2', 't3', 't4', 't5'].map((f) => [`m/${f}.ts`, n]));
    const repo = buildNamed('partners', [
      { author: 'bob', at: '2024-09-01T10:00:00Z', write: { 'm/z.ts': 1 } },
      ...[2, 3, 4, 5, 6].map((n) => ({ author: 'bob', at: `2024-09-0${n}T10:00:00Z`, write: { 'm/z.ts': n } })),
      { author: 'ada', at: '2024-10-01T10:00:00Z', write: mine(1) },
      { author: 'ada', at: '2024-10-02T10:00:00Z', write: { ...mine(2), 'm/z.ts': 7 } },
      { author: 'ada', at: '2024-10-03T10:00:00Z', write: { ...mine(3), 'm/z.ts': 8 } },
    ]);
    const report = await handoffOf(await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } }), 'ada');
    // Each file's sixth partner, bob's z.ts, is past the five the document lists.
    expect(report.coChange.find((entry) => entry.path === 'm/a.ts')?.partners.map((p) => p.path)).toEqual(['m/t1.ts', 'm/t2.ts', 'm/t3.ts', 'm/t4.ts', 'm/t5.ts', 'm/z.ts']);
    const markdown = renderHandoffMarkdown(report);
    const pairs = report.checklist.filter((item) => item.kind === 'co-change');
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(markdown).toMatch(new RegExp(`^- \`${pair.path}\` .*\`${pair.partner}\``, 'm'));
  });

  it('leaves bots’ commits out of co-change (vite: every "changed together" was renovate[bot]’s template bumps)', async () => {
    const bump = (day: number) => ({ author: 'renovate[bot]', at: `2024-11-0${day}T10:00:00Z`, write: { 'app/package.json': day + 1, 'app/lock.json': day + 1 } });
    const repo = buildNamed('bumps', [
      { author: 'ada', at: '2024-10-01T10:00:00Z', write: { 'app/package.json': 1, 'app/lock.json': 1, 'app/main.ts': 1 } },
      bump(1),
      bump(2),
      bump(3),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    expect(report.coChange).toEqual([]);
    // The same history with a person bumping: those commits count.
    const human = buildNamed('human-bumps', [
      { author: 'ada', at: '2024-10-01T10:00:00Z', write: { 'app/package.json': 1, 'app/lock.json': 1, 'app/main.ts': 1 } },
      ...[1, 2, 3].map((day) => ({ ...bump(day), author: 'bob' })),
    ]);
    const withBob = await handoffOf(await analyzeRepo(human.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } }), 'ada');
    expect(withBob.coChange.map((c) => c.path)).toContain('app/package.json');
  });

  it('says when someone made no commit of their own (a co-author only), and one day once', async () => {
    const repo = buildNamed('shop', shopHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG });
    const report = await handoffOf(analysis, 'ada');
    const person = (commits: number, firstCommit: string, lastCommit: string) =>
      renderHandoffMarkdown({ ...report, person: { ...report.person, commits, firstCommit, lastCommit } })
        .split('\n')
        .find((line) => line.startsWith('Person: '));
    // It read "0 commits from 2021-05-08 to 2021-05-08".
    expect(person(0, '2021-05-08T10:00:00Z', '2021-05-08T12:00:00Z')).toMatch(/, no commit of their own \(credited as a co-author on 2021-05-08\), author of /);
    expect(person(1, '2021-05-08T10:00:00Z', '2021-05-08T10:00:00Z')).toMatch(/, 1 commit of their own on 2021-05-08, author of /);
    expect(person(7, '2021-05-08T10:00:00Z', '2022-01-02T10:00:00Z')).toMatch(/, 7 commits of their own from 2021-05-08 to 2022-01-02, author of /);
    // No email at all (git allows it): it read "Person: Ada ()".
    const noEmail = renderHandoffMarkdown({ ...report, person: { ...report.person, emails: [] } }).split('\n').find((line) => line.startsWith('Person: '));
    expect(noEmail).toMatch(/^Person: Ada \(no email\), /);
  });

  // Regression (tokio, first-time users): "Carl Lerche last changed something here on 2025-05-06",
  // his last change to a file he authors; he changed tokio/README.md (Alice Ryhl's) on 2026-03-06.
  it('gives their last change to any file of the module, not only to those they author', async () => {
    const repo = buildNamed('last-change', [
      { author: 'bob', at: '2024-01-01T10:00:00Z', write: { 'm/readme.md': 5 } },
      ...[2, 3, 4].map((n) => ({ author: 'bob', at: `2024-01-0${n}T10:00:00Z`, write: { 'm/readme.md': n + 5 } })),
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'm/a.ts': 5 } },
      { author: 'ada', at: '2024-11-01T10:00:00Z', write: { 'm/readme.md': 20 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    // Bob stays the only author of the readme (Ada's normDOA 0.65).
    expect(report.areas.map((area) => [area.module, area.files.map((file) => file.path)])).toEqual([['m', ['m/a.ts']]]);
    expect(renderHandoffMarkdown(report)).toContain('Ada last changed something here on 2024-11-01.');
    expect(toHandoffJson(report).areas[0]?.lastChange).toBe('2024-11-01T10:00:00.000Z');
  });

  // Regression (laravel, first-time users): `bin` (4 files) and `config-stubs` (1 file), which Taylor
  // Otwell leaves with no author, came before src/Illuminate/Foundation (243 files, 138 only he knows):
  // scan ranks modules of fewer than 5 files last. One as busy as an average module stays with the code.
  it('ranks small modules with the tests and docs, but for a busy one they leave with no author', async () => {
    const repo = buildNamed('small', [
      { author: 'ada', at: '2024-06-01T10:00:00Z', write: { 'core/a1.ts': 5, 'core/a2.ts': 5, 'core/a3.ts': 5, 'bin/release.sh': 5, 'bin/split.sh': 5, 'platform/deps.gradle': 5 } },
      { author: 'bob', at: '2024-06-02T10:00:00Z', write: { 'core/b1.ts': 5, 'core/b2.ts': 5, 'core/b3.ts': 5 } },
      // platform: 1 file changed 6 times, above the 14 / 3 changes of an average module.
      ...[3, 4, 5, 6, 7].map((n) => ({ author: 'ada', at: `2024-06-0${n}T10:00:00Z`, write: { 'platform/deps.gradle': n + 5 } })),
    ]);
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada');
    // bin and platform fall to 0 without Ada, core from 2 to 1: bin came first of all.
    expect(report.areas.map((area) => [area.module, area.truckFactorBefore, area.truckFactorAfter])).toEqual([
      ['platform', 1, 0],
      ['core', 2, 1],
      ['bin', 1, 0],
    ]);
    // The checklist's owner areas, most files to take over first in each group: bin (2) came before platform (1).
    expect(report.checklist.filter((item) => item.kind === 'owner-area').map((item) => ('module' in item ? item.module : ''))).toEqual(['core', 'platform', 'bin']);
    expect(renderHandoffMarkdown(report)).toContain(
      'Ranked by what their own departure costs: critical systems first, code before tests, fixtures, examples, docs and modules of fewer than 5 files (but for one that Ada leaves with no author and whose files were changed at least as often as an average module’s), then the modules whose truck factor falls to 0 without Ada',
    );
  });

  // Regression (redis, first-time users): 3 of the 5 "Explain why X and Y change together" items
  // were rdb.h/rdb.c, cluster.h/cluster.c and stream.h/t_stream.c.
  it('asks about no header and its source in the checklist’s co-change pairs, and keeps a header of another name', async () => {
    const repo = buildNamed('c-pairs', [
      { author: 'ada', at: '2024-10-01T10:00:00Z', write: { 'src/rdb.c': 1, 'src/rdb.h': 1, 'src/t_stream.c': 1, 'src/stream.h': 1, 'src/server.c': 1 } },
      ...[2, 3, 4].map((n) => ({ author: 'ada', at: `2024-10-0${n}T10:00:00Z`, write: { 'src/rdb.c': n, 'src/rdb.h': n } })),
      ...[5, 6, 7].map((n) => ({ author: 'ada', at: `2024-10-0${n}T10:00:00Z`, write: { 'src/t_stream.c': n, 'src/stream.h': n } })),
    ]);
    const report = await handoffOf(await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } }), 'ada');
    // The document still lists the pair.
    expect(report.coChange.find((entry) => entry.path === 'src/rdb.c')?.partners.map((p) => p.path)).toEqual(['src/rdb.h']);
    const pairs = report.checklist.flatMap((item) => (item.kind === 'co-change' ? [[item.path, item.partner].sort().join(' ')] : []));
    expect(pairs).toEqual(['src/stream.h src/t_stream.c']);
  });

  // Regression (laravel, first-time users): "And 1369 more files only Taylor Otwell knows or shares
  // only with inactive developers or others leaving (450 of them) with no or a weak successor".
  it('says what each number of the files beyond the walk-throughs counts', async () => {
    const repo = buildNamed('shop', shopHistory());
    const report = await handoffOf(await analyzeRepo(repo.dir, { depth: 1, config: SHOP_CONFIG }), 'ada', { alsoLeaving: [{ id: 'carol@example.com', name: 'Carol' }] });
    const line = (files: number, sharedOnlyWithInactive: number, sharedOnlyWithLeaving: number) =>
      renderHandoffMarkdown({ ...report, checklist: [{ kind: 'more-transfers', files, sharedOnlyWithInactive, sharedOnlyWithLeaving }] })
        .split('\n')
        .find((text) => text.startsWith('- [ ] And '));
    expect(line(1369, 440, 10)).toBe('- [ ] And 1369 more files with no or a weak successor: 919 only Ada knows, 450 shared only with inactive developers or others leaving; see the areas above, or `--format json`.');
    expect(line(7, 0, 0)).toBe('- [ ] And 7 more files only Ada knows with no or a weak successor: see the areas above, or `--format json`.');
    expect(line(3, 3, 0)).toBe('- [ ] And 3 more files shared only with inactive developers or others leaving with no or a weak successor: see the areas above, or `--format json`.');
  });
});
