import { describe, expect, it } from 'vitest';
import { createDefaultLocalStore } from '../defaults.js';
import type { PolicyStore } from '../types.js';
import { showAll } from './all.js';
import { showFilterAction } from './actions.js';
import { showFilterList } from './filters.js';
import { showText, type ShowLayout } from './options.js';
import { showPolicy } from './policies.js';
import { showRule } from './rules.js';
import { BRANCH, CTX, customStore } from './test-fixtures.js';

/*
 * Every level × format × wide combination of every listing, for the default store (§5) and a
 * store built with the store operations, kept as reviewed text files in __golden__/.
 */

const LEVELS = ['normal', 'verbose'] as const;
const FORMATS = ['list', 'table'] as const;
const WIDES = [true, false] as const;

function matrix(command: string, run: (layout: ShowLayout) => string): string {
  const sections: string[] = [];
  for (const level of LEVELS) {
    for (const format of FORMATS) {
      for (const wide of WIDES) {
        const title = `### ${command} level=${level} format=${format} wide=${wide ? 'yes' : 'no'}`;
        sections.push(`${title}\n${run({ level, format, wide })}`);
      }
    }
  }
  return sections.join('\n');
}

const STORES: readonly [string, () => PolicyStore, string][] = [
  ['default', createDefaultLocalStore, 'Secure Server (Require Security)'],
  ['custom', customStore, BRANCH],
];

describe.each(STORES)('%s store', (name, make, rulePolicy) => {
  const store = make();
  const file = (command: string) => `./__golden__/${name}-${command}.txt`;

  it('show policy all', async () => {
    const text = matrix('show policy all', (l) => showText(showPolicy(store, { all: true }, l, CTX)));
    await expect(text).toMatchFileSnapshot(file('policy'));
  });

  it('show filterlist all', async () => {
    const text = matrix('show filterlist all', (l) => showText(showFilterList(store, { all: true }, l, CTX)));
    await expect(text).toMatchFileSnapshot(file('filterlist'));
  });

  it('show filterlist all resolvedns=yes', async () => {
    const text = matrix('show filterlist all resolvedns=yes', (l) =>
      showText(showFilterList(store, { all: true }, { ...l, resolvedns: true }, CTX)),
    );
    await expect(text).toMatchFileSnapshot(file('filterlist-resolvedns'));
  });

  it('show filteraction all', async () => {
    const text = matrix('show filteraction all', (l) => showText(showFilterAction(store, { all: true }, l, CTX)));
    await expect(text).toMatchFileSnapshot(file('filteraction'));
  });

  it('show rule all', async () => {
    const text = matrix(`show rule all policy="${rulePolicy}"`, (l) =>
      showText(showRule(store, { policy: rulePolicy, rule: { all: true } }, l, CTX)),
    );
    await expect(text).toMatchFileSnapshot(file('rule'));
  });

  it('show all', async () => {
    const sections = FORMATS.flatMap((format) =>
      WIDES.map((wide) => `### show all format=${format} wide=${wide ? 'yes' : 'no'}\n${showAll(store, { format, wide }, CTX)}`),
    );
    await expect(sections.join('\n')).toMatchFileSnapshot(file('all'));
  });
});
