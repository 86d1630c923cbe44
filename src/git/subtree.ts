import { parseTrailers } from './log-format.ts';
import type { Repository } from './repo.ts';

// `git subtree --squash` commits: a trailer `git-subtree-dir: <folder>` says their tree is that
// folder's content. Anyone can write the trailer, though: on an ordinary commit it would move the
// commit's changes into another folder (a root `login.c` added as `src/auth/login.c`, which erased
// that file's history: a review). So it counts only on commits shaped as git subtree makes them:
// a root commit (the squashed content), or one whose first parents up to a root all carry the same
// trailer (each later squash of changes sits on the one before). Such commits are rare: each is
// checked with one short git call.

/** What the check needs of a commit: its id and its trailer's folder (the walk's records, handoff's log). */
export interface SubtreeCommit {
  sha: string;
  subtree?: string | undefined;
}

/** A chain of squashes longer than this is not followed (and not trusted). */
const MAX_CHAIN = 1000;

export class SubtreeSquashes {
  private readonly checked = new Map<string, string | undefined>();
  private readonly repo: Repository;

  constructor(repo: Repository) {
    this.repo = repo;
  }

  /** Checks the subtree commits of `records` not seen before: a promise when that needs git (fold them once it settles), else undefined. */
  learn(records: readonly SubtreeCommit[]): Promise<void> | undefined {
    const pending = records.filter((record) => record.subtree !== undefined && !this.checked.has(record.sha));
    if (pending.length === 0) return undefined;
    return Promise.all(pending.map((record) => this.check(record.sha, record.subtree as string))).then(() => undefined);
  }

  /** The folder a commit's changes belong under, once learnt: only for a commit shaped as a squash. */
  folderOf(record: SubtreeCommit): string | undefined {
    return record.subtree === undefined ? undefined : this.checked.get(record.sha);
  }

  private async check(sha: string, folder: string): Promise<void> {
    this.checked.set(sha, undefined);
    let text: string;
    try {
      text = await this.repo.side.raw(['log', '--first-parent', `--max-count=${MAX_CHAIN}`, '--format=%H%x1f%P%x1f%(trailers:key=git-subtree-dir,separator=%x1d)%x1e', sha, '--']);
    } catch {
      return; // not read: not trusted
    }
    const chain: string[] = [];
    for (const entry of text.split('\x1e')) {
      const [id = '', parents = '', dirs = ''] = entry.replace(/^\s+/, '').split('\x1f');
      if (id === '') break;
      // Read as the walk reads the commit's own trailer (parseTrailers: the first that names a folder).
      if (parseTrailers(dirs).subtree !== folder) return;
      chain.push(id);
      if (parents.trim() === '') {
        for (const member of chain) this.checked.set(member, folder);
        return;
      }
    }
  }
}
