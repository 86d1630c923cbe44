import { dominantShare, SMALL_MODULE_FILES } from '../model/modules.ts';
import type { ModuleChain } from '../model/types.ts';
import { CONFIG_FILE } from './load.ts';

// The starter .talentrisk.yml of `talentrisk init`: every candidate commented out, so the file is
// valid as written (a list key with only comments under it reads as an empty list) and nothing is
// enforced until the team chooses.

export interface StarterModule {
  path: string;
  /** The candidate's globs: the folder, minus the modules nested in it when they are few. */
  paths: string[];
  /** Of the files the globs match (what `check` would report once the candidate is uncommented). */
  files: number;
  truckFactor: number;
  /** Names of the top owners. */
  owners: string[];
  /** Modules nested in the folder (workspace packages, deeper folders) the globs include, too many to list as exclusions; else 0. */
  packagesIncluded: number;
}

export interface StarterCodeownersSystem {
  name: string;
  paths: string[];
  lines: number[];
}

export interface StarterUnmatchedLine {
  line: number;
  pattern: string;
  /** The pattern ends in `/*` and only files deeper in that folder are analysed: CODEOWNERS' `*` stops at `/`. */
  deeper: boolean;
}

/** Unmatched CODEOWNERS lines listed in the starter config; the rest are counted. */
const UNMATCHED_LINES_SHOWN = 10;

export interface StarterInput {
  repository: string;
  revision: string;
  /** YYYY-MM-DD. */
  date: string;
  moduleDepth: number;
  /** Chains of folders that hold nothing but one subfolder, followed by the automatic depth. */
  moduleChains: ModuleChain[];
  /** Riskiest first (supporting and tiny modules after the rest). */
  modules: StarterModule[];
  /** All modules but the root, of which `modules` is the first part. */
  moduleCount: number;
  /** The repository's top-level files (scan's root module), offered after the modules. */
  root?: StarterModule | undefined;
  /**
   * A module that holds most of the files: its folders as candidates (riskiest first) and as module
   * roots; `codeFiles`, the analysed files outside tests, fixtures, examples and docs it holds most of.
   */
  split?: { path: string; files: number; codeFiles?: number; roots: string[]; modules: StarterModule[] } | undefined;
  /**
   * `unmatched`: the lines with owners that match no analysed file (a stale path, or a `dir/*` whose
   * files are all deeper: `deeper`), in file order. pnpm's 7 such lines gave "0 from
   * .github/CODEOWNERS" and nothing said why (a first-time user).
   */
  codeowners: { file: string; systems: StarterCodeownersSystem[]; unmatched?: StarterUnmatchedLine[] } | undefined;
  /** Bots already excluded by the built-in patterns. */
  bots: string[];
  /** Developers whose name or email looks automated. */
  /** `of`: the person this name was joined to (the candidate is their bot-named identity only). */
  /** `alsoAccount`: the name is a bot account's too, whose commits `commits` counts. */
  botCandidates: { name: string; commits: number; of?: string | undefined; alsoAccount?: boolean }[];
  /** What the `$schema` comment points at; undefined when talentrisk is not in the repository's node_modules. */
  schemaPath?: string | undefined;
  /** Test-data folders that hold a large share of the analysed files (proposed as excludes). */
  testData: { glob: string; files: number }[];
  /** Files analysed in all. */
  analysedFiles: number;
  /** Set when the history read was a shallow clone's: the commits it holds (the figures rest on those only). */
  shallow?: { commits: number } | undefined;
  /** Folders at the module depth left out as candidates: they hold only placeholder files (`.gitkeep`). */
  placeholderFolders?: string[] | undefined;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Text for a comment: one line, whatever git said. */
function comment(text: string): string {
  return text.replace(CONTROL, ' ');
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** A folder path as a glob: picomatch's special characters escaped. */
export function folderGlob(folder: string): string {
  return `${folder.replace(/[*?[\]{}()!+@\\]/g, '\\$&')}/**`;
}

/** "src/Illuminate's folders count in the place of src, which holds nothing else": modules named at depth 1 that are deeper. */
function chainNote(chains: readonly ModuleChain[]): string {
  const names = (paths: string[]) => comment(paths.slice(0, 2).join(', ') + (paths.length > 2 ? ` +${paths.length - 2} more` : ''));
  const from = names(chains.map((chain) => (chain.from === '.' ? 'the repository root' : chain.from)));
  const [first] = chains;
  if (chains.length === 1 && first) return `${comment(first.to)}'s folders count in the place of ${from}, which holds nothing else`;
  return `the folders of ${names(chains.map((chain) => chain.to))} count in the place of ${from}, which hold nothing else`;
}

export function renderStarterConfig(input: StarterInput): string {
  const out: string[] = [];
  // The schema's path only where it is (talentrisk installed in the repository's node_modules): a
  // Python repository got `./node_modules/talentrisk/…`, which no editor could find (flask, a tester).
  if (input.schemaPath) out.push(`# yaml-language-server: $schema=${input.schemaPath}`);
  out.push(`# talentrisk configuration, written by \`talentrisk init\` for ${comment(input.repository)} at ${input.revision.slice(0, 12)} (${input.date}).`);
  // The file outlives init's warning on stderr: ohmyzsh's, written in a 50-commit clone, carried
  // truck factors of its last commits with no word of it (a CI maintainer).
  if (input.shallow) {
    out.push(`# Written in a shallow clone: the figures below rest on its ${input.shallow.commits} fetched ${input.shallow.commits === 1 ? 'commit' : 'commits'} only. For those of the whole history, run \`git fetch --unshallow\`, then \`talentrisk init --force\`.`);
  }
  out.push(`# Every command reads it (${CONFIG_FILE}, or .talentrisk.yaml when there is none, at the repository root, or --config <file>). Every key is documented`);
  out.push(input.schemaPath ? '# in .talentrisk.example.yml of the talentrisk package.' : '# in .talentrisk.example.yml of the talentrisk package; its schema/talentrisk.schema.json gives editors completion.');
  out.push('version: 1');
  out.push('');
  out.push('# Critical systems: code that must never depend on one person. `talentrisk check` exits 1 when the');
  out.push('# bus factor of a system (how many of its owners would have to leave before fewer than half of its');
  out.push('# files have an author) is below its minOwners. Uncomment the systems that matter, name them, and');
  out.push('# adjust their paths: globs relative to the repository root; a glob starting with "!" removes files.');
  out.push('critical:');
  if (input.modules.length > 0) {
    const shown = input.moduleCount > input.modules.length ? `the ${input.modules.length} riskiest of ${input.moduleCount}` : 'riskiest first';
    const chains = input.moduleChains.length > 0 ? `; ${chainNote(input.moduleChains)}` : '';
    out.push(`  # Modules (folders at depth ${input.moduleDepth} or workspace packages${chains}), ${shown}; tests, fixtures, examples, docs and modules of fewer than ${SMALL_MODULE_FILES} files last:`);
    for (const module of input.modules) out.push(...candidateLines(module));
    // ohmyzsh's `cache/` and `log/` hold only a .gitkeep: "check fails on it today" for a folder with nothing in it.
    if (input.placeholderFolders && input.placeholderFolders.length > 0) {
      const folders = input.placeholderFolders;
      out.push(`  # (left out: ${comment(folders.slice(0, 5).join(', ') + (folders.length > 5 ? ` +${folders.length - 5} more` : ''))}, which hold only placeholder files such as .gitkeep)`);
    }
    if (input.root) {
      out.push('  # The files at the top level, scan\'s module ".":');
      out.push(...candidateLines(input.root));
    }
    if (input.split && input.split.modules.length > 0) {
      const { split } = input;
      out.push('  #');
      out.push(`  # ${quote(split.path)} holds ${dominantShare(split, input.analysedFiles)}: its folders, riskiest first (\`modules.roots\` below makes them modules):`);
      for (const module of split.modules) out.push(...candidateLines(module));
    }
  } else {
    out.push('  # (no module found: add systems by hand)');
  }
  if (input.codeowners && input.codeowners.systems.length > 0) {
    out.push('  #');
    out.push(`  # From ${comment(input.codeowners.file)}: the paths each owner is named on. talentrisk measures who`);
    out.push('  # actually knows them, so these make good systems to check. CODEOWNERS gives a file to its last');
    out.push('  # matching line; these globs do not subtract later lines that give part of a path to someone');
    out.push('  # else: add a "!" glob for such a part (e.g. "!src/web/**").');
    for (const system of input.codeowners.systems) {
      out.push(`  # - name: ${quote(system.name)}`);
      out.push(`  #   paths: [${system.paths.map(quote).join(', ')}]`);
      out.push(`  #   minOwners: 2    # ${comment(input.codeowners.file)} line${system.lines.length === 1 ? '' : 's'} ${system.lines.join(', ')}`);
    }
  }
  const unmatched = input.codeowners?.unmatched ?? [];
  if (input.codeowners && unmatched.length > 0) {
    out.push('  #');
    out.push(`  # ${comment(input.codeowners.file)}: ${unmatched.length === 1 ? '1 line names' : `${unmatched.length} lines name`} no analysed file, so no system comes from ${unmatched.length === 1 ? 'it' : 'them'} (a path moved or deleted since, or only files the analysis leaves out):`);
    for (const line of unmatched.slice(0, UNMATCHED_LINES_SHOWN)) {
      out.push(`  #   line ${line.line}: ${comment(line.pattern)}${line.deeper ? " (its files are in subfolders, and CODEOWNERS' * stops at /: GitHub gives them to nobody by this line)" : ''}`);
    }
    if (unmatched.length > UNMATCHED_LINES_SHOWN) out.push(`  #   … and ${unmatched.length - UNMATCHED_LINES_SHOWN} more`);
  }
  out.push('');
  out.push('# Bot accounts are left out of every figure. Built in: names or emails like *[bot], *-bot, * (bot) and bot@*, and the addresses GitHub Actions commits under.');
  if (input.bots.length > 0) out.push(`# Found in this history and already left out: ${input.bots.map(comment).join(', ')}.`);
  out.push('# More patterns (wildcards * and ?, matched against names and emails):');
  out.push('bots:');
  if (input.botCandidates.length > 0) {
    out.push('  # These developers look automated; uncomment the ones that are:');
    for (const candidate of input.botCandidates) {
      // An identity named only in Co-authored-by trailers has no commit of its own: "0 commits" read
      // as an error (ohmyzsh's "Void", a CI maintainer).
      const commits = candidate.commits === 0 ? 'co-author only, no commit of its own' : `${candidate.commits} ${candidate.commits === 1 ? 'commit' : 'commits'}`;
      const note = !candidate.of
        ? commits
        : candidate.alsoAccount
          ? `${commits}; also a name joined to ${comment(candidate.of)}, of whose commits only this name's are left out`
          : `a name joined to ${comment(candidate.of)} (${commits} in all); only this name's commits are left out`;
      out.push(`  # - ${quote(candidate.name)}    # ${note}`);
    }
  } else {
    out.push('  # - "ci-robot"');
  }
  out.push('');
  out.push('# Files to leave out besides the built-in exclusions (vendor folders, lock files, minified, binary');
  out.push('# and .gitattributes linguist-generated/vendored files): globs relative to the repository root.');
  out.push('exclude:');
  // Test data that makes up much of the files makes the figures about who wrote it (babel: 25,265
  // of 27,573 files are test fixtures, and its parser's truck factor read 3 where its code's is 1).
  for (const data of input.testData) {
    out.push(`  # - ${quote(data.glob)}    # ${data.files} of the ${input.analysedFiles} analysed files: test data, whose authors the figures would otherwise count`);
  }
  if (input.testData.length === 0) out.push('  # - "docs/**"');
  out.push('');
  out.push('# One person who commits under identities that .mailmap does not merge:');
  out.push('people:');
  out.push('  # - name: "Ada Lovelace"');
  out.push('  #   emails: ["ada@corp.example", "ada@home.example"]');
  out.push('  #   github: "ada"    # joins her GitHub no-reply emails');
  out.push('');
  out.push(`# Modules: folders at a depth (chosen automatically; ${input.moduleDepth} here), plus workspace packages.`);
  // Uncommented, the depth counts every folder: say what changes (laravel's src would be one module again).
  if (input.moduleChains.length > 0) out.push(`# With the automatic depth, ${chainNote(input.moduleChains)}; a depth set here counts every folder.`);
  out.push('# modules:');
  out.push(`#   depth: ${input.moduleDepth}`);
  if (input.split) {
    out.push(`#   # ${comment(input.split.path)} holds ${dominantShare(input.split, input.analysedFiles)}: each of its folders a module (no wildcards here)`);
    out.push('#   roots:');
    for (const root of input.split.roots) out.push(`#     - ${quote(root)}`);
  }
  out.push('');
  return `${out.join('\n')}\n`;
}

/** A module candidate's commented lines. */
function candidateLines(module: StarterModule): string[] {
  const owners = module.owners.length ? module.owners.map(comment).join(', ') : 'no author';
  const included = module.packagesIncluded > 0 ? ` · with the ${module.packagesIncluded} modules inside it` : '';
  return [
    `  # - name: ${quote(module.path)}`,
    `  #   paths: [${module.paths.map(quote).join(', ')}]`,
    // Said when it already fails: every candidate of vuejs/core did, and nothing told (a tester).
    `  #   minOwners: 2    # now: truck factor ${module.truckFactor}${module.truckFactor < 2 ? ' (check fails on it today)' : ''} · ${module.files} ${module.files === 1 ? 'file' : 'files'}${included} · ${owners}`,
  ];
}
