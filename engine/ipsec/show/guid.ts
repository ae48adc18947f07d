import type { IpsecPolicy } from '../types.js';
import { DIRECTORY_CONTAINER, LOCAL_POLICY_KEY } from './labels.js';

/*
 * The store model keeps no GUIDs, but listings print one per object. A GUID derived from the
 * object's id is stable across renames (as a real GUID is) and needs no random source.
 * Built-in objects get the same GUID on every host, as Windows' built-ins do.
 */

/** murmur3's 32-bit finaliser over an FNV-1a pass: cheap, deterministic, well spread. */
function hash32(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = [0x811c9dc5, 0x9e3779b9, 0x7f4a7c15, 0x2545f491] as const;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(8, '0').slice(8 - digits);
}

/** `{xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx}` (version 4 / RFC variant bits, lower case). */
export function objectGuid(id: string): string {
  const [a, b, c, d] = SEEDS.map((seed) => hash32(id, seed)) as [number, number, number, number];
  const version = ((b & 0x0fff) | 0x4000) >>> 0;
  const variant = (((c >>> 16) & 0x3fff) | 0x8000) >>> 0;
  return `{${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(version, 4)}-${hex(variant, 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}}`;
}

/** Where a locally assigned policy lives in the registry (the value `show gpoassignedpolicy` prints). */
export function localPolicyDn(policy: Pick<IpsecPolicy, 'id'>): string {
  return `${LOCAL_POLICY_KEY}\\ipsecPolicy${objectGuid(policy.id)}`;
}

/** `LDAP://CN=ipsecPolicy{guid},CN=IP Security,CN=System,DC=contoso,DC=com`. */
export function directoryPolicyDn(policy: Pick<IpsecPolicy, 'id'>, domain: string): string {
  const dcs = domain
    .split('.')
    .filter((part) => part !== '')
    .map((part) => `DC=${part}`)
    .join(',');
  return `LDAP://CN=ipsecPolicy${objectGuid(policy.id)},${DIRECTORY_CONTAINER},${dcs}`;
}
