/** Documented exit codes (README "Exit codes"). */
export const ExitCode = { Ok: 0, CheckFailed: 1, UserError: 2, InternalError: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A problem the user can fix: printed as one line plus a hint, never with a stack unless --debug. */
export class TalentriskError extends Error {
  readonly exitCode: ExitCode = ExitCode.UserError;
  readonly hint: string | undefined;
  constructor(message: string, options?: ErrorOptions & { hint?: string }) {
    super(message, options);
    this.name = new.target.name;
    this.hint = options?.hint;
  }

  /** The message and its hint in one text, `message (hint)`, for a place that shows one line of each error. */
  get withHint(): string {
    return this.hint ? `${this.message} (${this.hint})` : this.message;
  }
}

/** `.talentrisk.yml` is unreadable or invalid. The message may hold several `file:line:col` lines. */
export class ConfigError extends TalentriskError {}
export class NotARepositoryError extends TalentriskError {}
export class UsageError extends TalentriskError {}
/** git itself failed in a way the user can act on (unknown revision, git missing, …). */
export class GitError extends TalentriskError {}
