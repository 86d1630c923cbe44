import { describe, expect, it } from 'vitest';
import { renderHandoffMarkdown } from '../../src/report/handoff-markdown.ts';
import { analyzeRepo } from '../helpers/analyze.ts';
import type { FixtureCommit } from '../helpers/git-fixture.ts';
import { buildNamed, handoffOf } from './handoff-fixture.ts';
import { cellSeparators } from './gfm.ts';

// Whoever writes a commit chooses its author name, its paths and its message. None of them may
// break the handoff document: no HTML, no links, no new blocks, no broken table, no @-mention.

const EVIL = { name: '@channel *boss* | `rm -rf` [x](http://e.example) #1 $x$ ~~y~~', email: 'evil@example.com' };
const HEIR = { name: '- [ ] \\| </td> ![i](http://e.example/i.png)', email: 'heir@example.com' };
const PATHS = [
  'web/<img src=x onerror=alert(1)>.ts',
  'web/a|b`c`.ts',
  'web/# heading\n- item.ts',
  'web/[link](javascript:alert(1)).ts',
  'web/back\\|slash.ts',
  'web/``.ts',
];

function evilHistory(): FixtureCommit[] {
  const files = Object.fromEntries(PATHS.map((p, i) => [p, `v${i}\n`]));
  return [
    { author: EVIL, at: '2024-10-10T10:00:00Z', message: '<script>alert(1)</script> | done @bob #12\n\nbody', write: files },
    { author: HEIR, at: '2024-10-12T10:00:00Z', message: '[click](http://e.example) `code` *x*', write: { [PATHS[0] as string]: 'v9\n' } },
    { author: EVIL, at: '2024-11-01T10:00:00Z', message: '# not a heading\n- not a list', write: { [PATHS[0] as string]: 'v10\n', [PATHS[1] as string]: 'v11\n' } },
  ];
}

/** The text outside code spans (CommonMark: a backtick run closes with a run of the same length). */
function outsideCode(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; ) {
    if (line[i] === '\\') {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (line[i] === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      const close = line.indexOf(run, i + run.length);
      // An unclosed run is literal text; a closed one is a code span whose content is inert.
      if (close === -1 || line[close + run.length] === '`') throw new Error(`unbalanced code span in: ${line}`);
      i = close + run.length;
      continue;
    }
    out += line[i];
    i += 1;
  }
  return out;
}

describe('handoff markdown against injection through names, paths and commit messages', async () => {
  const repo = buildNamed('evil', evilHistory());
  const analysis = await analyzeRepo(repo.dir, { depth: 1 });
  const report = await handoffOf(analysis, 'evil@example.com');
  const markdown = renderHandoffMarkdown(report);
  const lines = markdown.split('\n');

  it('analyses every evil path', () => {
    expect(analysis.files.map((f) => f.path).sort()).toEqual([...PATHS].sort());
    expect(report.summary.soleFiles + report.summary.sharedFiles).toBe(PATHS.length);
  });

  it('matches the golden file', async () => {
    await expect(markdown).toMatchFileSnapshot('../../fixtures/expected/handoff-injection.md');
  });

  it('keeps every table row on one line with the header’s number of cells', () => {
    const tableLines = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.startsWith('|'));
    expect(tableLines.length).toBeGreaterThan(2);
    for (const { line, index } of tableLines) {
      let header = index;
      while (lines[header - 1]?.startsWith('|')) header -= 1;
      expect(cellSeparators(line), line).toBe(cellSeparators(lines[header] as string));
    }
  });

  it('starts every line with the document’s own syntax, never with untrusted text', () => {
    const allowed = /^(<!-- Written by talentrisk|# Handoff: |## |### `|- \[ \] |- \*\*| {2}- \*\*|- `|\| |Repository `|⚠️ The figures are measured |Person: |Ranked by|Module truck factor| {2}The truck factor counts |⚠️ \d+ of the \d+ commits of the last 2 years under |\*\*Who could take over\*\* |In the last|Nothing to hand|None: |\(|---$|\*How to read|… and|$)/;
    for (const line of lines) expect(line, line).toMatch(allowed);
  });

  it('has no HTML, link, image, emphasis by others or @-mention outside code spans', () => {
    for (const line of lines.slice(1)) {
      const text = outsideCode(line);
      expect(text, line).not.toMatch(/(^|[^\\])</);
      expect(text, line).not.toMatch(/(^|[^\\])\]\(/);
      expect(text, line).not.toMatch(/(^|[^\\])!\[/);
      expect(text, line).not.toMatch(/(^|[^\\])~~/);
      expect(text, line).not.toMatch(/(^|[^\\])\$/);
      expect(text, line).not.toMatch(/(^|[^\p{L}\p{N}_&])@[\p{L}\p{N}_]/u);
      expect(text, line).not.toMatch(/(^|[^\\&])#\d/);
    }
  });

  it('shows the names and paths literally', () => {
    expect(markdown).toContain('# Handoff: @&#8203;channel \\*boss\\* \\| \\`rm -rf\\` \\[x\\](http://e.example) #&#8203;1 \\$x\\$ \\~\\~y\\~\\~');
    expect(markdown).toContain('``web/a\\|b`c`.ts``');
    expect(markdown).toContain('`web/# heading - item.ts`');
    expect(markdown).toContain('web/back\\\\\\|slash.ts');
    expect(markdown).toContain(': \\<script\\>alert(1)\\</script\\> \\| done @&#8203;bob #&#8203;12 (');
    expect(markdown).toContain('| \\- \\[ \\] \\\\\\| /td !\\[i\\](http://e.example/i.png) (weak; a one-off contributor: 1 commit in the whole history, on 2024-10-12) |');
  });
});
