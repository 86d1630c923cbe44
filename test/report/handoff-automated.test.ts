import { describe, expect, it } from 'vitest';
import { toHandoffJson } from '../../src/report/handoff-json.ts';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { handoffOutputSchema } from '../../src/report/handoff-schema.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { automatedHistory, buildNamed, handoffOf } from './handoff-fixture.ts';

// Regression (laravel, first-time users): GitHub Actions commit as `taylorotwell <…@users.noreply.github.com>`
// ("Update facade docblocks" 468 times, "Update CHANGELOG" 213, "Update version to v…" 211: 920 of
// the 921 commits under those addresses); his biggest area listed 29 facade stubs before Str.php, with
// no word that a machine had made those commits.
describe('handoff: an address a machine commits under', () => {
  it('says which of their addresses look automated, with the subjects and the config that leaves them out, and keeps the figures', async () => {
    const repo = buildNamed('automated', automatedHistory());
    const analysis = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 } } });
    const report = await handoffOf(analysis, 'ada@example.com', { critical: [] });
    expect(report.person.emails).toEqual(['1+ada@users.noreply.github.com', 'ada@example.com']);
    // The 5 commits of ci@old.example are the address's too (after .mailmap); Ada's own are not judged automated.
    expect(report.automatedAddresses).toEqual([
      {
        email: '1+ada@users.noreply.github.com',
        commits: 62,
        repeatedCommits: 62,
        subjects: [
          { subject: 'Update facade docblocks', commits: 50 },
          { subject: 'Update version to vX', commits: 12 },
        ],
      },
    ]);
    // The figures count those commits, as the published model does.
    expect(report.person.commits).toBe(64);
    expect(report.areas.flatMap((area) => area.files.map((file) => file.path))).toContain('lib/facade.ts');
    const markdown = renderHandoffMarkdown(report);
    expect(markdown).toContain(
      '\n⚠️ 62 of the 62 commits of the last 2 years under `1+ada@users.noreply.github.com` repeat 2 subjects (Update facade docblocks 50, Update version to vX 12): they look automated (a CI job committing as Ada Lovelace); if so, config `bots: ["1+ada@users.noreply.github.com"]` leaves them out. The figures below count them as Ada Lovelace’s work.\n',
    );
    const json = toHandoffJson(report);
    expect(handoffOutputSchema.parse(json)).toEqual(json);
    expect(json.automatedAddresses).toEqual(report.automatedAddresses);

    // The advice works: with that address among the bots, those commits are left out, and nothing is said.
    const withBots = await analyzeRepo(repo.dir, { depth: 1, config: { model: { inactiveAfter: 365 }, bots: ['1+ada@users.noreply.github.com'] } });
    const after = await handoffOf(withBots, 'ada@example.com', { critical: [] });
    expect(after.person).toMatchObject({ emails: ['ada@example.com'], commits: 2 });
    expect(after.automatedAddresses).toEqual([]);
    expect(renderHandoffMarkdown(after)).not.toContain('look automated');
  });
});
