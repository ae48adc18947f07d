import type { PolicyStore } from '../types.js';
import { filterActionsLines } from './actions.js';
import { filterListsLines } from './filters.js';
import type { ShowContext, ShowFormat } from './options.js';
import { policiesLines } from './policies.js';
import { joinBlocks, toText } from './text.js';

export interface ShowAllLayout {
  /** Default list. */
  readonly format?: ShowFormat;
  /** Default yes. */
  readonly wide?: boolean;
}

/**
 * `show all [format=] [wide=]`: every policy, then every filter list, then every filter action,
 * all at level=normal (reference §2.9, §4.8 [R]). An empty store prints nothing.
 */
export function showAll(store: PolicyStore, layout: ShowAllLayout, ctx: ShowContext): string {
  const normal = { level: 'normal', format: layout.format ?? 'list', wide: layout.wide ?? true } as const;
  return toText(
    joinBlocks([
      policiesLines(store, store.policies, normal, ctx),
      filterListsLines(store, store.filterLists, normal, ctx),
      filterActionsLines(store, store.filterActions, normal, ctx),
    ]),
  );
}
