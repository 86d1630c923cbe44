import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULT_CONFIG } from '../../src/config/defaults.ts';
import { loadConfig, loadedConfig, parseConfig, type ConfigStore, type ParsedConfig } from '../../src/config/load.ts';
import { parseConfigFile, parseConfigText } from '../../src/config/parse.ts';
import { closest } from '../../src/model/suggest.ts';
import { ConfigError, ExitCode } from '../../src/errors.ts';

const FIXTURES = 'fixtures/configs';

/** What the CLI prints for a ConfigError (src/cli/main.ts): every line prefixed, then the hint. */
function stderrOf(error: unknown): string {
  if (!(error instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(error)}`);
  return `${error.message
    .split('\n')
    .map((line) => `talentrisk: ${line}\n`)
    .join('')}  ${error.hint}\n`;
}

function load(file: string) {
  return parseConfigText(readFileSync(file, 'utf8'), file);
}

describe('invalid configs: every problem at once, as file:line:col key.path: message', () => {
  const files = readdirSync(path.join(FIXTURES, 'invalid')).filter((name) => name.endsWith('.yml'));
  it('has a fixture for each kind of bad input', () => {
    expect(files.sort()).toEqual([
      'duplicate-key.yml',
      'duplicate-names.yml',
      'min-owners.yml',
      'mixed.yml',
      'not-a-mapping.yml',
      'syntax.yml',
      'system-shapes.yml',
      'tabs.yml',
      'unknown-in-system.yml',
      'unknown-keys.yml',
      'wrong-types.yml',
    ]);
  });
  for (const name of files) {
    it(`${name} prints exactly ${name.replace('.yml', '.expected.txt')}`, () => {
      const file = `${FIXTURES}/invalid/${name}`;
      const expected = readFileSync(file.replace(/\.yml$/, '.expected.txt'), 'utf8');
      let thrown: unknown;
      try {
        load(file);
      } catch (error) {
        thrown = error;
      }
      expect(stderrOf(thrown)).toBe(expected);
      expect((thrown as ConfigError).exitCode).toBe(ExitCode.UserError);
    });
  }

  it('suggests the key a common other word stands for (a departure’s "name" is its "who", not "date")', () => {
    const text = stderrOf(catchError(() => parseConfigText('departures:\n  - name: ada\n    lastDay: "2025-01-31"\n  - Name: bob\n    last-day: "2025-02-01"\n    when: "2025-02-02"\n', 'c.yml')));
    expect(text).toContain('c.yml:2:5 departures.0.name: unknown key (did you mean "who"?)');
    expect(text).toContain('c.yml:3:5 departures.0.lastDay: unknown key (did you mean "date"?)');
    // Any case, with - or _ (review finding: "Name" still got "date").
    expect(text).toContain('c.yml:4:5 departures.1.Name: unknown key (did you mean "who"?)');
    expect(text).toContain('c.yml:5:5 departures.1.last-day: unknown key (did you mean "date"?)');
    expect(text).toContain('c.yml:6:5 departures.1.when: unknown key (did you mean "date"?)');
    // A system's "name" is its own key: no synonym there.
    expect(parseConfigText('critical:\n  - name: lib\n    paths: ["lib/**"]\n', 'c.yml').config.critical[0]?.name).toBe('lib');
  });

  it('suggests the closest known key, at the key’s own position', () => {
    expect(stderrOf(catchError(() => load(`${FIXTURES}/invalid/unknown-keys.yml`)))).toContain(
      'unknown-keys.yml:1:1 critcal: unknown key (did you mean "critical"?)',
    );
    expect(stderrOf(catchError(() => load(`${FIXTURES}/invalid/unknown-in-system.yml`)))).toContain(
      'unknown-in-system.yml:4:5 critical.0.minOwner: unknown key (did you mean "minOwners"?)',
    );
  });

  it('reports YAML syntax errors together with the schema errors of the rest of the file, in file order', () => {
    const lines = stderrOf(catchError(() => load(`${FIXTURES}/invalid/mixed.yml`))).split('\n');
    expect(lines[0]).toMatch(/mixed\.yml:4:5 YAML syntax: /);
    expect(lines[1]).toBe('talentrisk: fixtures/configs/invalid/mixed.yml:4:16 critical.0.minOwners: minOwners must be at least 1');
    expect(lines[2]).toMatch(/mixed\.yml:5:1 colour: unknown key/);
  });

  it('rejects minOwners below 1, non-numbers and fractions', () => {
    const text = stderrOf(catchError(() => load(`${FIXTURES}/invalid/min-owners.yml`)));
    expect(text).toContain(':4:16 critical.0.minOwners: minOwners must be at least 1');
    expect(text).toContain(':7:16 critical.1.minOwners: expected a number, got the text "two"');
    expect(text).toContain(':10:16 critical.2.minOwners: expected a whole number, got 1.5');
    expect(text).toContain(':13:16 critical.3.minOwners: minOwners must be at least 1');
  });

  it('rejects duplicate system names, case-insensitively, pointing at the second one', () => {
    expect(stderrOf(catchError(() => load(`${FIXTURES}/invalid/duplicate-names.yml`)))).toContain(
      // The first as written too: "Payments" quoted for critical.0's "payments" read wrong (commons-lang, a tester).
      'duplicate-names.yml:6:11 critical.2.name: duplicate system name "Payments" (critical.0 is "payments"; names must be unique, whatever their case)',
    );
  });

  it('shows how a single value is written as a list where a list is due', () => {
    const text = stderrOf(catchError(() => parseConfigText('critical:\n  - name: lib\n    paths: lib/**\n    minOwners: 2\n', 'c.yml')));
    expect(text).toContain('c.yml:3:12 critical.0.paths: expected a list, got the text "lib/**" (a list of one is written ["lib/**"])');
    const several = stderrOf(catchError(() => parseConfigText('critical:\n  - name: lib\n    paths: "lib/**, test/**"\n', 'c.yml')));
    expect(several).toContain('critical.0.paths: expected a list, got the text "lib/**, test/**" (a list is written ["lib/**", "test/**"])');
    const other = stderrOf(catchError(() => parseConfigText('critical:\n  - name: lib\n    paths: {a: 1}\n', 'c.yml')));
    expect(other).toContain('c.yml:3:12 critical.0.paths: expected a list, got a mapping\n');
  });

  it('says to quote a text YAML read as a number (an ignoreRevs id of digits only, a review)', () => {
    const text = stderrOf(catchError(() => parseConfigText('ignoreRevs:\n  - 1234567\n  - "0012345"\n', 'c.yml')));
    expect(text).toContain('c.yml:2:5 ignoreRevs.0: expected a text, got 1234567: write it in quotes, as it is in the file, so that YAML reads it as text');
    expect(text).not.toContain('ignoreRevs.1');
    // A date of digits needs dashes, not quotes; an id too long is not "too short" (adversarial test).
    const date = stderrOf(catchError(() => parseConfigText(`departures:\n  - who: ada\n    date: 20240501\nignoreRevs: ["${'a'.repeat(65)}"]\n`, 'c.yml')));
    expect(date).toContain('c.yml:3:11 departures.0.date: expected a date as YYYY-MM-DD, got 20240501\n');
    expect(date).toContain('ignoreRevs.0: a commit id: 7 to 64 hex digits\n');
  });

  it('refuses a list or mapping as a key in one short line each, and Node prints no warning of its own (yaml stringified the key on stderr)', () => {
    const warnings = vi.spyOn(process, 'emitWarning');
    try {
      const key = `[${Array.from({ length: 30 }, (_, i) => `item${i}`).join(', ')}]`;
      const text = stderrOf(catchError(() => parseConfigText(`? ${key}\n: 1\nversion: 1\n`, 'c.yml')));
      expect(text).toContain('c.yml:1:3 a key must be a name, not a list or mapping');
      // The unknown key is shown on one line, cut short.
      expect(text.split('\n')[0]).toMatch(/^talentrisk: c\.yml:1:1 \[ item0, item1, .{0,30}…: unknown key/);
      expect(warnings).not.toHaveBeenCalled();
    } finally {
      warnings.mockRestore();
    }
  });

  it('reads a file whose lines end with a lone CR (old Mac), as YAML 1.2 does', () => {
    const loaded = parseConfigText('critical:\r  - name: pay\r    paths: ["src/**"]\r    minOwners: 2\r', 'c.yml');
    expect(loaded.config.critical).toMatchObject([{ name: 'pay', paths: ['src/**'], minOwners: 2 }]);
    expect(loaded.locate(['critical', 0, 'minOwners'])).toBe('c.yml:4:16');
  });

  it('rejects an unreal date', () => {
    const text = stderrOf(catchError(() => parseConfigText('departures:\n  - who: ada\n    date: "2025-02-30"\n', 'c.yml')));
    expect(text).toContain('c.yml:3:11 departures.0.date: not a real date');
  });

  it('says what a maxKnowledgeLoss out of range should be', () => {
    const text = stderrOf(catchError(() => parseConfigText('critical:\n  - name: lib\n    paths: ["lib/**"]\n    maxKnowledgeLoss: 25\n', 'c.yml')));
    expect(text).toContain('c.yml:4:23 critical.0.maxKnowledgeLoss: must be at most 1 (0% to 100% as a percentage; 25 percent is written 25%): got 25\n');
  });

  // Regression (a user test): `maxKnowledgeLoss: 150%` was "expected a share from 0 to 1, or a
  // percentage (0.25 or 25%), got the text "150%"", as if a percentage were not taken.
  it('says that a maxKnowledgeLoss percentage or share out of range is out of range', () => {
    const system = (value: string) => `critical:\n  - name: lib\n    paths: ["lib/**"]\n    maxKnowledgeLoss: ${value}\n`;
    for (const [value, message] of [
      ['150%', 'must be at most 100% (0 to 1 as a share): got 150%'],
      ['120%', 'must be at most 100% (0 to 1 as a share): got 120%'],
      ['"100.5 %"', 'must be at most 100% (0 to 1 as a share): got 100.5 %'],
      ['-5%', 'must be at least 0% (0 to 1 as a share): got -5%'],
      ['1.5', 'must be at most 1 (0% to 100% as a percentage; 1.5 percent is written 1.5%): got 1.5'],
      ['250', 'must be at most 1 (0% to 100% as a percentage): got 250'],
      ['-0.1', 'must be at least 0 (0% to 100% as a percentage): got -0.1'],
    ]) {
      expect(stderrOf(catchError(() => parseConfigText(system(value as string), 'c.yml')))).toContain(`c.yml:4:23 critical.0.maxKnowledgeLoss: ${message}\n`);
    }
    // The bounds themselves are in range.
    expect(parseConfigText(system('100%'), 'c.yml').config.critical[0]?.maxKnowledgeLoss).toBe(1);
    expect(parseConfigText(system('1'), 'c.yml').config.critical[0]?.maxKnowledgeLoss).toBe(1);
  });

  // Regression (laravel, a tester): `maxKnowledgeLoss: 20%` was "expected a number, got the text "20%"".
  it('reads a maxKnowledgeLoss written as a percentage, and says what it takes otherwise', () => {
    const system = (value: string) => `critical:\n  - name: lib\n    paths: ["lib/**"]\n    maxKnowledgeLoss: ${value}\n`;
    expect(parseConfigText(system('20%'), 'c.yml').config.critical[0]?.maxKnowledgeLoss).toBe(0.2);
    expect(parseConfigText(system('"12.5 %"'), 'c.yml').config.critical[0]?.maxKnowledgeLoss).toBe(0.125);
    expect(parseConfigText(system('0%'), 'c.yml').config.critical[0]?.maxKnowledgeLoss).toBe(0);
    for (const [value, got] of [
      ['twenty', 'the text "twenty"'],
      ['"25 percent"', 'the text "25 percent"'],
      ['true', 'true'],
    ]) {
      expect(stderrOf(catchError(() => parseConfigText(system(value as string), 'c.yml')))).toContain(
        `c.yml:4:23 critical.0.maxKnowledgeLoss: expected a share from 0 to 1, or a percentage (0.25 or 25%), got ${got}\n`,
      );
    }
  });

  // Regression (vite, by a new-user test): picomatch reads an unclosed bracket literally, so these
  // were reported only as "no analysed file matches", as if the files were missing.
  it('rejects a glob with an unclosed [ or {, and accepts escaped and closed ones', () => {
    const text = stderrOf(catchError(() => parseConfigText('critical:\n  - name: lib\n    paths: ["server/[", "**/*.{ts"]\nexclude: ["a/{b,c"]\n', 'c.yml')));
    expect(text).toContain(`c.yml:3:13 critical.0.paths.0: an unclosed "[" or "{" (to match one literally, escape it: 'a\\[b' in single quotes, "a\\\\[b" in double quotes)`);
    // Both ways the message gives parse, to the same glob (a "\[" in double quotes is a YAML error).
    const written = parseConfigText(`critical:\n  - name: lib\n    paths: ['src/a\\[b/**', "src/a\\\\[b/**"]\n`, 'c.yml');
    expect(written.config.critical[0]?.paths).toEqual(['src/a\\[b/**', 'src/a\\[b/**']);
    expect(text).toContain('c.yml:3:25 critical.0.paths.1: an unclosed');
    expect(text).toContain('c.yml:4:11 exclude.0: an unclosed');
    const { config } = parseConfigText('critical:\n  - name: lib\n    paths: ["pages/[id].tsx", "**/*.{ts,tsx}", "odd/\\\\[x", "a/[]]b"]\n', 'c.yml');
    expect(config.critical[0]?.paths).toEqual(['pages/[id].tsx', '**/*.{ts,tsx}', 'odd/\\[x', 'a/[]]b']);
  });

  // Regression: a month or day JavaScript's Date cannot parse at all (13, 00, 32) crashed the
  // check with "internal error: Invalid time value" (exit 3) instead of this message.
  it.each(['2026-13-01', '2026-00-10', '2026-12-32', '2026-12-00'])('rejects the impossible date %s as a config error', (date) => {
    const text = stderrOf(catchError(() => parseConfigText(`departures:\n  - who: ada\n    date: "${date}"\n`, 'c.yml')));
    expect(text).toContain('c.yml:3:11 departures.0.date: not a real date');
  });
});

describe('config rules a user met (power-user test)', () => {
  it('refuses an email or GitHub login claimed by two people: two aliases joined Alice and Bob into one', () => {
    const text = stderrOf(
      catchError(() => parseConfigText('people:\n  - name: Alice L.\n    emails: [alice@corp.example]\n  - name: Bob S.\n    emails: [bob@corp.example, ALICE@corp.example]\n    github: "@a"\n  - name: A\n    github: a\n', 'c.yml')),
    );
    expect(text).toContain('c.yml:5:32 people.1.emails.1: email "ALICE@corp.example" is already people.0\'s (one alias per person)');
    expect(text).toContain('people.2.github: GitHub login "a" is already people.1\'s (one alias per person)');
  });

  it('refuses an include list of "!" globs only (it excluded every file), and a blank system name', () => {
    expect(stderrOf(catchError(() => parseConfigText('include: ["!docs/**"]\n', 'c.yml')))).toContain('c.yml:1:10 include: list at least one glob that does not start with "!"');
    expect(stderrOf(catchError(() => parseConfigText('critical:\n  - name: " "\n    paths: [a]\n', 'c.yml')))).toContain('critical.0.name: must not be blank');
  });
});

describe('valid configs', () => {
  it('an empty file or one with only comments gives the defaults', () => {
    expect(load(`${FIXTURES}/valid/comments-only.yml`).config).toEqual(DEFAULT_CONFIG);
    expect(parseConfigText('', 'empty.yml').config).toEqual(DEFAULT_CONFIG);
    expect(load(`${FIXTURES}/valid/minimal.yml`).config).toEqual(DEFAULT_CONFIG);
  });

  it('a section key with every entry under it commented out gives its defaults (power-user test: it was an error)', () => {
    expect(parseConfigText('modules:\n  # depth: 2\nmodel:\n  # halfLife: 90\n', 'c.yml').config).toEqual(DEFAULT_CONFIG);
  });

  it('a GitHub login may be written with its "@", as CODEOWNERS does (it joined nothing)', () => {
    expect(parseConfigText('people:\n  - name: Alice\n    github: "@alicegh"\n', 'c.yml').config.people[0]?.github).toBe('alicegh');
  });

  it('a list key with only commented entries under it is an empty list (what init writes)', () => {
    const { config } = load(`${FIXTURES}/valid/commented-lists.yml`);
    expect(config.critical).toEqual([]);
    expect(config.bots).toEqual([]);
    expect(config.exclude).toEqual([]);
    expect(config.people).toEqual([]);
  });

  it('applies defaults inside critical systems and points at each system’s line', () => {
    const loaded = load(`${FIXTURES}/valid/critical.yml`);
    expect(loaded.config.critical).toEqual([
      { name: 'payments', paths: ['src/payments/**', '!src/payments/**/*.test.ts'], minOwners: 2 },
      { name: 'auth', paths: ['src/auth'], minOwners: 3, description: 'Login & sessions' },
    ]);
    expect(loaded.lineOf(['critical', 0])).toBe(2);
    expect(loaded.lineOf(['critical', 1])).toBe(4);
    expect(loaded.locate(['critical', 1, 'paths'])).toBe(`${FIXTURES}/valid/critical.yml:4:26`);
    // A missing key points at its nearest parent.
    expect(loaded.lineOf(['critical', 0, 'minOwners'])).toBe(2);
  });

  it('merges `<<: *anchor` keys, from an anchor under a top-level x- key (both read as unknown keys)', () => {
    const text = [
      'x-strict: &strict',
      '  minOwners: 3',
      '  description: Needs three',
      'critical:',
      '  - name: payments',
      '    paths: [src/payments]',
      '    <<: *strict',
      '  - name: auth',
      '    paths: [src/auth]',
      '    <<: *strict',
      '    minOwners: 2',
      '',
    ].join('\n');
    const loaded = parseConfigText(text, 'c.yml');
    expect(loaded.config.critical).toEqual([
      { name: 'payments', paths: ['src/payments'], minOwners: 3, description: 'Needs three' },
      { name: 'auth', paths: ['src/auth'], minOwners: 2, description: 'Needs three' },
    ]);
    expect(loaded.lineOf(['critical', 1])).toBe(8);
    // 100 systems merging one anchor (yaml's own limit is 100 uses: the error had no text at all).
    const many = `x-d: &d\n  minOwners: 1\ncritical:\n${Array.from({ length: 150 }, (_, i) => `  - name: s${i}\n    paths: [src]\n    <<: *d\n`).join('')}`;
    expect(parseConfigText(many, 'c.yml').config.critical).toHaveLength(150);
    expect(() => parseConfigText('version: 1\n---\nversion: 1\n', 'c.yml')).toThrow(/^c\.yml:2:1 YAML syntax: a second document starts here \(a `---` line\): a config is one document$/m);
    // An alias to no anchor says so, where (review: it read as an alias bomb, or as yaml's
    // "Merge sources must be maps or map aliases", with no line).
    expect(() => parseConfigText('bots: *nope\n', 'c.yml')).toThrow(/^c\.yml:1:7 YAML: \*nope names no anchor \(&nope\) defined above it$/m);
    expect(() => parseConfigText('critical:\n  - name: a\n    paths: [x]\n    <<: *defualts\n', 'c.yml')).toThrow(/^c\.yml:4:9 YAML: \*defualts names no anchor \(&defualts\) defined above it$/m);
    // An alias bomb is still refused, in words.
    const level = (name: string, of: string) => `x-${name}: &${name} [${Array.from({ length: 10 }, () => `*${of}`).join(', ')}]\n`;
    const bomb = `x-a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n${level('b', 'a')}${level('c', 'b')}${level('d', 'c')}${level('e', 'd')}`;
    expect(() => parseConfigText(bomb, 'c.yml')).toThrow(/^c\.yml YAML aliases expand too far \(over 10000 uses\)/);
    // Only the top level has extension keys: elsewhere an x- key is still a misspelling to report.
    expect(() => parseConfigText('critical:\n  - name: a\n    paths: [a]\n    x-note: 1\n', 'c.yml')).toThrow(/c\.yml:4:5 critical\.0\.x-note: unknown key/);
  });
});

describe('loadConfig', () => {
  it('finds .talentrisk.yml at the root, names it relative to the cwd, and defaults when there is none', async () => {
    const root = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'cfg-'));
    await expect(loadConfig(root)).resolves.toMatchObject({ config: DEFAULT_CONFIG, file: undefined });
    writeFileSync(path.join(root, '.talentrisk.yml'), 'critical:\n  - name: a\n    paths: [a]\n    minOwners: 0\n');
    const error = await loadConfig(root, undefined, path.dirname(root)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`${path.basename(root)}/.talentrisk.yml:4:16 critical.0.minOwners: minOwners must be at least 1`);
  });

  // Regression (hostile-repository test): a committed link to /proc/self/environ put the CI's
  // secrets into a config error's annotation; a dangling one read as "no config".
  it('does not follow a .talentrisk.yml link out of the repository, names a dangling one, and follows one inside', async () => {
    const tmp = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'cfg-link-'));
    const root = path.join(tmp, 'repo');
    mkdirSync(path.join(root, 'conf'), { recursive: true });
    writeFileSync(path.join(tmp, 'secret.yml'), 'critical: [{ name: x, paths: [x], minOwners: 0 }]\n');
    const link = path.join(root, '.talentrisk.yml');
    symlinkSync('../secret.yml', link);
    const outside = (await loadConfig(root).catch((thrown: unknown) => thrown)) as ConfigError;
    expect(outside).toBeInstanceOf(ConfigError);
    expect(outside.message).toBe('.talentrisk.yml is a symbolic link to ../secret.yml, outside the repository; talentrisk does not follow it');
    // Asked for by name, it is read.
    await expect(loadConfig(root, path.join(tmp, 'secret.yml'))).rejects.toThrow(/minOwners must be at least 1/);
    const dangling = path.join(root, '.talentrisk.yaml');
    symlinkSync('conf/none.yml', dangling);
    writeFileSync(path.join(root, 'conf', 'team.yml'), 'critical: []\n');
    // A link inside the repository is followed.
    rmSync(link);
    symlinkSync('conf/team.yml', link);
    await expect(loadConfig(root)).resolves.toMatchObject({ file: link, config: { critical: [] } });
    rmSync(link);
    const missing = (await loadConfig(root).catch((thrown: unknown) => thrown)) as ConfigError;
    expect(missing.message).toBe('.talentrisk.yaml is a symbolic link to conf/none.yml, which does not exist');
    // A link to the root is a folder, not "outside"; a loop is a loop, not "missing" (review).
    rmSync(dangling);
    symlinkSync('.', link);
    await expect(loadConfig(root)).rejects.toThrow('.talentrisk.yml is a folder, not a config file');
    rmSync(link);
    symlinkSync('.talentrisk.yml', link);
    await expect(loadConfig(root)).rejects.toThrow('.talentrisk.yml is a symbolic link to .talentrisk.yml, which leads back to itself');
  });

  it('an explicit --config that does not exist is an error with a hint', async () => {
    const error = (await loadConfig('/', '/nonexistent/talentrisk.yml').catch((thrown: unknown) => thrown)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('config file not found: /nonexistent/talentrisk.yml');
    expect(error.hint).toContain('talentrisk init');
  });

  it('refuses a config that is not UTF-8 (naming the line) or larger than 1 MiB, and a device that never ends', async () => {
    const root = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'cfg-'));
    const file = path.join(root, '.talentrisk.yml');
    writeFileSync(file, Buffer.concat([Buffer.from('critical:\n  - name: "pay'), Buffer.from([0xe9]), Buffer.from('"\n    paths: ["src/**"]\n')]));
    const latin1 = (await loadConfig(root).catch((thrown: unknown) => thrown)) as ConfigError;
    expect([latin1.message, latin1.hint]).toEqual(['.talentrisk.yml:2 is not valid UTF-8 (another encoding, such as Latin-1?)', 'save the file as UTF-8']);
    writeFileSync(file, `# ${'x'.repeat(1 << 20)}\nversion: 1\n`);
    const large = (await loadConfig(root).catch((thrown: unknown) => thrown)) as ConfigError;
    expect(large.message).toBe('.talentrisk.yml is larger than 1 MiB, which no config is');
    if (process.platform === 'linux') {
      // Named as given, not as ../../dev/zero from the repository (a team lead's test: `-c /dev/null`).
      const zero = (await loadConfig(root, '/dev/zero').catch((thrown: unknown) => thrown)) as ConfigError;
      expect(zero.message).toBe('/dev/zero is larger than 1 MiB, which no config is');
    }
    // UTF-8 (a byte-order mark included) reads as before.
    writeFileSync(file, '\ufeffcritical:\n  - name: "payé"\n    paths: ["src/**"]\n');
    expect((await loadConfig(root)).config.critical[0]?.name).toBe('payé');
  });

  // Regression (adversarial test): a FIFO as .talentrisk.yml hung scan, check and init --force.
  it.skipIf(process.platform === 'win32')('refuses a .talentrisk.yml that is a pipe (it blocked every command), and reads one given with --config', async () => {
    const root = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'cfg-'));
    const fifo = path.join(root, '.talentrisk.yml');
    execFileSync('mkfifo', [fifo]);
    const error = (await loadConfig(root).catch((thrown: unknown) => thrown)) as ConfigError;
    expect([error.message, error.hint]).toEqual(['.talentrisk.yml is not a regular file (a pipe or a device?)', 'remove it (talentrisk reads .talentrisk.yml as a file), or pass --config <file>']);
    // With --config, as `--config <(generate)` does: a writer feeds it.
    const writer = spawn('sh', ['-c', `printf 'version: 1\n' > '${fifo}'`]);
    expect((await loadConfig(root, fifo)).config.version).toBe(1);
    await new Promise((resolve) => writer.on('close', resolve));
  });

  it('a .talentrisk.yml that is a folder is named as such, with a hint', async () => {
    const root = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'cfg-'));
    mkdirSync(path.join(root, '.talentrisk.yml'));
    const error = (await loadConfig(root).catch((thrown: unknown) => thrown)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('.talentrisk.yml is a folder, not a config file');
    expect(error.hint).toContain('--config <file>');
    // --config naming a folder: its full path, and a hint that does not tell the user to pass --config.
    const folder = mkdtempSync(path.join(process.env.TALENTRISK_TEST_TMP ?? os.tmpdir(), 'cfg-dir-'));
    const explicit = (await loadConfig(root, folder, path.join(root, 'a', 'b')).catch((thrown: unknown) => thrown)) as ConfigError;
    expect(explicit.message).toBe(`--config ${folder} is a folder, not a config file`);
    expect(explicit.hint).toBe('pass the YAML file itself, e.g. `--config path/to/.talentrisk.yml`');
  });

  it('parseConfig (what a bare repository’s committed config goes through) parses like parseConfigText', async () => {
    const text = 'critical:\n  - name: a\n    paths: [a]\n';
    const loaded = await parseConfig(text, 'HEAD:.talentrisk.yml', '/repo/.talentrisk.yml');
    expect(loaded.config).toEqual(parseConfigText(text, 'x').config);
    expect(loaded.file).toBe('/repo/.talentrisk.yml');
    expect(loaded.locate(['critical', 0])).toBe('HEAD:.talentrisk.yml:2:5');
  });

  it('a parsed config kept by a store is used as it is (the text is not parsed again), and a new one is handed to the store', async () => {
    const text = 'critical:\n  - name: a\n    paths: [a]\n';
    const written: string[] = [];
    const parsed: ParsedConfig[] = [];
    const store: ConfigStore = { read: () => undefined, write: (source, value) => (written.push(source), parsed.push(value)) };
    const fresh = await parseConfig(text, 'shown.yml', '/repo/shown.yml', store);
    expect(written).toEqual([text]);
    // What the store keeps is plain data: it survives JSON whole.
    expect(JSON.parse(JSON.stringify(parsed[0]))).toStrictEqual(parsed[0]);
    const kept: ParsedConfig = { config: { ...(parsed[0] as ParsedConfig).config, version: 1, include: ['from-the-store'] }, positions: (parsed[0] as ParsedConfig).positions };
    const again = await parseConfig(text, 'shown.yml', '/repo/shown.yml', { read: (source) => (source === text ? kept : undefined), write: () => expect.unreachable() });
    expect(again.config.include).toEqual(['from-the-store']);
    expect(again.locate(['critical', 0])).toBe(fresh.locate(['critical', 0]));
  });

  it('lineOf and locate read the same positions from a stored config as from the YAML, for every kind of node', () => {
    const text = [
      'critical:',
      '  - name: pay',
      '    paths: ["src/pay/**", "!**/*.test.ts"]',
      '    minOwners: 2',
      '  - {name: auth, paths: [src/auth]}',
      'include: &inc',
      '  - src/**',
      'exclude: []',
      'people:',
      'model:',
      '  halfLife: 200',
      '',
    ].join('\n');
    const fromYaml = parseConfigText(text, 'c.yml');
    const stored = loadedConfig(JSON.parse(JSON.stringify(parseConfigFile(text, 'c.yml'))) as ParsedConfig, 'c.yml', undefined);
    // The reference: the YAML document itself, walked down as far as the path exists.
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter });
    const reference = (keyPath: (string | number)[]) => {
      for (let length = keyPath.length; length >= 0; length--) {
        const node = (length === 0 ? doc.contents : doc.getIn(keyPath.slice(0, length), true)) as { range?: [number] } | undefined;
        if (node?.range) return lineCounter.linePos(node.range[0]);
      }
      return undefined;
    };
    const paths: (string | number)[][] = [
      [],
      ['critical'],
      ['critical', 0],
      ['critical', 0, 'paths', 1],
      ['critical', 1, 'paths', 0],
      ['critical', 1, 'minOwners'], // missing: its parent
      ['critical', 7], // missing: the list
      ['include', 0],
      ['exclude', 0],
      ['people'],
      ['model', 'halfLife'],
      ['nothing', 'here'],
    ];
    for (const keyPath of paths) {
      const at = reference(keyPath);
      expect(fromYaml.locate(keyPath), JSON.stringify(keyPath)).toBe(at ? `c.yml:${at.line}:${at.col}` : 'c.yml');
      expect(stored.lineOf(keyPath), JSON.stringify(keyPath)).toBe(fromYaml.lineOf(keyPath));
      expect(stored.locate(keyPath), JSON.stringify(keyPath)).toBe(fromYaml.locate(keyPath));
    }
    expect(fromYaml.locate(['critical', 1, 'paths', 0])).toBe('c.yml:5:26');
    expect(fromYaml.lineOf(['critical', 1, 'minOwners'])).toBe(5);
    expect(fromYaml.locate(['nothing', 'here'])).toBe('c.yml:1:1');
  });

  it('closest() suggests only near misses', () => {
    expect(closest('minOwner', ['minOwners', 'name'])).toBe('minOwners');
    expect(closest('colour', ['version', 'critical'])).toBeUndefined();
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
