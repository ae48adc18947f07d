import { describe, expect, it } from 'vitest';
import { compileCheck } from './checks/compile.js';
import type { Check } from './model.js';
import { labWith } from './testing.js';

/** Ten predicates of every family; repeated to fifty, the size the target names. */
const MIX: readonly Check[] = [
  { policy: { host: 'SRV1', name: 'Secure Server (Require Security)', assigned: true } },
  { rule: { host: 'SRV1', policy: 'Secure Server (Require Security)', filterlist: 'All IP Traffic' } },
  { filter: { host: 'SRV1', list: 'All IP Traffic', src: 'me', dst: 'any', mirrored: true } },
  { filteraction: { host: 'SRV1', name: 'Require Security', action: 'negotiate', firstMethod: 'ESP[3DES,SHA1]' } },
  { effective: { host: 'SRV1', policy: 'Secure Server (Require Security)' } },
  { flow: { from: 'SRV1', to: 'SRV2', protocol: 'tcp', port: 445, expect: 'esp' } },
  { link: { domain: 'example.test', gpo: 'Default Domain Policy' } },
  { member: { host: 'SRV1', ou: null } },
  { not: { service: { host: 'SRV1', name: 'policyagent', running: false } } },
  { ran: { command: 'netsh ipsec static set policy' } },
];

describe('check evaluation cost', () => {
  it('re-grades fifty checks on the default lab quickly (target < 1 ms; measured in npm run bench)', () => {
    const lab = labWith('SRV1> netsh ipsec static set policy name="Secure Server (Require Security)" assign=y', 'SRV2> netsh ipsec static set policy name="Client (Respond Only)" assign=y');
    const checks = Array.from({ length: 50 }, (_, i) => compileCheck(MIX[i % MIX.length] as Check));
    const ctx = { world: lab.world, transcript: lab.transcript };
    expect(checks.every((c) => c(ctx).pass)).toBe(true);
    const times: number[] = [];
    for (let round = 0; round < 30; round++) {
      const start = performance.now();
      for (const check of checks) check(ctx);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // A regression guard only, far above the target: shared test machines are noisy.
    expect(times[15]).toBeLessThan(25);
  });
});
