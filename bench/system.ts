import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './measure.js';

/** The renderer bundle as a student downloads it: every built JS and CSS file, gzipped. */
function bundleKb(): number {
  const assets = join('dist', 'assets');
  let total = 0;
  for (const file of readdirSync(assets)) {
    if (/\.(js|css)$/.test(file)) total += gzipSync(readFileSync(join(assets, file))).length;
  }
  return total / 1024;
}

export async function systemFigures(): Promise<Figure[]> {
  return [{ name: 'renderer.bundle.gzip', value: bundleKb(), unit: 'KB', op: '<', target: 600 }];
}
