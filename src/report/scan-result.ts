import type { CriticalSystemResult } from '../model/critical.ts';
import type { CurrentFigures, ProjectionResult } from '../model/decay.ts';
import type { Departure, DeparturesResult } from '../model/departures.ts';
import type { Analysis } from '../model/types.ts';

// The one result object every scan reporter takes (table, json, markdown): the analysis and what
// the command judged and computed from it. Reporters only lay it out.

export interface ScanResult {
  analysis: Analysis;
  /** The config file's name as the notes name it (`.talentrisk.yml`). */
  configName: string;
  /** The notes above the sections (authors that look automated, test data, tests' share, a module to split); plain text, `code` in backticks. */
  notes: string[];
  /** The notes on the critical systems (systemNotes: passing on inactive owners), for the formats that list notes together. */
  systemNotes: string[];
  /** The critical systems, judged after the declared departures as check judges them. */
  critical: CriticalSystemResult[];
  /** How many inactive developers the critical systems count as gone (model.treatInactiveAsDeparted). */
  criticalInactiveGone: number;
  /** Everyone declared leaving. */
  departures: readonly Departure[];
  /** What leaves with them, when anyone is. */
  leaving?: DeparturesResult | undefined;
  /** The current (decayed) figures and their projection: not under the classic model. */
  current?: { figures: CurrentFigures; projection: ProjectionResult } | undefined;
  /** The developers marked inactive (empty under the classic model). */
  inactive: ReadonlySet<string>;
  /** The day the figures are measured from (YYYY-MM-DD), and the --until day when that is not today. */
  referenceDay: string;
  untilDay?: string | undefined;
}
