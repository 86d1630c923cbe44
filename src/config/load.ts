import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { configSchema, DEFAULT_CONFIG, type Config } from './schema.ts';

export const CONFIG_FILE = '.talentrisk.yml';
const ALTERNATE_FILES = ['.talentrisk.yaml'];

export interface LoadedConfig {
  config: Config;
  /** Absolute path of the file read, or undefined when none exists (defaults apply). */
  file: string | undefined;
  /** 1-based line of a YAML path (e.g. ['critical', 0]) for reports that point into the file. */
  lineOf: (keyPath: readonly (string | number)[]) => number | undefined;
}

/** Finds the config: `explicit` (must exist) or `.talentrisk.yml` at the repository root. */
export function findConfigFile(root: string, explicit?: string): string | undefined {
  if (explicit) {
    const file = path.resolve(explicit);
    if (!existsSync(file)) {
      throw new ConfigError(`config file not found: ${explicit}`, { hint: 'check the --config path, or run `talentrisk init` to create one' });
    }
    return file;
  }
  for (const name of [CONFIG_FILE, ...ALTERNATE_FILES]) {
    const file = path.join(root, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** Loads the config of the repository at `root`; `cwd` only shortens the file name in messages. */
export function loadConfig(root: string, explicit?: string, cwd: string = root): LoadedConfig {
  const file = findConfigFile(root, explicit);
  if (!file) return { config: DEFAULT_CONFIG, file: undefined, lineOf: () => undefined };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  return parseConfig(text, path.relative(cwd, file) || file, file);
}

/** Parses config text; every YAML and schema problem is reported at once as `file:line:col key: message`. */
export function parseConfig(text: string, displayName: string, file?: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return `${displayName}`;
    const { line, col } = lineCounter.linePos(offset);
    return `${displayName}:${line}:${col}`;
  };
  if (doc.errors.length > 0) {
    const lines = doc.errors.map((error) => `${at(error.pos[0])} ${error.message.split('\n')[0]}`);
    throw new ConfigError(lines.join('\n'), { hint: 'fix the YAML syntax at the lines above' });
  }
  const raw: unknown = doc.toJS() ?? {};
  const result = configSchema.safeParse(raw);
  const problems: string[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(describeIssue(issue, doc, at, raw));
  } else {
    problems.push(...crossChecks(result.data, doc, at));
  }
  if (problems.length > 0) {
    throw new ConfigError(problems.join('\n'), { hint: 'see the README section "Configuration" or .talentrisk.example.yml' });
  }
  const config = (result as { data: Config }).data;
  return {
    config,
    file,
    lineOf: (keyPath) => {
      const offset = rangeOf(doc, keyPath);
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

function rangeOf(doc: Document, keyPath: readonly PropertyKey[]): number | undefined {
  // Walk down as far as the path exists, so a missing key points at its parent.
  for (let length = keyPath.length; length >= 0; length--) {
    const node = doc.getIn(keyPath.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
    if (length === 0) return (doc.contents as { range?: [number] } | null)?.range?.[0];
  }
  return undefined;
}

function keyRange(doc: Document, parent: readonly PropertyKey[], key: string): number | undefined {
  const node = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = pair.key as { value?: unknown; range?: [number] } | null;
      if (k && k.value === key && k.range) return k.range[0];
    }
  }
  return rangeOf(doc, parent);
}

function describeIssue(issue: z.core.$ZodIssue, doc: Document, at: (offset: number | undefined) => string, raw: unknown): string {
  const keyPath = issue.path as PropertyKey[];
  const dotted = (parts: readonly PropertyKey[]) => parts.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys
      .map((key) => {
        const known = knownKeysAt(keyPath, raw);
        const suggestion = closest(key, known);
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length ? ` (known keys: ${known.join(', ')})` : '';
        return `${at(keyRange(doc, keyPath, key))} ${dotted([...keyPath, key])}: unknown key${hint}`;
      })
      .join('\n');
  }
  return `${at(rangeOf(doc, keyPath))} ${dotted(keyPath)}: ${issue.message}`;
}

/** The keys the schema accepts at a path (for "did you mean"). */
function knownKeysAt(keyPath: readonly PropertyKey[], _raw: unknown): string[] {
  let schema: unknown = configSchema;
  for (const part of keyPath) {
    schema = unwrap(schema);
    const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown } }).def;
    if (def?.type === 'object' && typeof part === 'string') schema = def.shape?.[part];
    else if (def?.type === 'array') schema = def.element;
    else return [];
  }
  const shape = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } }).def?.shape;
  return shape ? Object.keys(shape).filter((key) => key !== '$schema') : [];
}

function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { type?: string; innerType?: unknown } } | undefined;
  while (current?.def && ['default', 'prefault', 'optional', 'nullable'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}

/** The closest known key, when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Rules a schema cannot express: unique system names. */
function crossChecks(config: Config, doc: Document, at: (offset: number | undefined) => string): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  config.critical.forEach((system, index) => {
    const first = seen.get(system.name);
    if (first !== undefined) {
      problems.push(`${at(rangeOf(doc, ['critical', index, 'name']))} critical.${index}.name: duplicate system name "${system.name}" (also critical.${first}.name)`);
    } else seen.set(system.name, index);
  });
  const critical = doc.get('critical', true);
  if (critical !== undefined && !isSeq(critical) && config.critical.length === 0) {
    problems.push(`${at(rangeOf(doc, ['critical']))} critical: expected a list`);
  }
  return problems;
}
