import { PROTOCOL } from '../ipsec/constants.js';
import type { Host } from '../model/host.js';
import type { TrafficDraft } from './draft.js';
import { sendPacket } from './send.js';

/** TCP's connection attempts: the first SYN and its retransmissions after 3 and 6 seconds. */
const SYN_RETRIES_MS = [3000, 6000] as const;
const EPHEMERAL_PORT = 1031;
const SEGMENT_BYTES = 40;

export type TcpResult = 'connected' | 'refused' | 'timed-out';

function segment(from: Host, to: Host | { nic: { address: string } }, srcPort: number, dstPort: number) {
  return { src: from.nic.address, dst: to.nic.address, protocol: PROTOCOL.TCP, srcPort, dstPort };
}

/**
 * Opens a TCP connection from `from` to `to`:port through both hosts' IPSec, as the stack does:
 * a SYN, retransmitted while IPSec negotiates or the packet is lost, then the SYN-ACK back.
 * The draft's clock moves by the time the attempts took.
 */
export function tcpConnect(draft: TrafficDraft, from: Host, to: Host | null, port: number): TcpResult {
  for (let attempt = 0; attempt <= SYN_RETRIES_MS.length; attempt++) {
    const syn = to ? sendPacket(draft, from, to, segment(from, to, EPHEMERAL_PORT, port), SEGMENT_BYTES) : null;
    if (syn?.delivered && to) {
      if (!to.services.listening.includes(port)) return 'refused';
      const synAck = sendPacket(draft, to, from, segment(to, from, port, EPHEMERAL_PORT), SEGMENT_BYTES);
      if (synAck.delivered) return 'connected';
    }
    const wait = SYN_RETRIES_MS[attempt];
    if (wait === undefined) break;
    draft.now += wait;
  }
  draft.now += 12_000;
  return 'timed-out';
}

/** Data over an open connection, both ways, so byte counters move as a session would. */
export function tcpExchange(draft: TrafficDraft, from: Host, to: Host, port: number, bytes: number): void {
  sendPacket(draft, from, to, segment(from, to, EPHEMERAL_PORT, port), bytes);
  sendPacket(draft, to, from, segment(to, from, port, EPHEMERAL_PORT), bytes);
}
