import type { HandoffReport } from '../model/handoff.ts';
import type { AreaTakeOverCandidate, MostActive } from '../model/handoff-areas.ts';
import type { HandoffFile } from '../model/handoff-files.ts';
import { isBulkOnly, type Successor } from '../model/successors.ts';
import type { TakeOver, TakeOverCandidate } from '../model/take-over.ts';
import { round } from './format.ts';
import type { HandoffOutput } from './handoff-schema.ts';
import { documentHead, repositoryJson } from './json-head.ts';

// `talentrisk handoff --format json`: the same data as the markdown, schema-versioned, with names
// beside ids, ISO dates for times and rounded figures. Arrays keep the report's order.

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export function toHandoffJson(report: HandoffReport): HandoffOutput {
  const nameOf = (id: string) => report.names[id] ?? id;
  const person = (id: string) => ({ id, name: nameOf(id) });
  const successor = (s: Successor | undefined) =>
    s
      ? { ...person(s.id), doa: round(s.doa, 3), normDoa: round(s.normDoa, 3), fa: s.fa, dl: s.dl, commits: s.commits, lastChange: iso(s.lastChange), bulk: s.bulk ?? 0, bulkOnly: isBulkOnly(s), oneOff: s.oneOff ? { ...s.oneOff } : null }
      : null;
  const file = (f: HandoffFile) => ({
    path: f.path,
    status: f.status,
    otherAuthors: f.otherAuthors.map(person),
    otherAuthorsLeaving: f.othersLeaving.map(person),
    otherAuthorsAllInactive: f.othersInactive,
    critical: f.critical,
    doa: round(f.doa, 3),
    normDoa: round(f.normDoa, 3),
    commits: f.commits,
    lastChange: iso(f.lastChange),
    events: f.events,
    noActiveAuthorLeft: f.noActiveAuthorLeft,
    successor: successor(f.successor),
    successorStrength: f.strength,
    recentSuccessor: successor(f.recentSuccessor),
    handsOnSuccessor: successor(f.handsOnSuccessor),
    coAuthorOnly: f.authorsWithoutCoAuthors !== undefined,
    authorsWithoutCoAuthors: f.authorsWithoutCoAuthors?.map(person) ?? null,
  });
  const candidate = ({ id, files, ok, weak, barely, bulkOnly, oneOff }: TakeOverCandidate) => ({ ...person(id), files, ok, weak, barely, bulkOnly, oneOff });
  const mostActive = (m: MostActive) => ({ ...person(m.id), commits: m.commits });
  const areaCandidate = (c: AreaTakeOverCandidate) => ({ ...candidate(c), moduleFilesAuthored: c.moduleFilesAuthored });
  const takeOver = (t: TakeOver) => ({ files: t.files, noSuccessor: t.noSuccessor, candidates: t.candidates.map(candidate) });
  return {
    ...documentHead('handoff', report.model, report.repository),
    // Every document's repository, and the date the figures are measured from (the handoff's since its first version).
    repository: { ...repositoryJson(report.repository), referenceDate: report.repository.referenceDate },
    person: report.person,
    alsoLeaving: report.alsoLeaving,
    summary: {
      ...report.summary,
      takeOver: takeOver(report.summary.takeOver),
      coAuthorCredit: report.summary.coAuthorCredit ? { ...report.summary.coAuthorCredit, authorsInstead: report.summary.coAuthorCredit.authorsInstead.map(({ id, files }) => ({ ...person(id), files })) } : null,
    },
    weakSuccessorThreshold: report.weakSuccessorThreshold,
    weakSuccessorDoaFloor: report.weakSuccessorDoaFloor,
    successorsActiveWithinDays: report.successorsActiveWithinDays,
    nobodyActiveSince: report.nobodyActiveSince,
    areas: report.areas.map((area) => ({
      module: area.module,
      moduleFiles: area.moduleFiles,
      critical: area.critical,
      soleFiles: area.soleFiles,
      sharedOnlyWithInactive: area.sharedOnlyWithInactive,
      sharedOnlyWithLeaving: area.sharedOnlyWithLeaving,
      coAuthorOnlyFiles: area.coAuthorOnlyFiles,
      lastChange: iso(area.lastChange),
      truckFactorBefore: area.truckFactorBefore,
      truckFactorAfter: area.truckFactorAfter,
      truckFactorAfterAll: area.truckFactorAfterAll ?? null,
      leftWithNoAuthor: area.leftWithNoAuthor,
      takeOver: { ...takeOver(area.takeOver), candidates: area.takeOver.candidates.map(areaCandidate) },
      mostActiveLately: area.mostActiveLately ? mostActive(area.mostActiveLately) : null,
      files: area.files.map(file),
    })),
    alsoWorkedOn: report.alsoWorkedOn.map((file) => ({ path: file.path, commits: file.commits, lastChange: iso(file.lastChange), authors: file.authors.map(person), keeper: file.keeper, nobodyActiveKnowsBetter: file.nobodyActiveKnowsBetter })),
    coChange: {
      commits: report.coChangeWindow,
      ignored: report.coChangeIgnored,
      files: report.coChange.map((entry) => ({
        path: entry.path,
        commits: entry.commits,
        partners: entry.partners.map((p) => ({ path: p.path, together: p.together, share: round(p.share), theirs: p.theirs, owner: p.owner ? person(p.owner) : null })),
      })),
    },
    recent: {
      days: report.recentDays,
      before: report.recentBefore,
      truncated: report.recentTruncated,
      outsideAreas: report.recentOutside,
      commits: report.recentCommits.map((c) => ({ sha: c.sha, date: iso(c.time), subject: c.subject, files: c.files })),
      groups: report.recentGroups.map((g) => ({ subject: g.subject, commits: g.shas, date: iso(g.time), firstDate: iso(g.firstTime), files: g.files, dependencyUpdate: g.dependencyUpdate, release: g.release })),
    },
    inactive: report.inactive.map(person),
    fading: Object.entries(report.fading).map(([id, days]) => ({ ...person(id), days })),
    checklist: report.checklist.map((item): HandoffOutput['checklist'][number] => {
      if (item.kind === 'owner-area') {
        const { bestPlaced, mostActiveLately: active, ...rest } = item;
        return { ...rest, bestPlaced: bestPlaced ? areaCandidate(bestPlaced) : null, ...(active ? { mostActiveLately: mostActive(active) } : {}) };
      }
      if (item.kind !== 'transfer-file') return item;
      const { successor: id, normDoa, recentSuccessor: recent, handsOnSuccessor: handsOn, oneOff, ...rest } = item;
      return id === undefined
        ? rest
        : {
            ...rest,
            successor: person(id),
            ...(normDoa !== undefined ? { normDoa: round(normDoa, 3) } : {}),
            ...(oneOff !== undefined ? { oneOff: true } : {}),
            ...(recent !== undefined ? { recentSuccessor: person(recent) } : {}),
            ...(handsOn !== undefined ? { handsOnSuccessor: person(handsOn) } : {}),
          };
    }),
    // What stderr prints too: a dashboard reading the document saw no sign of a shallow clone's partial figures (redis).
    warnings: report.warnings,
    automatedAddresses: report.automatedAddresses,
  };
}
