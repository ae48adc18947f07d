/**
 * How a Windows console program sees its command line: the C runtime splits it into words at
 * white space outside double quotes and drops the quotes, so `-p "My Policy":30` arrives as
 * `-p` and `My Policy:30`. Backslashes count only in front of a quote (`\"` is a literal quote).
 */
export function splitArgs(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === '\\') {
      let run = 0;
      while (line.charAt(i + run) === '\\') run++;
      const beforeQuote = line.charAt(i + run) === '"';
      word += '\\'.repeat(beforeQuote ? Math.floor(run / 2) : run);
      i += run - 1;
      // An odd run escapes the quote that follows it.
      if (beforeQuote && run % 2 === 1) {
        word += '"';
        i++;
      }
      inWord = true;
    } else if (c === '"') {
      quoted = !quoted;
      inWord = true;
    } else if (/\s/.test(c) && !quoted) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}
