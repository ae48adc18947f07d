import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../engine/actions.js';
import { applyAction } from '../../engine/apply.js';
import { builtInLab } from '../../engine/labs/catalog.js';
import { createWorld } from '../../engine/labs/lab-spec.js';
import type { World } from '../../engine/model/world.js';

const HOSTS = ['DC1', 'SRV1', 'SRV2', 'WS1', 'W2K1', 'NOPE'];
const PEERS = ['192.168.1.10', '192.168.1.20', '192.168.1.30', 'me', 'any'];

const host = fc.constantFrom(...HOSTS);
/** Command lines a student types in the lessons, plus mistakes. */
const commandLine = fc.oneof(
  fc.constantFrom('hostname', 'ipconfig /all', 'gpupdate', 'gpupdate /force', 'net stop policyagent', 'net start policyagent', 'ping -n 2 srv1', 'ping -n 2 srv2', 'telnet srv2', 'net use \\\\srv1\\c$', 'netsh ipsec dynamic show stats', 'netsh ipsec static show all', 'secedit /refreshpolicy machine_policy', 'bogus command'),
  fc.record({ peer: fc.constantFrom(...PEERS), proto: fc.constantFrom('ICMP', 'TCP', 'ANY'), psk: fc.constantFrom('a', 'b') }).chain(({ peer, proto, psk }) =>
    fc.constantFrom(
      'netsh ipsec static add policy name=P',
      `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=${proto}`,
      'netsh ipsec static add filteraction name=A action=negotiate qmsecmethods="ESP[3DES,SHA1]" soft=yes',
      `netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A psk=${psk}`,
      'netsh ipsec static set policy name=P assign=yes',
      'netsh ipsec static set policy name=P assign=no',
      'netsh ipsec static delete policy name=P',
      'netsh ipsec dynamic set config ipsecexempt value=0',
    ),
  ),
);

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('command' as const), host, line: commandLine }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 4 * 3_600_000 }), fc.constant(-1)) }) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constant<Action>({ type: 'directory', domain: 'example.test', change: { op: 'create-ou', name: 'Test', parent: 'DC=example,DC=test' } }),
      fc.constant<Action>({ type: 'directory', domain: 'example.test', change: { op: 'create-gpo', name: 'G' } }),
      fc.constant<Action>({ type: 'directory', domain: 'example.test', change: { op: 'link-gpo', gpo: 'G', container: 'OU=Test,DC=example,DC=test' } }),
      fc.constant<Action>({ type: 'directory', domain: 'nowhere.test', change: { op: 'create-gpo', name: 'X' } }),
      fc.record({ type: fc.constant('move-computer' as const), host, ou: fc.constantFrom<string | null>('OU=Test,DC=example,DC=test', null, 'OU=Missing,DC=example,DC=test') }),
      fc.record({ type: fc.constant('power' as const), host, online: fc.boolean() }),
      fc.record({ type: fc.constant('inject' as const), host, fault: fc.constantFrom('bad-spi' as const, 'replay' as const, 'tampered' as const) }),
    ),
  },
);

function fresh(): World {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('missing lab');
  return createWorld(spec);
}

const runs = { numRuns: 40 };

describe('the engine, over generated sessions', () => {
  it('replays deterministically: the same actions give the same bytes', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const a = fresh();
        const b = fresh();
        for (const act of actions) {
          applyAction(a, act);
          applyAction(b, act);
        }
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      runs,
    );
  });

  it('round-trips through JSON: a saved world goes on exactly as the live one', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 15 }), fc.array(action, { maxLength: 10 }), (before, after) => {
        const live = fresh();
        for (const act of before) applyAction(live, act);
        const saved = JSON.parse(JSON.stringify(live)) as World;
        expect(saved).toEqual(live);
        for (const act of after) {
          applyAction(live, act);
          applyAction(saved, act);
        }
        expect(JSON.stringify(saved)).toBe(JSON.stringify(live));
      }),
      runs,
    );
  });

  it('leaves the world untouched, to the byte, whenever it rejects an action', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const world = fresh();
        for (const act of actions) {
          const before = JSON.stringify(world);
          const outcome = applyAction(world, act);
          if (!outcome.ok) {
            expect(typeof outcome.error).toBe('string');
            expect(JSON.stringify(world)).toBe(before);
          }
        }
      }),
      runs,
    );
  });
});
