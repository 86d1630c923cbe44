import { BULK_CHANGES } from '../model/authorship.ts';
import type { ChecklistItem } from '../model/handoff-checklist.ts';
import type { HandoffFile } from '../model/handoff-files.ts';
import { BARELY_NORM_DOA } from '../model/take-over.ts';
import { plural } from './format.ts';
import { mdCode, mdText } from './handoff-escape.ts';
import { commitsLately, manyOwnChanges, normDoaText, oneOffText, relativeWork, sharedOnlyWords, strengths, theirWork, withOthers, type Lately } from './handoff-words.ts';

// The handoff document's Checklist: one line per item (model/handoff-checklist.ts), what to do and
// with whom.

/** One checklist item, as the text after its "- [ ] ". */
export function checklistLine(item: ChecklistItem, who: string, name: (id: string) => string, activeOnly: boolean, fileAt: ReadonlyMap<string, HandoffFile>, othersLeaving: boolean, lately: Lately): string {
  switch (item.kind) {
    case 'critical': {
      const figures = `bus factor ${item.busFactorBefore} → ${item.busFactorAfter}${withOthers(item.busFactorAfter, item.busFactorAfterAll)} (needs ${item.minOwners})`;
      // With no owner left there are no "remaining owners" to review it with (flask, a tester); the
      // authors who stay may still hold a few of its files, too few for a bus factor (a review).
      return item.busFactorAfter === 0
        ? `Name new owners for the critical system **${mdText(item.system)}**, which has no owner left: ${figures}.`
        : `Review the critical system **${mdText(item.system)}** with its remaining owners: ${figures}.`;
    }
    case 'more-transfers': {
      // Each number says what it counts: "1369 more files only Taylor Otwell knows or shares only with
      // inactive developers or others leaving (450 of them)" left the 450 unread (laravel, first-time users).
      const shared = item.sharedOnlyWithInactive + item.sharedOnlyWithLeaving;
      const sole = item.files - shared;
      const which = shared === 0 ? ` only ${who} knows` : sole === 0 ? ` ${sharedOnlyWords(othersLeaving)}` : '';
      const parts = shared > 0 && sole > 0 ? `: ${sole} only ${who} knows, ${shared} ${sharedOnlyWords(othersLeaving)};` : ':';
      return `And ${plural(item.files, 'more file')}${which} with no or a weak successor${parts} see the areas above, or \`--format json\`.`;
    }
    case 'owner-area': {
      // The candidate, or that there is none (hugo: 28 such lines named nobody; a tester).
      const best = item.bestPlaced;
      const one = item.soleFiles + item.sharedOnlyWithInactive + item.sharedOnlyWithLeaving === 1;
      const placed = best
        ? `best placed: ${name(best.id)}, ${one ? 'its successor' : `successor on ${best.files} of them`} (${strengths(best)})`
        : `nobody${activeOnly ? ' active' : ''} who stays has changed ${one ? 'it' : 'them'}`;
      const active = item.mostActiveLately ? `; most active here lately: ${name(item.mostActiveLately.id)} (${commitsLately(item.mostActiveLately.commits, lately)})` : '';
      return `Name a new owner for ${mdCode(item.module)} (${ownerlessFiles(item, who, othersLeaving)}); ${placed}${active}.`;
    }
    case 'more-owner-areas':
      return `And new owners for ${plural(item.areas, 'more area')} (${ownerlessFiles(item, who, othersLeaving)}): see the areas above, or \`--format json\`.`;
    case 'transfer-file': {
      const file = fileAt.get(item.path);
      if (item.successor && item.oneOff && !item.bulkOnly) {
        // Someone who worked on it by hand before the one-off contributor the figures name (helm's
        // cmd/helm/plugin_list.go and Efrat19, 4 commits over two days; a first-time user).
        const barely = (item.normDoa ?? 1) < BARELY_NORM_DOA ? ` barely knows it (normDOA ${normDoaText(item.normDoa ?? 0)}) and` : '';
        const why = `the nearest successor, ${name(item.successor)},${barely} is ${oneOffText(item.oneOff).replace(': ', ' (')})`;
        if (item.handsOnSuccessor) return `Walk through ${mdCode(item.path)} with ${name(item.handsOnSuccessor)}, who worked on it hands-on: ${why}.`;
        return `Walk through ${mdCode(item.path)} with its new owner: ${why}${item.recentSuccessor ? `; ${name(item.recentSuccessor)} changed it more recently` : ''}.`;
      }
      if (item.successor && item.bulkOnly) {
        return `Walk through ${mdCode(item.path)} with its new owner: the nearest successor, ${name(item.successor)}, changed it only in sweeps or reorganisations of ${BULK_CHANGES}+ files${item.handsOnSuccessor ? `; ${name(item.handsOnSuccessor)} worked on it hands-on` : ''}.`;
      }
      if (item.successor && file?.successor && item.strength === 'weak' && manyOwnChanges(file.successor)) {
        return `Walk through ${mdCode(item.path)} with ${name(item.successor)}, who made ${relativeWork(file)} (${theirWork(file, who)})${item.recentSuccessor ? `, or with ${name(item.recentSuccessor)}, who changed it more recently` : ''}.`;
      }
      if (item.successor && (item.normDoa ?? 1) < BARELY_NORM_DOA) {
        return `Walk through ${mdCode(item.path)} with its new owner: the nearest successor, ${name(item.successor)}, barely knows it (normDOA ${normDoaText(item.normDoa ?? 0)})${item.recentSuccessor ? `; ${name(item.recentSuccessor)} changed it more recently` : ''}.`;
      }
      return item.successor
        ? `Walk through ${mdCode(item.path)} with ${name(item.successor)} (weak successor)${item.recentSuccessor ? ` or ${name(item.recentSuccessor)}, who changed it more recently` : ''}.`
        : `Walk through ${mdCode(item.path)} with its new owner: no successor, knowledge transfer needed.`;
    }
    case 'co-change':
      return `Explain why ${mdCode(item.path)} and ${mdCode(item.partner)} change together.`;
    case 'recent-work': {
      // "12 of them releases and 15 dependency updates": a version bump of the project is no dependency update (laravel).
      const kinds = [
        { count: item.releases, one: 'release', many: 'releases' },
        { count: item.dependencyUpdates, one: 'dependency update', many: 'dependency updates' },
      ].filter((kind) => kind.count > 0);
      const ofThem = kinds.map((kind, index) => (index === 0 ? `, ${kind.count} of them ${kind.count === 1 ? `a ${kind.one}` : kind.many}` : ` and ${kind.count} ${kind.count === 1 ? kind.one : kind.many}`)).join('');
      return `Go over ${item.before ? `the ${item.days} days of work up to the revision’s last commit (${item.before})` : `the last ${item.days} days of work`} (${plural(item.commits, 'commit')}${ofThem}): unfinished changes, follow-ups, open branches.`;
    }
    case 'kept-files':
      return `Walk through what ${who} keeps: ${namedFiles(item)}: every author is inactive or leaving, and nobody active changed ${item.files === 1 ? 'it' : 'them'} more.`;
    case 'best-source-files':
      return `While ${who} can still be reached, walk through what nobody active knows better: ${namedFiles(item)}: every author is inactive or leaving, and nobody active changed ${item.files === 1 ? 'it' : 'them'} more.`;
    case 'outside-git':
      return 'Outside git: access and credentials, deploys and on-call, external contacts, decisions that were never written down.';
  }
}

/** "9 files only Ada knows, 13 more shared only with inactive developers". */
function ownerlessFiles(item: { soleFiles: number; sharedOnlyWithInactive: number; sharedOnlyWithLeaving: number }, who: string, othersLeaving: boolean): string {
  const sole = item.soleFiles > 0 ? `${plural(item.soleFiles, 'file')} only ${who} knows` : '';
  const shared = item.sharedOnlyWithInactive + item.sharedOnlyWithLeaving;
  const inactive = shared > 0 ? `${sole ? `${shared} more` : plural(shared, 'file')} ${sharedOnlyWords(othersLeaving)}` : '';
  return [sole, inactive].filter(Boolean).join(', ');
}

/** "`a.ts`, `b.ts` and 3 more files": the first files an item names, and how many more it counts. */
function namedFiles(item: { paths: readonly string[]; files: number }): string {
  return `${item.paths.map((file) => mdCode(file)).join(', ')}${item.files > item.paths.length ? ` and ${plural(item.files - item.paths.length, 'more file')}` : ''}`;
}
