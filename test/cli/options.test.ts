import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../src/cli/options.ts';

const failure = (code: string, message = `${code}: something, open '/out/report.json.4242.tmp'`) => Object.assign(new Error(message), { code });

describe('writeFailure', () => {
  it('says why a report could not be written in words, without the temp file Node names', () => {
    expect(writeFailure(failure('ENOSPC'))).toBe('no space left on the device');
    expect(writeFailure(failure('EDQUOT'))).toBe('disk quota exceeded');
    expect(writeFailure(failure('EACCES'))).toBe('permission denied');
    expect(writeFailure(failure('EROFS'))).toBe('the file system is read-only');
    expect(writeFailure(failure('ENOENT'))).toBe('its folder does not exist');
    expect(writeFailure(failure('EISDIR'))).toBe('it is a folder');
    // ENOENT in a folder that exists: no file can be made there (/proc, some mounts).
    expect(writeFailure(failure('ENOENT'), '/proc/report.json')).toBe('no file can be created in its folder');
    expect(writeFailure(failure('ENOENT'), '/no/such/folder/report.json')).toBe('its folder does not exist');
  });

  it("keeps Node's message for anything else", () => {
    expect(writeFailure(failure('EIO', 'EIO: i/o error, write'))).toBe('EIO: i/o error, write');
    expect(writeFailure('plain')).toBe('plain');
  });
});
