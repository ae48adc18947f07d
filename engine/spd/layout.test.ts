import { describe, expect, it } from 'vitest';
import { continuationLine, heading, joinBlocks, labelLine, labelLines, renderTable, section, STATS_LABEL_WIDTH, userText } from './layout.js';

describe('list-form labels', () => {
  it('pads to 23 then ": value", as the static listings do', () => {
    expect(labelLine('Policy Name', 'X')).toBe('Policy Name            : X');
    expect(labelLine('Soft SA Expiration Time', 1)).toBe('Soft SA Expiration Time : 1');
    expect(labelLine('Description', '')).toBe('Description            :');
  });

  it('pads statistics to 32', () => {
    expect(labelLine('Active Acquire', 0, STATS_LABEL_WIDTH)).toBe('Active Acquire                  : 0');
  });

  it('aligns further values under the first', () => {
    expect(labelLines('Auth', ['a', 'b'], 'none')).toEqual(['Auth                   : a', `${' '.repeat(25)}b`]);
    expect(labelLines('Auth', [], 'none')).toEqual(['Auth                   : none']);
    expect(continuationLine('x', 4)).toBe('      x');
  });

  it('underlines headings', () => {
    expect(heading('Quick Mode SAs')).toEqual(['Quick Mode SAs', '--------------']);
  });

  it('shows control characters in names as text', () => {
    expect(userText('a\u001b[2Jb')).toBe('a^[[2Jb');
  });
});

describe('tables', () => {
  const columns = [
    { header: 'Filter Name', width: 16, narrowWidth: 8 },
    { header: 'Me', width: 16 },
    { header: 'Peer', width: 4 },
  ];

  it('pads cells, overflows long ones by a space, trims line ends', () => {
    expect(renderTable(columns, [['SMB', '192.168.1.10', '192.168.1.20'], ['A very long filter name', 'x', '']])).toEqual([
      'Filter Name     Me              Peer',
      '------------------------------------',
      'SMB             192.168.1.10    192.168.1.20',
      'A very long filter name x',
    ]);
  });

  it('wide=no cuts cells to their narrow width', () => {
    expect(renderTable(columns, [['A very long filter name', 'x', 'y']], { wide: false, ruleLength: 10 })).toEqual([
      'Filter  Me              Peer',
      '----------',
      'A very  x               y',
    ]);
  });
});

describe('blocks and sections', () => {
  it('separates blocks with one blank line and ends with a newline', () => {
    expect(joinBlocks([['a', 'b'], ['c']])).toBe('a\nb\n\nc\n');
  });

  it('puts the title over the first block, with an optional summary', () => {
    expect(section('T', [['x'], ['y']], 'none', ['n : 2'])).toEqual([['T', '-', 'n : 2', '', 'x'], ['y']]);
    expect(section('T', [], 'none')).toEqual([['T', '-', 'none']]);
  });
});
