import type { MmOffer, QmOffer } from './types.js';

/*
 * Defaults and limits. Tags follow the reference (netsh-ipsec-2003.md): [C] confirmed,
 * [R] reconstructed. Keep every guess here so a capture from a real 2003 host fixes one file.
 */

export const PROTOCOL = { ANY: 0, ICMP: 1, TCP: 6, UDP: 17, RAW: 255 } as const;
/** RSVP is not a netsh keyword but matters for the 2000/XP exemptions (§6.3). */
export const PROTOCOL_RSVP = 46;

/** Quick-mode lifetimes when an offer omits `:k/s` — 100,000 KB / 3,600 s [C §2.3, §5.5]. */
export const DEFAULT_QM_LIFETIME_KBYTES = 100_000;
export const DEFAULT_QM_LIFETIME_SECONDS = 3_600;

/**
 * Quick-mode lifetime ranges [R — the reference gives none]: the 2003 security-method
 * dialog's limits as remembered (20,480 KB .. 2^31-1 KB, 300 s .. 172,800 s = 48 h).
 */
export const QM_LIFETIME_KBYTES_RANGE = { min: 20_480, max: 2_147_483_647 } as const;
export const QM_LIFETIME_SECONDS_RANGE = { min: 300, max: 172_800 } as const;

/** Policy defaults [R §2.4, §5.3, §5.5], except pollinginterval units (minutes) [CV]. */
export const DEFAULT_POLLING_INTERVAL_MINUTES = 180;
export const DEFAULT_MM_LIFETIME_MINUTES = 480;
export const DEFAULT_QM_PER_MM = 0;

/**
 * Minute values are kept in seconds as a 32-bit number by the store [CV:S37], so the
 * largest minute count is floor((2^32-1)/60) [R]. Minimum 1 [R].
 */
export const MINUTES_RANGE = { min: 1, max: 71_582_788 } as const;
/** qmpermm: 0 = unlimited [R]. */
export const QM_PER_MM_RANGE = { min: 0, max: 2_147_483_647 } as const;
export const PORT_RANGE = { min: 0, max: 65_535 } as const;
export const PROTOCOL_RANGE = { min: 0, max: 255 } as const;

function qm(ah: QmOffer['ah'], esp: QmOffer['esp']): QmOffer {
  return {
    ah,
    esp,
    lifetimeKBytes: DEFAULT_QM_LIFETIME_KBYTES,
    lifetimeSeconds: DEFAULT_QM_LIFETIME_SECONDS,
  };
}

/** Require Security's methods [R §5.2]; also what a new negotiate action gets [R]. */
export const REQUIRE_SECURITY_QM_OFFERS: readonly QmOffer[] = [
  qm(null, { confidentiality: '3DES', integrity: 'SHA1' }),
  qm(null, { confidentiality: '3DES', integrity: 'MD5' }),
  qm(null, { confidentiality: 'DES', integrity: 'SHA1' }),
  qm(null, { confidentiality: 'DES', integrity: 'MD5' }),
];

/** Request Security (Optional): the ESP offers, then AH-only ones [R §5.2]. */
export const REQUEST_SECURITY_QM_OFFERS: readonly QmOffer[] = [
  ...REQUIRE_SECURITY_QM_OFFERS,
  qm('SHA1', null),
  qm('MD5', null),
];

/** Default `qmsecmethods` of `add filteraction action=negotiate` without the tag [R]. */
export const DEFAULT_NEGOTIATE_QM_OFFERS = REQUIRE_SECURITY_QM_OFFERS;

/**
 * The default response rule's methods [R]: the widest built-in list, so it can answer both
 * the ESP and the AH-only proposals of a requesting server.
 */
export const DEFAULT_RESPONSE_QM_OFFERS = REQUEST_SECURITY_QM_OFFERS;

/** `3DES-SHA1-2 3DES-MD5-2 DES-SHA1-1 DES-MD5-1` [R, high confidence §2.4]. */
export const DEFAULT_MM_OFFERS: readonly MmOffer[] = [
  { encryption: '3DES', integrity: 'SHA1', dhGroup: 2 },
  { encryption: '3DES', integrity: 'MD5', dhGroup: 2 },
  { encryption: 'DES', integrity: 'SHA1', dhGroup: 1 },
  { encryption: 'DES', integrity: 'MD5', dhGroup: 1 },
];

/** Display names of the default response rule's parts [C:S17]. */
export const DYNAMIC_FILTER_LIST_NAME = '<Dynamic>';
export const DEFAULT_RESPONSE_ACTION_NAME = 'Default Response';

/** `ipsecexempt` / NoDefaultExempt: 3 on 2003, 0 on 2000/XP [C:S4][C:S24][C:S25]. */
export type IpsecExemptValue = 0 | 1 | 2 | 3;
