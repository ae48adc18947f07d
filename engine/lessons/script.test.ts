import { describe, expect, it } from 'vitest';
import { lockedBy } from './locks.js';
import { splitLessonMarkdown } from './markdown.js';
import { parseScriptText } from './script/parse.js';

const HOSTS = [
  { name: 'DC1', domain: 'example.test' },
  { name: 'SRV1', domain: 'example.test' },
];

describe('solution scripts', () => {
  it('reads command, clock and GUI lines, turning OU paths into DNs', () => {
    const text = [
      '# comment',
      'SRV1> gpupdate /force',
      '@advance 90m',
      '@action {"type":"directory","domain":"example.test","change":{"op":"link-gpo","gpo":"G","container":"Servers/Test"}}',
      '@action {"type":"move-computer","host":"SRV1","ou":"Servers/Test"}',
      '@action {"type":"directory","domain":"example.test","change":{"op":"create-ou","name":"X","parent":"."}}',
    ].join('\n');
    const { actions, problems } = parseScriptText(text, HOSTS);
    expect(problems).toEqual([]);
    expect(actions.map((a) => a.line)).toEqual([2, 3, 4, 5, 6]);
    expect(actions[2]?.action).toEqual({ type: 'directory', domain: 'example.test', change: { op: 'link-gpo', gpo: 'G', container: 'OU=Test,OU=Servers,DC=example,DC=test' } });
    expect(actions[3]?.action).toEqual({ type: 'move-computer', host: 'SRV1', ou: 'OU=Test,OU=Servers,DC=example,DC=test' });
    expect(actions[4]?.action).toMatchObject({ change: { parent: 'DC=example,DC=test' } });
  });

  it('reports every bad line with its line and column', () => {
    const text = ['SRV9> ipconfig', '  @action {"type":"power","host":"SRV1"}', '@action {not json', '@action {"type":"directory","domain":"d","change":{"op":"grow"}}', '@wait 5m'].join('\n');
    const { problems } = parseScriptText(text, HOSTS);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[1, 1], [2, 3], [3, 1], [4, 1], [5, 1]]);
    expect(problems[0]?.message).toContain('no host named SRV9');
    expect(problems[1]?.message).toBe('@action: missing required field "online"');
    expect(problems[2]?.message).toContain('@action needs one JSON object');
    expect(problems[3]?.message).toContain('"change.op": one of create-ou');
    expect(problems[4]?.message).toContain('@advance TIME and @action {json}');
  });
});

describe('locks', () => {
  it('refuses locked commands by whole words and locked tools', () => {
    const locks = { commands: ['netsh ipsec dynamic'], tools: ['gpmc' as const] };
    expect(lockedBy({ type: 'command', host: 'SRV1', line: 'NETSH  ipsec dynamic show all' }, locks)).toContain('netsh ipsec dynamic');
    expect(lockedBy({ type: 'command', host: 'SRV1', line: 'netsh ipsec static show all' }, locks)).toBeNull();
    expect(lockedBy({ type: 'directory', domain: 'd', change: { op: 'link-gpo', gpo: 'g', container: 'c' } }, locks)).toContain('gpmc');
    expect(lockedBy({ type: 'move-computer', host: 'SRV1', ou: null }, locks)).toBeNull();
  });
});

describe('lesson Markdown', () => {
  it('splits at ## headings outside code fences and keeps the text raw', () => {
    const md = '# T\nintro <script>x</script>\n## One\na\n```\n## not a heading\n```\n## Two\nb\n### sub\n';
    const text = splitLessonMarkdown(md);
    expect(text.intro).toBe('# T\nintro <script>x</script>');
    expect(text.sections.map((s) => [s.heading, s.line])).toEqual([['One', 3], ['Two', 8]]);
    expect(text.sections[1]?.body).toBe('b\n### sub');
  });
});
