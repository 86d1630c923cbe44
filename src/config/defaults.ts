import type { Config } from './schema.ts';

/** The deepest module folder, in the config (`modules.depth`) and on the command line (`--depth`). */
export const MAX_MODULE_DEPTH = 10;

/** Where git blame's users and GitHub list commits to leave out of blame (config `ignoreRevsFile`). */
export const IGNORE_REVS_FILE = '.git-blame-ignore-revs';

/**
 * The config when there is no .talentrisk.yml: what the schema makes of `{}`, written out so that a
 * scan without a config file does not import zod. test/config/defaults.test.ts keeps the two equal.
 */
export const DEFAULT_CONFIG: Config = {
  version: 1,
  critical: [],
  include: [],
  exclude: [],
  defaultExclusions: true,
  people: [],
  bots: [],
  ignoreRevs: [],
  ignoreRevsFile: IGNORE_REVS_FILE,
  acknowledgedRevs: [],
  modules: { roots: [], workspaces: true },
  model: { halfLife: 365, inactiveAfter: 180, treatInactiveAsDeparted: false, coAuthors: true },
  departures: [],
};
