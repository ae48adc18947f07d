/**
 * netsh's word splitting: white space separates words, double quotes group text (and vanish),
 * and the first `=` outside quotes splits a word into tag and value.
 */

export interface Token {
  /** As typed, quotes included. */
  readonly raw: string;
  /** With quotes removed. */
  readonly text: string;
  /** Index in `text` of the first `=` typed outside quotes, or -1. */
  readonly eq: number;
  /** Some part of the word was quoted (so `"all"` is a value, not the flag). */
  readonly quoted: boolean;
  /** A quote was still open at the end of the line. */
  readonly open: boolean;
  /** Offset of the word in the line. */
  readonly start: number;
}

const SPACE = /[ \t\r\n\f\v]/;

export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    if (SPACE.test(line.charAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let text = '';
    let eq = -1;
    let quoted = false;
    let inQuote = false;
    for (; i < line.length && (inQuote || !SPACE.test(line.charAt(i))); i++) {
      const ch = line.charAt(i);
      if (ch === '"') {
        inQuote = !inQuote;
        quoted = true;
      } else {
        if (ch === '=' && !inQuote && eq < 0) eq = text.length;
        text += ch;
      }
    }
    tokens.push({ raw: line.slice(start, i), text, eq, quoted, open: inQuote, start });
  }
  return tokens;
}

/** Tokens joined back the way netsh echoes a command line in its messages. */
export function joinRaw(tokens: readonly Token[]): string {
  return tokens.map((t) => t.raw).join(' ');
}

/** `?`, `/?`, `-?` and `help` ask for help wherever a command word or the only argument is expected. */
export function isHelpWord(token: Token | undefined): boolean {
  return token !== undefined && !token.quoted && /^(\?|\/\?|-\?|help)$/i.test(token.text);
}
