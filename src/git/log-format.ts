import type { CommitRecord, FileChange, Signature } from './types.ts';

// Record layout: \x1e starts a commit, \x1f separates header fields, \x1d separates co-author
// trailers. %aN/%aE apply .mailmap. With -z, the header ends in NUL and the name-status part is
// NUL-separated (`status NUL path NUL` or `Rnn NUL old NUL new NUL`), so no path is ever quoted.
export const RECORD_START = '\x1e';
const FIELD = '\x1f';
const TRAILER = '\x1d';

export const LOG_FORMAT = `${RECORD_START}%H${FIELD}%aN${FIELD}%aE${FIELD}%at${FIELD}%(trailers:key=Co-authored-by,valueonly=true,separator=%x1d)`;

/** Parses one record (the text between two \x1e). Pure, so it is tested on strings. */
export function parseCommitBlock(block: string): CommitRecord | undefined {
  const headerEnd = block.indexOf('\0');
  const header = headerEnd === -1 ? block : block.slice(0, headerEnd);
  const [sha, name, email, time, trailers] = header.split(FIELD);
  if (sha === undefined || sha.length < 7 || name === undefined || email === undefined) return undefined;
  const changes: FileChange[] = [];
  if (headerEnd !== -1) {
    const tokens = block.slice(headerEnd + 1).replace(/^\n/, '').split('\0');
    for (let i = 0; i < tokens.length; ) {
      const status = tokens[i++];
      if (!status) continue;
      const kind = status[0] ?? '';
      if (kind === 'R' || kind === 'C') {
        const oldPath = tokens[i++];
        const path = tokens[i++];
        if (oldPath !== undefined && path !== undefined) changes.push({ status: kind, path, oldPath });
      } else {
        const path = tokens[i++];
        if (path !== undefined) changes.push({ status: kind, path });
      }
    }
  }
  return {
    sha,
    author: { name, email },
    time: Number(time) || 0,
    coAuthors: parseCoAuthors(trailers ?? ''),
    changes,
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
  for (const block of output.split(RECORD_START)) {
    if (!block) continue;
    const record = parseCommitBlock(block);
    if (record) records.push(record);
  }
  return records;
}
