import { describe, expect, it } from 'vitest';
import { escapeMarkdown, escapeMarkdownWithCode, markdownCode } from '../../src/report/check-escape.ts';
import { evaluateAfterDepartures } from '../../src/model/critical-departures.ts';
import { renderCheckMarkdown } from '../../src/report/check-markdown.ts';
import { markInactive, ownersPhrase } from '../../src/report/check-describe.ts';
import { file, developer, makeReport } from './check-factory.ts';

describe('check --format markdown', () => {
  it('a verdict heading, one table row per system, and the files at risk of failing systems', () => {
    const text = renderCheckMarkdown(makeReport());
    expect(text).toContain('### ❌ talentrisk check: 1 of 3 critical systems has too few owners: payments.');
    // The config's description under the name (it was in the JSON only).
    expect(text).toContain('| ❌ | payments<br><sub>Card payments</sub> | **1** | 2 | sole owner: Ada | 3 |');
    expect(text).toContain('| ✅ | auth | 2 | 2 | owners: Ada, Bob |  |');
    expect(text).toContain('<details><summary>payments: 3 files at risk</summary>');
    expect(text).toContain('- `src/pay/c.ts` — nobody knows it (no author)');
    expect(text).toContain('- `src/pay/a.ts` — only Ada knows it');
    // What to do, with the command as code.
    expect(text).toContain('\nTo fix: have someone else change and review the files at risk, or pair on them, until they have another author (`talentrisk explain <path>` shows who knows a file); if a rule asks more than the team can hold, change it in .talentrisk.yml.\n');
  });

  // With model.treatInactiveAsDeparted, a file whose only author is inactive read "nobody knows it
  // (no author)" and its system "no owner: no file has an author" (a re-test on psf/requests).
  it('names the inactive authors a system is left without', () => {
    const base = makeReport();
    const analysis = { developers: [developer('ada@x', 'Ada'), developer('bob@x', 'Bob')], files: [file('deploy/run.sh', ['bob@x']), file('src/a.ts', ['ada@x'])] };
    const systems = evaluateAfterDepartures(analysis, [{ name: 'deploy', paths: ['deploy/**'], minOwners: 1 }], [], ['bob@x']).map((result) => ({ ...result, checked: true, configLine: 3 }));
    const report = { ...base, systems, inactiveGone: 1, inactive: [{ id: 'bob@x', name: 'Bob', lastCommit: '2020-01-01T00:00:00.000Z' }] };
    // Marked as the CLI marks what people read.
    const text = renderCheckMarkdown(markInactive(report));
    expect(text).toContain('| ❌ | deploy | **0** | 1 | no owner: no file keeps an author without Bob (inactive) | 1 |');
    expect(text).toContain('- ❌ **deploy**: bus factor 0 (needs 1): without Bob (inactive), its only file has no author');
    expect(text).toContain('- `deploy/run.sh` — no author without Bob (inactive)');
    // Unmarked where nobody is inactive, and as before where nobody was left out.
    expect(ownersPhrase(systems[0] as (typeof systems)[number])).toBe('no owner: no file keeps an author without Bob');
    expect(ownersPhrase({ ...(systems[0] as (typeof systems)[number]), authorsLeftOut: undefined })).toBe('no owner: no file has an author');
  });

  // psf/requests: the job summary of `check --until 2019-01-01` named the commit, not the day (a re-test).
  it('ends with the revision\'s day, and what was asked for when not HEAD', () => {
    const report = makeReport();
    expect(renderCheckMarkdown(report)).toMatch(/ at `[0-9a-f]{12}` \(\d{4}-\d\d-\d\d\)\.<\/sub>/);
    const asked = { ...report, repository: { ...report.repository, requested: 'HEAD until 2019-01-01' } };
    // The revision alone as code (express: "`HEAD until 2024-06-30`" read as a git revision; a review).
    expect(renderCheckMarkdown(asked)).toMatch(/ at `[0-9a-f]{12}` \(\d{4}-\d\d-\d\d, `HEAD` until 2019-01-01\)\.<\/sub>/);
  });

  it('no name or path can break the table, inject HTML or mention anyone', () => {
    const report = makeReport({
      developers: [developer('eve@x', '<img src=x onerror=alert(1)> | @channel `x`'), developer('bob@x', 'Bob')],
      files: [file('src/pay/we|ird`` <b>name</b>.ts', ['eve@x']), file('src/pay/ok.ts', ['eve@x'])],
      systems: [{ name: 'pay|ments <script>', paths: ['src/pay/**'], minOwners: 2 }],
    });
    const text = renderCheckMarkdown(report);
    const row = text.split('\n').find((line) => line.startsWith('| ❌'))!;
    // Exactly the 7 pipes of a 6-column row: every other pipe is escaped.
    expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(7);
    // Outside code spans (where HTML is inert) no tag survives unescaped, in markdown or in raw HTML.
    const outsideCode = text.replace(/(`+)[^`][\s\S]*?\1/g, '');
    expect(outsideCode).not.toMatch(/(?<!\\)<(img|script|b)\b/);
    expect(text).toContain('<details><summary>pay|ments &lt;script&gt;: 2 files at risk</summary>');
    expect(text).not.toMatch(/(^|[^&#8203;])@channel/);
    expect(text).toContain('@&#8203;channel');
    expect(text).toContain('- ```src/pay/we|ird`` <b>name</b>.ts``` — only');
  });

  it('escapes markdown and picks a long enough code fence', () => {
    expect(escapeMarkdown('a|b*c_d<e>[f](g) #1 @me & x\ny')).toBe('a\\|b\\*c\\_d\\<e\\>\\[f\\](g) #&#8203;1 @&#8203;me &amp; x y');
    expect(markdownCode('a`b')).toBe('``a`b``');
    expect(markdownCode('`x|y')).toBe('`` `x\\|y ``');
    expect(markdownCode('x|y', false)).toBe('`x|y`');
    // A hint's commands stay code; the text around them is escaped.
    expect(escapeMarkdownWithCode('run `talentrisk init` for @me *now*')).toBe('run `talentrisk init` for @&#8203;me \\*now\\*');
    expect(escapeMarkdownWithCode('a `b` c `d')).toBe('a `b` c \\`d');
  });
});
