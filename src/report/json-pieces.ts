// A JSON report in pieces, for reports too large to hold twice (a scan of 50,000 files prints
// 13 MB of JSON: as one string and then as the bytes written, it topped the scan's peak memory).
// The pieces joined are exactly `JSON.stringify(value, null, 2)`. Only the top object and its long
// arrays are taken apart; each piece is one JSON.stringify call (of an entry, or of a slice of a
// long array) that indents at the right depth by itself and loses only its wrapper.

/** Items of a long array stringified together. */
const SLICE = 2048;

/**
 * A long array whose items are made only as they are printed (a scan's 50,000 file entries, held
 * all at once, were the last rise of a large scan's memory). It prints as the array of its items,
 * in pieces or through JSON.stringify (toJSON).
 */
export class JsonList<T> {
  readonly length: number;
  private readonly itemAt: (index: number) => T;

  constructor(length: number, itemAt: (index: number) => T) {
    this.length = length;
    this.itemAt = itemAt;
  }

  slice(start: number, end: number): T[] {
    const items: T[] = [];
    for (let i = start; i < Math.min(end, this.length); i++) items.push(this.itemAt(i));
    return items;
  }

  toJSON(): T[] {
    return this.slice(0, this.length);
  }
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` for a value JSON prints (not undefined or a
 * function). For plain data, as reports are: a `toJSON` method on an entry that returns undefined,
 * or one that reads its key inside a long array, would print otherwise than JSON.stringify.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (!isPlainObject(value)) {
    yield JSON.stringify(value, null, 2);
    return;
  }
  // In an object, what JSON cannot print is left out, key and all.
  const keys = Object.keys(value).filter((key) => printable(value[key]));
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = value[key];
    const separator = i < keys.length - 1 ? ',\n' : '\n';
    if ((Array.isArray(item) || item instanceof JsonList) && item.length > SLICE) {
      yield* longArray(key, item);
      yield separator;
    } else {
      // '{\n  "key": …\n}' without its braces: the entry, indented as in the whole document.
      yield `${JSON.stringify({ [key]: item }, null, 2).slice(2, -2)}${separator}`;
    }
  }
  yield '}';
}

/** An entry of the top object holding a long array, a slice of items at a time. */
function* longArray(key: string, items: readonly unknown[] | JsonList<unknown>): Generator<string> {
  yield `  ${JSON.stringify(key)}: [\n`;
  for (let start = 0; start < items.length; start += SLICE) {
    // '[\n  [\n    a,\n    b\n  ]\n]' without its two wrappers: the items, two levels in.
    yield JSON.stringify([items.slice(start, start + SLICE)], null, 2).slice(6, -6);
    yield start + SLICE < items.length ? ',\n' : '\n';
  }
  yield '  ]';
}

function printable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value != null && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** A whole JSON report: the pieces, then a final line break (as renderJson prints it). */
export function* jsonReport(value: unknown): Generator<string> {
  yield* jsonPieces(value);
  yield '\n';
}
