/*
 * Every IKE timing and behaviour choice the seed and the reference leave open, in one place,
 * tagged like the reference: [C] confirmed, [R] reconstructed. Fix a guess here, nowhere else.
 */

/** One IKE message across a LAN, processing included [R]. A full MM+QM takes 9 of them. */
export const MESSAGE_MS = 25;

/** Fall back to clear about 3 s after an unanswered main mode message 1 [C §6.2 "about 3 s"; R exact]. */
export const SOFT_SA_DELAY_MS = 3_000;

/** IKE resends its last message after 1, 2, 4, 8, 16 s [R]. */
export const RETRANSMIT_OFFSETS_MS: readonly number[] = [1_000, 3_000, 7_000, 15_000, 31_000];

/** …and gives up (13813 / 13805) 32 s after the last resend [R]. */
export const GIVE_UP_MS = 63_000;

/** An unused quick mode SA pair is deleted after 5 minutes (registry SAIdleTime default) [R]. */
export const QM_IDLE_MS = 300_000;

/**
 * An idle soft SA is deleted after 5 minutes [R: the reference names the setting,
 * `softsaexpirationtime`, but gives no default].
 */
export const SOFT_IDLE_MS = 300_000;

/** SPIs 0–255 are reserved (RFC 2406), so the driver refuses them as it refuses duplicates [R]. */
export const MIN_SPI = 256;

/** Attempts at a unique SPI before IKE gives the quick mode up (13804) [R]. */
export const MAX_GET_SPI_ATTEMPTS = 4;

/**
 * The responder's 547 reason when message 5 cannot be read under a mismatched preshared key.
 * 13843 "Invalid payload received"; 13867 "Error decrypting payload" is the other candidate [R].
 */
export const PSK_MISMATCH_RESPONDER_CODE = 13843;

/** The initiator of an unanswered negotiation logs the peer as the failure point [R]. */
export const NO_RESPONSE_FAILURE_POINT = 'Peer';

/**
 * A host that already holds a soft SA with the initiator leaves the initiator's IKE unanswered,
 * so the secure SA cannot form until the soft SA idles out or the service restarts
 * [C:S23-KB313236 for the effect; R for the mechanism].
 */
export const SOFT_SA_SILENCES_RESPONDER = true;

/**
 * An SA pair made by the default response rule also protects the host's own replies, whatever
 * its static filters say (the rule exists to answer secured) [C:S17 purpose; R detail].
 */
export const DEFAULT_RESPONSE_SA_COVERS_REPLIES = true;

/** Lifetime rekeys are started by IKE's own timer, not a driver acquire [R]. */
export const REKEY_COUNTS_AS_ACQUIRE = false;

/** The peer's IPSec stack offloads DES/3DES/MD5/SHA1 when its adapter can (no AES in 2003) [R]. */
export const OFFLOAD_SUPPORTED = true;
