import { Chalk } from 'chalk';
import { evaluateCriticalSystems, type CriticalSystemSpec } from '../../src/model/critical.ts';
import type { DeveloperSummary, FileOwnership } from '../../src/model/types.ts';
import type { CheckReport } from '../../src/report/check-types.ts';
import type { RenderContext } from '../../src/report/types.ts';

// A CheckReport built from hand-made ownership, for the reporter tests.

function file(path: string, authors: string[]): FileOwnership {
  return {
    path,
    authors,
    contributions: authors.map((developer) => ({ developer, fa: 1 as const, dl: 0, ac: 0, doa: 4, normDoa: 1, isAuthor: true, lastChange: 0 })),
    events: 1,
    lastChange: 0,
  };
}

function developer(id: string, name: string): DeveloperSummary {
  return { id, name, emails: [id], names: [name], commits: 1, firstCommit: '', lastCommit: '', filesAuthored: 0 };
}

export const PLAIN: RenderContext = { chalk: new Chalk({ level: 0 }), width: 100 };

export function makeReport(
  options: {
    systems?: CriticalSystemSpec[];
    files?: FileOwnership[];
    developers?: DeveloperSummary[];
    checked?: (name: string) => boolean;
    changed?: CheckReport['changed'];
    warnings?: string[];
  } = {},
): CheckReport {
  const analysis = {
    developers: options.developers ?? [developer('ada@x', 'Ada'), developer('bob@x', 'Bob')],
    files: options.files ?? [
      file('src/pay/a.ts', ['ada@x']),
      file('src/pay/b.ts', ['ada@x']),
      file('src/pay/c.ts', []),
      file('src/auth/x.ts', ['ada@x', 'bob@x']),
      file('src/auth/y.ts', ['ada@x', 'bob@x']),
      file('deploy/run.sh', ['bob@x']),
    ],
  };
  const systems = options.systems ?? [
    { name: 'payments', paths: ['src/pay/**'], minOwners: 2, description: 'Card payments' },
    { name: 'auth', paths: ['src/auth/**', 'legacy/auth/**'], minOwners: 2 },
    { name: 'deploy', paths: ['deploy/**'], minOwners: 1 },
  ];
  return {
    repository: {
      path: '/repo',
      revision: '0123456789abcdef0123456789abcdef01234567',
      requested: 'HEAD',
      revisionDate: '2025-01-01T12:00:00.000Z',
      analyzedAt: '2025-01-02T08:00:00.000Z',
      isShallow: false,
      isPartial: false,
      shallowSince: null,
    },
    model: 'talentrisk',
    configFile: '.talentrisk.yml',
    systems: evaluateCriticalSystems(analysis, systems).map((result) => ({
      ...result,
      checked: options.checked ? options.checked(result.name) : true,
      configLine: 3 + result.index * 4,
      // Each path on its own line after the system's `paths:` line.
      unmatchedPatternLines: result.unmatchedPatterns.map((glob) => 3 + result.index * 4 + 2 + result.paths.indexOf(glob)),
    })),
    changed: options.changed,
    warnings: options.warnings ?? [],
  };
}

/** A minimal well-formedness check: one root, balanced tags, quoted attributes, only the five entities. */
export function assertWellFormedXml(xml: string): { name: string; attributes: Record<string, string> }[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const text = body.slice(last, match.index);
    if (/[<>]/.test(text) || /&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bad text: ${text}`);
    last = tag.lastIndex;
    const [, closing, name, attrs, selfClosing] = match as unknown as [string, string, string, string, string];
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
      continue;
    }
    if (stack.length === 0) roots += 1;
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attrs.matchAll(/([\w.-]+)="([^"]*)"/g)) attributes[key as string] = value as string;
    elements.push({ name, attributes });
    if (!selfClosing) stack.push(name);
  }
  if (body.slice(last).trim() !== '' || stack.length > 0 || roots !== 1) throw new Error('not one closed root element');
  return elements;
}

export { file, developer };
