import { describe, expect, it } from 'vitest';
import { authorsAfter, computeDepartures } from '../../src/model/departures.ts';
import { filesByModule } from '../../src/model/modules.ts';
import { resolveDepartures } from '../../src/model/resolve-departures.ts';
import { mostActiveByModule } from '../../src/model/handoff-areas.ts';
import { moduleStandingOf, takeOverByModule, type TakeOver } from '../../src/model/take-over.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { handoffOf } from '../report/handoff-fixture.ts';
import { smallHelm } from './successors-fixture.ts';

// helm at 2020-01-01 with Adam Reese leaving (a first-time user): drive-by contributors named
// successors and "best placed", and nothing said of who works in a module now. The fixture is a
// small helm (successors-fixture.ts).

const id = (name: string) => `${name}@example.com`;

async function helm(model: 'talentrisk' | 'classic' = 'talentrisk') {
  return analyzeRepo(buildRepo(smallHelm()).dir, { depth: 1, model });
}

describe('successors who barely touched the code (scan --leaving)', { tags: ['slow'] }, () => {
  it('gives an equal DOA to who changed the file hands-on, says who is a one-off contributor, and names who worked on it by hand beside one', async () => {
    const analysis = await helm();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['adam'] }));
    const file = (path: string) => result.orphanedFiles.find((f) => f.path === path);
    // helm's secrets.go: Josh Soref's spelling commit tied with Martin Hickey's fix, and won on recency.
    expect(file('pkg/secrets.go')).toMatchObject({ strength: 'weak', successor: { id: id('martin'), commits: 1 } });
    expect(file('pkg/secrets.go')?.successor?.oneOff).toBeUndefined();
    // sayboras' one commit tied with a regular's.
    expect(file('.golangci.yml')?.successor).toMatchObject({ id: id('tom') });
    // Nobody else changed dependency.go: Josh stays its successor, said to be a one-off contributor.
    expect(file('pkg/dependency.go')).toMatchObject({ strength: 'weak', successor: { id: id('josh'), oneOff: { commits: 1, first: '2024-11-20', last: '2024-11-20' } } });
    expect(file('pkg/dependency.go')?.handsOnSuccessor).toBeUndefined();
    // Efrat19: 4 commits over two days; Matthew Fisher changed the file by hand, at 0.87 of her DOA.
    expect(file('cmd/plugin_list.go')).toMatchObject({ strength: 'weak', successor: { id: id('efrat'), oneOff: { commits: 4, first: '2024-10-06', last: '2024-10-07' } }, handsOnSuccessor: { id: id('fisher'), commits: 1 } });
    expect(result.names[id('fisher')]).toBe('Fisher');
  });

  it('keeps the published figures: the same strengths and DOAs as the classic model, only other names', async () => {
    const figures = (result: ReturnType<typeof computeDepartures>) => result.orphanedFiles.map((f) => [f.path, f.strength, f.successor?.doa, f.successor?.normDoa]);
    const analysis = await helm();
    const classic = await helm('classic');
    const talentrisk = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['adam'] }));
    const published = computeDepartures(classic, resolveDepartures(classic.developers, { leaving: ['adam'] }));
    expect(figures(talentrisk)).toEqual(figures(published));
    expect([talentrisk.after, talentrisk.noActiveAuthorFiles]).toEqual([published.after, published.noActiveAuthorFiles]);
    // The classic model adds nothing: the tie goes by recency, nobody is a one-off contributor.
    const file = (path: string) => published.orphanedFiles.find((f) => f.path === path);
    expect(file('pkg/secrets.go')?.successor).toMatchObject({ id: id('josh') });
    expect(file('pkg/secrets.go')?.successor?.oneOff).toBeUndefined();
    expect(file('cmd/plugin_list.go')?.handsOnSuccessor).toBeUndefined();
  });

  // helm's root module: "sayboras (1, all weak)" over Matt Butcher, successor on one file too and
  // the author of 5 of its 10.
  it('breaks a tie for best placed by the files of the module they author, and ranks a one-off contributor last', async () => {
    const analysis = await helm();
    const result = computeDepartures(analysis, resolveDepartures(analysis.developers, { leaving: ['adam'] }));
    // Their standing in the root module: the files of it they author once Adam has left, and their changes to it.
    expect(moduleStandingOf(filesByModule(analysis).get('.') ?? [], new Set([id('matt'), id('tom')]), authorsAfter([id('adam')]))).toEqual({ [id('matt')]: { files: 5, changes: 7 }, [id('tom')]: { files: 0, changes: 1 } });
    const ranked = (takeOver: ReadonlyMap<string, TakeOver>) => Object.fromEntries([...takeOver].map(([module, t]) => [module, t.candidates.map((c) => [c.id, c.files, c.oneOff])]));
    expect(ranked(result.takeOver)).toEqual({
      '.': [
        [id('matt'), 1, false],
        [id('tom'), 1, false],
      ],
      pkg: [
        [id('martin'), 1, false],
        [id('josh'), 1, true],
      ],
      cmd: [[id('efrat'), 1, true]],
    });
    // Without the module's standing, what they know of the file decides: Tom's normDOA 0.74 over Matt's 0.50.
    expect(ranked(takeOverByModule(result.orphanedFiles))['.']?.[0]).toEqual([id('tom'), 1, false]);
  });
});

describe('who works in a module now (handoff)', { tags: ['slow'] }, () => {
  // helm's cmd: Marc Khouzam, who took over after Adam Reese, had barely touched its files and was
  // nobody's successor; he made the most commits to it in the last 90 days.
  it('names the most active committer of the last 90 days who stays, beside weak successors, and ranks the area’s candidates as scan does', async () => {
    const report = await handoffOf(await helm(), 'adam', { critical: [] });
    const area = (module: string) => report.areas.find((a) => a.module === module);
    expect(area('cmd')?.mostActiveLately).toEqual({ id: id('marc'), commits: 10 });
    // Efrat (one-off, 3 commits of the last 90 days) and Josh (one-off) are no pointer; nobody else committed to pkg lately.
    expect(area('pkg')?.mostActiveLately).toBeUndefined();
    expect(area('.')?.mostActiveLately).toEqual({ id: id('matt'), commits: 1 });
    expect(area('.')?.takeOver.candidates.map((c) => [c.id, c.moduleFilesAuthored])).toEqual([
      [id('matt'), 5],
      [id('tom'), 0],
    ]);
    const owners = Object.fromEntries(report.checklist.flatMap((item) => (item.kind === 'owner-area' ? [[item.module, [item.bestPlaced?.id, item.mostActiveLately?.id]]] : [])));
    // The pointer beside a best placed who is weak on all the files, or a one-off contributor, and someone else.
    expect(owners).toEqual({ '.': [id('matt'), undefined], pkg: [id('martin'), undefined], cmd: [id('efrat'), id('marc')] });
    const plugin = report.checklist.find((item) => item.kind === 'transfer-file' && item.path === 'cmd/plugin_list.go');
    expect(plugin).toMatchObject({ successor: id('efrat'), oneOff: { commits: 4 }, handsOnSuccessor: id('fisher') });
    // sayboras' commit is more recent than Tom's, but a one-off contributor is no "more recent" successor.
    expect(report.areas.flatMap((a) => a.files).find((f) => f.path === '.golangci.yml')?.recentSuccessor).toBeUndefined();
  });

  it('counts a commit once per module, for people who stay and are available, on analysed files only', () => {
    const analysis = {
      developers: [
        { id: 'ann', emails: ['Ann@Example.com'] },
        { id: 'bob', emails: ['bob@example.com'] },
        { id: 'gone', emails: ['gone@example.com'] },
      ] as never,
      files: ['cmd/a.go', 'cmd/b.go', 'pkg/c.go'].map((path) => ({ path })) as never,
    };
    const moduleOf = (path: string) => path.slice(0, path.indexOf('/'));
    const commit = (email: string | undefined, time: number, files: string[]) => ({ sha: String(time), time, subject: 's', files, ...(email ? { email } : {}) });
    const active = mostActiveByModule(
      [
        commit('ann@example.com', 1, ['cmd/a.go', 'cmd/b.go']),
        commit('bob@example.com', 2, ['cmd/a.go']),
        commit('bob@example.com', 3, ['cmd/vendor.lock', 'pkg/c.go']),
        commit('gone@example.com', 4, ['cmd/a.go']),
        commit('gone@example.com', 5, ['cmd/a.go']),
        commit('bot@example.com', 6, ['cmd/a.go']),
        commit(undefined, 7, ['cmd/a.go']),
      ],
      analysis,
      moduleOf,
      new Set(['gone']),
    );
    // cmd: ann 1, bob 1 (a tie: the most recent); pkg: bob.
    expect(Object.fromEntries(active)).toEqual({ cmd: { id: 'bob', commits: 1 }, pkg: { id: 'bob', commits: 1 } });
  });
});
