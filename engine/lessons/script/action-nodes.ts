import { PACKET_FAULTS } from '../../actions.js';
import { bool, int, nullable, obj, oneOf, opt, str, type Node } from '../schema/dsl.js';

/*
 * The shape of each action an `@action {json}` line may hold (engine/actions.ts), so a GUI step
 * in a solution is checked like any other pack data before anything is applied.
 */

const name = str({ minLength: 1, maxLength: 256 });
const container = str({ minLength: 1, maxLength: 1024, doc: 'A DN, an OU path such as Servers/Test, or "." for the domain.' });

export const DOMAIN_CHANGE_NODES: Readonly<Record<string, Node<unknown>>> = {
  'create-ou': obj({ op: oneOf(['create-ou'] as const), name, parent: container }),
  'create-gpo': obj({ op: oneOf(['create-gpo'] as const), name }),
  'delete-gpo': obj({ op: oneOf(['delete-gpo'] as const), gpo: name }),
  'link-gpo': obj({ op: oneOf(['link-gpo'] as const), gpo: name, container }),
  'unlink-gpo': obj({ op: oneOf(['unlink-gpo'] as const), gpo: name, container }),
  'set-link': obj({ op: oneOf(['set-link'] as const), gpo: name, container, enforced: opt(bool()), enabled: opt(bool()) }),
  'block-inheritance': obj({ op: oneOf(['block-inheritance'] as const), container, block: bool() }),
  'assign-policy': obj({ op: oneOf(['assign-policy'] as const), gpo: name, policy: nullable(name) }),
};

export const ACTION_NODES: Readonly<Record<string, Node<unknown>>> = {
  command: obj({ type: oneOf(['command'] as const), host: name, line: str({ maxLength: 8000 }) }),
  advance: obj({ type: oneOf(['advance'] as const), ms: int({ min: 0, max: 10 * 365 * 86_400_000 }) }),
  /** `change` is checked on its own, against DOMAIN_CHANGE_NODES[change.op]. */
  directory: obj({ type: oneOf(['directory'] as const), domain: name }),
  'move-computer': obj({ type: oneOf(['move-computer'] as const), host: name, ou: nullable(container) }),
  power: obj({ type: oneOf(['power'] as const), host: name, online: bool() }),
  inject: obj({ type: oneOf(['inject'] as const), host: name, fault: oneOf(PACKET_FAULTS) }),
};
