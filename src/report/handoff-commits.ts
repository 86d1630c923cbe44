import type { HandoffReport } from '../model/handoff.ts';
import { CO_CHANGE_LISTED, CO_CHANGE_PARTNERS_LISTED, MAX_CHANGESET } from '../model/handoff-co-change.ts';
import type { RecentGroup } from '../model/recent-work.ts';
import { rowsWithin } from '../model/rows.ts';
import { day, percent, plural } from './format.ts';
import { mdCode, mdText } from './handoff-escape.ts';
import { recentSpan } from './handoff-words.ts';

// The handoff document's two sections from the git log the command reads: Changed together (the
// repository's newest commits) and their commits of the recent days in their areas.

const MAX_RECENT = 30;
const MAX_COMMIT_FILES = 5;
/** Other commit ids named beside a subject made several times. */
const MAX_GROUP_IDS = 3;

/** The Changed together section's lines: what was read, then each of their files with its partners. */
export function coChangeSection(report: HandoffReport, name: (id: string) => string): string[] {
  if (report.coChangeWindow === 0) return [report.coChangeIgnored > 0 ? `Not computed (every commit of the window, ${report.coChangeIgnored}, is listed in config ignoreRevs or is a git subtree squash).` : 'Not computed (no commit history was read).'];
  const ignored = report.coChangeIgnored > 0 ? `${plural(report.coChangeIgnored, 'commit')} of config ignoreRevs or git subtree squashes, ` : '';
  const intro = `In the last ${plural(report.coChangeWindow + report.coChangeIgnored, 'commit')} (${ignored}commits of bots the figures leave out, and of more than ${MAX_CHANGESET} files, ignored), files changed in at least half of the commits of one of theirs:`;
  if (report.coChange.length === 0) return [intro, '', 'none: their files change on their own.'];
  const lines = [intro, ''];
  const listed = rowsWithin(report.coChange, CO_CHANGE_LISTED);
  for (const entry of listed) {
    const partners = entry.partners.slice(0, CO_CHANGE_PARTNERS_LISTED).map((p) => {
      const whose = p.theirs ? 'theirs too' : p.owner ? `owner ${name(p.owner)}` : 'no author';
      return `${mdCode(p.path)} ${p.together}× (${percent(p.share)}, ${whose})`;
    });
    lines.push(`- ${mdCode(entry.path)} (${plural(entry.commits, 'commit')}): ${partners.join(', ')}`);
  }
  if (report.coChange.length > listed.length) lines.push('', `… and ${plural(report.coChange.length - listed.length, 'more file')} (\`--format json\`).`);
  return lines;
}

/** The lines of the section on their recent commits in their areas: the other work first, then releases and dependency updates. */
export function recentSection(report: HandoffReport, who: string): string[] {
  const lines: string[] = [];
  if (report.recentCommits.length === 0) return [`None: ${who} made no commit in these areas in the ${recentSpan(report)}.`];
  const groups = report.recentGroups;
  const work = groups.filter((group) => !group.dependencyUpdate && !group.release);
  const releases = groups.filter((group) => group.release);
  const updates = groups.filter((group) => group.dependencyUpdate);
  const repeated = groups.some((group) => group.shas.length > 1);
  // spring-boot: 262 of 390 commits were "Upgrade to …", each made on up to three branches, and the
  // 30 lines listed were almost all version bumps (an EM test). Said when it applies.
  const after = [...(releases.length > 0 ? ['releases'] : []), ...(updates.length > 0 ? ['dependency updates'] : [])];
  const how = [
    ...(repeated ? ['commits with the same subject (the same change on several branches) are one line'] : []),
    ...(after.length > 0 && work.length > 0 ? [`${after.join(' and ')} come after the other work`] : []),
  ];
  if (how.length > 0) lines.push(`${capitalise(how.join('; '))}.`, '');
  const shownWork = work.slice(0, MAX_RECENT);
  lines.push(...shownWork.map(recentLine));
  // Version bumps of the project, one line: laravel's release workflow's "Update version to v13.26.1"
  // read as dependency updates (first-time users).
  if (releases.length > 0) {
    const commits = releases.reduce((sum, group) => sum + group.shas.length, 0);
    const newest = releases.slice(0, MAX_GROUP_IDS).map((group) => `${mdText(group.subject, 60)} (${day(group.time)})`);
    if (shownWork.length > 0) lines.push('');
    const which = releases.length === 1 ? `: ${newest[0]}` : `, the newest: ${newest.join('; ')}${releases.length > newest.length ? '; … (`--format json` lists them all)' : ''}`;
    lines.push(`Releases: ${plural(commits, 'commit')}${which}.`);
  }
  const room = MAX_RECENT - shownWork.length;
  const shownUpdates = updates.slice(0, room);
  if (updates.length > 0) {
    const commits = updates.reduce((sum, group) => sum + group.shas.length, 0);
    const intro = `Dependency updates: ${plural(commits, 'commit')}${commits !== updates.length ? ` (${plural(updates.length, 'subject')})` : ''}`;
    if (shownWork.length > 0) lines.push('');
    // Not listed: the newest few subjects still say what was moving (an upgrade may be half done).
    const newest = updates.slice(0, MAX_GROUP_IDS).map((group) => mdText(group.subject, 60));
    lines.push(shownUpdates.length > 0 ? `${intro}:` : `${intro}, the newest: ${newest.join('; ')}${updates.length > newest.length ? '; …' : ''} (\`--format json\` lists them all).`);
    if (shownUpdates.length > 0) lines.push('', ...shownUpdates.map(recentLine));
  }
  const notes: string[] = [];
  const unlisted = [...work.slice(shownWork.length), ...(shownUpdates.length > 0 ? updates.slice(shownUpdates.length) : [])];
  const more = unlisted.reduce((sum, group) => sum + group.shas.length, 0);
  // Commits, said so: the lines above are subjects (a re-test read "30 more" as 30 more lines).
  if (more > 0) notes.push(`${plural(more, 'more commit')}${more !== unlisted.length ? ` (${plural(unlisted.length, 'subject')})` : ''} in these areas`);
  if (report.recentOutside > 0) notes.push(`${plural(report.recentOutside, 'commit')} outside them`);
  if (report.recentTruncated) notes.push('the list may be incomplete: only the newest commits were read');
  if (notes.length) lines.push('', `(${notes.join('; ')}.)`);
  return lines;
}

/** One subject: its newest commit, the files, and the other commits made with it. */
function recentLine(group: RecentGroup): string {
  const files = group.files.slice(0, MAX_COMMIT_FILES).map((f) => mdCode(f));
  const more = group.files.length > MAX_COMMIT_FILES ? ` +${group.files.length - MAX_COMMIT_FILES}` : '';
  const others = group.shas.slice(1);
  const ids = others.slice(0, MAX_GROUP_IDS).map((sha) => mdCode(sha.slice(0, 10)));
  const also = others.length > 0 ? ` · ${group.shas.length} commits: also ${ids.join(', ')}${others.length > MAX_GROUP_IDS ? ` and ${others.length - MAX_GROUP_IDS} more` : ''}` : '';
  const since = others.length > 0 && day(group.firstTime) !== day(group.time) ? ` (first ${day(group.firstTime)})` : '';
  return `- ${mdCode((group.shas[0] ?? '').slice(0, 10))} ${day(group.time)}: ${mdText(group.subject, 120)} (${files.join(', ')}${more})${also}${since}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
