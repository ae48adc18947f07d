import type { Action } from '../engine/index.js';
import { UserError } from './protocol/rpc.js';

/** Action types the UI may send; anything else is refused before it reaches the engine. */
const UI_ACTIONS = new Set(['directory', 'move-computer', 'power', 'inject', 'command', 'advance', 'ipsec-store']);
const MAX_ACTION_JSON = 1_048_576;

/**
 * A first check of an action arriving from the UI: the right shape and size. The engine then
 * validates its content fully and rejects it whole if anything is wrong.
 */
export function checkedAction(value: unknown): Action {
  if (typeof value !== 'object' || value === null) throw new UserError('The change to apply is missing.');
  const type = (value as { type?: unknown }).type;
  if (typeof type !== 'string' || !UI_ACTIONS.has(type)) throw new UserError('That is not a change the lab knows how to make.');
  if (JSON.stringify(value).length > MAX_ACTION_JSON) throw new UserError('That change is too large.');
  return structuredClone(value) as Action;
}
