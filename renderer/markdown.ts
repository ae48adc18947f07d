/**
 * A small, safe Markdown renderer for lesson text from packs (which may be anyone's).
 * Everything the author wrote is escaped; the only markup in the output is the fixed set of
 * attribute-free tags this file writes itself: h1–h6 (from headingBase on), p, ul, ol, li, pre, code, strong, em,
 * blockquote and one span class for links. Raw HTML in the source is shown as text, and a
 * link is shown as its text and address, never as something to click.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export interface MarkdownOptions {
  /** The level `#` maps to (the pane's own headings sit above the lesson's); default 3. */
  readonly headingBase?: number;
}

/** Inline text: `code`, **strong**, *em* / _em_, [text](address); everything else escaped. */
export function renderInline(text: string): string {
  let out = '';
  const code = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (let m = code.exec(text); m; m = code.exec(text)) {
    out += emphasis(text.slice(last, m.index));
    out += `<code>${escapeHtml((m[2] ?? '').trim() || (m[2] ?? ''))}</code>`;
    last = m.index + m[0].length;
  }
  return out + emphasis(text.slice(last));
}

/** Works on escaped text: the patterns only add tags of our own around already-safe text. */
function emphasis(raw: string): string {
  return escapeHtml(raw)
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_all, label: string, href: string) =>
      label === href ? `<span class="md-link">${label}</span>` : `<span class="md-link">${label}</span> (${href})`,
    )
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^_\w])__(?=\S)([\s\S]*?\S)__(?![_\w])/g, '$1<strong>$2</strong>')
    .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ \t]?(.*)$/;
const RULE = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;

function startsBlock(line: string): boolean {
  return FENCE.test(line) || HEADING.test(line) || BULLET.test(line) || ORDERED.test(line) || QUOTE.test(line) || RULE.test(line);
}

/** Markdown to safe HTML (see the file's comment for what is kept). */
export function renderMarkdown(source: string, options: MarkdownOptions = {}): string {
  const base = Math.min(Math.max(options.headingBase ?? 3, 1), 6);
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const html: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const close = new RegExp(`^ {0,3}${fence[1]?.[0] === '`' ? '`' : '~'}{${fence[1]?.length ?? 3},}[ \\t]*$`);
      const body: string[] = [];
      i++;
      while (i < lines.length && !close.test(lines[i] ?? '')) body.push(lines[i++] ?? '');
      i++;
      html.push(`<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = Math.min(base + (heading[1]?.length ?? 1) - 1, 6);
      html.push(`<h${level}>${renderInline(heading[2] ?? '')}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      html.push('<hr>');
      i++;
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const ordered = !BULLET.test(line);
      const pattern = ordered ? ORDERED : BULLET;
      const items: string[][] = [];
      while (i < lines.length) {
        const l = lines[i] ?? '';
        const m = pattern.exec(l);
        if (m) items.push([(ordered ? m[2] : m[1]) ?? '']);
        else if (l.trim() !== '' && /^\s+/.test(l) && items.length) items[items.length - 1]?.push(l.trim());
        else break;
        i++;
      }
      const tag = ordered ? 'ol' : 'ul';
      html.push(`<${tag}>${items.map((item) => `<li>${renderInline(item.join(' '))}</li>`).join('')}</${tag}>`);
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      for (let m = QUOTE.exec(lines[i] ?? ''); m && i < lines.length; m = QUOTE.exec(lines[++i] ?? '')) body.push(m[1] ?? '');
      html.push(`<blockquote>${renderMarkdown(body.join('\n'), options)}</blockquote>`);
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && (para.length === 0 || !startsBlock(lines[i] ?? ''))) para.push((lines[i++] ?? '').trim());
    html.push(`<p>${renderInline(para.join('\n'))}</p>`);
  }
  return html.join('\n');
}
