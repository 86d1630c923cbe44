import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogReader, parseLogOutput, subtreeFolder } from '../../src/git/log-format.ts';
import type { CommitRecord, FileChange, Signature } from '../../src/git/types.ts';

// The parser reads header fields in place and builds records with constructors (issue #5: less
// garbage per commit). It must split any text exactly as the first version did, which cut the
// header with split() and parsed the time with Number(): that version is the reference here.

function referenceTrailers(text: string): { coAuthors: Signature[]; subtree: string | undefined } {
  const coAuthors: Signature[] = [];
  let subtree: string | undefined;
  for (const raw of text.split('\x1d')) {
    const trailer = /^([^:]*):([\s\S]*)$/.exec(raw);
    if (!trailer) continue;
    const key = (trailer[1] as string).trim().toLowerCase();
    if (key === 'co-authored-by') {
      const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(trailer[2] as string);
      if (match?.[2]) coAuthors.push({ name: match[1] ?? '', email: match[2].trim() });
    } else if (key === 'git-subtree-dir' && subtree === undefined) {
      subtree = subtreeFolder(trailer[2] as string);
    }
  }
  return { coAuthors, subtree };
}

function referenceRecordAt(text: string, start: number): { record: CommitRecord | undefined; end: number } {
  const nul = text.indexOf('\0', start);
  const nextRecord = text.indexOf('\x1e', start);
  const headerEnd = nul === -1 || (nextRecord !== -1 && nextRecord < nul) ? (nextRecord === -1 ? text.length : nextRecord) : nul;
  const header = text.slice(start, headerEnd);
  let pos = headerEnd === nul ? nul + 1 : headerEnd;
  if (text[pos] === '\n') pos += 1;
  const token = (): string | undefined => {
    if (pos >= text.length) return undefined;
    const stop = text.indexOf('\0', pos);
    const value = text.slice(pos, stop === -1 ? text.length : stop);
    pos = stop === -1 ? text.length : stop + 1;
    return value;
  };
  const changes: FileChange[] = [];
  while (pos < text.length && text[pos] !== '\x1e') {
    const status = token();
    if (!status) continue;
    const kind = status[0] ?? '';
    if (kind === 'R' || kind === 'C') {
      const oldPath = token();
      const path = token();
      if (oldPath !== undefined && path !== undefined) changes.push({ status: kind, path, oldPath });
    } else {
      const path = token();
      if (path !== undefined) changes.push({ status: kind, path });
    }
  }
  const [sha, name, email, time, trailers] = header.split('\x1f');
  if (sha === undefined || sha.length < 7 || name === undefined || email === undefined) return { record: undefined, end: pos };
  const { coAuthors, subtree } = referenceTrailers(trailers ?? '');
  return { record: { sha, author: { name, email }, time: Number(time) || 0, coAuthors, changes, ...(subtree ? { subtree } : {}) }, end: pos };
}

function referenceParse(output: string): CommitRecord[] {
  const records: CommitRecord[] = [];
  let pos = output.indexOf('\x1e');
  while (pos !== -1 && pos < output.length) {
    const { record, end } = referenceRecordAt(output, pos + 1);
    if (record) records.push(record);
    pos = output.indexOf('\x1e', end);
  }
  return records;
}

/** Plain objects with the same own properties, in the same order (numbers by Object.is). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, plain(v)]));
  return Object.is(value, -0) ? '-0' : value;
}

// Pieces that make well-formed records likely, and every separator in odd places possible.
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('0123456789abcdef0123456789abcdef01234567', 'Ada', 'ada@example.com', '1700000000', 'M', 'A', 'R100', 'C075', 'D', 'T', 'src/a.ts', 'b c.md') },
  { weight: 3, arbitrary: fc.constantFrom('\x1e', '\x1f', '\0', '\x1d', '\n') },
  fc.constantFrom('', ' 12 ', '-5', '1e3', '0x10', '00042', '12345678901234567', 'x', 'Co-authored-by: Bo <bo@x.org>', 'co-authored-BY: <c@d> ', 'Co-authored-by:<>', 'Ünï <ü@x>', 'git-subtree-dir: deps/x/', 'Git-Subtree-Dir: ../up', ':'),
  fc.string({ maxLength: 6 }),
);
const header = fc.tuple(
  fc.constantFrom('0123456789abcdef0123456789abcdef01234567', 'abc1234', 'abc', ''),
  fc.array(fc.constantFrom('Ada', '', 'ada@example.com', '1700000000', '', '-12', '1.5', 'Co-authored-by: Bo <bo@x.org>\x1dCo-authored-by: Cy <cy@x.org>', 'git-subtree-dir: deps/a\x1dCo-authored-by: Bo <bo@x.org>\x1dgit-subtree-dir: deps/b', 'Bo <bo@x.org>', 'junk'), { maxLength: 6 }),
);
const wellFormed = fc
  .array(
    fc.tuple(
      header,
      fc.array(fc.oneof(fc.tuple(fc.constantFrom('M', 'A', 'D', 'T'), piece), fc.tuple(fc.constantFrom('R100', 'C050'), piece, piece)), { maxLength: 4 }),
    ),
    { maxLength: 6 },
  )
  .map((records) =>
    records
      .map(([[sha, fields], changes]) => `\x1e${[sha, ...fields].join('\x1f')}\0${changes.length > 0 ? '\n' : ''}${changes.map((change) => change.join('\0')).join('\0')}${changes.length > 0 ? '\0' : ''}`)
      .join(''),
  );

describe('parseLogOutput equals the reference parser (fast-check)', () => {
  it('on well-formed output with odd field values', () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        expect(plain(parseLogOutput(text))).toEqual(plain(referenceParse(text)));
      }),
      { numRuns: 1000 },
    );
  });

  it('on any mix of separators and text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(plain(parseLogOutput(text))).toEqual(plain(referenceParse(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('LogReader hands out the same records one at a time', () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const reader = new LogReader(text);
        const records: CommitRecord[] = [];
        for (let record = reader.next(); record; record = reader.next()) records.push(record);
        expect(reader.next()).toBeUndefined();
        expect(plain(records)).toEqual(plain(referenceParse(text)));
      }),
      { numRuns: 300 },
    );
  });
});
