import { describe, expect, it } from 'vitest';
import { mdCode, mdTable, mdText, oneLine } from '../../src/report/handoff-escape.ts';
import { cellSeparators } from './gfm.ts';

describe('mdText', () => {
  it('escapes inline syntax so it renders literally', () => {
    expect(mdText('a *b* _c_ `d` [e](f) ![g](h) <b>i</b> ~~j~~ $k$ &amp; \\ |')).toBe(
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) !\\[g\\](h) \\<b\\>i\\</b\\> \\~\\~j\\~\\~ \\$k\\$ \\&amp; \\\\ \\|',
    );
    // What cannot mean anything where it stands is left as written (markdown-render.test.ts proves it with a GFM parser).
    expect(mdText('fix(ext/node_sqlite)!')).toBe('fix(ext/node_sqlite)!');
  });

  it('puts newlines, control characters and bidi overrides on one line', () => {
    expect(mdText('line one\n# heading\r\n\tnext\u202e\u0007end')).toBe('line one \\# heading next end');
    expect(oneLine('a\u001b[31mred\u001b[0m b')).toBe('ared b');
  });

  it('cannot open a block even at the start of a line', () => {
    expect(mdText('# title')).toBe('\\# title');
    expect(mdText('- item')).toBe('\\- item');
    expect(mdText('+ item')).toBe('\\+ item');
    expect(mdText('> quote')).toBe('\\> quote');
    expect(mdText('1. first')).toBe('1\\. first');
    expect(mdText('12) x')).toBe('12\\) x');
    expect(mdText('===')).toBe('\\===');
  });

  it('keeps GitHub from mentioning people or linking issues', () => {
    expect(mdText('thanks @octocat and @org/team, see #12')).toBe('thanks @&#8203;octocat and @&#8203;org/team, see #&#8203;12');
    // The zero-width space alone does it: no backslash before that `#` (requests: `(\\#&#8203;7539)`
    // ended every commit subject), while a `#` before anything else keeps its backslash.
    expect(mdText('Inline pre-commit linting (#7539)')).toBe('Inline pre-commit linting (#&#8203;7539)');
    expect(mdText('C# #x ##1 \\#2')).toBe('C\\# \\#x \\##&#8203;1 \\\\#&#8203;2');
    // An email is not a mention.
    expect(mdText('ada@example.com')).toBe('ada@example.com');
  });

  it('truncates long text', () => {
    expect(mdText('x'.repeat(300), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('mdCode', () => {
  it('fences with more backticks than the text holds and pads edge backticks', () => {
    expect(mdCode('src/a.ts')).toBe('`src/a.ts`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdCode('``')).toBe('``` `` ```');
    expect(mdCode(' lead')).toBe('`  lead `');
  });

  it('escapes pipes in table cells only', () => {
    expect(mdCode('a|b')).toBe('`a|b`');
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
    expect(cellSeparators(`| ${mdCode('a|b|c', true)} |`)).toBe(2);
  });

  it('falls back to escaped text for a backslash before a pipe in a table (GFM would split the cell)', () => {
    expect(mdCode('a\\|b', true)).toBe('a\\\\\\|b');
    expect(cellSeparators(`| ${mdCode('a\\|b', true)} |`)).toBe(2);
  });

  it('keeps spaces of a path but not control characters', () => {
    expect(mdCode('my  file\n.ts')).toBe('`my  file .ts`');
    expect(mdCode('')).toBe('');
  });
});

describe('mdTable', () => {
  it('keeps one row per line and the same number of cells in every row, whatever the cells hold', () => {
    const evil = ['x | y', 'a\\|b', '`|`', 'new\nline', '<td>', '\\'];
    const table = mdTable(['path', 'name'], evil.map((text) => [mdCode(text, true), mdText(text)]));
    const lines = table.split('\n');
    expect(lines).toHaveLength(2 + evil.length);
    for (const line of lines) expect(cellSeparators(line)).toBe(3);
  });
});
