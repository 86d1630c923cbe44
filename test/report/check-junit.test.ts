import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../src/report/check-escape.ts';
import { renderCheckJunit } from '../../src/report/check-junit.ts';
import { makeReport } from './check-factory.ts';

/** A minimal well-formedness check: one root, balanced tags, quoted attributes, only the five entities. */
export function assertWellFormedXml(xml: string): { name: string; attributes: Record<string, string> }[] {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  let roots = 0;
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let match = tag.exec(body); match; match = tag.exec(body)) {
    const text = body.slice(last, match.index);
    if (/[<>]/.test(text) || /&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`bad text: ${text}`);
    last = tag.lastIndex;
    const [, closing, name, attrs, selfClosing] = match as unknown as [string, string, string, string, string];
    if (closing) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
      continue;
    }
    if (stack.length === 0) roots += 1;
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attrs.matchAll(/([\w.-]+)="([^"]*)"/g)) attributes[key as string] = value as string;
    elements.push({ name, attributes });
    if (!selfClosing) stack.push(name);
  }
  if (body.slice(last).trim() !== '' || stack.length > 0 || roots !== 1) throw new Error('not one closed root element');
  return elements;
}

describe('check --format junit', () => {
  it('is well-formed XML with one testcase per system and a failure for the violation', () => {
    const xml = renderCheckJunit(makeReport());
    const elements = assertWellFormedXml(xml);
    expect(elements[0]).toEqual({ name: 'testsuites', attributes: { name: 'talentrisk check', tests: '3', failures: '1', errors: '0', skipped: '0', time: '0' } });
    const cases = elements.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => [c.attributes.name, c.attributes.line])).toEqual([
      ['payments', '3'],
      ['auth', '7'],
      ['deploy', '11'],
    ]);
    expect(elements.filter((e) => e.name === 'failure')).toEqual([{ name: 'failure', attributes: { message: 'bus factor 1, needs 2; sole owner: Ada', type: 'minOwners' } }]);
  });

  it('marks the systems --changed left out as skipped', () => {
    const xml = renderCheckJunit(makeReport({ checked: (n) => n === 'auth', changed: { base: 'main', mergeBase: 'x', files: 1 } }));
    const elements = assertWellFormedXml(xml);
    expect(elements[0]?.attributes).toMatchObject({ tests: '3', failures: '0', skipped: '2' });
    expect(elements.filter((e) => e.name === 'skipped').map((e) => e.attributes.message)).toEqual(['no file changed since main', 'no file changed since main']);
  });

  it('escapes names and drops characters XML cannot hold', () => {
    expect(escapeXml('a<b>&"c\'\u0001\u001b')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const xml = renderCheckJunit(makeReport({ systems: [{ name: '<pay & "ments">\u0007', paths: ['src/pay/**'], minOwners: 2 }] }));
    expect(assertWellFormedXml(xml).find((e) => e.name === 'testcase')?.attributes.name).toBe('&lt;pay &amp; &quot;ments&quot;&gt;');
  });
});
