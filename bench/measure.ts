/** Timing helpers for `npm run bench`: medians of repeated runs, printed in one format. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly op: '<' | '>' | '<=' | '>=';
  readonly target: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Median milliseconds of `runs` runs of `fn`, after `warmup` unmeasured ones. */
export function timeMs(fn: () => void, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function formatFigure(f: Figure): string {
  return `BENCH ${f.name} ${round(f.value)} ${f.unit} target ${f.op} ${f.target}`;
}

export function meets(f: Figure): boolean {
  switch (f.op) {
    case '<':
      return f.value < f.target;
    case '<=':
      return f.value <= f.target;
    case '>':
      return f.value > f.target;
    case '>=':
      return f.value >= f.target;
  }
}
