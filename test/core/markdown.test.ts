import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenToLine, markdownCode, markdownMessage, markdownTable, markdownText } from '../../src/core/markdown.js';
import { renderGitHubHtml, tableRows, unsafeMarkup, visibleText } from '../support/markdown-oracle.js';

/** Text as it should read once rendered: on one line, without the zero-width spaces that defuse mentions. */
function expectedReading(text: string): string {
  return flattenToLine(text).replace(/\u200b/g, '').trim();
}

function reading(cellHtml: string): string {
  return visibleText(cellHtml).replace(/\u200b/g, '').trim();
}

const HOSTILE = [
  'a\rb',
  'a\r![x](https://evil.example/x.png)',
  'x\u2028# heading',
  'x\u0085@team',
  'x\vy\fz',
  'a|b',
  'a\\|b',
  '`a|b`',
  '<img src=x onerror=alert(1)>',
  '<!-- credledger:id=other -->',
  '@octocat',
  'mail me@example.com',
  'https://evil.example',
  'www.evil.example',
  '[link](https://evil.example)',
  '![image](https://evil.example/i.png)',
  '**bold** _em_ ~~strike~~',
  '&lt;b&gt;',
  '``',
  ' ` ',
  '\u202egnp.exe',
  '$x^2$',
  ':warning:',
];

describe('markdownCode', () => {
  it.each([
    ['openai', '`openai`'],
    ['a`b', '``a`b``'],
    ['`a', '`` `a ``'],
    ['two\nlines', '`two lines`'],
    ['cr\ronly', '`cr only`'],
    ['', '` `'],
  ])('%j', (text, expected) => {
    expect(markdownCode(text)).toBe(expected);
  });
});

describe('markdownText', () => {
  it('escapes markup, HTML, mentions, autolinks and every kind of line break', () => {
    expect(markdownText('a\r\n<b>|@x [l](u) https://e.x www.e.x *y* $z$')).toBe('a  &lt;b&gt;&#124;@\u200bx \\[l\\](u) https\\://e.x www\\.e.x \\*y\\* \\$z\\$');
    expect(markdownText('- item')).toBe('\\- item');
    expect(markdownText('12. item')).toBe('12\\. item');
  });
});

describe('one table cell per cell, whatever the text', () => {
  it.each(HOSTILE)('%j', (text) => {
    const markdown = markdownTable(['code', 'text', 'message'], [[markdownCode(text), markdownText(text), markdownMessage(`name \`${text}\` here`)]]);
    const html = renderGitHubHtml(`${markdown}\n`);
    expect(unsafeMarkup(html)).toEqual([]);
    const rows = tableRows(html);
    expect(rows).toHaveLength(2);
    const [code, prose] = rows[1] ?? [];
    expect(rows[1]).toHaveLength(3);
    expect(reading(code ?? '')).toBe(expectedReading(text));
    expect(reading(prose ?? '')).toBe(expectedReading(text));
  });

  it('holds for arbitrary Unicode (property)', () => {
    const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...HOSTILE));
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 3 }), (texts) => {
        const rows = texts.map((text) => [markdownCode(text), markdownText(text)]);
        const html = renderGitHubHtml(`${markdownTable(['code', 'text'], rows)}\n`);
        expect(unsafeMarkup(html)).toEqual([]);
        const cells = tableRows(html);
        expect(cells).toHaveLength(texts.length + 1);
        texts.forEach((text, index) => {
          const [code, prose] = cells[index + 1] ?? [];
          expect(cells[index + 1]).toHaveLength(2);
          expect(reading(code ?? '')).toBe(expectedReading(text));
          expect(reading(prose ?? '')).toBe(expectedReading(text));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('holds in prose outside a table too (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const html = renderGitHubHtml(`Owner ${markdownText(text)} and ${markdownCode(text)}.\n`);
        expect(unsafeMarkup(html)).toEqual([]);
        expect(html.match(/<p>/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
