import { describe, expect, it } from 'vitest';
import { parseConfigText as parseConfig } from '../../src/config/parse.ts';
import { folderGlob, renderStarterConfig, type StarterInput } from '../../src/config/starter.ts';
import { testDataFolders } from '../../src/model/test-data.ts';
import { createSystemMatcher } from '../../src/model/critical.ts';
import { codeownersCandidates } from '../../src/cli/commands/init.ts';

const input: StarterInput = {
  repository: 'shop',
  revision: '0123456789abcdef0123',
  date: '2024-06-30',
  moduleDepth: 2,
  moduleChains: [],
  moduleCount: 2,
  modules: [
    { path: 'src/payments', paths: ['src/payments/**', '!src/payments/sdk/**'], files: 14, truckFactor: 1, owners: ['Ada'], packagesIncluded: 0 },
    { path: 'src/auth', paths: ['src/auth/**'], files: 3, truckFactor: 2, owners: ['Ada', 'Bob'], packagesIncluded: 4 },
  ],
  codeowners: { file: '.github/CODEOWNERS', systems: [{ name: '@org/payments', paths: ['src/payments/**'], lines: [4, 7] }] },
  bots: ['dependabot[bot]'],
  botCandidates: [{ name: 'Jenkins', commits: 120 }],
  schemaPath: './node_modules/talentrisk/schema/talentrisk.schema.json',
  testData: [],
  analysedFiles: 17,
};

describe('CODEOWNERS lines that name no analysed file (pnpm: 7 of 8, and init said only "0 from .github/CODEOWNERS")', () => {
  const text = ['* @lead', '/src/gone/ @ann', '/src/hooks/* @bob', '/src/pay/** @carl', '/docs/old.md', '# comment'].join('\n');
  const files = ['src/hooks/a/x.ts', 'src/pay/p.ts', 'README.md'];

  it('finds them, and the `dir/*` whose files are all deeper', () => {
    // Not the catch-all, not a line without owners, not one that matches.
    expect(codeownersCandidates(text, files).unmatched).toEqual([
      { line: 2, pattern: '/src/gone/', deeper: false },
      { line: 3, pattern: '/src/hooks/*', deeper: true },
    ]);
  });

  it('lists them in a comment of the starter config, which still loads', () => {
    const config = renderStarterConfig({ ...input, codeowners: { file: '.github/CODEOWNERS', systems: [], unmatched: codeownersCandidates(text, files).unmatched } });
    expect(config).toContain('  # .github/CODEOWNERS: 2 lines name no analysed file, so no system comes from them (a path moved or deleted since, or only files the analysis leaves out):\n  #   line 2: /src/gone/\n  #   line 3: /src/hooks/* (its files are in subfolders');
    expect(parseConfig(config, '.talentrisk.yml').config.critical).toEqual([]);
    expect(renderStarterConfig(input)).not.toContain('name no analysed file');
  });
});

describe('renderStarterConfig', () => {
  it('writes a config that loads as it is, with every candidate commented out', () => {
    const text = renderStarterConfig(input);
    const { config } = parseConfig(text, '.talentrisk.yml');
    expect(config.critical).toEqual([]);
    expect(config.bots).toEqual([]);
    expect(text).toContain('  # - name: "src/payments"\n  #   paths: ["src/payments/**", "!src/payments/sdk/**"]\n  #   minOwners: 2    # now: truck factor 1 (check fails on it today) · 14 files · Ada');
    expect(text).toContain('  #   minOwners: 2    # now: truck factor 2 · 3 files · with the 4 modules inside it · Ada, Bob');
    expect(text).toContain('  # - name: "@org/payments"');
    expect(text).toContain('.github/CODEOWNERS lines 4, 7');
    // CODEOWNERS' last match wins, which the globs do not model: the comment says so (power-user test).
    expect(text).toContain('# matching line; these globs do not subtract later lines that give part of a path to someone');
    expect(text).toContain('already left out: dependabot[bot].');
    expect(text).toContain('  # - "Jenkins"    # 120 commits');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/talentrisk/schema/talentrisk.schema.json');
    // Without talentrisk in the repository's node_modules, no path that leads nowhere (flask, a Python
    // repository: a tester); the comment says where the schema is.
    const elsewhere = renderStarterConfig({ ...input, schemaPath: undefined });
    expect(elsewhere).not.toContain('$schema');
    expect(elsewhere).toContain('# in .talentrisk.example.yml of the talentrisk package; its schema/talentrisk.schema.json gives editors completion.\n');
  });

  // ohmyzsh, a CI maintainer: a starter written in a shallow clone bore no trace of it; a co-author
  // named only in trailers read "0 commits"; folders of a .gitkeep were offered as failing systems.
  it('says in the file that it was written in a shallow clone, "co-author only" for a candidate with no commit, and which placeholder folders it left out', () => {
    const text = renderStarterConfig({ ...input, shallow: { commits: 50 }, botCandidates: [{ name: 'Void', commits: 0 }], placeholderFolders: ['cache', 'log'] });
    expect(text.split('\n').slice(1, 3)).toEqual([
      '# talentrisk configuration, written by `talentrisk init` for shop at 0123456789ab (2024-06-30).',
      '# Written in a shallow clone: the figures below rest on its 50 fetched commits only. For those of the whole history, run `git fetch --unshallow`, then `talentrisk init --force`.',
    ]);
    expect(text).toContain('  # - "Void"    # co-author only, no commit of its own\n');
    expect(text).toContain('  # (left out: cache, log, which hold only placeholder files such as .gitkeep)\n');
    expect(parseConfig(text, '.talentrisk.yml').config.critical).toEqual([]);
    expect(renderStarterConfig(input)).not.toMatch(/shallow|\(left out: /);
  });

  it('proposes to exclude test data that makes up much of the files, with its count (babel: 25,265 of 27,573 files were test fixtures)', () => {
    expect(testDataFolders(['a/test/fixtures/x.js', 'a/test/fixtures/y.js', 'fixtures/z', 'a/src/i.ts', 'b/__snapshots__/s.snap', 'mixtures/m.ts'])).toEqual([{ glob: '**/fixtures/**', files: 3 }, { glob: '**/__snapshots__/**', files: 1 }]);
    // Under a tenth of the files: not proposed.
    expect(testDataFolders(['a/fixtures/x.js', ...Array.from({ length: 10 }, (_, i) => `src/f${i}.ts`)])).toEqual([]);
    // Samples inside a test folder are test data (svelte's tests/*/samples); a top-level samples/ is not.
    expect(testDataFolders(['packages/svelte/tests/css/samples/a/input.svelte', 'tests/samples/b.js', 'test/x/samples/c.js', 'samples/demo.js', 'src/i.ts'])).toEqual([{ glob: '**/{test,tests}/**/samples/**', files: 3 }]);
    const text = renderStarterConfig({ ...input, testData: [{ glob: '**/fixtures/**', files: 25265 }], analysedFiles: 27573 });
    expect(text).toContain('exclude:\n  # - "**/fixtures/**"    # 25265 of the 27573 analysed files: test data, whose authors the figures would otherwise count\n');
    expect(text).not.toContain('# - "docs/**"');
    const uncommented = text.replace('  # - "**/fixtures/**"', '  - "**/fixtures/**"');
    expect(parseConfig(uncommented, '.talentrisk.yml').config.exclude).toEqual(['**/fixtures/**']);
  });

  it('each candidate, once uncommented, is a valid critical system', () => {
    const uncommented = renderStarterConfig(input)
      .split('\n')
      .map((line) => line.replace(/^ {2}# (- name| {2}paths| {2}minOwners)/, '  $1'))
      .join('\n');
    const { config } = parseConfig(uncommented, '.talentrisk.yml');
    expect(config.critical.map((system) => [system.name, system.paths])).toEqual([
      ['src/payments', ['src/payments/**', '!src/payments/sdk/**']],
      ['src/auth', ['src/auth/**']],
      ['@org/payments', ['src/payments/**']],
    ]);
  });

  it('names and paths from git cannot break out of a comment or a string', () => {
    const text = renderStarterConfig({
      ...input,
      repository: 'x\ncritical: evil',
      modules: [{ path: 'src/"quoted"\nnewline', paths: ['src/"quoted"\nnewline/**'], files: 1, truckFactor: 1, owners: ['Eve\nbots: [x]'], packagesIncluded: 0 }],
      botCandidates: [{ name: 'bot"\n- evil', commits: 1 }],
      moduleChains: [{ from: 'src\ncritical: evil', to: 'src\ncritical: evil/x' }],
    });
    const { config } = parseConfig(text, '.talentrisk.yml');
    expect(config.critical).toEqual([]);
    expect(config.bots).toEqual([]);
  });

  it('says which folders the automatic depth counts in the place of folders that hold nothing else', () => {
    const chains = [
      { from: '.', to: 'app' },
      { from: 'lib', to: 'lib/acme' },
      { from: 'src', to: 'src/Illuminate' },
    ];
    const text = renderStarterConfig({ ...input, moduleChains: chains });
    expect(text).toContain('  # Modules (folders at depth 2 or workspace packages; the folders of app, lib/acme +1 more count in the place of the repository root, lib +1 more, which hold nothing else), riskiest first;');
    expect(text).toContain('# With the automatic depth, the folders of app, lib/acme +1 more count in the place of the repository root, lib +1 more, which hold nothing else; a depth set here counts every folder.\n');
    expect(renderStarterConfig(input)).not.toContain('With the automatic depth');
  });

  it('escapes glob characters of folder names', () => {
    const glob = folderGlob('app/[id]/(group)');
    expect(glob).toBe('app/\\[id\\]/\\(group\\)/**');
    expect(createSystemMatcher([glob])('app/[id]/(group)/page.tsx')).toBe(true);
    expect(createSystemMatcher([glob])('app/i/(group)/page.tsx')).toBe(false);
  });
});
