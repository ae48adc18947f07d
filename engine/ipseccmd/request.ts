/** netsh requests built by hand: ipseccmd says in netsh's terms what it wants done. */
import type { NetshCommandId, NetshRequest, RequestArgs } from '../netsh/index.js';

/**
 * A request as netsh's parser would hand it on; `given` lists the auth tags in preference
 * order, the one thing the appliers read from it.
 */
export function request<Id extends NetshCommandId>(command: Id, args: RequestArgs<Id>, given: readonly string[] = []): NetshRequest {
  // The union cannot be narrowed from a generic id; the args type above ties them together.
  return { command, args, given } as unknown as NetshRequest;
}
