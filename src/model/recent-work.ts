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

// A dependency manifest's update with a version: the manifest as a conventional-commit scope or a
// leading "go.mod:" (helm: "ref(go.mod): kubernetes 1.16.2" read as ordinary work; a tester), or
// named beside a bump verb ("Update go.sum for k8s.io/client-go v0.17.0"). Conservative: with no
// version it is other work ("fix(go.mod): run go mod tidy"), and so is a subject about a version or
// a release (the project's own version lives in package.json and Cargo.toml).
const MANIFEST = String.raw`(?:go\.mod|go\.sum|package\.json|cargo\.toml)`;
const MANIFEST_SCOPE = new RegExp(String.raw`^(?:[a-z]+\((?:[^)]*[\s,/])?${MANIFEST}(?:[\s,/][^)]*)?\)!?:|${MANIFEST}:)`, 'i');
const MANIFEST_NAMED = new RegExp(String.raw`(?:^|[\s(\x60'"])${MANIFEST}(?=$|[\s):,.\x60'"])`, 'i');
const BUMP_VERB = /\b(?:bump(?:s|ed)?|upgrade[sd]?|update[sd]?|downgrade[sd]?)\b/i;
const HAS_VERSION = /\bv?\d+\.\d+/;
const ABOUT_OWN_VERSION = /\b(?:version|release)\b/i;

function isManifestUpdate(subject: string): boolean {
  if (!HAS_VERSION.test(subject) || ABOUT_OWN_VERSION.test(subject)) return false;
  return MANIFEST_SCOPE.test(subject) || (MANIFEST_NAMED.test(subject) && BUMP_VERB.test(subject));
}

/** Whether a commit subject reads as a dependency update (a version bump of something else), not as other work. */
export function isDependencyUpdate(subject: string): boolean {
  const trimmed = subject.trim();
  return !isRelease(trimmed) && (DEPENDENCY_UPDATE.test(trimmed) || isManifestUpdate(trimmed));
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
