import type { CommitRecord, FileChange, Signature } from './types.ts';

// Record layout: \x1e starts a commit, \x1f separates header fields, \x1d separates co-author
// trailers. %aN/%aE apply .mailmap. With -z, the header ends in NUL and the name-status part is
// NUL-separated (`status NUL path NUL` or `Rnn NUL old NUL new NUL`), so no path is ever quoted.
export const RECORD_START = '\x1e';
const FIELD = '\x1f';
const TRAILER = '\x1d';

export const LOG_FORMAT = `${RECORD_START}%H${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%(trailers:key=Co-authored-by,valueonly=true,separator=%x1d)`;

/** Parses one record (the text after its \x1e). Pure, so it is tested on strings. */
export function parseCommitBlock(block: string): CommitRecord | undefined {
  return parseRecordAt(block, 0).record;
}

/**
 * Parses the record whose header starts at `start` (just after its \x1e) and returns where the
 * next one starts. The name-status part is read token by token, so a path may contain any byte,
 * the record separator included: a path is taken wherever a path is due, never looked at.
 */
function parseRecordAt(text: string, start: number): { record: CommitRecord | undefined; end: number } {
  const nul = text.indexOf('\0', start);
  const nextRecord = text.indexOf(RECORD_START, start);
  // The header ends in NUL; a header cut short (no NUL before the next record) has no changes.
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
  while (pos < text.length && text[pos] !== RECORD_START) {
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
  const [sha, name, email, time, trailers] = header.split(FIELD);
  if (sha === undefined || sha.length < 7 || name === undefined || email === undefined) return { record: undefined, end: pos };
  return {
    record: { sha, author: { name, email }, time: Number(time) || 0, coAuthors: parseCoAuthors(trailers ?? ''), changes },
    end: pos,
  };
}

/** `Name <email>` values of Co-authored-by trailers; malformed ones are skipped. */
export function parseCoAuthors(text: string): Signature[] {
  const result: Signature[] = [];
  for (const raw of text.split(TRAILER)) {
    const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(raw);
    if (match?.[2]) result.push({ name: match[1] ?? '', email: match[2].trim() });
  }
  return result;
}

/** Splits a chunk of `git log` output into records. */
export function parseLogOutput(output: string): CommitRecord[] {
  const records: CommitRecord[] = [];
  let pos = output.indexOf(RECORD_START);
  while (pos !== -1 && pos < output.length) {
    const { record, end } = parseRecordAt(output, pos + 1);
    if (record) records.push(record);
    pos = output.indexOf(RECORD_START, end);
  }
  return records;
}
