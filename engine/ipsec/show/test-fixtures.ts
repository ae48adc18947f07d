import { createEmptyStore } from '../defaults.js';
import { formatIpsecError } from '../errors.js';
import { parseMmOffers, parseQmOffers } from '../offers.js';
import type { Result } from '../result.js';
import {
  addFilter,
  addFilterAction,
  addFilterList,
  addPolicy,
  addRule,
  type StoreResult,
} from '../store-ops.js';
import type { PolicyStore } from '../types.js';
import type { ShowContext } from './options.js';

/* Stores and contexts shared by the show/ tests (test-only; pure like the rest of engine/). */

export function unwrap(r: StoreResult): PolicyStore {
  if (!r.ok) throw new Error(formatIpsecError(r.error));
  return r.value;
}

export function value<T>(r: Result<T, string>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A context with times: every object "changed" at the same simulated instant. */
export const CTX: ShowContext = {
  computerName: 'SERVER01',
  formatTime: (ms) => (ms === 3_600_000 ? '11/20/2003 10:14:56 AM' : `t=${ms}`),
  lastModified: () => 3_600_000,
  resolveDns: (ip) => ({ '192.168.1.20': 'web01.contoso.com' })[ip],
};

/** No clock and no resolver: the `Last Modified` lines and columns drop out. */
export const BARE_CTX: ShowContext = { computerName: 'SERVER01' };

export const BRANCH = 'Branch Office';
export const WEB_LIST = 'Web Traffic';
export const ESP_ACTION = 'Require ESP 3DES';

/**
 * The custom store of the brief, built with the store operations: a policy with a mirrored
 * filter list, a negotiate action with ESP[3DES,SHA1] and preshared-key authentication,
 * plus a tunnel rule with a certificate so `type=` and every auth kind show.
 */
export function customStore(): PolicyStore {
  let s = createEmptyStore('local');
  s = unwrap(addFilterList(s, { name: WEB_LIST, description: 'HTTP to the web server' }));
  s = unwrap(
    addFilter(s, { filterlist: WEB_LIST, srcaddr: { kind: 'me' }, dstaddr: { kind: 'host', address: '192.168.1.20' }, protocol: 6, dstport: 80 }),
  );
  const subnet = { kind: 'subnet', address: '10.1.0.0', mask: '255.255.0.0' } as const;
  s = unwrap(addFilter(s, { filterlist: WEB_LIST, description: 'Branch DNS', srcaddr: subnet, dstaddr: { kind: 'me' }, protocol: 17, srcport: 53 }));
  s = unwrap(addFilter(s, { filterlist: 'Tunnel Net', srcaddr: { kind: 'any' }, dstaddr: { kind: 'range', from: '10.2.0.1', to: '10.2.0.99' }, mirrored: false }));
  const qm = value(parseQmOffers('ESP[3DES,SHA1]'));
  s = unwrap(addFilterAction(s, { name: ESP_ACTION, action: 'negotiate', qmsecmethods: qm, qmpfs: true }));
  s = unwrap(addFilterAction(s, { name: 'Block', description: 'Drop it', action: 'block' }));
  const mm = value(parseMmOffers('3DES-SHA1-2 DES-MD5-1'));
  s = unwrap(addPolicy(s, { name: BRANCH, assign: true, mmsecmethods: mm, mmlifetime: 240, pollinginterval: 60 }));
  s = unwrap(
    addRule(s, { name: 'Web', policy: BRANCH, filterlist: WEB_LIST, filteraction: ESP_ACTION, authMethods: [{ kind: 'psk', key: 's3cret' }] }),
  );
  const cert = { kind: 'certificate', rootCa: 'CN=Contoso Root CA', certmap: true, excludeCaName: false } as const;
  const tunnel = { name: 'To HQ', policy: BRANCH, filterlist: 'Tunnel Net', filteraction: 'Block', tunnel: '192.168.1.1' };
  return unwrap(addRule(s, { ...tunnel, conntype: 'lan', activate: false, authMethods: [cert, { kind: 'kerberos' }] }));
}
