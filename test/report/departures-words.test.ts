import { describe, expect, it } from 'vitest';
import { noActiveAuthorText } from '../../src/report/departures-table.ts';

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
