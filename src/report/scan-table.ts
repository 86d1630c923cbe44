import type { Analysis, ExclusionCount, ModuleChain } from '../model/types.ts';
import { EXCLUSION_RULES } from '../model/files.ts';
import { day, list, MODULE_ROWS, percent, plural, sanitize, secondaryModulesLastNote, shellWord } from './format.ts';
import { INACTIVE_MARK } from '../model/critical-departures.ts';
import { markedInactive } from '../model/decay.ts';
import { rankModulesByRisk } from '../model/modules.ts';
import { rowsWithin } from '../model/rows.ts';
import { nextAuthors } from '../model/ownership.ts';
import { asManyAsFit, cutToWidth, displayWidth, naturalWidth, renderTable, shortenModulePath } from './table-util.ts';
import type { RenderContext } from './types.ts';
import { wrapProse } from './wrap.ts';

/** The end of an owners cell a cut keeps: the first owner's share and the count of the others, with its "(inactive)" when it fits. */
const SHARE_TAIL = / \d+%( \+\d+)?$/;
const INACTIVE_TAIL = new RegExp(`${INACTIVE_MARK.replace(/[()]/g, '\\$&')}${SHARE_TAIL.source}`);

// The header counts files with each rule's label, which the JSON keeps as it is (`binary file`):
// a noun takes its plural ("10 binary file": redis), and the labels that name where the files were
// rather than what they are say so ("12 vendor folder" read as 12 folders).
const EXCLUSION_PHRASES: Readonly<Record<string, readonly [string, string]>> = {
  [EXCLUSION_RULES.vendorFolder]: ['in a vendor folder', 'in vendor folders'],
  [EXCLUSION_RULES.exclude]: ['matched by exclude', 'matched by exclude'],
  [EXCLUSION_RULES.snapshot]: ['test snapshot', 'test snapshots'],
  [EXCLUSION_RULES.generatedHeader]: ['generated file ("Code generated … DO NOT EDIT.")', 'generated files ("Code generated … DO NOT EDIT.")'],
  [EXCLUSION_RULES.generatedNotice]: ['generated file (a "generated …, do not edit" header)', 'generated files ("generated …, do not edit" headers)'],
};

/** "10 binary files", "1 lock file", "679 in vendor folders (deps/)": a rule's count as the header reads it. */
export function exclusionPhrase({ rule, files, folders }: ExclusionCount): string {
  const phrases = EXCLUSION_PHRASES[rule];
  if (phrases) return `${files} ${files === 1 ? phrases[0] : phrases[1]}${foldersPhrase(folders)}`;
  return /(file|submodule)$/.test(rule) ? plural(files, rule) : `${files} ${rule}`;
}

/** Vendor folders named in the header: redis's "679 in vendor folders" did not say its own deps/Makefile was among them (a tester). */
const NAMED_FOLDERS = 3;

/** " (deps/)", " (node_modules/ 900, vendor/ 80, third_party/ 12, +2 more)"; '' for none. */
function foldersPhrase(folders: ExclusionCount['folders']): string {
  if (!folders || folders.length === 0) return '';
  if (folders.length === 1) return ` (${sanitize((folders[0] as { path: string }).path)})`;
  const named = folders.slice(0, NAMED_FOLDERS).map((folder) => `${sanitize(folder.path)} ${folder.files}`);
  return ` (${named.join(', ')}${folders.length > NAMED_FOLDERS ? `, +${folders.length - NAMED_FOLDERS} more` : ''})`;
}

/**
 * The chains of folders the automatic depth followed, so that "at depth 1" reads true of
 * src/Illuminate/Auth: "; src holds nothing but src/Illuminate, whose folders count in its place".
 */
export function chainsPhrase(chains: readonly ModuleChain[]): string {
  const from = (chain: ModuleChain) => (chain.from === '.' ? 'the repository root' : sanitize(chain.from));
  const [first] = chains;
  if (!first) return '';
  if (chains.length === 1) return `; ${from(first)} holds nothing but ${sanitize(first.to)}, whose folders count in its place`;
  const named = list(chains.map((chain) => `${from(chain)} → ${sanitize(chain.to)}`), 2);
  return `; ${chains.length} folders hold nothing but one folder down to where they branch (${named}), whose folders count in their place`;
}

/** Truck-factor developers listed before the modules; the rest are counted (JSON lists them all). */
export const TRUCK_FACTOR_ROWS = 10;

/** What the table shows beside the analysis. */
export interface ScanTableExtras {
  /** The current (recency-weighted) truck factor, named beside the headline when it differs (not under --model classic). */
  currentTruckFactor?: number | undefined;
  /** The developers the analysis marks inactive, when the caller has them (markedInactive otherwise). */
  inactive?: ReadonlySet<string>;
}

/** "5673 commits · 381 developers · 209 files analysed (4 excluded: …) · 3 bots ignored": the header's second line, plain. */
export function statsLine(analysis: Pick<Analysis, 'stats' | 'exclusions'>): string {
  const excluded = analysis.stats.excludedFiles;
  return (
    `${plural(analysis.stats.commits, 'commit')} · ${plural(analysis.stats.developers, 'developer')} · ${plural(analysis.stats.files, 'file')} analysed` +
    (excluded ? ` (${excluded} excluded: ${analysis.exclusions.map(exclusionPhrase).join(', ')})` : '') +
    (analysis.stats.bots ? ` · ${plural(analysis.stats.bots, 'bot')} ignored${analysis.stats.botCommits ? ` (${plural(analysis.stats.botCommits, 'commit')} of theirs)` : ''}` : '')
  );
}

/** What the truck factor means for this repository: "if these 2 developers leave, 25.4% of files keep an author". */
export function truckFactorSummary(tf: Pick<Analysis['truckFactor'], 'value' | 'coverage'>): string {
  if (tf.value === 0) return 'fewer than half the files have an author';
  return `${tf.value === 1 ? 'if this developer leaves' : `if these ${tf.value} developers leave`}, ${percent(tf.coverage, 1)} of files keep an author`;
}

/**
 * How the riskiest modules are ordered and counted: "lowest truck factor first; tests, … last; 5
 * modules at depth 1", plain.
 */
export function modulesOrder(analysis: Pick<Analysis, 'modules' | 'settings'>, ranked: readonly { path: string; files: number }[]): string {
  // Workspace packages are modules wherever they sit (a nested one takes its files from its parent folder's module).
  // So are config modules.roots, which are no packages: counted apart ("6 packages" read as
  // packages for laravel's six roots, "workspace packages" before that, both re-tests).
  const own = analysis.modules.filter((module) => module.kind !== 'folder');
  const rooted = own.filter((module) => module.kind === 'root').length;
  const packages = own.length - rooted;
  const folders = analysis.modules.length - own.length;
  const chains = folders > 0 ? chainsPhrase(analysis.settings.moduleChains) : '';
  const parts = [
    ...(packages > 0 ? [plural(packages, 'workspace package')] : []),
    ...(rooted > 0 ? [`${plural(rooted, 'root')} (modules.roots)`] : []),
    ...(folders > 0 ? [`${plural(folders, 'folder')} at depth ${analysis.settings.moduleDepth}${chains}`] : []),
  ];
  const whose = packages > 0 && rooted > 0 ? "a package's or root's" : packages > 0 ? "a package's" : "a root's";
  const counted =
    own.length === 0
      ? `${plural(analysis.modules.length, 'module')} at depth ${analysis.settings.moduleDepth}${chains}`
      : `${plural(analysis.modules.length, 'module')}: ${parts.join(', ')}; ${whose} files are not its parent folder's`;
  const secondLast = secondaryModulesLastNote(ranked);
  return `lowest truck factor first${secondLast}; ${counted}`;
}

/** A module's owners cell: the first two ("Ada 60%, Bob 40%") and the count of the others ("+3"). */
export function topOwners(owners: readonly string[]): string {
  return owners.slice(0, 2).join(', ') + (owners.length > 2 ? ` +${owners.length - 2}` : '');
}

/** The human report of a scan: a header, the truck factor and the riskiest modules. */
export function renderScanTable(analysis: Analysis, ctx: RenderContext, sections: string[] = [], extras: ScanTableExtras = {}): string {
  const { chalk } = ctx;
  const nameOf = new Map(analysis.developers.map((d) => [d.id, sanitize(d.name)]));
  const name = (id: string) => nameOf.get(id) ?? sanitize(id);
  const repo = analysis.repository;
  const inactive = extras.inactive ?? markedInactive(analysis);
  const out: string[] = [];

  out.push(
    `${chalk.bold('talentrisk')} ${sanitize(repo.path)} @ ${repo.revision.slice(0, 12)} (${day(repo.revisionDate)})${repo.requested !== 'HEAD' ? `  ${sanitize(repo.requested)}` : ''}${analysis.model === 'classic' ? chalk.dim('  [classic model]') : ''}`,
  );
  out.push(chalk.dim(statsLine(analysis)));
  out.push('');

  const tf = analysis.truckFactor;
  const tfColor = tf.value <= 1 ? chalk.red : tf.value === 2 ? chalk.yellow : chalk.green;
  if (analysis.files.length === 0) {
    out.push(chalk.yellow('No file to analyse: every tracked file was excluded or has no history.'));
  } else {
    const summary = truckFactorSummary(tf);
    // The current figure beside the published one when they differ: ohmyzsh's 140 is 5 by today's
    // knowledge, which only the Current figures said, below 140 names and the modules (a CI
    // maintainer's test). The same figure twice (hugo's 1 and 1) would only lengthen the line.
    const current = extras.currentTruckFactor;
    const currentText = current === undefined || current === tf.value ? '' : `${chalk.dim(' · current:')} ${chalk.bold(String(current))} ${chalk.dim('(recency-weighted; see Current figures)')}`;
    out.push(`${chalk.bold('Truck factor:')} ${tfColor.bold(String(tf.value))}  ${chalk.dim(summary)}${currentText}`);
    if (tf.developers.length > 0) {
      // Marked where they are named: tokio's #1 had made no commit for 275 days, which only the
      // current figures further down said (a team lead's test).
      const listed = rowsWithin(tf.developers, TRUCK_FACTOR_ROWS);
      out.push(
        indent(
          renderTable(
            ['#', 'developer', 'files authored', 'share'],
            listed.map((m, i) => [i + 1, `${name(m.id)}${inactive.has(m.id) ? chalk.dim(INACTIVE_MARK) : ''}`, m.files, percent(m.share)]),
            ['right', 'left', 'right', 'right'],
          ),
        ),
      );
      // ohmyzsh's 140 names took the first screen and more, before the modules (a CI maintainer's test).
      const next = tf.developers[listed.length];
      if (next) out.push(chalk.dim(`  … ${tf.developers.length - listed.length} more, each authoring at most ${plural(next.files, 'file')} (--format json lists them all)`));
      const after = nextAuthors(tf, analysis.developers, analysis.files.length);
      if (after.length > 0) {
        const people = after.map((m) => `${name(m.id)}${inactive.has(m.id) ? INACTIVE_MARK : ''} ${m.files} (${percent(m.share)})`);
        // In a terminal, as many as fit on the line (at least one, cut if it must be).
        const line = asManyAsFit((n) => `  next by files authored: ${people.slice(0, n).join(', ')}`, people.length, ctx);
        out.push(chalk.dim(ctx.fit && displayWidth(line) > ctx.width ? cutToWidth(line, ctx.width) : line));
      }
    }
  }

  if (analysis.modules.length > 0) {
    out.push('');
    const ranked = rankModulesByRisk(analysis.modules);
    out.push(`${chalk.bold('Riskiest modules')} ${chalk.dim(`(${modulesOrder(analysis, ranked)})`)}`);
    const listed = rowsWithin(ranked, MODULE_ROWS);
    // Shorter forms of an owners cell, for a narrow terminal: one owner and the count of the others
    // ("Viktor Szakats 39% +6"); cut further, the name gives way and the share and count stay (they
    // were cut off: "Viktor Szakats 39%…", a review at 80 columns).
    const shorter = new Map<string, string>();
    const rows = listed.map((module) => {
      const value = module.truckFactor.value;
      const colored = value <= 1 ? chalk.red(String(value)) : value === 2 ? chalk.yellow(String(value)) : chalk.green(String(value));
      // Inactive owners marked as the truck-factor list marks them: hugo's "tpl: bep 95%, Cameron
      // Moore 10%" read as if Cameron, silent for 1,656 days, were its second person (a maintainer's test).
      const owners = module.owners.map((o) => `${name(o.id)}${inactive.has(o.id) ? INACTIVE_MARK : ''} ${percent(o.share)}`);
      const cell = topOwners(owners);
      if (owners.length > 1) shorter.set(cell, `${owners[0]} +${owners.length - 1}`);
      // In a terminal the fit cuts the path as much as it must; piped (a CI log), it is whole.
      return [sanitize(module.path), module.files, colored, cell || chalk.dim('nobody'), module.singleOwnerFiles.length];
    });
    const shortenOwners = (cell: string, width: number, column: number): string => {
      if (column === 0) return shortenModulePath(cell, width);
      const one = shorter.get(cell) ?? cell;
      if (displayWidth(one) <= width) return one;
      // The name gives way before its "(inactive)" does, which goes before the share and count.
      for (const tail of [INACTIVE_TAIL, SHARE_TAIL]) {
        const kept = tail.exec(one)?.[0] ?? '';
        const room = width - displayWidth(kept);
        if (kept && room >= 4) return `${cutToWidth(one.slice(0, -kept.length), room)}${kept}`;
      }
      return one;
    };
    // Fitted to a terminal too narrow for the table, the number column's long title takes two lines:
    // its room goes to the owners. Only then (requests: two lines in 200 columns for an 83-wide table).
    const head = ['module', 'files', 'TF', 'top owners', 'single-owner files'];
    if (ctx.fit && naturalWidth(head, rows.map((row) => row.map(String))) > ctx.width - 2) head[4] = 'single-owner\nfiles';
    out.push(indent(renderTable(head, rows, ['left', 'right', 'right', 'left', 'right'], ctx.fit ? { width: ctx.width - 2, columns: [0, 3], min: { 0: 24, 3: 12 }, shorten: shortenOwners } : undefined)));
    if (ranked.length > listed.length) out.push(chalk.dim(`  … ${plural(ranked.length - listed.length, 'more module')} (use --format json for all)`));
  }

  for (const section of sections) {
    if (section) out.push('', section);
  }

  if (analysis.warnings.length > 0) {
    out.push('');
    for (const warning of analysis.warnings) out.push(chalk.yellow(`warning: ${warning}`));
  }
  // In a terminal, prose wider than it wraps at words (tables fit it already).
  const text = out.join('\n');
  return `${ctx.fit ? wrapProse(text, ctx.width) : text}\n`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/**
 * The line after the table: what to run next, on the repository as it was given (`scan prometheus`
 * from its parent folder said `talentrisk explain <file>`, which failed there: a first-time user
 * test), and `init` before `check` when there is no config. Not part of the stored report, which
 * serves every folder it is asked from.
 */
export function renderNextSteps(target: string | undefined, hasConfig: boolean, ctx: RenderContext): string {
  const quoted = target === undefined ? undefined : shellWord(target);
  const inDir = quoted ? ` -C ${quoted}` : '';
  const at = quoted ? ` ${quoted}` : '';
  const steps = [`talentrisk explain${inDir} <file>`, hasConfig ? `talentrisk check${at} (CI gate)` : `talentrisk init${at} (then check, the CI gate)`, `talentrisk handoff${inDir} <who>`];
  const line = ctx.chalk.dim(`Next: ${steps.join(' · ')}`);
  return `\n${ctx.fit ? wrapProse(line, ctx.width) : line}\n`;
}
