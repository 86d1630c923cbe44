import { describe, expect, it } from 'vitest';
import { escapeWorkflowData, escapeWorkflowProperty } from '../../src/report/check-escape.ts';
import { addViolations } from '../../src/model/critical.ts';
import { renderCheckGithub } from '../../src/report/check-github.ts';
import { makeReport } from './check-factory.ts';

describe('check --format github', () => {
  it('one ::error per failing system at its config line, a ::warning per dead glob at its line, plain lines for the rest', () => {
    expect(renderCheckGithub(makeReport()).split('\n')).toEqual([
      '::error file=.talentrisk.yml,line=3,title=payments%3A bus factor 1%2C needs 2::Critical system "payments" has bus factor 1, needs 2; sole owner: Ada, who authors 2 of its 3 files; 3 files at risk: src/pay/c.ts, src/pay/a.ts, src/pay/b.ts.',
      'talentrisk: deploy: ok (bus factor 1, needs 1; sole owner: Bob)',
      'talentrisk: auth: ok (bus factor 2, needs 2; owners: Ada, Bob)',
      '::warning file=.talentrisk.yml,line=10,title=auth%3A unused glob::critical system "auth": the glob "legacy/auth/**" matches no analysed file',
      'talentrisk: 1 of 3 critical systems has too few owners: payments.',
      'talentrisk: To fix: have someone else change and review the files at risk, or pair on them, until they have another author (`talentrisk explain <path>` shows who knows a file); if a rule asks more than the team can hold, change it in .talentrisk.yml.',
      '',
    ]);
  });

  it('titles a system by the rule it broke, and leads its message with it (a departures-only failure was titled with a passing bus factor)', () => {
    const report = makeReport();
    const loss = { rule: 'maxKnowledgeLoss' as const, afterDepartures: true, required: 0.1, actual: 0.1004, message: 'without Ada, 10.04% of its files lose their last author (1 of 2; at most 10.00% allowed)' };
    report.systems = report.systems.map((system) => (system.name === 'deploy' ? addViolations(system, [loss]) : system)) as typeof report.systems;
    const deploy = renderCheckGithub(report)
      .split('\n')
      .find((line) => line.includes('title=deploy'));
    expect(deploy).toBe(
      '::error file=.talentrisk.yml,line=11,title=deploy%3A departures orphan 10.04%25%2C at most 10.00%25::Critical system "deploy": without Ada, 10.04%25 of its files lose their last author (1 of 2; at most 10.00%25 allowed); bus factor 1 (needs 1); sole owner: Bob; 1 file at risk: deploy/run.sh.',
    );
  });

  // ohmyzsh, a CI maintainer: `-c ../init.yml` gave `::error file=../init.yml`, a file GitHub cannot attach to.
  it('leaves `file=` out for a config outside the repository, and annotates a config warning at its path from the root', () => {
    const outside = makeReport();
    outside.configFile = '../init.yml';
    outside.warnings = ['../init.yml:10:9 critical.2.paths.1: "legacy/auth/**" matches no analysed file'];
    const lines = renderCheckGithub(outside).split('\n');
    expect(lines.filter((line) => line.includes('file='))).toEqual([]);
    expect(lines[0]).toMatch(/^::error title=payments%3A bus factor 1%2C needs 2::/);
    expect(lines).toContain('::warning title=talentrisk::../init.yml:10:9 critical.2.paths.1: "legacy/auth/**" matches no analysed file');
    // From a subfolder the warning names the config as the user did (`../.talentrisk.yml`); the annotation, from the root.
    const below = makeReport();
    below.configShown = '../.talentrisk.yml';
    below.warnings = ['../.talentrisk.yml:10:9 critical.2.paths.1: "legacy/auth/**" matches no analysed file'];
    expect(renderCheckGithub(below)).toContain('::warning file=.talentrisk.yml,line=10,col=9,title=talentrisk::critical.2.paths.1: "legacy/auth/**" matches no analysed file\n');
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeWorkflowData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeWorkflowProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    const report = makeReport({ systems: [{ name: 'pay, ments: 100%', paths: ['src/pay/**'], minOwners: 2 }] });
    report.configFile = 'conf,ig/x:y.yml';
    const line = renderCheckGithub(report).split('\n')[0]!;
    expect(line.startsWith('::error file=conf%2Cig/x%3Ay.yml,line=3,title=pay%2C ments%3A 100%25%3A bus factor 1%2C needs 2::')).toBe(true);
    // The message part keeps , and : but escapes %; a name cannot start a new workflow command.
    expect(line).toContain('::Critical system "pay, ments: 100%25" has bus factor 1');
    const evil = makeReport({ systems: [{ name: 'x\n::error::fake', paths: ['src/pay/**'], minOwners: 2 }] });
    const lines = renderCheckGithub(evil).split('\n');
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(1);
  });
});
