import type { TrafficRecord } from '../service/protocol/lab-api.js';

/* The IKE timeline's words: each packet's verdict as one sentence, built only from the record. */

type Match = NonNullable<TrafficRecord['sender']>;
type Failure = NonNullable<TrafficRecord['failure']>;
export type Kind = TrafficRecord['kind'];
export type Message = TrafficRecord['messages'][number];

const PROTOCOLS: Record<number, string> = { 1: 'ICMP', 6: 'TCP', 17: 'UDP', 50: 'ESP', 51: 'AH' };

/** `ICMP`, `TCP port 445`, `UDP port 500`, `protocol 47`. */
export function packetLabel(packet: TrafficRecord['packet']): string {
  const name = PROTOCOLS[packet.protocol] ?? `protocol ${packet.protocol}`;
  return packet.dstPort ? `${name} port ${packet.dstPort}` : name;
}

export const KIND_LABEL: Record<Kind, string> = {
  exempt: 'Exempt',
  clear: 'Clear',
  blocked: 'Blocked',
  dropped: 'Dropped',
  inpass: 'Inbound passthrough',
  secured: 'Secured',
  'soft-existing': 'Soft SA',
  pending: 'Waiting',
  negotiated: 'Negotiated',
  soft: 'Soft SA',
  failed: 'Failed',
  unreachable: 'Unreachable',
};

/** Which way a kind leans, for its badge: protected, in the clear, or lost. */
export function kindTone(kind: Kind): 'secure' | 'clear' | 'bad' {
  if (kind === 'secured' || kind === 'negotiated') return 'secure';
  if (kind === 'blocked' || kind === 'dropped' || kind === 'failed' || kind === 'pending' || kind === 'unreachable') return 'bad';
  return 'clear';
}

const EXEMPTIONS: Record<string, string> = {
  ike: 'IKE traffic',
  kerberos: 'Kerberos traffic',
  rsvp: 'RSVP traffic',
  broadcast: 'a broadcast',
  multicast: 'a multicast',
};

/** `matched filter 1 of rule 1 (L), filter action A` — or why no filter decided. */
function matched(m: Match): string {
  if (m.verdict === 'exempt') return `is exempt from IPSec as ${EXEMPTIONS[m.exemption ?? ''] ?? 'exempt traffic'}`;
  if (m.policy === null) return `met no IPSec policy in force`;
  if (m.verdict === 'no-match' || m.filterNumber === null) return `matched no filter of policy ${m.policy}`;
  const rule = m.ruleNumber === null ? 'a rule' : `rule ${m.ruleNumber}`;
  const list = m.filterList ? ` (${m.filterList})` : '';
  return `matched filter ${m.filterNumber} of ${rule}${list}, filter action ${m.filterAction ?? m.verdict}`;
}

function outcome(r: TrafficRecord): string {
  switch (r.kind) {
    case 'exempt':
      return 'passed without IPSec';
    case 'clear':
      return r.delivered ? 'sent in the clear' : 'sent in the clear, not delivered';
    case 'blocked':
      return 'blocked (silently dropped, no IKE)';
    case 'dropped':
      return `dropped: ${r.to} requires security and does not accept it unsecured`;
    case 'inpass':
      return `accepted in the clear; ${r.to} answers secured`;
    case 'secured':
      return r.delivered ? 'sent under the existing security association' : `sent secured, but ${r.to} no longer knows the SA`;
    case 'soft-existing':
      return 'sent in the clear under the existing soft association';
    case 'pending':
      return 'held behind the negotiation in progress, and lost';
    case 'negotiated':
      return r.delivered ? 'negotiated' : 'negotiated (this packet was held while IKE ran)';
    case 'soft':
      return `${r.to} never answered IKE, so a soft association lets it pass in the clear`;
    case 'failed':
      return 'negotiation failed, packet dropped';
    case 'unreachable':
      return `${r.to} could not be reached`;
  }
}

/** The side whose filter decided the packet, and whether to name the host. */
function deciders(r: TrafficRecord): { match: Match; named: boolean }[] {
  const out: { match: Match; named: boolean }[] = [];
  const byReceiver = r.kind === 'dropped' || r.kind === 'inpass' || (r.kind === 'blocked' && r.sender?.verdict !== 'block');
  if (r.sender && !byReceiver) out.push({ match: r.sender, named: false });
  if (r.receiver && (byReceiver || (r.sender?.verdict === 'no-match' && r.receiver.verdict !== 'no-match'))) {
    out.push({ match: r.receiver, named: true });
  }
  return out;
}

/** "ICMP from SRV1 to SRV2 matched filter 1 of rule 1 (L), filter action A — negotiated." */
export function verdictSentence(r: TrafficRecord): string {
  const subject = `${packetLabel(r.packet)} from ${r.from} to ${r.to}`;
  const clauses = deciders(r).map(({ match, named }) => (named ? `on ${match.host} ${matched(match)}` : matched(match)));
  const middle = clauses.length ? ` ${clauses.join('; ')}` : '';
  return `${subject}${middle} — ${outcome(r)}.`;
}

export const MODE_NAME = { main: 'Main mode', quick: 'Quick mode' } as const;

/** Where and why a negotiation failed, from the side that noticed. */
export function failureSentence(f: Failure, roles: { initiator: string; responder: string }): string {
  const where = f.message === 0 ? 'before any reply' : `after message ${f.message}`;
  return `${MODE_NAME[f.mode]} failed ${where}: ${roles[f.detectedBy]} (${f.detectedBy}) detected it — ${f.text} (${f.code}).`;
}

/** A stable key per record: its time, ends and how many records before it share them. */
export function recordKeys(records: readonly TrafficRecord[]): string[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const base = `${r.at}|${r.from}|${r.to}|${r.packet.protocol}|${r.packet.dstPort ?? ''}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}|${n}`;
  });
}

/** `+0.125 s` after the first message. */
export function offset(ms: number, start: number): string {
  return `+${((ms - start) / 1000).toFixed(3)} s`;
}
