import { renderCheckGithub } from './check-github.ts';
import { renderCheckJson } from './check-json.ts';
import { renderCheckJunit } from './check-junit.ts';
import { renderCheckMarkdown } from './check-markdown.ts';
import { renderCheckSarif } from './check-sarif.ts';
import { renderCheckText } from './check-text.ts';
import type { CheckFormat, CheckReport } from './check-types.ts';
import type { Reporter } from './types.ts';

/** `check --format <name>`: every reporter takes the same result object. */
export const checkReporters = {
  text: renderCheckText,
  json: renderCheckJson,
  github: renderCheckGithub,
  markdown: renderCheckMarkdown,
  sarif: renderCheckSarif,
  junit: renderCheckJunit,
} satisfies Record<CheckFormat, Reporter<CheckReport>>;
