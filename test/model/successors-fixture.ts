import type { FixtureCommit } from '../helpers/git-fixture.ts';

// A small helm (a first-time user's run of `scan --leaving` and `handoff` on helm/helm at 2020-01-01,
// Adam Reese leaving): the successors and "best placed" people the history names, measured on
// 2025-01-01 (analyzeRepo's clock, or --until), inactive after 180 days (the default).

/**
 * Modules at depth 1: `.`, pkg, cmd, docs. Adam creates and changes his files; the others:
 *
 * - matt, a regular: creates 5 root files (their author), changes the Makefile once (8 of Adam's
 *   changes: DOA 3.457 − 0.321·ln 9 = 2.75, normDOA 0.50, weak);
 * - tom, a regular (notes in docs, weeks apart), and say, one commit in all (a one-off contributor),
 *   each change .golangci.yml once: DOA 3.293 + 0.164 − 0.321·ln 3 = 3.10, normDOA 0.74 against
 *   Adam's 4.20, as helm's sayboras; a tie, which went to say's later change;
 * - martin, a regular, changes pkg/secrets.go by hand; josh, one commit in all ("Spelling"),
 *   changes pkg/secrets.go and pkg/dependency.go: on secrets.go a tie with martin, which went to
 *   josh's later change; on dependency.go josh alone;
 * - efrat: 4 commits over two days of October 2024, 3 of them to cmd/plugin_list.go (DOA
 *   3.293 + 0.492 − 0.321·ln 5 = 3.27, normDOA 0.75); fisher, a regular, changed it once by hand
 *   (DOA 3.457 − 0.321·ln 7 = 2.83, 0.87 of efrat's);
 * - marc works on cmd/other.go, 10 commits of the last 90 days, and on none of Adam's files.
 * Everyone but Adam committed in the last 90 days (nobody is fading out).
 */
export function smallHelm(): FixtureCommit[] {
  const at = (day: string) => `${day}T10:00:00Z`;
  const commits: FixtureCommit[] = [
    { author: 'matt', at: at('2024-02-01'), message: 'Root', write: { 'main.go': 5, 'go.mod': 5, 'version.go': 5, 'doc.go': 5, 'util.go': 5 } },
    {
      author: 'adam',
      at: at('2024-03-01'),
      message: 'Initial',
      write: { Makefile: 5, '.golangci.yml': 5, 'pkg/secrets.go': 5, 'pkg/dependency.go': 5, 'pkg/driver.go': 5, 'cmd/plugin_list.go': 5, 'cmd/root.go': 5 },
    },
  ];
  for (let day = 2; day <= 9; day++) {
    const more: Record<string, number> = day <= 4 ? { 'pkg/secrets.go': 5, 'pkg/dependency.go': 5, 'cmd/plugin_list.go': 5, 'cmd/root.go': 5 } : {};
    commits.push({ author: 'adam', at: at(`2024-03-0${day}`), message: `Build ${day}`, write: { Makefile: 5, ...more } });
  }
  commits.push({ author: 'adam', at: at('2024-03-10'), message: 'Lint', write: { '.golangci.yml': 5 } });
  commits.push(
    { author: 'marc', at: at('2024-05-01'), message: 'Other', write: { 'cmd/other.go': 5 } },
    { author: 'fisher', at: at('2024-06-01'), message: 'Notes', write: { 'docs/fisher.md': 5 } },
    { author: 'fisher', at: at('2024-07-01'), message: 'Plugin list fix', write: { 'cmd/plugin_list.go': 5 } },
    { author: 'tom', at: at('2024-07-10'), message: 'Notes', write: { 'docs/tom.md': 5 } },
    { author: 'martin', at: at('2024-07-15'), message: 'Notes', write: { 'docs/martin.md': 5 } },
    { author: 'matt', at: at('2024-08-01'), message: 'Build', write: { Makefile: 5 } },
    { author: 'fisher', at: at('2024-11-01'), message: 'Notes', write: { 'docs/fisher.md': 6 } },
    { author: 'tom', at: at('2024-11-05'), message: 'Notes', write: { 'docs/tom.md': 6 } },
    { author: 'martin', at: at('2024-08-15'), message: 'Secrets fix', write: { 'pkg/secrets.go': 5 } },
    { author: 'matt', at: at('2024-11-01'), message: 'Util', write: { 'util.go': 6 } },
    { author: 'tom', at: at('2024-09-10'), message: 'Lint settings', write: { '.golangci.yml': 5 } },
    { author: 'martin', at: at('2024-11-15'), message: 'Notes', write: { 'docs/martin.md': 6 } },
    { author: 'efrat', at: at('2024-10-06'), message: 'Plugin aliases', write: { 'cmd/plugin_list.go': 5 } },
    { author: 'efrat', at: at('2024-10-06'), message: 'Trailing whitespace', write: { 'cmd/plugin_list.go': 5 } },
    { author: 'efrat', at: at('2024-10-07'), message: 'Golint', write: { 'cmd/plugin_list.go': 5 } },
    { author: 'efrat', at: at('2024-10-07'), message: 'Notes', write: { 'docs/efrat.md': 5 } },
    { author: 'say', at: at('2024-11-09'), message: 'Timeout instead of deadline', write: { '.golangci.yml': 5 } },
    { author: 'josh', at: at('2024-11-20'), message: 'Spelling', write: { 'pkg/secrets.go': 5, 'pkg/dependency.go': 5 } },
  );
  for (let i = 0; i < 10; i++) commits.push({ author: 'marc', at: at(`2024-${i < 5 ? '11' : '12'}-${String(10 + (i % 5) * 2).padStart(2, '0')}`), message: `Other ${i}`, write: { 'cmd/other.go': 5 } });
  return commits.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
}
