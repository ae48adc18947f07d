/* Public surface of the IKE engine: negotiation, SA lifecycle, traffic counting and the netsh views. */
export type * from './types.js';
export { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS } from './types.js';
export type * from './outcome.js';
export type { NegotiationPeer, HostCertificate, StrongCrlCheck } from './peer.js';
export type { NegotiationFaults } from './context.js';
export { IKE_ERRORS, ikeErrorText, type IkeErrorCode } from './codes.js';
export { reasonsDelta, bytesDelta, type Reason, type ByteCount } from './reasons.js';
export { zeroStats, diffStats, sumDeltas, cloneStats } from './counters.js';
export { createIkeHostState, hostState, findQmSa, cookiePair } from './state.js';
export { negotiate, type NegotiationInput } from './negotiate.js';
export { applyOutcome, applyDue } from './apply.js';
export { advance, serviceStopped, rekeyPair } from './sa-lifecycle.js';
export {
  transmit,
  receiveUnknownSpi,
  receiveReplayed,
  receiveTampered,
  receiveMalformedIke,
  receiveUnknownCookies,
  type TransmitInput,
  type TransmitResult,
} from './traffic.js';
export { showMmsas, showQmsas, showStats, NO_SAS, type IkeShowOptions } from './show.js';
