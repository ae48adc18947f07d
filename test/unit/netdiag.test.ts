import { describe, expect, it } from 'vitest';
import { applyAction } from '../../engine/apply.js';
import { applyEffect } from '../../engine/effects.js';
import { setPolicy } from '../../engine/ipsec/store-ops.js';
import { builtInLab } from '../../engine/labs/catalog.js';
import { createWorld } from '../../engine/labs/lab-spec.js';
import type { World } from '../../engine/model/world.js';

function world(): World {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('missing lab');
  return createWorld(spec);
}

function run(w: World, host: string, line: string): string {
  const outcome = applyAction(w, { type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

function assignLocal(w: World, host: string, policy: string): void {
  const h = w.hosts[host];
  if (!h) throw new Error('no host');
  const result = setPolicy(h.stores.local, { name: policy, assign: true });
  if (!result.ok) throw new Error(result.error.message);
  applyEffect(w, { kind: 'host-store', host, location: 'local', store: result.value });
}

describe('netdiag /test:ipsec', () => {
  it('reports no policy on Windows 2000 and XP', () => {
    const w = world();
    for (const host of ['W2K1', 'WS1']) {
      expect(run(w, host, 'netdiag /test:ipsec')).toContain(
        'IP Security test . . . . . . . . . : Passed\n    IPSec policy service is active, but no policy is assigned.\n',
      );
    }
  });

  it('names the assigned local policy and dumps its filters with /debug', () => {
    const w = world();
    assignLocal(w, 'W2K1', 'Server (Request Security)');
    const out = run(w, 'W2K1', 'netdiag /test:ipsec /debug');
    expect(out).toContain("    Local IPSec Policy Active: 'Server (Request Security)'");
    expect(out).toMatch(/IP Security Policy Path: SOFTWARE\\Policies\\Microsoft\\Windows\\IPSec\\Policy\\Local\\ipsecPolicy\{[0-9a-f-]{36}\}/);
    expect(out).toContain('    There are 4 filters');
    expect(out).toContain('      Flags : Outbound Negotiate');
    expect(out).toContain('      Flags : Inbound Pass');
    expect(out).toContain('      Src Addr  : 192.168.1.40');
  });

  it('fails the test when IPSEC Services is stopped', () => {
    const w = world();
    run(w, 'WS1', 'net stop policyagent');
    expect(run(w, 'WS1', 'netdiag /test:ipsec')).toContain('IP Security test . . . . . . . . . : Failed');
  });

  it('skips the test on Server 2003 and points to netsh', () => {
    const out = run(world(), 'SRV1', 'netdiag /test:ipsec');
    expect(out).toContain('IP Security test . . . . . . . . . : Skipped');
    expect(out).toContain('netsh ipsec');
  });

  it('rejects unknown tests and options with the usage', () => {
    expect(run(world(), 'WS1', 'netdiag /test:dns')).toContain("Error: 'dns' is not a valid test name.");
    expect(run(world(), 'WS1', 'netdiag /zzz')).toContain("Error: unrecognized option '/zzz'");
  });
});
