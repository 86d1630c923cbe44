import type { ChalkInstance } from 'chalk';

export interface RenderContext {
  chalk: ChalkInstance;
  /** Terminal width (80 when unknown). */
  width: number;
}

/** A reporter turns one result object into text; commands write it. */
export type Reporter<T> = (result: T, ctx: RenderContext) => string;
