import type { PolicyStore } from '../ipsec/types.js';

/**
 * The IPSec policy a computer received through Group Policy, as cached in its registry: a copy
 * of the policy and the objects it uses, taken when the computer last read it from a DC.
 */
export interface CachedDomainPolicy {
  readonly domain: string;
  readonly gpoId: string;
  readonly gpoName: string;
  readonly policyName: string;
  /** The policy with its filter lists and filter actions, as read at `readAt`. */
  readonly copy: PolicyStore;
  readonly readAt: number;
}

/** What a computer knows of Group Policy: when it last refreshed, what applied, what it cached. */
export interface GroupPolicyState {
  lastRefresh: number | null;
  /** Simulated time of the next background refresh. */
  nextRefresh: number;
  /** GPO ids applied at the last refresh, in processing order. */
  appliedGpos: string[];
  domainPolicy: CachedDomainPolicy | null;
  /** When the Policy Agent next re-reads the cached domain policy from the DC (its polling interval). */
  nextPoll: number | null;
}

/** Background refresh: every 90 minutes plus a random offset of up to 30 for members, 5 for DCs. */
export const REFRESH_INTERVAL_MS = 90 * 60_000;
export const REFRESH_OFFSET_MAX_MS = 30 * 60_000;
export const DC_REFRESH_INTERVAL_MS = 5 * 60_000;
