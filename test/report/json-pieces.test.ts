import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonList, jsonPieces, jsonReport } from '../../src/report/json-pieces.ts';

const join = (pieces: Iterable<string>) => [...pieces].join('');

// What a report holds: plain data, with now and then a value JSON leaves out (undefined) or turns
// into something else (a Date); names with quotes, line breaks and non-Latin characters.
const leaf = fc.oneof(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.date({ noInvalidDate: true }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 4 })),
})).node;

describe('a JSON report in pieces', () => {
  it('joins into exactly what JSON.stringify(value, null, 2) prints', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value, { maxKeys: 6 }), (report) => {
        expect(join(jsonPieces(report))).toBe(JSON.stringify(report, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('takes long arrays apart a slice at a time, with the same bytes', () => {
    const files = Array.from({ length: 5000 }, (_, i) => ({ path: `src/${i}.ts`, authors: i % 7 === 0 ? [] : [{ id: `dev${i % 13}`, doa: i / 7, normDoa: 1 }], note: i % 11 === 0 ? undefined : 'x' }));
    const report = { schemaVersion: 1, files, developers: Array.from({ length: 2049 }, (_, i) => `d${i}`), empty: [], nothing: {}, gone: undefined, when: new Date(0) };
    const pieces = [...jsonReport(report)];
    expect(pieces.length).toBeGreaterThan(6);
    expect(pieces.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('prints a JsonList as the array of its items, making them a slice at a time', () => {
    for (const length of [0, 1, 2048, 2049, 5000]) {
      let made = 0;
      const item = (i: number) => ({ path: `src/${i}.ts`, authors: i % 5 === 0 ? [] : [{ id: `dev${i % 13}`, doa: i / 7 }] });
      const report = {
        files: new JsonList(length, (i) => {
          made++;
          return item(i);
        }),
        short: new JsonList(3, item),
      };
      const expected = JSON.stringify({ files: Array.from({ length }, (_, i) => item(i)), short: [item(0), item(1), item(2)] }, null, 2);
      const pieces = jsonPieces(report);
      // The first piece is the document's opening: no file entry is made before it is printed.
      const first = pieces.next();
      expect(made).toBe(0);
      let printed = first.done ? '' : first.value;
      let most = 0;
      for (let step = pieces.next(); !step.done; step = pieces.next()) {
        most = Math.max(most, made);
        made = 0;
        printed += step.value;
      }
      expect(printed).toBe(expected);
      expect(most).toBeLessThanOrEqual(length > 2048 ? 2048 : length);
      expect(JSON.stringify(report, null, 2)).toBe(expected);
    }
  });

  it('prints a value that is not an object whole', () => {
    for (const report of [[1, 2], 'text', 3, null, {}, new Date(0)]) expect(join(jsonPieces(report))).toBe(JSON.stringify(report, null, 2));
  });
});
