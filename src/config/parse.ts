import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { closest } from '../model/suggest.ts';
import { loadedConfig, type ConfigPositions, type LoadedConfig, type ParsedConfig } from './load.ts';
import { configSchema, EXTENSION_KEY_PREFIX } from './schema.ts';

// Reading .talentrisk.yml: YAML with positions, then the zod schema. Only loaded (by load.ts) when a
// config file exists, so that a scan without one does not pay for importing yaml and zod.

/** Uses of YAML aliases a config may expand (see parseConfigFile). */
const MAX_ALIAS_COUNT = 10_000;

interface Problem {
  offset: number | undefined;
  text: string;
}

/**
 * Parses config text. Every YAML and schema problem is reported at once, in file order, as
 * `file:line:col key.path: message`, in one ConfigError.
 */
export function parseConfigText(text: string, displayName: string, file?: string): LoadedConfig {
  return loadedConfig(parseConfigFile(text, displayName), displayName, file);
}

/** parseConfigText's result as plain data (what a ConfigStore keeps). */
export function parseConfigFile(source: string, displayName: string): ParsedConfig {
  // A lone CR ends a line in YAML 1.2 (old Mac files); yaml reads only LF and CRLF, so such a file
  // gave a dozen errors with raw CRs in them, which overwrite the terminal's line. Same lengths:
  // every offset still points at the same place.
  const text = source.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  // logLevel 'error': a list or mapping used as a key made yaml print a Node warning on stderr
  // (keyChecks reports it as a config error instead).
  // merge: YAML 1.2 dropped `<<` merge keys, but configs that share settings between systems
  // (`<<: *defaults`, as in CI files) use them; without it `<<` read as an unknown key.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true, logLevel: 'error' });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return displayName;
    const { line, col } = lineCounter.linePos(offset);
    return `${displayName}:${line}:${col}`;
  };
  const problems: Problem[] = doc.errors.map((error) => ({ offset: error.pos[0], text: describeYamlError(error, doc) }));
  // yaml recovers from most syntax errors, so the schema still reports the rest of the file.
  // An alias to no anchor (`<<: *defualts`) made toJS throw with no position, and as a merge it
  // read "Merge sources must be maps or map aliases": say which, where.
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) === undefined) problems.push({ offset: alias.range?.[0], text: `YAML: *${alias.source} names no anchor (&${alias.source}) defined above it` });
    },
  });
  let raw: unknown;
  try {
    // yaml stops at 100 uses of aliases (against "billion laughs" expansion): 100 systems that each
    // merge one `<<: *defaults` failed with an empty message. Ten thousand still stops a bomb.
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    raw = undefined;
    // An error yaml recovered from already has its line; any other is said here, never dropped.
    if (problems.length === 0) {
      const excessive = error instanceof ReferenceError && /excessive alias count/i.test(error.message);
      problems.push({ offset: undefined, text: excessive ? `YAML aliases expand too far (over ${MAX_ALIAS_COUNT} uses): write the repeated settings out, or nest fewer aliases` : `YAML: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const result = raw === undefined ? undefined : configSchema.safeParse(withoutExtensionKeys(raw));
  if (result && !result.success) {
    for (const issue of result.error.issues) problems.push(...describeIssue(issue, doc, raw));
  }
  problems.push(...crossChecks(raw, doc));
  if (problems.length > 0 || !result?.success) {
    const sorted = problems.map((problem, index) => ({ ...problem, index })).sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1) || a.index - b.index);
    const hasYamlErrors = doc.errors.length > 0;
    // A syntax error moves what follows it (a mis-indented key lands in another entry), so the other
    // errors may be its echoes ("critical.1.name: missing"): say which to fix first.
    const alsoSchemaErrors = problems.length > doc.errors.length;
    const yamlHint = 'fix the YAML at the lines above (indent with spaces, close every [ and {, quote values with ": ")';
    throw new ConfigError(sorted.map((problem) => `${at(problem.offset)} ${problem.text}`).join('\n'), {
      hint: hasYamlErrors ? (alsoSchemaErrors ? `${yamlHint}; fix the "YAML syntax" lines first, as the others may only follow from them` : yamlHint) : 'see .talentrisk.example.yml in the talentrisk package (or the README section "Configuration") for every key',
    });
  }
  return { config: result.data, positions: positionsOf(doc, lineCounter) };
}

/**
 * The config without its top-level `x-` keys: a place to define YAML anchors that systems then
 * merge (`x-defaults: &defaults`), as in Docker Compose files. Anywhere else an unknown key stays
 * an error, so that a misspelt key is never silently ignored.
 */
function withoutExtensionKeys(raw: unknown): unknown {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith(EXTENSION_KEY_PREFIX)));
}

/**
 * Where every node of the document starts, by path (list items by number, map values by their
 * key's value): what lineOf and locate need, as plain data that a parsed config can be stored with
 * (load.ts). For such paths it is what rangeOf finds; yaml would also take "0" for a list index.
 */
function positionsOf(doc: Document, lineCounter: LineCounter): ConfigPositions {
  const positions: ConfigPositions = [];
  const visit = (node: unknown, keyPath: (string | number)[]) => {
    const start = (node as { range?: [number] } | null)?.range?.[0];
    if (start === undefined) return;
    const { line, col } = lineCounter.linePos(start);
    positions.push([JSON.stringify(keyPath), line, col]);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = pair.key as { value?: unknown } | null;
        const name = key && typeof key === 'object' && 'value' in key ? key.value : key;
        // doc.getIn finds a pair by its scalar key's value: only those are reachable by a path.
        if (typeof name === 'string' || typeof name === 'number') visit(pair.value, [...keyPath, name]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...keyPath, index]));
    }
  };
  visit(doc.contents, []);
  return positions;
}

function describeYamlError(error: YAMLError, doc: Document): string {
  const message = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'DUPLICATE_KEY') {
    const keyPath = keyPathAt(doc.contents, error.pos[0], []);
    return `${keyPath ? `${dotted(keyPath)}: ` : ''}duplicate key (a key may appear once in a mapping)`;
  }
  // yaml's own advice ("please use YAML.parseAllDocuments()") is for programmers.
  if (error.code === 'MULTIPLE_DOCS') return 'YAML syntax: a second document starts here (a `---` line): a config is one document';
  return `YAML syntax: ${message}`;
}

/** The key path of the map key that starts at `offset` (for messages about that key). */
function keyPathAt(node: unknown, offset: number, parent: PropertyKey[]): PropertyKey[] | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as { value?: unknown; range?: [number] } | null;
      const name = key && typeof key === 'object' && 'value' in key ? String(key.value) : String(key);
      if (key?.range?.[0] === offset) return [...parent, name];
      const found = keyPathAt(pair.value, offset, [...parent, name]);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (const [index, item] of node.items.entries()) {
      const found = keyPathAt(item, offset, [...parent, index]);
      if (found) return found;
    }
  }
  return undefined;
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

/**
 * Keys people write for one the schema names otherwise, used where that key exists: a departure's
 * `name:` was answered with "did you mean date?" (one letter away) rather than "who" (an EM test).
 */
const SYNONYMS: Readonly<Record<string, string>> = { name: 'who', person: 'who', email: 'who', lastday: 'date', until: 'date', when: 'date', reason: 'note', comment: 'note' };

// A key as messages show it: one line, and short (a list used as a key printed ten lines of it).
const keyText = (part: PropertyKey) => {
  const text = String(part).replace(/\s+/g, ' ');
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};
const dotted = (parts: readonly PropertyKey[]) => parts.map(keyText).join('.') || '(top level)';

function describeIssue(issue: z.core.$ZodIssue, doc: Document, raw: unknown): Problem[] {
  const keyPath = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(keyPath);
    return issue.keys.map((key) => {
      const synonym = SYNONYMS[key.toLowerCase().replace(/[-_\s]/g, '')];
      const suggestion = (synonym !== undefined && known.includes(synonym) ? synonym : undefined) ?? closest(key, known);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length ? ` (known keys: ${known.join(', ')})` : '';
      return { offset: keyRange(doc, keyPath, key), text: `${dotted([...keyPath, key])}: unknown key${hint}` };
    });
  }
  return [{ offset: rangeOf(doc, keyPath), text: `${dotted(keyPath)}: ${humanize(issue, valueAt(raw, keyPath))}` }];
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'a mapping of keys',
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

/** zod's messages, in the words of a YAML file. Custom messages of the schema are kept. */
function humanize(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'invalid_type') {
    if (value === undefined) return 'missing (this key is required)';
    // A single glob or name where a list is due is the usual slip: show the list it was meant to be
    // (items separated by commas, when it has them).
    const asList = issue.expected === 'array' && typeof value === 'string' ? ` (${listHint(value)})` : '';
    // A commit id of digits only (`ignoreRevs: [1234567]`) reads as a number, and loses any leading zero.
    // A date of digits (`date: 20240501`) needs its dashes, not quotes.
    if (issue.path.at(-1) === 'date' && typeof value === 'number') return `expected a date as YYYY-MM-DD, got ${describeValue(value)}`;
    const quote = issue.expected === 'string' && typeof value === 'number' ? ': write it in quotes, as it is in the file, so that YAML reads it as text' : '';
    return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(value)}${asList}${quote}`;
  }
  // A union's own message says what it takes (maxKnowledgeLoss: a share or a percentage).
  if (issue.code === 'invalid_union') return `${issue.message}, got ${describeValue(value)}`;
  if (issue.code === 'invalid_value') {
    return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(value)}`;
  }
  return issue.message;
}

function listHint(text: string): string {
  const items = text.includes(',') ? text.split(',').map((item) => item.trim()).filter(Boolean) : [text];
  const list = `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
  const shown = list.length > 60 ? `${list.slice(0, 60)}…` : list;
  return items.length === 1 ? `a list of one is written ${shown}` : `a list is written ${shown}`;
}

function describeValue(value: unknown): string {
  if (value == null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return String(value);
}

function valueAt(raw: unknown, keyPath: readonly PropertyKey[]): unknown {
  let current = raw;
  for (const part of keyPath) {
    if (current == null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

/** The keys the schema accepts at a path (for "did you mean"). */
function knownKeysAt(keyPath: readonly PropertyKey[]): string[] {
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
  let current = schema as { def?: { type?: string; innerType?: unknown; in?: unknown; out?: unknown } } | undefined;
  for (;;) {
    const def = current?.def;
    if (def && ['default', 'prefault', 'optional', 'nullable'].includes(def.type ?? '')) current = def.innerType as typeof current;
    // A pipe's schema is its input, unless that is a preprocessing step (null read as absent).
    else if (def?.type === 'pipe') current = ((def.in as typeof current)?.def?.type === 'transform' ? def.out : def.in) as typeof current;
    else return current;
  }
}

/**
 * Rules a schema cannot express (checked on the raw file, so they show beside schema errors):
 * unique system names, and no email or GitHub login claimed by two people (two aliases naming
 * one address joined two people into one, silently).
 */
function crossChecks(raw: unknown, doc: Document): Problem[] {
  return [...keyChecks(doc), ...peopleChecks(raw, doc), ...systemNameChecks(raw, doc)];
}

/** Keys that are lists or mappings (`? [a, b]`): no key of the config is one. */
function keyChecks(doc: Document): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isMap(pair.key) || isSeq(pair.key)) problems.push({ offset: pair.key.range?.[0], text: 'a key must be a name, not a list or mapping' });
    },
  });
  return problems;
}

function peopleChecks(raw: unknown, doc: Document): Problem[] {
  const problems: Problem[] = [];
  const people = (raw as { people?: unknown } | undefined)?.people;
  if (!Array.isArray(people)) return problems;
  const claimed = new Map<string, string>();
  const claim = (key: string, where: (string | number)[], label: string) => {
    const first = claimed.get(key);
    if (first !== undefined) problems.push({ offset: rangeOf(doc, where), text: `${where.join('.')}: ${label} is already people.${first}'s (one alias per person)` });
    else claimed.set(key, String(where[1]));
  };
  people.forEach((person: unknown, index) => {
    const { emails, github } = (person ?? {}) as { emails?: unknown; github?: unknown };
    if (Array.isArray(emails)) {
      emails.forEach((email: unknown, at) => {
        if (typeof email === 'string' && email.trim() !== '') claim(`email:${email.trim().toLowerCase()}`, ['people', index, 'emails', at], `email "${email}"`);
      });
    }
    if (typeof github === 'string' && github.trim() !== '') claim(`github:${github.trim().replace(/^@/, '').toLowerCase()}`, ['people', index, 'github'], `GitHub login "${github}"`);
  });
  return problems;
}

function systemNameChecks(raw: unknown, doc: Document): Problem[] {
  const problems: Problem[] = [];
  const critical = (raw as { critical?: unknown } | undefined)?.critical;
  if (!Array.isArray(critical)) return problems;
  const seen = new Map<string, { index: number; name: string }>();
  critical.forEach((system: unknown, index) => {
    const name = (system as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') return;
    const key = name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      // Both as written: names are compared without case, and "Time" quoted for critical.1's "time" read wrong (a tester).
      const other = first.name === name ? 'has it too' : `is ${JSON.stringify(first.name)}`;
      problems.push({
        offset: rangeOf(doc, ['critical', index, 'name']),
        text: `critical.${index}.name: duplicate system name "${name}" (critical.${first.index} ${other}; names must be unique, whatever their case)`,
      });
    } else seen.set(key, { index, name });
  });
  return problems;
}
