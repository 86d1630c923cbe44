import { isNewViolation } from '../model/critical-baseline.ts';
import type { CodeOnlyFigure } from '../model/critical-code.ts';
import type { CriticalSystemResult } from '../model/critical.ts';
import type { NamedKeeper } from '../model/keepers.ts';
import type { ModelName, RepositoryInfo } from '../model/types.ts';

/**
 * Of a system with an inactive owner: the available developer (active, not leaving) who keeps the
 * most of its files (handoff's "kept by" rule: every author of the file is inactive or leaving and
 * nobody available changed it more), or null when nobody does.
 */
export type CheckKeeper = NamedKeeper;

/** One critical system as `check` reports it. */
export interface CheckedSystem extends CriticalSystemResult {
  /**
   * False when `--changed` left the system out (none of its files changed), or when a shallow
   * clone's fetched history changes none of its files (`unfetchedFiles` is set: not judged).
   */
  checked: boolean;
  /**
   * Set (maybe null) when an owner of the system is inactive and some of its files have no author
   * who is there: who has been keeping them (vuejs/core: a sole owner inactive for years, and no
   * word of who changed compileScript.ts 20 times).
   */
  keeper?: CheckKeeper;
  /** With `keeper`: how many of its files have no author who is there (every author inactive or leaving). */
  unheldFiles?: number;
  /**
   * Set when files that are not code (a README, docs) lift the system over its minOwners while its
   * code files alone would not hold it (ohmyzsh's plugin-git): their own figure, for a note.
   */
  codeOnly?: CodeOnlyFigure;
  /**
   * With `--changed`, of a checked system: its files at risk that the change touched, in the order
   * of its files at risk, and whether the change adds each. The reports list them first (vuejs/core:
   * a pull request adding 20 workflows only its author knows saw other people's files first).
   */
  changedAtRisk?: { path: string; added: boolean }[];
  /**
   * In a shallow clone, when more than its `files`: the analysable files tracked at the revision its
   * globs match. It was judged on `files` only, those with fetched history (vuejs/core at depth 50:
   * "✓ reactivity" on 4 of its 39 files).
   */
  trackedFiles?: number;
  /** 1-based line of the system in the config file (annotations, SARIF and JUnit point at it). */
  configLine: number | undefined;
  /** 1-based line of each of `unmatchedPatterns` in the config file, in the same order (annotations point at the glob). */
  unmatchedPatternLines?: (number | undefined)[];
}

/** The one result object every `check` reporter renders. */
export interface CheckReport {
  repository: RepositoryInfo;
  model: ModelName;
  /** The config file relative to the repository root, with `/` separators. */
  configFile: string;
  /** The config file as the user named it (relative to where check runs), for the text format. */
  configShown?: string;
  /** In config order. */
  systems: CheckedSystem[];
  /**
   * Set with `--changed <base>`; `newOnly` with `--new-only` (each violation then carries `base`:
   * how it stands at the merge base).
   * `files` counts changed paths, a rename at both ends and deleted paths too (elixir: 827 "files" of 780 read wrong). */
  changed: { base: string; mergeBase: string; files: number; newOnly?: boolean } | undefined;
  /** In a shallow clone (--allow-shallow), the commits read: every verdict says how few (tokio: a one-commit newcomer was "sole owner"). */
  fetchedCommits?: number;
  /**
   * Of `fetchedCommits`, those at the clone's boundary, whose changes are not counted (git shows them
   * adding every file): "the 50 fetched commits are read" counted 49 (vuejs/core, a CI maintainer).
   */
  boundaryCommits?: number;
  /** People assumed gone (config `departures` and --leaving): the figures are those after they leave. */
  departing?: { id: string; name: string; date?: string }[];
  /**
   * How many inactive developers the figures count as gone, as departures that already happened
   * (`model.treatInactiveAsDeparted: true`; 0 otherwise, and under --model classic).
   */
  inactiveGone?: number;
  /** The day inactivity and departures are judged on (YYYY-MM-DD: --until, or the day of the run): a departure dated before it reads "left". */
  referenceDay?: string;
  /**
   * Owners and authors named in the report who made no commit in the `model.inactiveAfter` days
   * before the reference date (none under --model classic): the display formats mark them.
   */
  inactive?: { id: string; name: string; lastCommit: string }[];
  warnings: string[];
}

/**
 * Exit 1 when a checked system breaks a rule; with --new-only, a rule the merge base does not break
 * as badly. (A configuration error reaches a reporter only in a system --changed skipped.)
 */
export function checkPassed(report: Pick<CheckReport, 'systems'>): boolean {
  return failingSystems(report).length === 0;
}

/** The checked systems that fail the check. */
export function failingSystems(report: Pick<CheckReport, 'systems'>): CheckedSystem[] {
  return report.systems.filter((system) => system.checked && system.status !== 'ok' && (system.status === 'error' || system.violations.some(isNewViolation)));
}

/** With --new-only: the checked systems whose every violation is already on the merge base, not made worse (they do not fail the check). */
export function preexistingSystems(report: Pick<CheckReport, 'systems'>): CheckedSystem[] {
  return report.systems.filter((system) => system.checked && system.status === 'violation' && !system.violations.some(isNewViolation));
}

export const CHECK_FORMATS = ['text', 'json', 'github', 'markdown', 'sarif', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
