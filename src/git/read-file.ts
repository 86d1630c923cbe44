import fs from 'node:fs';

// Files talentrisk reads that anyone may have put there: a committed `.mailmap` or CODEOWNERS (a
// pull request), a restored CI cache (a tar archive). A link to /dev/zero filled gigabytes of
// memory, a FIFO hung the run (a CI engineer's test, and a re-test): only a regular file is read,
// never waiting on a pipe, and only up to a size.

/**
 * A regular file's bytes; what is wrong with it (a string) when it is a symbolic link (unless
 * `follow`), no regular file or larger than `maxBytes`; or undefined when it cannot be opened
 * (absent, no permission).
 */
export function readRegularFile(file: string, options: { maxBytes: number; follow?: boolean }): Buffer | string | undefined {
  const noFollow = options.follow ? 0 : (fs.constants.O_NOFOLLOW ?? 0);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | noFollow | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'a symbolic link' : undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return 'not a regular file';
    if (stat.size > options.maxBytes) return `too large (${stat.size} bytes)`;
    const data = Buffer.allocUnsafe(stat.size);
    let read = 0;
    for (let n = -1; read < stat.size && n !== 0; read += n) n = fs.readSync(fd, data, read, stat.size - read, read);
    // Cut short (written over meanwhile): the caller's own checks see it.
    return data.subarray(0, read);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
