import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRepository } from '../../src/git/repo.ts';
import { readAuthoredSubjects, readPersonLog } from '../../src/git/person-log.ts';
import { inactiveDevelopers } from '../../src/model/decay.ts';
import { buildHandoff, RECENT_DAYS } from '../../src/model/handoff.ts';
import { resolvePerson } from '../../src/model/people.ts';
import type { Analysis } from '../../src/model/types.ts';
import { buildRepo, type FixtureCommit } from '../helpers/git-fixture.ts';

// Shared by the handoff report and CLI tests.

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

export const SHOP_CONFIG = { critical: [{ name: 'payments', paths: ['pay/**'], minOwners: 2 }], model: { inactiveAfter: 365 } };

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
  const inactive = inactiveDevelopers(analysis).map((d) => d.id);
  return buildHandoff({
    analysis,
    person,
    critical: SHOP_CONFIG.critical.map((c) => ({ ...c })),
    window: log.window,
    recent: log.recent,
    lately: log.lately,
    inactive,
    inactiveAfterDays: analysis.settings.inactiveAfterDays,
    authoredSubjects: await readAuthoredSubjects(repo, analysis.repository.revision, person.emails),
    ...extra,
  });
}

/**
 * Ada Lovelace's own commits (ada@example.com), and 62 a CI job made under her GitHub no-reply
 * address: 50 "Update facade docblocks", 12 "Update version to v1.n.0", 5 of those written as
 * `Ada CI <ci@old.example>`, which .mailmap gives that address (laravel's release workflow commits
 * as Taylor Otwell). Reference date 2025-01-01.
 */
export function automatedHistory(): FixtureCommit[] {
  const ada = { name: 'Ada Lovelace', email: 'ada@example.com' };
  const ci = { name: 'Ada Lovelace', email: '1+ada@users.noreply.github.com' };
  const commits: FixtureCommit[] = [
    { author: ada, at: '2024-01-10T10:00:00Z', message: 'Facades', write: { 'lib/facade.ts': 5, 'lib/str.ts': 5, 'VERSION': 'v1.0.0\n', '.mailmap': 'Ada Lovelace <1+ada@users.noreply.github.com> <ci@old.example>\n' } },
    { author: ada, at: '2024-01-11T10:00:00Z', message: 'Str helpers', write: { 'lib/str.ts': 6 } },
    { author: 'bob', at: '2024-01-12T10:00:00Z', message: 'Bob’s part', write: { 'lib/bob.ts': 5 } },
  ];
  for (let n = 0; n < 50; n++) commits.push({ author: ci, at: new Date(Date.UTC(2024, 1, 1, 10, n)).toISOString(), message: 'Update facade docblocks', write: { 'lib/facade.ts': `docblock ${n}\n` } });
  for (let n = 1; n <= 12; n++) commits.push({ author: n <= 5 ? { name: 'Ada CI', email: 'ci@old.example' } : ci, at: new Date(Date.UTC(2024, 2, n, 10)).toISOString(), message: `Update version to v1.${n}.0`, write: { VERSION: `v1.${n}.0\n` } });
  return commits;
}
