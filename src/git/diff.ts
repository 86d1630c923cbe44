import { UsageError } from '../errors.ts';
import { commitOf, isRange, type Repository } from './repo.ts';
import { toGitError } from './client.ts';

export interface ChangedFiles {
  /** The base as the user gave it. */
  base: string;
  /** Where the compared revision forked from the base (`git merge-base`). */
  mergeBase: string;
  /** Paths changed from the merge base to the revision: both sides of a rename, deleted files too. */
  files: string[];
  /** Of `files`, those the change adds (not at the merge base; a rename's new end too). */
  added: string[];
}

/**
 * How to get `base`: the fetch of its own branch when it names one of a configured remote
 * (origin/master; not a local branch such as feature/login), else an example.
 */
function fetchHint(repo: Repository, base: string, usual: string | undefined): string {
  const remotes = new Set(repo.config.flatMap(([key]) => /^remote\.(.+)\.url$/.exec(key)?.[1] ?? []));
  const slash = base.indexOf('/');
  const remote = slash > 0 && remotes.has(base.slice(0, slash)) ? { name: base.slice(0, slash), branch: base.slice(slash + 1) } : undefined;
  // `origin/` alone is an empty $GITHUB_BASE_REF (or GitLab's variable): not a pull request event.
  if (remote?.branch === '') return `"${base}" names no branch: is the variable after the remote empty? ($GITHUB_BASE_REF is set on pull_request events only, $CI_MERGE_REQUEST_TARGET_BRANCH_NAME in merge request pipelines only)`;
  // The example names origin's default branch when it is known (tokio's is master: a tester).
  const example = usual?.startsWith('origin/') ? `git fetch origin ${usual.slice('origin/'.length)}` : 'git fetch origin main';
  const fetch = remote ? `git fetch ${remote.name} ${remote.branch}` : example;
  return `fetch it first (${remote ? '' : 'e.g. '}\`${fetch}\`); in CI fetch the whole history: \`fetch-depth: 0\` for actions/checkout, \`GIT_DEPTH: 0\` for GitLab CI`;
}

/**
 * Files changed between `base` and `head` the way a pull request sees them: from their merge base
 * (`base...head`), and which of them it adds. Tree-only (no rename detection), so it needs no blob
 * of a partial clone.
 */
export async function changedFilesSince(repo: Repository, base: string, head: string): Promise<ChangedFiles> {
  const { git } = repo;
  // A range (`HEAD~1..HEAD`) resolved to nothing and was explained as "no common history" (a CI test).
  if (isRange(base)) {
    throw new UsageError(`--changed takes one base revision, not a range: ${base}`, { hint: 'pass the branch the change will merge into, e.g. `--changed origin/main`; the change is what the revision has since their merge base' });
  }
  const baseSha = await commitOf(repo, base);
  if (!baseSha) {
    // okhttp's default branch is master: "fetch origin main" sent a CI maintainer after a branch
    // that does not exist (a tester).
    // Not the branch under test: a clone of the pull request's branch (`git clone -b pr1`, some CI
    // checkouts) records it as origin's default, and `--changed` it checks nothing (prometheus, a tester).
    const recorded = await defaultBranch(repo);
    const usual = recorded !== undefined && (await commitOf(repo, recorded)) !== (await commitOf(repo, head)) ? recorded : undefined;
    const instead = usual !== undefined && usual !== base ? `the remote's default branch is ${usual} (\`--changed ${usual}\`); or ` : '';
    throw new UsageError(`unknown base revision for --changed: ${base}`, { hint: `${instead}${fetchHint(repo, base, usual)}` });
  }
  const mergeBase = (await git.raw(['merge-base', baseSha, head]).catch(() => '')).trim();
  if (!mergeBase) {
    throw new UsageError(`${base} and ${head} have no common history`, {
      // Both are here (the base resolved): what is missing is the history between them, which
      // fetching the base again does not bring (a CI user ran that hint in a loop).
      hint: repo.info.isShallow
        ? 'this is a shallow clone: their common history was not fetched; fetch it (`git fetch --unshallow`, or `fetch-depth: 0` on actions/checkout, `GIT_DEPTH: 0` in GitLab CI)'
        : `pass the branch the change will merge into, e.g. \`--changed ${(await defaultBranch(repo)) ?? 'origin/main'}\``,
    });
  }
  try {
    // `-z --name-status`: "A\0path\0M\0path\0…", a status then its path (no renames: one path each).
    const fields = (await git.raw(['diff', '--name-status', '--no-renames', '-z', mergeBase, head, '--'])).split('\0');
    const files = new Set<string>();
    const added = new Set<string>();
    for (let k = 0; k + 1 < fields.length; k += 2) {
      const [status, file] = [fields[k] as string, fields[k + 1] as string];
      if (file === '') continue;
      files.add(file);
      if (status === 'A') added.add(file);
    }
    return { base, mergeBase, files: [...files].sort(), added: [...added].sort() };
  } catch (error) {
    throw toGitError(error, `comparing ${base} with ${head}`);
  }
}

/**
 * origin's default branch as a clone records it (`refs/remotes/origin/HEAD` → origin/master), else
 * the one of origin/main and origin/master that exists (a remote set up by hand has no origin/HEAD:
 * "fetch origin main" was offered beside an origin/master, a re-test).
 */
async function defaultBranch(repo: Repository): Promise<string | undefined> {
  const ref = (await repo.git.raw(['symbolic-ref', '-q', 'refs/remotes/origin/HEAD']).catch(() => '')).trim();
  if (ref.startsWith('refs/remotes/')) return ref.slice('refs/remotes/'.length);
  const known = (await repo.git.raw(['for-each-ref', '--format=%(refname)', 'refs/remotes/origin/main', 'refs/remotes/origin/master']).catch(() => '')).split('\n').filter(Boolean);
  return known.length === 1 ? (known[0] as string).slice('refs/remotes/'.length) : undefined;
}
