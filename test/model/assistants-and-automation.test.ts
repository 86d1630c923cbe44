import { describe, expect, it } from 'vitest';
import { botPatternsCatchingPeople, isAutomated } from '../../src/model/automation.ts';
import { createBotMatcher, wildcardMatcher } from '../../src/model/identity.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import { buildRepo } from '../helpers/git-fixture.ts';

describe('AI assistants and automation accounts', () => {
  it('treats AI coding assistants credited as co-authors as tools, not people', () => {
    const isBot = createBotMatcher([]);
    expect(isBot({ name: 'Claude', email: 'noreply@anthropic.com' })).toBe(true);
    expect(isBot({ name: 'Claude Opus 4.6', email: 'noreply@anthropic.com' })).toBe(true);
    expect(isBot({ name: 'Copilot', email: '175728472+Copilot@users.noreply.github.com' })).toBe(true);
    expect(isBot({ name: 'Cursor Agent', email: 'cursoragent@cursor.com' })).toBe(true);
    expect(isBot({ name: 'GPT-5 Codex', email: 'codex@openai.com' })).toBe(true);
    expect(isBot({ name: 'Codex', email: 'noreply@openai.com' })).toBe(true);
    // git-svn's and cvs2svn's placeholder for a revision with no author is no developer either.
    expect(isBot({ name: '(no author)', email: '(no author)@13f79535-47bb-0310-9956-ffa450edef68' })).toBe(true);
    // People named like an assistant stay people.
    expect(isBot({ name: 'Claude Monet', email: 'claude@monet.example' })).toBe(false);
    expect(isBot({ name: 'Travis Copilotti', email: 'travis@example.com' })).toBe(false);
  });

  it('an assistant co-author neither authors files nor counts as a developer', { tags: ['slow'] }, async () => {
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'ada', write: { 'b.ts': 5 }, coAuthors: [{ name: 'Claude', email: 'noreply@anthropic.com' }] },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.developers.map((d) => d.name)).toEqual(['Ada']);
    expect(analysis.bots).toEqual(['Claude']);
  });

  // Regression (pytest, a tester): "Cursor AI <ai@cursor.sh>" (42 credits) was a developer authoring
  // 7 files and a handoff's successor; Anthropic's, Cursor's and xAI's other addresses counted too.
  it('leaves out assistants by their own addresses and logins in trailers, and keeps people at their companies or with their names', { tags: ['slow'] }, async () => {
    const assistants = [
      { name: 'Cursor AI', email: 'ai@cursor.sh' },
      { name: 'Anthropic Claude Opus 4', email: 'claude@anthropic.com' },
      { name: 'Claude Opus 4', email: 'claude-opus-4@anthropic.com' },
      { name: 'Claude Sonnet 4', email: 'claude-sonnet-4@anthropic.com' },
      { name: 'Cursor Grok 4.5', email: 'grok@x.ai' },
      { name: 'Cursor Agent', email: '199161495+cursoragent@users.noreply.github.com' },
      { name: 'GitHub Copilot', email: 'copilot@github.com' },
      { name: 'Claude', email: '242468646+Claude@users.noreply.github.com' },
      { name: 'GLM-5.2', email: 'noreply@z.ai' },
      { name: 'AI (Pi/GPT-5.5)', email: 'noreply@pi.dev' },
      { name: 'Oz', email: 'oz-agent@warp.dev' },
    ];
    const people = [
      { name: 'Jane Doe', email: 'jane@anthropic.com' },
      { name: 'Claude Monet', email: 'claude.monet@giverny.example' },
      { name: 'Claude', email: 'claude@giverny.example' },
      { name: 'Grok Fan', email: 'grok@fans.example' },
    ];
    const repo = buildRepo([...assistants, ...people].map((coAuthor, i) => ({ author: 'ada', write: { [`f${i}.ts`]: 5 }, coAuthors: [coAuthor] })));
    const analysis = await analyzeRepo(repo.dir);
    expect(analysis.bots.sort()).toEqual(assistants.map((assistant) => assistant.name).sort());
    expect(analysis.developers.map((d) => d.name).sort()).toEqual(['Ada', 'Claude', 'Claude Monet', 'Grok Fan', 'Jane Doe']);
  });

  it('init proposes automation accounts as bot candidates, not people with such names', () => {
    // denobot, crowlbot, nathan+bot: deno's own accounts, which the first rules missed (a new-user test).
    for (const text of ['ci', 'Deploy', 'jenkins', 'release-robot', 'build.bot', 'renovate-approve', 'github-actions', 'svc_automation', 'denobot', 'crowlbot', 'nathanwhitbot', 'nathan+bot', 'Travis CI', 'travis-ci', 'snyk', 'greenkeeperio', 'renovate[bot]', 'hugoreleaser', 'goreleaser', 'go-releaser', 'Spring Buildmaster', 'Spring Builds', 'Spring Operator']) {
      expect(isAutomated(text), text).toBe(true);
    }
    // Bogdan Kolesnyk ends in `snyk`, and Travis alone is a person's name (vuejs/core proposed both).
    for (const text of ['Travis Jeffery', 'Jon Jenkins', 'Zane', 'Dana Sherson', 'Anton Jenkins', 'robotham', 'abbot', 'Talbot', 'Chabot', 'sam.talbot', 'Andreu Botella', 'subotac', 'Cibele Build', 'Travis Cinder', 'Bogdan Kolesnyk', 'kolesnyk', 'Travis', 'Hugo Releaser', 'xreleaser', 'releasers', 'Jane Van Operator', 'Operator']) {
      expect(isAutomated(text), text).toBe(false);
    }
  });

  it('names a wildcard bot pattern that also leaves out someone who looks like a person; an exact pattern is taken as meant', () => {
    const identities = [
      { name: 'Jane Talbot', email: 'jane@talbot.example' },
      { name: 'renovate-bot', email: 'bot@renovateapp.com' },
      { name: 'svc-deploy', email: 'svc-deploy@corp.example' },
      { name: 'Sam Abbot', email: 'sam@example.com' },
      { name: 'Nightly Robot', email: 'nightly@corp.example' },
      { name: 'Ludwig van Talbot', email: 'lvt@example.com' },
      { name: 'Travis CI', email: 'builds@travis-ci.example' },
    ];
    const bots = identities.map((identity, index) => ({ name: identity.name, names: [identity.name], emails: [identity.email], commits: 10 - index, members: [index] }));
    expect(botPatternsCatchingPeople(bots, identities, ['*bot*', 'svc-*', 'Sam Abbot', '*travis*'], wildcardMatcher)).toEqual([
      // Not renovate-bot (automated by its name), nor Nightly Robot (a "robot" word), nor svc-deploy
      // (no person's name); Sam Abbot is named exactly, so only Jane's pattern is in doubt.
      // Nor Travis CI (a machine's word); Ludwig van Talbot is a person, particle and all (review).
      { pattern: '*bot*', people: [{ name: 'Jane Talbot', commits: 10 }, { name: 'Sam Abbot', commits: 7 }, { name: 'Ludwig van Talbot', commits: 5 }] },
    ]);
    expect(botPatternsCatchingPeople(bots, identities, ['Jane Talbot'], wildcardMatcher)).toEqual([]);
  });

  it('names a commit that adds 300 files or more: its author counts as the creator of all of them (deno: an imported repository)', { tags: ['slow'] }, async () => {
    const imported = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`core/f${i}.ts`, 'x\n']));
    const repo = buildRepo([
      { author: 'ada', write: { 'a.ts': 5 } },
      { author: 'bob', write: imported, message: 'merge the core repository' },
    ]);
    const analysis = await analyzeRepo(repo.dir);
    const sha = repo.git('rev-parse', 'HEAD').trim().slice(0, 10);
    expect(analysis.warnings).toContain(
      `a commit adds 300 files or more (${sha} by Bob: 300 analysed files): its author counts as the creator of every file it adds; if it imported code, that history is elsewhere, and if it copied files of this repository (a new version of a folder), their history stays with the originals, as git follows no copy (docs/metrics.md, "Limits of the method"), and config \`ignoreRevs\` can leave it out; listed in config \`acknowledgedRevs\`, a commit is not named again and the figures stay as they are`,
    );
  });

  it('warns in the scan when a bots pattern catches a person, and still leaves them out as configured', { tags: ['slow'] }, async () => {
    const repo = buildRepo([
      { author: { name: 'Jane Talbot', email: 'jane@talbot.example' }, write: { 'a.ts': 5 } },
      { author: 'ada', write: { 'b.ts': 5 } },
      { author: { name: 'crowlbot', email: 'crowl@bots.example' }, write: { 'c.ts': 5 } },
    ]);
    const analysis = await analyzeRepo(repo.dir, { config: { bots: ['*bot*'] } });
    expect(analysis.bots).toEqual(['Jane Talbot', 'crowlbot']);
    expect(analysis.warnings).toContain(
      'config bots: "*bot*" also leaves out an author who looks like a person: Jane Talbot (1 commit); if they are people, make the pattern stricter or name each bot exactly',
    );
    const exact = await analyzeRepo(repo.dir, { config: { bots: ['crowlbot', 'Jane Talbot'] } });
    expect(exact.warnings.filter((warning) => warning.startsWith('config bots'))).toEqual([]);
  });
});
