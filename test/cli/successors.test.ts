import { describe, expect, it } from 'vitest';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { scanOutputSchema } from '../../src/report/scan-schema.ts';
import { buildRepo } from '../helpers/git-fixture.ts';
import { runCli } from '../helpers/run-cli.ts';
import { smallHelm } from '../model/successors-fixture.ts';

// helm at 2020-01-01, Adam Reese leaving (a first-time user): the departures table and the handoff
// named sayboras (one commit) "best placed" for the root module, Josh Soref (one commit, "Spelling")
// the successor of secrets.go, Efrat19 (4 commits over two days) that of plugin_list.go, and said
// nothing of Marc Khouzam, who worked in cmd every week. On a small helm (successors-fixture.ts).

const run = (dir: string, ...args: string[]) => runCli([...args, '--until', '2025-01-01', '--depth', '1'], { cwd: dir });

describe('successors who barely touched the code (black box)', { tags: ['slow'] }, () => {
  it('scan --leaving: best placed by who authors the module, one-off contributors said and ranked last, who worked on a file by hand', () => {
    const repo = buildRepo(smallHelm());
    const text = run(repo.dir, '--leaving', 'adam', '-q').stdout;
    const row = (start: string) => text.split('\n').find((line) => line.startsWith(start)) ?? '';
    expect(row('    .  ')).toMatch(/ {2}Matt \(1, all weak\)$/);
    expect(row('    pkg  ')).toMatch(/ {2}Martin \(1, all weak\)$/);
    expect(row('    cmd  ')).toMatch(/ {2}Efrat \(1, all weak; one-off\)$/);
    expect(text).toContain('best placed: who stays and is the successor on most of those files, and on how many, between equals who authors most of the module; one-off: 2 commits or fewer in the whole history, or up to 5 within 7 days and none since;');
    expect(row('    .golangci.yml ')).toMatch(/ {2}Tom \(weak, DOA [\d.]+\)$/);
    expect(row('    pkg/secrets.go ')).toMatch(/ {2}Martin \(weak, DOA [\d.]+\)$/);
    expect(row('    pkg/dependency.go ')).toMatch(/ {2}Josh \(weak, DOA [\d.]+, one-off\)$/);
    expect(row('    cmd/plugin_list.go ')).toMatch(/ {2}Efrat \(weak, DOA [\d.]+, one-off; hands-on: Fisher\)$/);
    expect(text).toContain('; hands-on: who changed it themselves, with the highest DOA)');

    const markdown = run(repo.dir, '--leaving', 'adam', '--format', 'markdown').stdout;
    expect(markdown).toMatch(/\| `\.` \|.*\| Matt \(1, all weak\) \|\n/);
    expect(markdown).toMatch(/\| `cmd` \|.*\| Efrat \(1, all weak; a one-off contributor\) \|\n/);

    const json = scanOutputSchema.parse(JSON.parse(run(repo.dir, '--leaving', 'adam', '--format', 'json').stdout));
    const file = (path: string) => json.departures?.orphanedFiles.find((f) => f.path === path);
    expect(file('pkg/dependency.go')?.successor).toMatchObject({ name: 'Josh', oneOff: { commits: 1, first: '2024-11-20', last: '2024-11-20' } });
    expect(file('pkg/dependency.go')?.handsOnSuccessor).toBeNull();
    expect(file('cmd/plugin_list.go')).toMatchObject({ successor: { name: 'Efrat', oneOff: { commits: 4 } }, handsOnSuccessor: { name: 'Fisher', bulkOnly: false, oneOff: null } });
    expect(file('pkg/secrets.go')?.successor).toMatchObject({ name: 'Martin', oneOff: null });
  });

  it('handoff: says it beside the successor, in the take-over and the checklist, and who is most active in the area lately', () => {
    const repo = buildRepo(smallHelm());
    const markdown = run(repo.dir, 'handoff', 'adam').stdout;
    expect(markdown).toContain('\n**Who could take over** the 2 files nobody active would author after Adam: Matt, successor on 1 (weak) and author of 5 other files of the module; Tom on 1 (weak). Matt is also the most active here lately: 1 commit in the last 90 days.\n');
    expect(markdown).toContain('\n**Who could take over** the 3 files nobody active would author after Adam: Martin, successor on 1 (weak); Josh on 1 (weak; a one-off contributor). No successor for 1: nobody active who stays has changed it.\n');
    expect(markdown).toContain(
      '\n**Who could take over** the 2 files nobody active would author after Adam: Efrat, successor on 1 (weak; a one-off contributor). No successor for 1: nobody active who stays has changed it. Most active here lately: Marc (10 commits in the last 90 days).\n',
    );
    expect(markdown).toContain('| `pkg/dependency.go` | 2024-03-04 | 4 | Josh (weak; a one-off contributor: 1 commit in the whole history, on 2024-11-20) |');
    expect(markdown).toContain('| `pkg/secrets.go` | 2024-03-04 | 4 | Martin (weak: walk through it together) |');
    expect(markdown).toContain('| `cmd/plugin_list.go` | 2024-03-04 | 4 | Efrat (weak; a one-off contributor: 4 commits in the whole history, 2024-10-06 to 2024-10-07); hands-on: Fisher (1 commit, last 2024-07-01) |');
    expect(markdown).toContain('\n- [ ] Name a new owner for `.` (2 files only Adam knows); best placed: Matt, successor on 1 of them (weak).\n');
    expect(markdown).toContain('\n- [ ] Name a new owner for `cmd` (2 files only Adam knows); best placed: Efrat, successor on 1 of them (weak; a one-off contributor); most active here lately: Marc (10 commits in the last 90 days).\n');
    expect(markdown).toContain('\n- [ ] Walk through `cmd/plugin_list.go` with Fisher, who worked on it hands-on: the nearest successor, Efrat, is a one-off contributor (4 commits in the whole history, 2024-10-06 to 2024-10-07).\n');
    expect(markdown).toContain('\n- [ ] Walk through `pkg/dependency.go` with its new owner: the nearest successor, Josh, is a one-off contributor (1 commit in the whole history, on 2024-11-20).\n');
    expect(markdown).toContain('A *one-off contributor* has made 2 commits or fewer in the whole history, or up to 5 within 7 days and none since');
    expect(markdown).toContain('*Most active here lately* names who stays and made the most commits to the module’s files in the last 90 days');
    expect(markdown).not.toMatch(/more recent: Say/);

    const json = handoffOutputSchema.parse(JSON.parse(run(repo.dir, 'handoff', 'adam', '--format', 'json').stdout));
    const area = (module: string) => json.areas.find((a) => a.module === module);
    expect(area('cmd')?.mostActiveLately).toEqual({ id: 'marc@example.com', name: 'Marc', commits: 10 });
    expect(area('pkg')?.mostActiveLately).toBeNull();
    expect(area('pkg')?.takeOver.candidates.map((c) => [c.name, c.oneOff])).toEqual([
      ['Martin', false],
      ['Josh', true],
    ]);
    expect(area('cmd')?.files.find((f) => f.path === 'cmd/plugin_list.go')).toMatchObject({ successor: { name: 'Efrat', oneOff: { commits: 4, first: '2024-10-06', last: '2024-10-07' } }, handsOnSuccessor: { name: 'Fisher', oneOff: null } });
    expect(json.checklist).toContainEqual(expect.objectContaining({ kind: 'owner-area', module: 'cmd', mostActiveLately: { id: 'marc@example.com', name: 'Marc', commits: 10 } }));
    expect(json.checklist).toContainEqual(expect.objectContaining({ kind: 'transfer-file', path: 'cmd/plugin_list.go', oneOff: true, handsOnSuccessor: { id: 'fisher@example.com', name: 'Fisher' } }));

    // An extension, as hands-on and one-off are: not under --model classic (a review).
    const classic = run(repo.dir, 'handoff', 'adam', '--model', 'classic').stdout;
    expect(classic).not.toContain('most active here lately');
    expect(classic).not.toContain('Most active here lately');
  });
});
