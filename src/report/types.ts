import type { ChalkInstance } from 'chalk';

export interface RenderContext {
  chalk: ChalkInstance;
  /** Terminal width (100 when unknown). */
  width: number;
  /**
   * Cut table cells so that tables fit `width`: only for a terminal. Piped output and files keep
   * every name (a log or a file has no width to fit).
   */
  fit?: boolean | undefined;
}

/** A reporter turns one result object into text; commands write it. */
export type Reporter<T> = (result: T, ctx: RenderContext) => string;
