/**
 * Which lessons this student has started or finished, as the start screen shows it. The service's
 * pack list does not carry progress yet, so this window remembers what it saw (localStorage);
 * once PackLessonSummary has a `progress` field, that wins.
 */
export type LessonProgressMark = 'started' | 'done';

const KEY = 'ipsec-lab.lessonProgress';

function readAll(): Record<string, LessonProgressMark> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, LessonProgressMark>) : {};
  } catch {
    return {};
  }
}

export function progressOf(pack: string, lesson: string): LessonProgressMark | null {
  const mark = readAll()[`${pack}/${lesson}`];
  return mark === 'started' || mark === 'done' ? mark : null;
}

/** Records a lesson as started or done; done is never downgraded to started. */
export function markProgress(pack: string, lesson: string, mark: LessonProgressMark): void {
  const all = readAll();
  const key = `${pack}/${lesson}`;
  if (all[key] === 'done' && mark === 'started') return;
  all[key] = mark;
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch {
    // Without storage the marks last only as long as the page.
  }
}
