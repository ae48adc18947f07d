/** cmd.exe's argument words: white space separates, double quotes group (and are dropped). */
export function cmdWords(args: string): string[] {
  const words: string[] = [];
  for (const match of args.matchAll(/(?:"[^"]*"?|[^\s"]+)+/g)) words.push(match[0].replace(/"/g, ''));
  return words;
}
