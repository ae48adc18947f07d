import { describe, expect, it } from 'vitest';
import { escapeHtml, renderInline, renderMarkdown } from '../../renderer/markdown.js';

/** Every tag the renderer may write; anything else in the output means HTML got through. */
const ALLOWED = /^(<\/?(h[1-6]|p|ul|ol|li|pre|code|strong|em|blockquote|hr|span)>|<span class="md-link">)$/;

function tagsOf(html: string): string[] {
  return html.match(/<[^>]*>/g) ?? [];
}

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists, emphasis and code', () => {
    const html = renderMarkdown(
      ['# Title', '', 'Some **bold** and *em* and `netsh ipsec`.', 'Same paragraph.', '', '- one', '- two', '', '1. first', '2. second', '', '```', 'SRV1> netsh', '```'].join('\n'),
    );
    expect(html).toBe(
      [
        '<h3>Title</h3>',
        '<p>Some <strong>bold</strong> and <em>em</em> and <code>netsh ipsec</code>.\nSame paragraph.</p>',
        '<ul><li>one</li><li>two</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
        '<pre><code>SRV1&gt; netsh</code></pre>',
      ].join('\n'),
    );
  });

  it('maps heading levels from the base it is given', () => {
    expect(renderMarkdown('## Step', { headingBase: 4 })).toBe('<h5>Step</h5>');
    expect(renderMarkdown('###### deep')).toBe('<h6>deep</h6>');
  });

  it('shows a script element as text', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> world');
    expect(html).toBe('<p>Hello &lt;script&gt;alert(1)&lt;/script&gt; world</p>');
  });

  it('shows an image with an onerror handler as text', () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)">');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('shows links as text, never as anchors, whatever the address', () => {
    expect(renderInline('[the docs](https://example.com/a)')).toBe('<span class="md-link">the docs</span> (https://example.com/a)');
    const html = renderMarkdown('[click](javascript:alert(1)) and [x](" onmouseover="alert(1))');
    expect(html).not.toMatch(/<a\b|href=|onmouseover="/);
  });

  it('escapes HTML inside code spans, code blocks, headings and list items', () => {
    expect(renderInline('`<b>`')).toBe('<code>&lt;b&gt;</code>');
    expect(renderMarkdown('```\n<iframe src=x></iframe>\n```')).toBe('<pre><code>&lt;iframe src=x&gt;&lt;/iframe&gt;</code></pre>');
    expect(renderMarkdown('# <svg onload=alert(1)>')).toBe('<h3>&lt;svg onload=alert(1)&gt;</h3>');
    expect(renderMarkdown('- <a href="x">y</a>')).toBe('<ul><li>&lt;a href=&quot;x&quot;&gt;y&lt;/a&gt;</li></ul>');
  });

  it('never emits a tag of its own choosing beyond the allowed set, for hostile input', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '**<b onclick=x>**',
      '*<i>*',
      '`` ` `` <style>',
      '> <object data=x>',
      '1. <embed src=x>',
      '[<img>](<svg>)',
      '<!-- comment --> &lt;already&gt;',
      '<<script>script>',
      '```\n</code></pre><script>\n```',
    ].join('\n\n');
    for (const tag of tagsOf(renderMarkdown(hostile))) expect(tag).toMatch(ALLOWED);
  });

  it('does not let emphasis markers inside code turn into tags', () => {
    expect(renderInline('`a*b*c`')).toBe('<code>a*b*c</code>');
    expect(renderInline('snake_case_name')).toBe('snake_case_name');
    expect(renderInline('window.__xss = 1 and window.__xss = 2')).toBe('window.__xss = 1 and window.__xss = 2');
    expect(renderInline('__strong__ and _em_')).toBe('<strong>strong</strong> and <em>em</em>');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('keeps an unclosed fence as code to the end', () => {
    expect(renderMarkdown('```\n<x>')).toBe('<pre><code>&lt;x&gt;</code></pre>');
  });
});
