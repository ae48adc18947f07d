import { MAIN_MODE_COUNTERS, QUICK_MODE_COUNTERS, type CounterDelta, type IkeStats, type MainModeCounter, type QuickModeCounter } from './types.js';

/*
 * The one place that says why each IP Security Monitor counter moves. Negotiation, SA
 * lifecycle and traffic code never touch a counter by name: they name a Reason, and this table
 * turns it into counter changes. "seed" = the seed's Table 2/3 wording says so; "ref" = the
 * reference §4.7/§6.2 says so; [R] = our reading of Windows where both are silent.
 */

type Change = readonly [MainModeCounter | QuickModeCounter, number, 'mm' | 'qm'];

const mm = (name: MainModeCounter, by = 1): Change => [name, by, 'mm'];
const qm = (name: QuickModeCounter, by = 1): Change => [name, by, 'qm'];

const TABLE = {
  /** The driver asks IKE for SAs for a packet (seed: pending requests; requests submitted). */
  acquire: [mm('Active Acquire'), mm('Total Acquire')],
  'acquire-done': [mm('Active Acquire', -1)],
  /** Another packet for a peer whose negotiation is in flight queues behind it [R]. */
  'acquire-queued': [mm('Acquire Heap Size'), mm('Total Acquire')],
  'acquire-dequeued': [mm('Acquire Heap Size', -1)],
  /** The responder holds a peer's negotiation message for processing [R: seed "queued"]. */
  'receive-started': [mm('Active Receive')],
  'receive-done': [mm('Active Receive', -1)],
  /** A retransmitted message waits in the receive buffer of a stalled negotiation [R]. */
  'receive-buffered': [mm('Receive Heap Size')],
  'receive-unbuffered': [mm('Receive Heap Size', -1)],
  /** A main mode state entry: negotiating, established, or failed and not yet deleted (seed). */
  'mm-entry': [mm('ISADB List Size')],
  'mm-entry-deleted': [mm('ISADB List Size', -1)],
  /** A quick mode negotiation in process (seed: connection list). */
  'qm-started': [mm('Connection List Size')],
  'qm-ended': [mm('Connection List Size', -1)],
  /** IKE asks the driver for an inbound SPI; the larval SA is a pending key operation [R]. */
  'get-spi': [mm('Total Get SPI'), qm('Pending Key Operations')],
  /** The driver's SPI was not unique or reserved, so IKE asks again (seed: "unique SPI") [R]. */
  'get-spi-failed': [mm('Total Get SPI'), mm('Get SPI Failures')],
  'key-operation-done': [qm('Pending Key Operations', -1)],
  'mm-established': [mm('IKE Main Mode')],
  /** Inbound SA added = Key Updates; outbound = Key Additions (seed, ref §4.7). */
  'inbound-sa-added': [mm('Key Updates')],
  'outbound-sa-added': [mm('Key Additions')],
  'inbound-sa-add-failed': [mm('Key Update Failures')],
  'outbound-sa-add-failed': [mm('Key Addition Failures')],
  'qm-established': [mm('IKE Quick Mode')],
  /** Any main or quick mode failure this host knows of (seed, ref §6.2). */
  'negotiation-failed': [mm('Negotiation Failures')],
  /** The initiator's request for SAs ended without them (seed). */
  'acquire-failed': [mm('Acquire Failures')],
  'auth-failed': [mm('Authentication Failures')],
  /** This host found an error in an IKE message it received and rejected it (seed) [R scope]. */
  'message-rejected': [mm('Receive Failures')],
  /** An IKE message it cannot parse or decrypt, e.g. under a mismatched preshared key (seed). */
  'invalid-packet': [mm('Invalid Packets Received')],
  /** An IKE message whose cookies match no main mode entry (seed). */
  'invalid-cookie': [mm('Invalid Cookies Received')],
  /** An IKE message could not be handed to the network [R: the counter's name]. */
  'send-failed': [mm('Send Failures')],
  /** A fall-back-to-clear SA: not the result of a main mode (seed). */
  'soft-sa': [mm('Soft Associations')],
  /** One inbound/outbound pair counts once (seed: "only one of them will be shown") [R]. */
  'sa-pair-added': [qm('Active Security Associations'), qm('Key Additions')],
  'sa-pair-deleted': [qm('Active Security Associations', -1), qm('Key Deletions')],
  'tunnel-added': [qm('Active Tunnels')],
  'tunnel-deleted': [qm('Active Tunnels', -1)],
  /** The pair's crypto runs on an offloading network adapter [R]. */
  'offload-added': [qm('Offloaded Security Associations')],
  'offload-deleted': [qm('Offloaded Security Associations', -1)],
  rekey: [qm('Rekeys')],
  'bad-spi': [qm('Bad SPI Packets')],
  'not-decrypted': [qm('Packets Not Decrypted')],
  'not-authenticated': [qm('Packets Not Authenticated')],
  replay: [qm('Packets With Replay Detection')],
} satisfies Record<string, readonly Change[]>;

export type Reason = keyof typeof TABLE;

export function emptyDelta(): { mainMode: Partial<Record<MainModeCounter, number>>; quickMode: Partial<Record<QuickModeCounter, number>> } {
  return { mainMode: {}, quickMode: {} };
}

/** Counter changes for a list of reasons (a reason listed twice counts twice). */
export function reasonsDelta(reasons: readonly Reason[]): CounterDelta {
  const delta = emptyDelta();
  for (const reason of reasons) {
    for (const [name, by, table] of TABLE[reason] as readonly Change[]) {
      const target = (table === 'mm' ? delta.mainMode : delta.quickMode) as Record<string, number>;
      target[name] = (target[name] ?? 0) + by;
    }
  }
  return delta;
}

/** Each reason's changes flattened as [slot, by, slot, by, …]; slots 0–22 main mode, 23–43 quick mode. */
const SLOTS: ReadonlyMap<string, readonly number[]> = new Map(
  Object.entries(TABLE).map(([reason, changes]) => [
    reason,
    (changes as readonly Change[]).flatMap(([name, by, table]) => [
      table === 'mm' ? MAIN_MODE_COUNTERS.indexOf(name as MainModeCounter) : MAIN_MODE_COUNTERS.length + QUICK_MODE_COUNTERS.indexOf(name as QuickModeCounter),
      by,
    ]),
  ]),
);

const MM_COUNT = MAIN_MODE_COUNTERS.length;
const SLOT_NAMES: readonly string[] = [...MAIN_MODE_COUNTERS, ...QUICK_MODE_COUNTERS];

/**
 * Moves the counters for `reasons` in place: what applyDelta(stats, reasonsDelta(reasons))
 * does, without building a delta and walking all 44 counters (this runs for every effect).
 */
export function applyReasons(stats: IkeStats, reasons: readonly Reason[]): void {
  const mainMode = stats.mainMode as Record<string, number>;
  const quickMode = stats.quickMode as Record<string, number>;
  for (const reason of reasons) {
    const slots = SLOTS.get(reason) as readonly number[];
    for (let i = 0; i < slots.length; i += 2) {
      const slot = slots[i] as number;
      const name = SLOT_NAMES[slot] as string;
      const target = slot < MM_COUNT ? mainMode : quickMode;
      target[name] = (target[name] as number) + (slots[i + 1] as number);
    }
  }
}

/** Scratch totals for reasonsTotal, all zero between calls (it calls nothing back). */
const TOTALS: number[] = new Array<number>(SLOT_NAMES.length).fill(0);

/**
 * The net change of several reason lists, zero totals left out, keys in counter order: what
 * sumDeltas(lists.map(reasonsDelta)) gives, in one pass over a slot array.
 */
export function reasonsTotal(lists: readonly (readonly Reason[])[]): CounterDelta {
  const totals = TOTALS;
  const mainMode: Record<string, number> = {};
  const quickMode: Record<string, number> = {};
  try {
    for (const reasons of lists) {
      for (const reason of reasons) {
        const slots = SLOTS.get(reason) as readonly number[];
        for (let i = 0; i < slots.length; i += 2) {
          const slot = slots[i] as number;
          totals[slot] = (totals[slot] as number) + (slots[i + 1] as number);
        }
      }
    }
    for (let slot = 0; slot < totals.length; slot++) {
      const total = totals[slot] as number;
      if (total !== 0) (slot < MM_COUNT ? mainMode : quickMode)[SLOT_NAMES[slot] as string] = total;
    }
  } finally {
    totals.fill(0);
  }
  return { mainMode, quickMode } as CounterDelta;
}

/** What one protected packet adds, by the SA's kind (seed Table 3). */
export interface ByteCount {
  readonly direction: 'sent' | 'received';
  readonly bytes: number;
  /** ESP with an encryption algorithm. */
  readonly confidential: boolean;
  /** AH, or ESP with an integrity algorithm; counted once even for AH+ESP [R]. */
  readonly authenticated: boolean;
  readonly tunnel: boolean;
  readonly offloaded: boolean;
}

/**
 * Bytes of a protected packet. Transport vs tunnel always; an offloaded SA's bytes count in the
 * offloaded counters as well as the others, since they are still ESP/AH bytes [R].
 */
export function bytesDelta(count: ByteCount): CounterDelta {
  const q: Partial<Record<QuickModeCounter, number>> = {};
  const sent = count.direction === 'sent';
  const add = (name: QuickModeCounter) => {
    q[name] = (q[name] ?? 0) + count.bytes;
  };
  if (count.confidential) add(sent ? 'Confidential Bytes Sent' : 'Confidential Bytes Received');
  if (count.authenticated) add(sent ? 'Authenticated Bytes Sent' : 'Authenticated Bytes Received');
  if (count.tunnel) add(sent ? 'Bytes Sent In Tunnels' : 'Bytes Received In Tunnels');
  else add(sent ? 'Transport Bytes Sent' : 'Transport Bytes Received');
  if (count.offloaded) add(sent ? 'Offloaded Bytes Sent' : 'Offloaded Bytes Received');
  return { mainMode: {}, quickMode: q };
}

/** What adding / deleting one negotiated SA pair means for the driver counters. */
export function pairAddedReasons(sa: { readonly tunnel: unknown; readonly offloaded: boolean }): Reason[] {
  return ['sa-pair-added', ...(sa.tunnel ? (['tunnel-added'] as const) : []), ...(sa.offloaded ? (['offload-added'] as const) : [])];
}

/** Soft SAs hold no keys, so they never count as Active Security Associations [R]. */
export function pairDeletedReasons(sa: { readonly tunnel: unknown; readonly offloaded: boolean; readonly soft: boolean }): Reason[] {
  if (sa.soft) return [];
  return ['sa-pair-deleted', ...(sa.tunnel ? (['tunnel-deleted'] as const) : []), ...(sa.offloaded ? (['offload-deleted'] as const) : [])];
}
