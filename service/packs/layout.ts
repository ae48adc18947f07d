/*
 * Where each file of a pack belongs:
 *   pack.yaml
 *   labs/<name>.yaml
 *   lessons/NN-slug/lesson.yaml | lesson.md | solution.txt | mutants.yaml
 * plus README, LICENCE/LICENSE and CHANGELOG at the root, which are kept out of the way.
 */

export type LessonPart = 'lesson' | 'markdown' | 'solution' | 'mutants';

const LESSON_PARTS: Record<string, LessonPart> = {
  'lesson.yaml': 'lesson',
  'lesson.md': 'markdown',
  'solution.txt': 'solution',
  'mutants.yaml': 'mutants',
};

export type Placement =
  | { readonly kind: 'manifest' }
  | { readonly kind: 'lab' }
  | { readonly kind: 'lesson'; readonly lesson: string; readonly part: LessonPart }
  | { readonly kind: 'extra' }
  | { readonly kind: 'unknown'; readonly hint: string };

const EXTRA = /^(README|LICEN[CS]E|CHANGELOG|NOTICE)(\.(md|txt))?$/i;

export function placeFile(path: string): Placement {
  const parts = path.split('/');
  if (path === 'pack.yaml') return { kind: 'manifest' };
  if (parts.length === 1 && EXTRA.test(path)) return { kind: 'extra' };
  if (path === 'pack.yml') return { kind: 'unknown', hint: 'name it pack.yaml' };
  if (parts[0] === 'labs' && parts.length === 2) {
    return path.endsWith('.yaml') ? { kind: 'lab' } : { kind: 'unknown', hint: 'labs/ holds .yaml files' };
  }
  if (parts[0] === 'lessons' && parts.length === 3) {
    const part = LESSON_PARTS[parts[2] ?? ''];
    return part ? { kind: 'lesson', lesson: parts[1] ?? '', part } : { kind: 'unknown', hint: 'a lesson folder holds lesson.yaml, lesson.md, solution.txt and mutants.yaml' };
  }
  return { kind: 'unknown', hint: 'not part of a pack (pack.yaml, labs/*.yaml, lessons/NN-slug/…)' };
}
