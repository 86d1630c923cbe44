import { describe, expect, it } from 'vitest';
import { oneOffsOf } from '../../src/model/successors.ts';
import { ONE_OFF_DEFINITION, oneOffOf, oneOffWords } from '../../src/model/one-off.ts';

// One-off contributors (helm at 2020-01-01, a first-time user): Josh Soref (one commit, "Spelling")
// and sayboras (one commit) were named successors and "best placed"; Efrat19 made 4 commits over
// two days of October 2019 and never came back.

const REFERENCE = '2020-01-01T23:59:59Z';
const developer = (commits: number, first: string, last: string) => ({ commits, firstCommit: `${first}T10:00:00.000Z`, lastCommit: `${last}T10:00:00.000Z` });

describe('oneOffOf', () => {
  it('is one or two commits in the whole history, however far apart', () => {
    expect(oneOffOf(developer(1, '2019-12-18', '2019-12-18'), REFERENCE)).toEqual({ commits: 1, first: '2019-12-18', last: '2019-12-18' });
    expect(oneOffOf(developer(2, '2017-03-01', '2019-12-30'), REFERENCE)).toEqual({ commits: 2, first: '2017-03-01', last: '2019-12-30' });
    expect(oneOffOf(developer(3, '2017-03-01', '2019-12-30'), REFERENCE)).toBeUndefined();
  });

  it('is up to five commits within a week and none since, one contribution (helm: Efrat19, Dean Coakley)', () => {
    expect(oneOffOf(developer(4, '2019-10-06', '2019-10-07'), REFERENCE)).toEqual({ commits: 4, first: '2019-10-06', last: '2019-10-07' });
    expect(oneOffOf(developer(5, '2019-10-09', '2019-10-09'), REFERENCE)).toMatchObject({ commits: 5 });
    // More commits in a week: someone at work; more than a week: someone who came back.
    expect(oneOffOf(developer(6, '2019-10-06', '2019-10-07'), REFERENCE)).toBeUndefined();
    expect(oneOffOf(developer(4, '2019-10-06', '2019-10-20'), REFERENCE)).toBeUndefined();
    // Their commits are all of the last week: new, not gone.
    expect(oneOffOf(developer(4, '2019-12-27', '2019-12-30'), REFERENCE)).toBeUndefined();
  });

  it('is not someone credited only as a co-author (no commit of their own to judge by)', () => {
    expect(oneOffOf({ commits: 0, firstCommit: 'Invalid Date', lastCommit: 'Invalid Date' }, REFERENCE)).toBeUndefined();
  });

  it('words their whole history, and the rule, as the reports say them', () => {
    expect(oneOffWords({ commits: 1, first: '2019-12-18', last: '2019-12-18' })).toBe('1 commit in the whole history, on 2019-12-18');
    expect(oneOffWords({ commits: 5, first: '2019-10-09', last: '2019-10-09' })).toBe('5 commits in the whole history, all on 2019-10-09');
    expect(oneOffWords({ commits: 4, first: '2019-10-06', last: '2019-10-07' })).toBe('4 commits in the whole history, 2019-10-06 to 2019-10-07');
    expect(ONE_OFF_DEFINITION).toBe('2 commits or fewer in the whole history, or up to 5 within 7 days and none since');
  });

  // A review: at depth 6 a regular of 26 commits read "a one-off contributor: 2 commits in the whole
  // history", and lost the successor's tie; a shallow clone's counts are the fetched history's.
  it('marks nobody in a shallow clone or under --model classic', () => {
    const developers = [{ id: 'dave@x', name: 'Dave', emails: ['dave@x'], names: ['Dave'], commits: 2, firstCommit: '2024-05-01T00:00:00Z', lastCommit: '2024-06-01T00:00:00Z', filesAuthored: 0 }];
    const analysis = (isShallow: boolean, model: 'talentrisk' | 'classic' = 'talentrisk') => ({ developers, model, settings: { referenceDate: '2024-06-30T23:59:59Z' }, repository: { isShallow } }) as unknown as Parameters<typeof oneOffsOf>[0];
    expect([...oneOffsOf(analysis(false)).keys()]).toEqual(['dave@x']);
    expect(oneOffsOf(analysis(true)).size).toBe(0);
    expect(oneOffsOf(analysis(false, 'classic')).size).toBe(0);
  });
});
