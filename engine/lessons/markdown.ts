/** lesson.md cut into the text before the first step and one section per `## ` heading. */
export interface LessonText {
  readonly intro: string;
  readonly sections: readonly { readonly heading: string; readonly body: string; readonly line: number }[];
}

const FENCE = /^\s{0,3}(```|~~~)/;

/**
 * Splits lesson Markdown at level-2 headings outside fenced code. The text is returned raw:
 * the renderer sanitises it when showing it, so nothing here interprets HTML.
 */
export function splitLessonMarkdown(markdown: string): LessonText {
  const lines = markdown.split(/\r?\n/);
  const sections: { heading: string; body: string[]; line: number }[] = [];
  const intro: string[] = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (FENCE.test(line)) fenced = !fenced;
    const heading = !fenced && /^## (?!#)/.test(line);
    if (heading) sections.push({ heading: line.slice(3).trim(), body: [], line: i + 1 });
    else (sections[sections.length - 1]?.body ?? intro).push(line);
  });
  return {
    intro: intro.join('\n').trim(),
    sections: sections.map((s) => ({ heading: s.heading, body: s.body.join('\n').trim(), line: s.line })),
  };
}
