import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepository } from '../../src/git/repo.ts';
import { readPersonLog } from '../../src/git/person-log.ts';
import { buildHandoff, RECENT_DAYS } from '../../src/model/handoff.ts';
import { resolvePerson } from '../../src/model/people.ts';
import type { Analysis } from '../../src/model/types.ts';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';

// Contents are fixed strings (not lines()), so the commit ids, and the golden files, never change.
const v = (n: number) => `version ${n}\n`;

/**
 * Modules at depth 1: docs, pay (critical "payments"), web. Reference date 2025-01-01.
 *   pay/core.ts    ada A + DL4, carol DL1          carol: 3.457 − 0.321·ln5 = 2.9404 / ada 4.8245 = 0.61 → ok successor
 *   pay/rates.ts   ada A + DL3, bob DL1            bob: 3.012 / 4.6605 = 0.65 → ok successor
 *   pay/ledger.ts  ada A + DL9, dave DL1           dave: 2.7179 / 5.6445 = 0.48 → weak successor
 *   web/app.ts     ada A, bob DL2                  both authors (bob 3.621 / 4.0383 = 0.90) → shared, bob "also an author"
 *   web/legacy.ts  ada A + DL1                     nobody else → no successor
 *   web/theme.css, docs/guide.md: bob's.
 * Truck factor: ada authors 5 of 7 files → 1; without her bob covers 3/7 < 0.5 → 0.
 * Co-change: core with ledger 5 of 6 commits and rates 4 of 6; rates with core and ledger 4 of 5;
 * app with theme.css 2 of 3 (bob's). Recent (since 2024-10-03): ada's last three commits.
 */
export function shopHistory(): FixtureCommit[] {
  const commits: FixtureCommit[] = [
    { author: 'ada', at: '2024-01-10T10:00:00Z', message: 'Initial shop', write: { 'pay/core.ts': v(1), 'pay/rates.ts': v(1), 'pay/ledger.ts': v(1), 'web/app.ts': v(1), 'web/legacy.ts': v(1) } },
    { author: 'dave', at: '2024-01-20T10:00:00Z', message: 'Ledger export', write: { 'pay/ledger.ts': v(2) } },
    { author: 'ada', at: '2024-02-01T10:00:00Z', message: 'Add currency rounding', write: { 'pay/core.ts': v(2), 'pay/rates.ts': v(2), 'pay/ledger.ts': v(3) } },
    { author: 'ada', at: '2024-03-01T10:00:00Z', message: 'Rates cache', write: { 'pay/core.ts': v(3), 'pay/rates.ts': v(3), 'pay/ledger.ts': v(4) } },
    { author: 'bob', at: '2024-04-01T10:00:00Z', message: 'Fix rate for JPY', write: { 'pay/rates.ts': v(4) } },
    { author: 'bob', at: '2024-05-01T10:00:00Z', message: 'Header', write: { 'web/app.ts': v(2), 'web/theme.css': v(1) } },
    { author: 'bob', at: '2024-06-01T10:00:00Z', message: 'Footer', write: { 'web/app.ts': v(3), 'web/theme.css': v(2) } },
    { author: 'carol', at: '2024-07-01T10:00:00Z', message: 'Typo', write: { 'pay/core.ts': v(4) } },
    { author: 'bob', at: '2024-08-01T10:00:00Z', message: 'Guide', write: { 'docs/guide.md': v(1) } },
  ];
  for (let i = 1; i <= 5; i++) commits.push({ author: 'ada', at: `2024-09-0${i}T10:00:00Z`, message: `Ledger tweak ${i}`, write: { 'pay/ledger.ts': v(10 + i) } });
  commits.push(
    { author: 'ada', at: '2024-11-01T10:00:00Z', message: 'Refund flow | part 1 <b>@bob</b> #12 `x`', write: { 'pay/core.ts': v(5), 'pay/rates.ts': v(5), 'pay/ledger.ts': v(20) } },
    { author: 'ada', at: '2024-12-01T10:00:00Z', message: 'Refund flow, part 2', write: { 'pay/core.ts': v(6), 'pay/ledger.ts': v(21) } },
    { author: 'ada', at: '2024-12-15T10:00:00Z', message: 'Legacy fix', write: { 'web/legacy.ts': v(2) } },
  );
  return commits;
}

export const SHOP_CONFIG = { critical: [{ name: 'payments', paths: ['pay/**'], minOwners: 2 }] };

/** A repository in a folder of a fixed name (the document shows the folder's name). */
export function buildNamed(name: string, history: FixtureCommit[]) {
  const parent = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'golden-'));
  return buildRepo(history, { dir: path.join(parent, name) });
}

export async function handoffOf(analysis: Analysis, who: string, extra: Partial<Parameters<typeof buildHandoff>[0]> = {}) {
  const person = resolvePerson(analysis.developers, who);
  const repo = await openRepository(analysis.repository.path);
  const since = Date.parse(analysis.settings.referenceDate) / 1000 - RECENT_DAYS * 86_400;
  const log = await readPersonLog(repo, { revision: analysis.repository.revision, emails: person.emails, since });
  return buildHandoff({ analysis, person, critical: SHOP_CONFIG.critical.map((c) => ({ ...c })), window: log.window, recent: log.recent, ...extra });
}

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
      weakSuccessor: 1,
    });
    expect(report.summary.criticalSystems).toEqual([
      { name: 'payments', minOwners: 2, files: 3, theirFiles: 3, soleFiles: 3, busFactorBefore: 1, busFactorAfter: 0 },
    ]);
    expect(report.areas.map((a) => a.module)).toEqual(['pay', 'web']);
    const successors = report.areas.flatMap((a) => a.files.map((f) => [f.path, f.strength, f.successor?.id ?? null]));
    expect(successors).toEqual([
      ['pay/ledger.ts', 'weak', 'dave@example.com'],
      ['pay/core.ts', 'ok', 'carol@example.com'],
      ['pay/rates.ts', 'ok', 'bob@example.com'],
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
    expect(report.checklist.map((item) => item.kind)).toEqual(['critical', 'owner-area', 'transfer-file', 'owner-area', 'transfer-file', 'co-change', 'co-change', 'co-change', 'recent-work', 'outside-git']);
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
  });
});
