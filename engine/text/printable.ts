/**
 * Makes text safe to write to a terminal: control characters other than newline and tab are
 * shown in caret notation (ESC as ^[), so a name typed with an escape sequence is displayed as
 * typed and never acts on the terminal.
 */
export function toPrintable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u0080-\u009f]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x7f) return '^?';
    if (code >= 0x80) return `\\x${code.toString(16)}`;
    return `^${String.fromCharCode(code + 64)}`;
  });
}
