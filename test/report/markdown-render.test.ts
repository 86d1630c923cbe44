import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/report/check-escape.ts';
import { mdCode, mdTable, mdText, oneLine } from '../../src/report/handoff-escape.ts';

// The handoff's escaping checked against a real CommonMark + GFM parser (micromark, the parser
// under remark and GitHub's own markdown tooling): whatever a commit's author wrote, mdText renders
// as that text, literally, and mdCode as one code span. GitHub's own additions (@mentions, #123
// references, `$…$` math) are not GFM: the zero-width space that stops the first two, and the
// escaped `$`, are checked in handoff-escape.test.ts.

const ZWSP = '\u200b';

function render(markdown: string): string {
  return micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

function unlinkEmails(html: string): string {
  return html.replace(/<a href="mailto:([^"<]*)">([^<]*)<\/a>/g, (link, address: string, text: string) => (address === text ? text : link));
}

function decode(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The text of a paragraph rendered from `markdown`, or undefined when it rendered as anything else.
 * GFM turns an email address into a mailto link showing that address: harmless (mdText leaves
 * `ada@example.com` as it is on purpose), so such a link counts as its text.
 */
function paragraphText(markdown: string): string | undefined {
  const html = unlinkEmails(render(markdown));
  const match = /^<p>([^<]*)<\/p>\n?$/.exec(html);
  return match ? decode(match[1] as string).replaceAll(ZWSP, '') : undefined;
}

// Text rich in everything markdown reads: punctuation, digits, letters, spaces, an @ and a #, and
// whole constructs (a link's `](`, an image's `![`, entities, emphasis runs), so that dropping one
// escape shows (review: with single characters, '[' and ']' unescaped still passed).
const SINGLE = '\\`*_{}[]()<>#!|~&$+-=.:;/@"\'%^?,ab1 xyz_9é'.split('');
// ' #' and '#1': a heading's closing sequence, and the `#123` that keeps no backslash.
const CONSTRUCTS = ['](', '![', '[a](b)', '<a>', '</b>', '&amp;', '&#35;', '&#x41;', '__', '**', '~~', '$$', '``', 'a@b.cd', ' #', '#1', ' #1'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...SINGLE), fc.constantFrom(...CONSTRUCTS)), { maxLength: 24 }).map((parts) => parts.join(''));
// The same with bare URLs, which GFM turns into links to themselves (see the safety property).
// `*` and `~` after a URL too: the autolink ends before them as it does before `_`.
const withUrls = fc.array(fc.oneof(fc.constantFrom(...SINGLE), fc.constantFrom(...CONSTRUCTS, 'http://x.yz/', 'www.x.yz', ' https://a.b/c_d', ' https://a.b/c*d', 'www.x.yz~', '<http://x.yz>')), { maxLength: 24 }).map((parts) => parts.join(''));
// Counterexamples found once: the autolink swallowed the backslash of `\_` (a random seed in CI),
// `\*` or `\~` right after it, and what followed rendered as <em> or <del>.
const URL_EXAMPLES: [string][] = [["www.x.yz_' https://a.b/c_d__"], ["www.x.yz*' https://a.b/c*d**"], ["www.x.yz~' https://a.b/c~d~~"], ['www.x.yz~<www.x.yz:>']];

/** What `escape` makes of text with bare URLs renders no markup but links that show their own address. */
function rendersOnlySelfLinks(escape: (text: string) => string, text: string): void {
  const html = render(`Shares ${escape(text)} with others.`);
  // Every tag is the paragraph's, or GFM's link of a bare URL or email to itself: its text is
  // that address (an escape right after a URL shows as a backslash in it: harmless), never
  // words of the author's choosing over another destination, as `[text](url)` would be.
  for (const [, href, shown] of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
    const text = decode(shown as string);
    expect(text).toMatch(/^(https?:\/\/|www\.)|^[^\s@]+@[^\s@]+$/);
    // An empty href is micromark dropping one it finds unsafe (`www.x.yz:\` reads as a scheme): a
    // link to nowhere that shows its own text (a random seed in CI found `www.x.yz~<www.x.yz:>`).
    const target = decode(href as string);
    expect(target === '' || target.replace(/^mailto:/, '').replace(/^http:\/\/(?=www\.)/, '').startsWith(text.slice(0, 8))).toBe(true);
  }
  expect(html.replace(/<a href="[^"]*">[^<]*<\/a>/g, '').replace(/^<p>|<\/p>\n?$/g, '')).not.toMatch(/<[a-z/]/i);
}

describe('handoff markdown, rendered by a GFM parser', () => {
  it('mdText renders as its text, literally, at the start of a paragraph or inside one', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const expected = oneLine(text);
        // A text that is empty or all spaces renders as nothing: the templates never write one alone.
        fc.pre(expected !== '');
        expect(paragraphText(mdText(text))).toBe(expected);
        expect(paragraphText(`Shares ${mdText(text)} with others.`)).toBe(`Shares ${expected} with others.`);
      }),
      { numRuns: 3000 },
    );
  });

  it('mdText renders as its text at the end of a heading (no `#` of it closes the heading)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const expected = oneLine(text);
        fc.pre(expected !== '');
        const html = unlinkEmails(render(`### Area ${mdText(text)}`));
        const match = /^<h3>([^<]*)<\/h3>\n?$/.exec(html);
        expect(match, html).not.toBeNull();
        expect(decode((match as RegExpExecArray)[1] as string).replaceAll(ZWSP, '')).toBe(`Area ${expected}`);
      }),
      { numRuns: 2000, examples: [['fix #'], ['see #12'], ['a ## #1'], ['#1 #']] },
    );
  });

  it('with bare URLs too, renders no markup but links that show their own address', () => {
    fc.assert(
      fc.property(withUrls, (text) => {
        fc.pre(oneLine(text) !== '');
        rendersOnlySelfLinks(mdText, text);
      }),
      { numRuns: 3000, examples: URL_EXAMPLES },
    );
  });

  it('reads a commit subject as its author wrote it, with parentheses and underscores left alone', () => {
    const subject = 'fix(ext/node_sqlite): handle __proto__ keys *twice* (#36633)';
    const escaped = mdText(subject);
    expect(escaped).toBe('fix(ext/node_sqlite): handle \\_\\_proto\\_\\_ keys \\*twice\\* (#&#8203;36633)');
    expect(paragraphText(escaped)).toBe(subject);
  });

  it('mdCode renders as one code span holding the text', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        // (The alphabet has no control characters, which mdCode would turn into spaces.)
        fc.pre(text.trim() !== '');
        const html = render(`File ${mdCode(text)} here`);
        const match = /^<p>File <code>([^<]*)<\/code> here<\/p>\n?$/.exec(html);
        expect(match, html).not.toBeNull();
        // A code span strips one space at each end when both are spaces (mdCode pads edge backticks so).
        expect(decode((match as RegExpExecArray)[1] as string)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('a table keeps its cells whatever they hold', () => {
    fc.assert(
      fc.property(hostile, hostile, (a, b) => {
        fc.pre(oneLine(a) !== '' && oneLine(b) !== '');
        const html = unlinkEmails(render(mdTable(['one', 'two'], [[mdText(a), mdCode(b, true)]])));
        const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => m[1] as string);
        expect(cells, html).toHaveLength(2);
        expect(decode(cells[0] as string).replaceAll(ZWSP, '')).toBe(oneLine(a));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("check's markdown, rendered by a GFM parser", () => {
  it('with bare URLs, renders no markup but links that show their own address', () => {
    fc.assert(
      fc.property(withUrls, (text) => {
        fc.pre(oneLine(text) !== '');
        rendersOnlySelfLinks(escapeMarkdown, text);
      }),
      { numRuns: 3000, examples: URL_EXAMPLES },
    );
  });
});
