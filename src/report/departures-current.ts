import { staleRevision } from '../model/analysis-date.ts';
import { PROJECTION_HORIZONS, type CurrentFigures, type ModuleProjection, type ProjectionResult } from '../model/decay.ts';
import { list, MODULE_ROWS, plural, sanitize, secondaryModulesLastNote } from './format.ts';
import { secondaryLast } from '../model/modules.ts';
import { rowsWithin } from '../model/rows.ts';
import { renderTable, shortenModulePath } from './table-util.ts';
import type { RenderContext } from './types.ts';

// The "Current figures" section of `scan`'s table (talentrisk extension, METRICS.md §7): the
// recency-weighted truck factor beside the classic one, inactive developers, and the projected
// experts per module.


/**
 * Fewest experts at the last horizon first; between equal counts there, fewest at the horizon
 * before, then before that, … then now; then the larger module, then the larger drop. By the drop
 * first, a module with no expert now and later (git/git's builtin, mergetools) sorted among the
 * safest and was cut from the table (an explainability test). By the last column alone, a fresh
 * commit that added +90d (0 for every module: nobody committed in the last 90 of 180 days) listed
 * laravel's largest modules first, and src/Illuminate/Hashing, with no expert now, fell into "… 33
 * more" (a first-time user). Tests, fixtures, examples, docs and tiny modules after the others, as
 * in the riskiest modules: on astro 11 of the 12 rows were test fixture packages
 * (packages/astro/test/fixtures/…) of a few files with no expert left.
 */
export function rankProjection(modules: readonly ModuleProjection[]): ModuleProjection[] {
  const drop = (m: ModuleProjection) => (m.points[0]?.experts.length ?? 0) - (m.points[m.points.length - 1]?.experts.length ?? 0);
  // From the last horizon back to now.
  const fewest = (a: ModuleProjection, b: ModuleProjection) => {
    for (let i = Math.max(a.points.length, b.points.length) - 1; i >= 0; i--) {
      const difference = (a.points[i]?.experts.length ?? 0) - (b.points[i]?.experts.length ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  };
  return [...modules].sort((a, b) => secondaryLast(a, b) || fewest(a, b) || b.files - a.files || drop(b) - drop(a) || (a.path < b.path ? -1 : 1));
}

/**
 * The section's text (no trailing newline); `dates` (ISO) lets it say when the revision is old
 * (and `until`, the --until day, what "now" is);
 * `leaving` (developer id → 'left' when the last day has passed, else 'leaving') marks the declared
 * departures among today's truck-factor people; `undated`, the names of the departures without a
 * day, which the projection counts from its first horizon after now.
 */
export function renderCurrentSection(
  figures: CurrentFigures,
  projection: ProjectionResult,
  ctx: RenderContext,
  dates?: { revision: string; reference: string; until?: string | undefined },
  leaving: ReadonlyMap<string, 'left' | 'leaving'> = new Map(),
  undated: readonly string[] = [],
): string {
  const { chalk } = ctx;
  const name = (id: string) => sanitize(figures.names[id] ?? id);
  const out: string[] = [];
  out.push(
    `${chalk.bold('Current figures')} ${chalk.dim(`(talentrisk extension, METRICS §7: knowledge halves every ${figures.halfLifeDays} days; inactive = no commit in ${figures.inactiveAfterDays} days)`)}`,
  );
  // An old clone (or mirror) is measured from today: nobody looks active, every projection is 0.
  const stale = dates ? staleRevision(dates.revision, dates.reference) : undefined;
  if (dates && stale) {
    out.push(chalk.yellow(`  Measured from ${dates.reference.slice(0, 10)}, ${stale.days} days after the revision's last commit (${stale.day}): \`--until ${stale.day}\` measures from that day.`));
  }
  const inactive = new Set(figures.inactive.map((d) => d.id));
  const classic = figures.classic.value;
  const current = figures.current.value;
  const currentText = current < classic ? chalk.yellow.bold(String(current)) : chalk.bold(String(current));
  out.push(
    `  Truck factor: ${classic} classic · ${currentText} current` +
      chalk.dim(figures.hasDecay ? (figures.treatInactiveAsDeparted ? ' (inactive developers counted as gone)' : '') : ' (no decayed figures under --model classic)') +
      // 0 beside experts reads as a contradiction: say what it means.
      (current === 0 && classic > 0 ? chalk.dim('  0: fewer than half the files have a current author even now') : '') +
      // Today's figures count everyone; a reader planning around departures needs to see who is going.
      // And who has stopped: an inactive author can be in the current truck factor (their decayed
      // knowledge still outweighs others'), which read as a contradiction with the Inactive line below.
      (figures.current.developers.length ? chalk.dim(`  current: ${list(figures.current.developers.map((m) => `${name(m.id)}${leaving.has(m.id) ? ` (${leaving.get(m.id)})` : inactive.has(m.id) ? ' (inactive)' : ''}`), 4)}`) : ''),
  );
  if (figures.inactive.length > 0) {
    // The inactive people who matter are those who still author files: most files first.
    const authors = figures.inactive.filter((d) => d.filesAuthored > 0).sort((a, b) => b.filesAuthored - a.filesAuthored || a.daysSinceLastCommit - b.daysSinceLastCommit);
    const who = authors.map((d) => `${sanitize(d.name)} (${plural(d.filesAuthored, 'file')}, last commit ${d.daysSinceLastCommit}d ago)`);
    const others = figures.inactive.length - authors.length;
    const rest = (count: number) => `${plural(count, 'more inactive developer')} who ${count === 1 ? 'authors' : 'author'} no file`;
    out.push(
      authors.length
        ? `  Inactive: ${list(who, 4)}${others > 0 ? chalk.dim(` · ${rest(others)}`) : ''}`
        : `  Inactive: ${plural(others, 'developer')}, none of them an author of an analysed file`,
    );
  }

  const horizons = projection.horizons;
  const modules = rankProjection(projection.modules);
  const byPath = new Map(figures.modules.map((m) => [m.path, m]));
  if (modules.length > 0) {
    const secondLast = secondaryModulesLastNote(modules);
    out.push(
      `  ${chalk.bold('Experts per module')} ${chalk.dim(`(authors ${dates?.until ? `on ${dates.until} (--until)` : 'now'} and projected: departures${undatedFrom(undated, horizons)}, inactivity and decay, assuming no new commits; fewest experts at the end first, then in the columns before${secondLast})`)}`,
    );
    const listed = rowsWithin(modules, MODULE_ROWS);
    const rows = listed.map((m) => {
      const tf = byPath.get(m.path);
      const counts = m.points.map((p, i) => {
        const count = p.experts.length;
        const previous = m.points[i - 1]?.experts.length ?? count;
        return count === 0 ? chalk.red('0') : count < previous ? chalk.yellow(String(count)) : String(count);
      });
      return [sanitize(m.path), tf?.classic.value ?? '', tf?.current.value ?? '', ...counts];
    });
    const head = ['module', 'TF classic', 'TF current', ...horizons.map((d) => (d === 0 ? (dates?.until ? '+0d' : 'now') : `+${d}d`))];
    // In a terminal the module column gets the room the table has (it was cut to 20 characters in a
    // 59-column table at 80 columns, and two of vite's modules read alike); piped, paths are whole.
    const fit = ctx.fit ? { width: ctx.width - 4, columns: [0], min: 16, shorten: (cell: string, width: number) => shortenModulePath(cell, width) } : undefined;
    const table = renderTable(head, rows, ['left', 'right', 'right', ...horizons.map(() => 'right' as const)], fit);
    out.push(
      table
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\n'),
    );
    if (modules.length > listed.length) out.push(chalk.dim(`    … ${plural(modules.length - listed.length, 'more module')} (--format json lists them all)`));
    // Experts appearing with no new commit read as a bug (curl: docs 4 → 5 at +30d): say why.
    const grows = listed.some((m) => m.points.some((p, i) => i > 0 && p.experts.length > (m.points[i - 1]?.experts.length ?? 0)));
    if (grows) out.push(chalk.dim("    A count can grow: as a top author's older work fades, another author's DOA comes within 75% of theirs."));
    const unshown = PROJECTION_HORIZONS.filter((days) => !horizons.includes(days));
    if (unshown.length > 0) {
      out.push(chalk.dim(`    No ${unshown.map((d) => `+${d}d`).join(', ')}: with no new commits, everyone is inactive after model.inactiveAfter (${figures.inactiveAfterDays} days).`));
    }
  }
  return out.join('\n');
}

/**
 * " (undated: Mike Bayer, from +30d)": the "now" column still counts them, while the departures
 * timeline above counts them from now (SQLAlchemy: "now 2, +30d 1" read as the figure after Mike
 * Bayer leaves; a first-time user). '' when every departure has a day.
 */
function undatedFrom(undated: readonly string[], horizons: readonly number[]): string {
  const first = horizons.find((days) => days > 0);
  if (undated.length === 0 || first === undefined) return '';
  return ` (undated: ${list(undated.map(sanitize), 3)}, from +${first}d)`;
}
