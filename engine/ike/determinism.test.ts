import { expect, test } from 'vitest';
import type { NegotiationPeer } from './peer.js';
import { advance, serviceStopped } from './sa-lifecycle.js';
import { A, B, labStore, peer, psk, seeded, tcp } from './testing.js';
import { transmit } from './traffic.js';
import type { IkeWorld } from './types.js';

/* Same inputs and the same next32 sequence give the same state and outcomes, byte for byte. */

function session(seed: number): string {
  const world: IkeWorld = {};
  const next32 = seeded(seed);
  const lab = (p: Parameters<typeof labStore>[0]) => ({ policy: { store: labStore(p), policyName: 'Lab Policy' } });
  const a = peer('SRV1', A);
  const b = peer('SRV2', B);
  const c: NegotiationPeer = peer('SRV3', '192.168.1.30', lab({ auth: [psk('x')] }));
  const log: unknown[] = [];
  const send = (i: NegotiationPeer, r: NegotiationPeer, now: number, bytes = 1000) =>
    log.push(transmit(world, { initiator: i, responder: r, packet: tcp(i.address, r.address), now, next32, bytes }));
  send(a, b, 0);
  send(a, b, 1000);
  send(b, a, 2000);
  send(a, c, 3000);
  for (let t = 100_000; t < 4_000_000; t += 250_000) send(a, b, t, 5_000_000);
  serviceStopped(world, 'SRV2');
  send(a, b, 4_100_000);
  log.push(advance(world, 40_000_000, next32));
  return JSON.stringify({ world, log });
}

test('the same seed replays to identical JSON', () => {
  const first = session(2003);
  expect(session(2003)).toBe(first);
  expect(JSON.parse(first)).toEqual(JSON.parse(JSON.stringify(JSON.parse(first))));
});

test('a different seed gives different cookies and SPIs', () => {
  expect(session(2004)).not.toBe(session(2003));
});
