import { UsageError } from '../errors.ts';
import { isRealDay } from './analysis-date.ts';
import { compareDepartures, type Departure } from './departures.ts';
import { createBotMatcher } from './identity.ts';
import { clean as printable, resolvePerson, UnknownPersonError, type PersonAliasInput, type ResolveOptions } from './people.ts';
import type { Analysis, DeveloperSummary } from './types.ts';

// Who is leaving, as written (config `departures[]`, `--leaving`, handoff's person) and resolved to
// developers of the analysis: what computeDepartures (departures.ts) and the handoff take. Every
// entry that names nobody, or someone ambiguously, is a UsageError; some are left out with a
// warning instead (an analysis of the past, a shallow clone).

/** A departure as written: config `departures[]` or a `--leaving` flag. */
export interface DepartureSpec {
  who: string;
  /** Last day, YYYY-MM-DD. */
  date?: string | undefined;
  note?: string | undefined;
}

/**
 * `--leaving bob` or `--leaving bob@corp.example=2025-06-30` (a last day after `=`). `usage`: how
 * the value was given, as errors repeat it (`handoff` takes its person the same way).
 */
export function parseLeaving(value: string, usage = '--leaving'): DepartureSpec {
  // `=2024-01-01`: the person was left out (it was looked up as someone named "=2024-01-01").
  if (/^\s*=/.test(value)) {
    throw new UsageError(`${usage} ${value}: no one named before "="`, { hint: `write who leaves before it: ${usage} "<name or email>${value.trim()}"` });
  }
  const match = /^(.*?)\s*=\s*(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  if (match && match[1]) {
    const date = match[2] as string;
    if (!isRealDay(date)) throw new UsageError(`${usage} ${value}: ${date} is not a real date`, { hint: 'write the last day as YYYY-MM-DD' });
    return { who: match[1].trim(), date };
  }
  // What follows the last `=` was meant as a date unless it is the rest of an email (`a=b@x.example`
  // is an address): `evan=tomorrow` was looked up as a person named "evan=tomorrow".
  const equals = value.lastIndexOf('=');
  const after = value.slice(equals + 1).trim();
  // `bob@corp.example=`: the date was left out (it was looked up as a person named with the "=").
  if (equals > 0 && after === '') {
    throw new UsageError(`${usage} ${value}: no date after "="`, { hint: `write the last day after it, e.g. ${usage} "${value.slice(0, equals).trim()}=YYYY-MM-DD", or leave out the "=" for no date` });
  }
  if (equals > 0 && !after.includes('@')) {
    // The name without a date already written after it (`ada=2026-12-31=x` suggested `ada=2026-12-31=YYYY-MM-DD`).
    const name = value.slice(0, equals).trim().replace(/\s*=\s*\d{4}-\d{2}-\d{2}$/, '');
    throw new UsageError(`${usage} ${value}: "${after}" is not a date`, { hint: `write the last day as YYYY-MM-DD: ${usage} "${name}=YYYY-MM-DD"` });
  }
  return { who: value.trim() };
}

/**
 * Config departures plus `--leaving` flags, resolved to developers (unknown or ambiguous people are
 * UsageErrors). A person named twice is one departure: a date beats no date, the earliest date wins.
 */
export function resolveDepartures(
  developers: readonly DeveloperSummary[],
  input: {
    config?: readonly DepartureSpec[];
    leaving?: readonly string[];
    people?: readonly PersonAliasInput[];
    bots?: ResolveOptions['bots'];
    /**
     * Called for a config departure nobody of the analysed history matches, or nearly matches, which
     * is then left out rather than an error: for an analysis of the past (--rev, --until), where
     * someone who joined later has no commit yet. Without it, or for a near miss, it is an error (a
     * typo in the config, or a name the person did not use yet).
     */
    notYetThere?: ((message: string) => void) | undefined;
    /**
     * In a shallow clone: its oldest fetched commit's day, and what is told of a config departure
     * dated before it that nobody of the fetched history matches, and nobody in it comes close to.
     * Someone who left before the fetched history begins has no commit in it, and someone with no
     * commit in the analysis owns nothing in it, so leaving them out changes no figure (a CI test on
     * vuejs/core: `check --allow-shallow` failed on a departure of 2022). Undated or later entries
     * stay errors: a misnamed person who is in the clone must not soften the gate (a review).
     */
    beyondShallow?: { since: string; warn: (message: string) => void } | undefined;
    /** Told of a last day before the person's own last commit (most likely a mistyped year). */
    warn?: ((message: string) => void) | undefined;
    /** Where a config key sits (`.talentrisk.yml:12:9`), for messages about config entries. */
    locate?: ((keyPath: readonly (string | number)[]) => string) | undefined;
    mailmapped?: ResolveOptions['mailmapped'];
    mailmapNames?: ResolveOptions['mailmapNames'];
    historyEnds?: ResolveOptions['historyEnds'];
    shallowSince?: ResolveOptions['shallowSince'];
    /**
     * Anyone named whom nobody of the analysed history is (or nearly is) is left out silently: for
     * `check --new-only`'s merge base, where the names were resolved at the revision already and
     * someone who joined in the change authors nothing.
     */
    absentLeftOut?: boolean | undefined;
  },
): Departure[] {
  // A config entry is named by where it sits when that is known, as other config errors are.
  const configKey = (index: number, key: 'who' | 'date'): string => (input.locate ? `${input.locate(['departures', index, key])} departures.${index}.${key}` : `config departures[${index}].${key}`);
  const specs: { spec: DepartureSpec; source: string; dateSource: string; inConfig: boolean }[] = [
    ...(input.config ?? []).map((spec, index) => ({ spec, source: configKey(index, 'who'), dateSource: configKey(index, 'date'), inConfig: true })),
    ...(input.leaving ?? []).map((value) => ({ spec: parseLeaving(value), source: '--leaving', dateSource: '--leaving', inConfig: false })),
  ];
  const byId = new Map<string, Departure>();
  // Where each kept date was written, and the person's last commit, for the check after the loop.
  const dated = new Map<string, { source: string; lastCommit: string }>();
  // Every entry that names nobody (or several people) is reported at once: each typo cost a CI run.
  const problems: UsageError[] = [];
  for (const { spec, source, dateSource, inConfig } of specs) {
    if (spec.date !== undefined && !isRealDay(spec.date)) {
      problems.push(new UsageError(`${dateSource}: ${spec.date} is not a real date`, { hint: 'write the last day as YYYY-MM-DD' }));
      continue;
    }
    let developer: Pick<DeveloperSummary, 'id' | 'name' | 'lastCommit'>;
    try {
      developer = resolvePerson(developers, spec.who, { people: input.people, source, bots: input.bots, mailmapped: input.mailmapped, mailmapNames: input.mailmapNames, historyEnds: input.historyEnds, shallowSince: input.shallowSince });
    } catch (error) {
      if (error instanceof UnknownPersonError && input.absentLeftOut) continue;
      if (error instanceof UnknownPersonError && input.notYetThere && inConfig) {
        // A near miss stays an error, as in a shallow clone: commons-lang's "Gary Gregory" went by
        // "Gary D. Gregory" in 2015, and `check --until 2015-01-01` passed without his departure (a tester).
        if (error.hint?.startsWith('closest known')) {
          problems.push(new UnknownPersonError(error.message, { hint: `${error.hint}; before a revision a person may have gone by another name: name them by email in the config, which outlasts a name` }));
          continue;
        }
        input.notYetThere(`${source}: nobody in the analysed history is "${spec.who}"; left out of the departures (they may have joined later)`);
        continue;
      }
      const shallow = input.beyondShallow;
      if (error instanceof UnknownPersonError && shallow && inConfig && !error.hint?.startsWith('closest known')) {
        if (spec.date !== undefined && spec.date < shallow.since) {
          shallow.warn(`${source}: nobody in this shallow clone's history is "${spec.who}", who left on ${spec.date}, before its oldest commit (${shallow.since}); left out of the departures: if the name is misspelt, correct it (\`git fetch --unshallow\` reads the whole history, where a wrong name is an error)`);
          continue;
        }
        // Still an error, saying what the clone leaves out: the hint alone ("scan --format json lists
        // them all") led to a scan that failed the same way (a re-test on vuejs/core).
        problems.push(
          new UnknownPersonError(error.message, {
            hint: `this shallow clone's history begins on ${shallow.since}: someone whose commits are all older is not in it; give their last day, if it was before then, to leave them out, or fetch the whole history (\`git fetch --unshallow\`)`,
          }),
        );
        continue;
      }
      if (!(error instanceof UsageError)) throw error;
      problems.push(error);
      continue;
    }
    const current = byId.get(developer.id) ?? { id: developer.id, name: developer.name };
    // Two different last days for one person are a mistake to correct, not a choice to make: the
    // earlier one won silently (`handoff 'David Lord=2027-01-31' --leaving 'David Lord=2027-02-28'`,
    // flask, a tester). The same day twice is one departure.
    const earlier = dated.get(developer.id);
    if (spec.date && current.date && spec.date !== current.date && earlier) {
      const [first, second] = [{ date: current.date, at: earlier.source }, { date: spec.date, at: dateSource }].sort((a, b) => (a.date < b.date ? -1 : 1)) as [{ date: string; at: string }, { date: string; at: string }];
      // Where each was written, when that tells them apart (a config entry and a flag).
      const where = (at: string) => (first.at === second.at ? '' : ` (${at})`);
      problems.push(
        new UsageError(`${printable(developer.name)} is given two different last days: ${first.date}${where(first.at)} and ${second.date}${where(second.at)}`, {
          hint: 'give one last day per person (the same day twice is fine): drop or correct one of them',
        }),
      );
      continue;
    }
    // With one date, its entry's note goes with it (or none): two entries' fields were mixed (an
    // EM test). Without any date, the first note.
    if (spec.date && !current.date) {
      current.date = spec.date;
      dated.set(developer.id, { source: dateSource, lastCommit: developer.lastCommit });
      if (spec.note) current.note = spec.note;
      else delete current.note;
    } else if (!current.date && !spec.date && spec.note && !current.note) {
      current.note = spec.note;
    }
    byId.set(developer.id, current);
  }
  if (problems.length === 1) throw problems[0] as UsageError;
  if (problems.length > 1) {
    throw new UsageError(problems.map((problem) => problem.withHint).join('\n'), {
      hint: 'name each by email or alias (`talentrisk scan --format json` lists the developers), or remove the entry',
    });
  }
  // A last day before the person's own last commit is accepted (they count as gone from that day),
  // but is most likely a mistyped year: `ada=2024-06-30` for someone who committed last week.
  for (const departure of byId.values()) {
    const where = dated.get(departure.id);
    if (!input.warn || !where || !departure.date) continue;
    if (lastDayBeforeLastCommit(departure.date, where.lastCommit)) {
      input.warn(`${where.source}: ${departure.name}'s last day ${departure.date} is before their last commit (${where.lastCommit.slice(0, 10)}); check the date (a last day already past counts them as gone since that day)`);
    }
  }
  return [...byId.values()].sort(compareDepartures);
}

/**
 * Whether a last day (YYYY-MM-DD) is before the day of a last commit (ISO). The commit is known as
 * an instant, not as the day its author wrote: only a day before that commit's day in every time
 * zone (UTC−14) counts, so a commit at 23:30 in New York on the last day is no "later commit" (it is
 * the next day in UTC). The departure warning and the handoff document both judge by this.
 */
export function lastDayBeforeLastCommit(lastDay: string, lastCommit: string): boolean {
  const time = Date.parse(lastCommit);
  return !Number.isNaN(time) && lastDay < new Date(time - 14 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * What naming a bot is checked against: the bots of the analysis, and under the default model the
 * patterns that made them bots (so an email or a bot not in this history is recognised too).
 */
export function botsOf(analysis: Pick<Analysis, 'bots' | 'model'>, patterns: readonly string[]): NonNullable<ResolveOptions['bots']> {
  return { names: analysis.bots, isBot: analysis.model === 'classic' ? undefined : createBotMatcher(patterns) };
}

/**
 * For an analysis of the past (a revision other than HEAD's commit: --rev, --until), where a config
 * departure may name someone who joined later: such a departure is left out with a warning in the
 * analysis's warnings (printed and stored with the report) instead of failing the command (an EM
 * test: `--until` could not be used with a config that lists today's departures). At HEAD's
 * commit, however it is named (`--rev main`, its id, `--until` today), it stays an error: a typo
 * in a departure must not soften the CI gate. `head`: HEAD's commit id.
 */
export function notYetThereIn(analysis: Pick<Analysis, 'repository' | 'warnings'>, head: string | undefined): ((message: string) => void) | undefined {
  if (head === undefined || analysis.repository.revision === head) return undefined;
  return warnOnceIn(analysis);
}

/** Adds a warning to the analysis's warnings (printed and stored with the report), once. */
export function warnOnceIn(analysis: Pick<Analysis, 'warnings'>): (message: string) => void {
  return (message) => {
    if (!analysis.warnings.includes(message)) analysis.warnings.push(message);
  };
}
