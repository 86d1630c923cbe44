/** One path change of a commit, as `git log --name-status` reports it. */
export interface FileChange {
  /** First letter of git's status: A added, M modified, D deleted, R renamed, C copied, T type change. */
  status: string;
  path: string;
  /** The source path of a rename or copy. */
  oldPath?: string;
}

export interface Signature {
  name: string;
  email: string;
}

/** One non-merge commit of the analysed history. */
export interface CommitRecord {
  sha: string;
  author: Signature;
  /** Author time, seconds since the epoch. */
  time: number;
  /** `Co-authored-by:` trailers, as written (not yet passed through .mailmap). */
  coAuthors: Signature[];
  changes: FileChange[];
  /**
   * The folder a `git subtree --squash` commit's paths belong under (its `git-subtree-dir:`
   * trailer): its tree is that folder's content, so its `Makefile` is `<dir>/Makefile`.
   */
  subtree?: string | undefined;
}

export interface RepoInfo {
  /** Top level of the work tree, or the git directory of a bare repository. */
  root: string;
  gitDir: string;
  isBare: boolean;
  isShallow: boolean;
  /** Set when the repository is a partial clone (promisor remote): some blobs may be missing. */
  isPartial: boolean;
}

export interface ResolvedRevision {
  /** What the user asked for (`HEAD`, a branch, a tag, or the `--until` description). */
  requested: string;
  sha: string;
  /** Committer date of the revision, ISO 8601. */
  date: string;
}
