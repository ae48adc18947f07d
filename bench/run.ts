/**
 * `npm run bench`: every speed figure the issues set a target for, one `BENCH` line each, then
 * the same figures in bench/results.json. Targets are reported, never asserted: these machines
 * are shared and noisy.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { engineFigures } from './engine.js';
import { lessonFigures } from './lessons.js';
import { netshFigures } from './netsh.js';
import { formatFigure, meets, type Figure } from './measure.js';
import { systemFigures } from './system.js';

const figures: Figure[] = [];
for (const group of [engineFigures, netshFigures, lessonFigures, systemFigures]) {
  for (const figure of await group()) {
    figures.push(figure);
    console.log(formatFigure(figure));
  }
}
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ when: new Date().toISOString(), figures: figures.map((f) => ({ ...f, meets: meets(f) })) }, null, 2)}\n`,
);
const missed = figures.filter((f) => !meets(f));
console.log(`${figures.length} figures, ${missed.length} off target${missed.length ? `: ${missed.map((f) => f.name).join(', ')}` : ''}`);
