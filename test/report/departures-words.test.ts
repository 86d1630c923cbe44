import { describe, expect, it } from 'vitest';
import type { TakeOverCandidate } from '../../src/model/take-over.ts';
import { bestPlacedFigures, noActiveAuthorText } from '../../src/report/departures-table.ts';

// Words that scan's table and its markdown both write about departures, from one helper each: the
// two had their own copies of each sentence.

describe('the files left with no active author (scan --leaving, table and markdown)', () => {
  it('says nothing when it is the published count, else how many more keep only inactive authors', () => {
    expect(noActiveAuthorText({ files: 10, noActiveAuthorFiles: 3, onlyInactiveAuthorsLeft: [] })).toBe('');
    expect(noActiveAuthorText({ files: 10, noActiveAuthorFiles: 4, onlyInactiveAuthorsLeft: ['a'] })).toBe('4 files left with no active author (40%: 1 more keeps only inactive authors)');
    expect(noActiveAuthorText({ files: 10, noActiveAuthorFiles: 5, onlyInactiveAuthorsLeft: ['a', 'b'] })).toBe('5 files left with no active author (50%: 2 more keep only inactive authors)');
    // None loses its last author: all of them keep inactive ones.
    expect(noActiveAuthorText({ files: 4, noActiveAuthorFiles: 1, onlyInactiveAuthorsLeft: ['a'] })).toBe('1 file left with no active author (25%: it keeps only inactive authors)');
    expect(noActiveAuthorText({ files: 4, noActiveAuthorFiles: 2, onlyInactiveAuthorsLeft: ['a', 'b'] })).toBe('2 files left with no active author (50%: they keep only inactive authors)');
  });
});

describe('the figures beside a best placed (scan --leaving, table and markdown)', () => {
  const candidate = (fields: Partial<TakeOverCandidate>): TakeOverCandidate => ({ id: 'joe', files: 74, ok: 74, weak: 0, barely: 0, bulkOnly: 0, bulkOnlyOk: 0, bulkOnlyBarely: 0, oneOff: false, ...fields });
  it('gives the files, how many weakly, how many through sweeps only, then the one-off and fading words each reporter writes', () => {
    expect(bestPlacedFigures(candidate({}), { oneOff: '', fading: '' })).toBe('(74)');
    expect(bestPlacedFigures(candidate({ files: 3, ok: 0, weak: 3 }), { oneOff: '', fading: '' })).toBe('(3, all weak)');
    // spring-boot's module: Phillip Webb on 606, 290 of them by a move (an EM test); redis's artix, fading.
    expect(bestPlacedFigures(candidate({ files: 606, ok: 594, weak: 12, bulkOnly: 290 }), { oneOff: '', fading: '; last commit 133 days ago' })).toBe('(606, 12 weak; 290 sweeps only; last commit 133 days ago)');
    expect(bestPlacedFigures(candidate({ files: 1, ok: 0, weak: 1, oneOff: true }), { oneOff: '; a one-off contributor', fading: '' })).toBe('(1, all weak; a one-off contributor)');
    // The table drops "weak" in a narrow terminal.
    expect(bestPlacedFigures(candidate({ files: 3, ok: 1, weak: 2, bulkOnly: 1 }), { weak: '', oneOff: '; one-off', fading: '' })).toBe('(3; 1 sweeps only; one-off)');
  });
});
