/**
 * One add/set/delete request carried out on a workspace exactly as netsh performs it, with
 * the error returned as data: ipseccmd and ipsecpol build netsh requests and word their own
 * errors, so the store and SPD operations stay in one place.
 */
import { ipsecError, type IpsecError } from '../../ipsec/index.js';
import type { SpdError } from '../../spd/index.js';
import type { NetshRequest } from '../requests.js';
import type { Resolver } from './convert.js';
import { editSpd, isDynamicEdit } from './dynamic-edit.js';
import { editStore, isStoreEdit } from './static-edit.js';
import { setPolicy, setStore } from './store-commands.js';
import type { Workspace } from './workspace.js';

export function applyEdit(ws: Workspace, request: NetshRequest, resolve: Resolver): IpsecError | SpdError | null {
  if (isStoreEdit(request)) {
    const result = editStore(ws.store(), request, resolve);
    if (!result.ok) return result.error;
    ws.replaceStore(result.value);
    return null;
  }
  if (isDynamicEdit(request)) {
    const result = editSpd(ws.spd(), request, resolve);
    if (!result.ok) return result.error;
    ws.replaceSpd(result.value);
    return null;
  }
  if (request.command === 'static.set.policy') return setPolicy(ws, request.args);
  if (request.command === 'static.set.store') return setStore(ws, request.args);
  // Only a programming error gets here: shows and dumps are not edits.
  return ipsecError('invalid-value', `${request.command} does not change the configuration.`);
}
