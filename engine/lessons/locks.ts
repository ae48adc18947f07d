import type { Action } from '../actions.js';
import { normalizeCommand } from './checks/host-predicates.js';
import type { Locks, Tool } from './model.js';

/** The GUI tool an action stands for; console commands are locked by `commands` instead. */
export function toolOf(action: Action): Tool | null {
  if (action.type === 'move-computer') return 'aduc';
  if (action.type === 'ipsec-store') return 'ipsec-policies';
  if (action.type !== 'directory') return null;
  switch (action.change.op) {
    case 'create-ou':
      return 'aduc';
    case 'assign-policy':
      return 'ipsec-policies';
    default:
      return 'gpmc';
  }
}

/**
 * Why an action is refused under these locks, or null when it may go ahead. Command locks
 * compare whole words of the typed line, ignoring case and spacing.
 */
export function lockedBy(action: Action, ...locks: readonly (Locks | undefined)[]): string | null {
  for (const l of locks) {
    if (!l) continue;
    if (action.type === 'command') {
      const line = normalizeCommand(action.line);
      const hit = (l.commands ?? []).find((c) => {
        const prefix = normalizeCommand(c);
        return line === prefix || line.startsWith(`${prefix} `);
      });
      if (hit) return `"${hit}" is locked in this lesson`;
    }
    const tool = toolOf(action);
    if (tool && l.tools?.includes(tool)) return `the ${tool} tool is locked in this lesson`;
  }
  return null;
}
