import { describe, expect, it, onTestFinished } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDate, writeFailure, writeReport } from '../../src/cli/options.ts';

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

describe('writeReport', () => {
  const sink = { write: () => true };

  it('never replaces a file that appears while the report is being written (without --force)', () => {
    const dir = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP as string, 'write-'));
    const file = path.join(dir, 'report.json');
    function* pieces() {
      yield '{"a": 1';
      writeFileSync(file, 'someone else’s'); // appears mid-write
      yield '}\n';
    }
    expect(() => writeReport(pieces(), { output: file }, dir, sink)).toThrow(`${file} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('someone else’s');
    expect(readdirSync(dir)).toEqual(['report.json']);
    // With --force it is replaced, and without a race the report lands as usual.
    writeReport(pieces(), { output: file, force: true }, dir, sink);
    expect(readFileSync(file, 'utf8')).toBe('{"a": 1}\n');
    const other = path.join(dir, 'other.json');
    writeReport(['{}', '\n'], { output: other }, dir, sink);
    expect(readFileSync(other, 'utf8')).toBe('{}\n');
    expect(readdirSync(dir).sort()).toEqual(['other.json', 'report.json']);
  });
});

describe('parseDate (--until)', () => {
  it('reads a day as its end in UTC, and a time without a zone as UTC too (it was the machine\'s zone: runners in other zones analysed other commits)', () => {
    // The tests run in UTC (test/setup.ts); a zone far from it shows what the machine's zone did.
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    onTestFinished(() => {
      process.env.TZ = zone;
    });
    expect(new Date('2024-03-01T00:00:00').toISOString()).toBe('2024-03-01T05:00:00.000Z');
    expect(parseDate('2024-03-01').toISOString()).toBe('2024-03-01T23:59:59.000Z');
    expect(parseDate('2024-03-01T00:00:00').toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(parseDate('2024-03-01 12:30').toISOString()).toBe('2024-03-01T12:30:00.000Z');
    expect(parseDate('2024-03-01T00:00:00+02:00').toISOString()).toBe('2024-02-29T22:00:00.000Z');
    expect(() => parseDate('2024-02-30')).toThrow('2024-02-30 is not a real day');
  });
});
