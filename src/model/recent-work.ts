// A person's recent commits as the handoff lists them (talentrisk extension): grouped by subject,
// the other work before the dependency updates. spring-boot makes each dependency upgrade on each
// maintained branch, and 262 of Stéphane Nicoll's 390 commits of 90 days were "Upgrade to …": the
// 30 commits the document listed were almost all version bumps (an engineering manager's test).

export interface RecentCommit {
  sha: string;
  time: number;
  subject: string;
  /** Files of the commit in their areas (modules where they author a file). */
  files: string[];
}

/**
 * Their recent commits with one subject: the same change made on several release branches is one
 * item (spring-boot makes each upgrade on each maintained branch: "Upgrade to Spring Pulsar 2.0.7"
 * three times). `dependencyUpdate`: the subject reads as a dependency update (isDependencyUpdate);
 * `release`: as a version bump of the project itself (isRelease), which is no dependency update.
 */
export interface RecentGroup {
  subject: string;
  /** Commit ids, newest first. */
  shas: string[];
  /** The newest and the oldest commit's time (unix seconds). */
  time: number;
  firstTime: number;
  /** Files of the commits in their areas. */
  files: string[];
  dependencyUpdate: boolean;
  release: boolean;
}

// A dependency update, as people and bots word it: "Upgrade to Jackson 2.18.1" and "Start building
// against Spring Kafka 4.1.1 snapshots" (the Spring projects), "Bump foo from 1.2 to 1.3"
// (Dependabot), "Update dependency foo to v2" (Renovate), after an optional conventional-commit
// type ("chore(deps): …") or a bracketed tag ("[deps] …"); any subject of type or scope deps ("deps:
// Upgrade github.com/x v1.2.0 => v1.3.0", hugo). "Update end copyright year" is not one.
const DEPENDENCY_UPDATE =
  /^(?:[a-z]+\((?:deps|deps-dev|dependencies)\)!?:|(?:deps|dependencies)(?:\([^)]*\))?!?:|start\s+building\s+against\s|(?:[a-z]+(?:\([^)]*\))?!?:\s*|\[[^\]]*\]\s*)?(?:(?:up|down)grade\s+(?:\S+\s+)?to\s|bump\s|update\s+(?:(?:[\w-]+\s+){0,3}dependenc(?:y|ies)\b|\S+\s+(?:from\s+\S+\s+)?to\s+v?\d)))/i;

// A version bump of the project itself, as release scripts and people word it: "Update version to
// v13.26.1" (laravel's release workflow, 211 commits, which read as dependency updates: first-time
// users), "Bump version to 1.2.3", "Set version to 2.0", "Release v1.2.3", "Version 1.2.3",
// "chore(release): 1.2.3", "Prepare release 1.2", or the version alone ("v1.2.3", "1.2.3").
const VERSION = String.raw`v?\d+(?:\.\d+)+(?:[-+][\w.-]+)?`;
const RELEASE = new RegExp(
  String.raw`^(?:[a-z]+\(release\)!?:|(?:[a-z]+(?:\([^)]*\))?!?:\s*|\[[^\]]*\]\s*)?(?:(?:updated?|bump(?:ed)?|set|changed?|increment(?:ed)?)\s+(?:the\s+)?(?:project\s+)?version\s+(?:number\s+)?to\s+v?\d|(?:(?:prepare|preparing|prep)\s+(?:for\s+)?)?(?:release|releasing|version)\s+${VERSION}\b|${VERSION}$))`,
  'i',
);

/** Whether a commit subject reads as a version bump of the project itself: a release, not a dependency update. */
export function isRelease(subject: string): boolean {
  return RELEASE.test(subject.trim());
}

/** Whether a commit subject reads as a dependency update (a version bump of something else), not as other work. */
export function isDependencyUpdate(subject: string): boolean {
  return !isRelease(subject) && DEPENDENCY_UPDATE.test(subject.trim());
}

/**
 * The recent commits (newest first) grouped by subject, the same change on several branches being
 * one item: the other work first, then the releases, then the dependency updates, each newest first.
 */
export function recentGroups(commits: readonly RecentCommit[]): RecentGroup[] {
  const bySubject = new Map<string, RecentGroup>();
  for (const commit of commits) {
    const key = commit.subject.trim();
    const group = bySubject.get(key);
    if (!group) {
      bySubject.set(key, { subject: commit.subject, shas: [commit.sha], time: commit.time, firstTime: commit.time, files: [...commit.files], dependencyUpdate: isDependencyUpdate(commit.subject), release: isRelease(commit.subject) });
      continue;
    }
    // The commits come newest first.
    group.shas.push(commit.sha);
    group.firstTime = Math.min(group.firstTime, commit.time);
    group.time = Math.max(group.time, commit.time);
    for (const file of commit.files) if (!group.files.includes(file)) group.files.push(file);
  }
  const groups = [...bySubject.values()];
  for (const group of groups) group.files.sort();
  const rank = (group: RecentGroup) => (group.dependencyUpdate ? 2 : group.release ? 1 : 0);
  return groups.sort((a, b) => rank(a) - rank(b) || b.time - a.time || (a.shas[0] as string).localeCompare(b.shas[0] as string));
}
