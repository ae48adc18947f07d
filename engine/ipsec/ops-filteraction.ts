import { DEFAULT_NEGOTIATE_QM_OFFERS } from './constants.js';
import { errors } from './errors.js';
import { fail, ok } from './result.js';
import { findFilterAction, firstUser, idAllocator, replaceAt, sameName, type StoreResult } from './store-lookup.js';
import type { FilterAction, FilterActionKind, PolicyStore, QmOffer } from './types.js';
import { checkName, checkQmOffers, firstProblem } from './validate.js';

/* `add|set|delete filteraction` (netsh-ipsec-2003.md §2.3, §2.6, §2.7). */

export interface FilterActionFields {
  readonly description?: string;
  /** Default no [C:S18]. */
  readonly qmpfs?: boolean;
  /** Default no [R]. */
  readonly inpass?: boolean;
  /** Default no [R]. */
  readonly soft?: boolean;
  /** Default negotiate [R]. */
  readonly action?: FilterActionKind;
  /** Kept for any action but used only by negotiate [CV:S2]; an empty list is refused. */
  readonly qmsecmethods?: readonly QmOffer[];
}

export interface AddFilterActionInput extends FilterActionFields {
  readonly name: string;
}

/** A negotiate action never ends up without methods: it gets the default list [R]. */
function methodsFor(action: FilterActionKind, methods: readonly QmOffer[]): readonly QmOffer[] {
  return action === 'negotiate' && methods.length === 0 ? DEFAULT_NEGOTIATE_QM_OFFERS : methods;
}

export function addFilterAction(store: PolicyStore, input: AddFilterActionInput): StoreResult {
  const bad = firstProblem(checkName('Filter Action', input.name), checkQmOffers(input.qmsecmethods));
  if (bad) return fail(bad);
  if (findFilterAction(store, input.name)) return fail(errors.filterActionExists(input.name));
  const ids = idAllocator(store);
  const action = input.action ?? 'negotiate';
  const created: FilterAction = {
    id: ids.next('filteraction'),
    name: input.name,
    description: input.description ?? '',
    action,
    qmpfs: input.qmpfs ?? false,
    inpass: input.inpass ?? false,
    soft: input.soft ?? false,
    qmsecmethods: methodsFor(action, input.qmsecmethods ?? []),
  };
  return ok({ ...store, filterActions: [...store.filterActions, created], nextId: ids.nextId() });
}

export interface SetFilterActionInput extends FilterActionFields {
  readonly name: string;
  readonly newname?: string;
}

export function setFilterAction(store: PolicyStore, input: SetFilterActionInput): StoreResult {
  const index = store.filterActions.findIndex((a) => sameName(a.name, input.name));
  const current = store.filterActions[index];
  if (!current) return fail(errors.filterActionNotFound(input.name));
  const bad = firstProblem(
    input.newname === undefined ? null : checkName('Filter Action', input.newname),
    checkQmOffers(input.qmsecmethods),
  );
  if (bad) return fail(bad);
  if (input.newname !== undefined) {
    const clash = findFilterAction(store, input.newname);
    if (clash && clash.id !== current.id) return fail(errors.filterActionExists(input.newname));
  }
  const action = input.action ?? current.action;
  const updated: FilterAction = {
    ...current,
    name: input.newname ?? current.name,
    description: input.description ?? current.description,
    action,
    qmpfs: input.qmpfs ?? current.qmpfs,
    inpass: input.inpass ?? current.inpass,
    soft: input.soft ?? current.soft,
    qmsecmethods: methodsFor(action, input.qmsecmethods ?? current.qmsecmethods),
  };
  return ok({ ...store, filterActions: replaceAt(store.filterActions, index, updated) });
}

/** Refused while a rule links to the action [R]. */
export function deleteFilterAction(store: PolicyStore, name: string): StoreResult {
  const action = findFilterAction(store, name);
  if (!action) return fail(errors.filterActionNotFound(name));
  const user = firstUser(store, (r) => r.filterActionId === action.id);
  if (user) return fail(errors.filterActionInUse(action.name, user.rule.name, user.policy.name));
  return ok({ ...store, filterActions: store.filterActions.filter((a) => a.id !== action.id) });
}

/** `delete filteraction all`: all or nothing — fails on the first action a rule still uses. */
export function deleteAllFilterActions(store: PolicyStore): StoreResult {
  for (const action of store.filterActions) {
    const user = firstUser(store, (r) => r.filterActionId === action.id);
    if (user) return fail(errors.filterActionInUse(action.name, user.rule.name, user.policy.name));
  }
  return ok({ ...store, filterActions: [] });
}
