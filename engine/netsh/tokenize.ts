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
/** A run of plain characters, or one quoted stretch (its closing quote may be missing). */
const PIECE = /[^ \t\r\n\f\v"]+|"[^"]*("?)/y;
const BLANKS = /[ \t\r\n\f\v]+/y;

/** Scans whole runs with sticky regexes rather than character by character: megabyte lines stay fast. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    BLANKS.lastIndex = i;
    if (BLANKS.test(line)) i = BLANKS.lastIndex;
    if (i >= line.length) break;
    const start = i;
    let text = '';
    let eq = -1;
    let quoted = false;
    let open = false;
    for (PIECE.lastIndex = i; i < line.length && !SPACE.test(line.charAt(i)); PIECE.lastIndex = i) {
      const m = PIECE.exec(line);
      if (!m) break;
      const piece = m[0];
      i = PIECE.lastIndex;
      if (piece.startsWith('"')) {
        quoted = true;
        open = m[1] === '';
        text += piece.slice(1, open ? undefined : -1);
        // A quoted stretch runs to its closing quote, white space included.
        continue;
      }
      const at = eq < 0 ? piece.indexOf('=') : -1;
      if (at >= 0) eq = text.length + at;
      text += piece;
    }
    tokens.push({ raw: line.slice(start, i), text, eq, quoted, open, start });
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
