// Renders Markdown the way GitHub does (CommonMark + GFM tables, autolinks, strikethrough) with micromark, and reads
// back what a reader would see: which raw HTML, links and @-mentions the text made, and the cells of each table row.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** HTML elements credledger's own Markdown produces; anything else came from escaped-badly input. */
const OWN_ELEMENTS = new Set(['p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'em', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'details', 'summary', 'sub', 'hr', 'br', 'input']);

export function renderGitHubHtml(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** What the rendered text shows: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** Everything in the rendered HTML that a reader would experience as markup the text itself made. */
export function unsafeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)[^>]*>/g)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!OWN_ELEMENTS.has(name)) found.push(match[0]);
  }
  for (const match of html.matchAll(/<!--/g)) found.push(match[0]);
  // GitHub turns @login in text (not in code) into a mention; a zero-width space after @ prevents it.
  const outsideCode = visibleText(html.replace(/<code>[\s\S]*?<\/code>/g, ''));
  for (const match of outsideCode.matchAll(/(?:^|[^A-Za-z0-9`])@[A-Za-z0-9]/g)) found.push(`mention ${match[0]}`);
  return found;
}

/** The cells of every table row, as rendered HTML, in order. */
export function tableRows(html: string): string[][] {
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1] ?? ''));
}
