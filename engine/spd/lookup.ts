/* Lookups and small helpers shared by the SPD operations and listings. */
import { sameFilterAddress } from '../ipsec/address.js';
import type { Result } from '../ipsec/result.js';
import { sameName } from '../ipsec/store-lookup.js';
import type { ConnectionType, FilterAddress } from '../ipsec/types.js';
import type { WindowsVersion } from '../model/windows-version.js';
import { defaultIpsecConfig, type ConfigDefaultsOptions } from './config.js';
import type { SpdError } from './errors.js';
import { negotiates, type MmFilter, type MmPolicy, type QmFilter, type QmPolicy, type Spd } from './types.js';

/** What every SPD operation returns: the new SPD, or why nothing changed. */
export type SpdResult = Result<Spd, SpdError>;

/** A host's SPD when IPSEC Services has just started: no objects, the version's config. */
export function createSpd(version: WindowsVersion, options: ConfigDefaultsOptions = {}): Spd {
  return { config: defaultIpsecConfig(version, options), mmPolicies: [], qmPolicies: [], mmFilters: [], qmFilters: [], nextId: 1 };
}

export function findMmPolicy(spd: Spd, name: string): MmPolicy | undefined {
  return spd.mmPolicies.find((p) => sameName(p.name, name));
}

export function findQmPolicy(spd: Spd, name: string): QmPolicy | undefined {
  return spd.qmPolicies.find((p) => sameName(p.name, name));
}

export function defaultMmPolicy(spd: Spd): MmPolicy | undefined {
  return spd.mmPolicies.find((p) => p.isDefault);
}

export function defaultQmPolicy(spd: Spd): QmPolicy | undefined {
  return spd.qmPolicies.find((p) => p.isDefault);
}

/** The MM policy a filter uses: its own, or the default one (null = none: a broken SPD). */
export function effectiveMmPolicy(spd: Spd, filter: MmFilter): MmPolicy | null {
  if (filter.mmPolicyId === null) return defaultMmPolicy(spd) ?? null;
  return spd.mmPolicies.find((p) => p.id === filter.mmPolicyId) ?? null;
}

/** The QM policy a filter negotiates with, or null when it never negotiates. */
export function effectiveQmPolicy(spd: Spd, filter: QmFilter): QmPolicy | null {
  if (filter.qmPolicyId !== null) return spd.qmPolicies.find((p) => p.id === filter.qmPolicyId) ?? null;
  return negotiates(filter) ? (defaultQmPolicy(spd) ?? null) : null;
}

export function mmFilterOf(spd: Spd, filter: QmFilter): MmFilter | undefined {
  return spd.mmFilters.find((m) => m.id === filter.mmFilterId);
}

/** The fields that identify a dynamic rule (`set rule` / `delete rule`, §3.1). */
export interface RuleKey {
  readonly srcaddr: FilterAddress;
  readonly dstaddr: FilterAddress;
  readonly protocol: number;
  readonly srcport: number;
  readonly dstport: number;
  readonly mirrored: boolean;
  readonly conntype: ConnectionType;
  /** null = transport mode. */
  readonly tunnelDst: string | null;
}

export function ruleKeyOf(filter: QmFilter): RuleKey {
  return { ...filter, tunnelDst: filter.mode === 'tunnel' ? filter.tunnelDst : null };
}

export function sameRuleKey(a: RuleKey, b: RuleKey): boolean {
  return (
    sameFilterAddress(a.srcaddr, b.srcaddr) &&
    sameFilterAddress(a.dstaddr, b.dstaddr) &&
    a.protocol === b.protocol &&
    a.srcport === b.srcport &&
    a.dstport === b.dstport &&
    a.mirrored === b.mirrored &&
    a.conntype === b.conntype &&
    a.tunnelDst === b.tunnelDst
  );
}

export function findQmFilterByKey(spd: Spd, key: RuleKey): QmFilter | undefined {
  return spd.qmFilters.find((f) => sameRuleKey(ruleKeyOf(f), key));
}

/** Deterministic ids and GUID-shaped names from the SPD's counter (no randomness in engine/). */
export function idAllocator(spd: Spd): { id(kind: string): string; guid(): string; nextId(): number } {
  let n = spd.nextId;
  const take = () => {
    const value = n;
    n += 1;
    return value;
  };
  return {
    id: (kind) => `${kind}:${take()}`,
    guid: () => `{00000000-0000-0000-0000-${take().toString(16).toUpperCase().padStart(12, '0')}}`,
    nextId: () => n,
  };
}

export function replaceById<T extends { readonly id: string }>(items: readonly T[], item: T): T[] {
  return items.map((existing) => (existing.id === item.id ? item : existing));
}
