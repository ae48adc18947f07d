import { describe, expect, it } from 'vitest';
import type { Action } from '../../engine/actions.js';
import { applyAction } from '../../engine/apply.js';
import { applyEffect } from '../../engine/effects.js';
import { effectivePolicy } from '../../engine/gp/effective-policy.js';
import { addPolicy, setPolicy } from '../../engine/ipsec/store-ops.js';
import type { PolicyStore } from '../../engine/ipsec/types.js';
import { createWorld, type LabSpec } from '../../engine/labs/lab-spec.js';
import type { World } from '../../engine/model/world.js';

const DOMAIN = 'example.test';
const TEST_OU = 'OU=Test,OU=Servers,DC=example,DC=test';
const nic = (address: string) => ({ address, mask: '255.255.255.0', gateway: null, dnsServers: ['192.168.1.2'], winsServer: null, mac: '00-0C-29-00-00-01' });

const SPEC: LabSpec = {
  id: 'gp-test',
  title: 'GP test',
  seed: 7,
  domains: [{ name: DOMAIN, dc: 'DC1', ous: ['Servers/Test'] }],
  hosts: [
    { name: 'DC1', version: '2003', domain: DOMAIN, roles: ['domain-controller'], nic: nic('192.168.1.2') },
    { name: 'SRV1', version: '2003', domain: DOMAIN, ou: 'Servers/Test', nic: nic('192.168.1.10') },
    { name: 'SRV2', version: '2003', domain: DOMAIN, nic: nic('192.168.1.20') },
    { name: 'W2K1', version: '2000', domain: DOMAIN, ou: 'Servers/Test', nic: nic('192.168.1.40') },
  ],
};

function unwrap(r: { ok: true; value: PolicyStore } | { ok: false; error: unknown }): PolicyStore {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function must(world: World, action: Action): string {
  const outcome = applyAction(world, action);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

function editDomainStore(world: World, edit: (s: PolicyStore) => PolicyStore): void {
  const domain = world.directory.domains[DOMAIN];
  if (!domain) throw new Error('no domain');
  applyEffect(world, { kind: 'domain-store', domain: DOMAIN, store: edit(domain.ipsecStore) });
}

/** A domain with policy "Secure OU" assigned in GPO "IPSec Test" linked to the Test OU. */
function assignedWorld(): World {
  const world = createWorld(SPEC);
  editDomainStore(world, (s) => unwrap(addPolicy(s, { name: 'Secure OU', description: 'v1' })));
  must(world, { type: 'directory', domain: DOMAIN, change: { op: 'create-gpo', name: 'IPSec Test' } });
  must(world, { type: 'directory', domain: DOMAIN, change: { op: 'link-gpo', gpo: 'IPSec Test', container: TEST_OU } });
  must(world, { type: 'directory', domain: DOMAIN, change: { op: 'assign-policy', gpo: 'IPSec Test', policy: 'Secure OU' } });
  return world;
}

const active = (world: World, host: string) => {
  const h = world.hosts[host];
  if (!h) throw new Error(`no host ${host}`);
  const a = effectivePolicy(h).active;
  return a ? `${a.source}:${a.policy.name}:${a.policy.description}` : 'none';
};

describe('Group Policy delivers IPSec policy as Windows does', () => {
  it('a new assignment reaches a computer only at its next refresh, and only in the OU', () => {
    const world = assignedWorld();
    expect(active(world, 'SRV1')).toBe('none');
    expect(must(world, { type: 'command', host: 'SRV1', line: 'gpupdate /target:computer' })).toBe(
      'Refreshing Policy...\n\nComputer Policy Refresh has completed.\n\n',
    );
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
    must(world, { type: 'command', host: 'SRV2', line: 'gpupdate' });
    expect(active(world, 'SRV2')).toBe('none');
  });

  it('background refresh picks it up within 90 minutes plus the offset', () => {
    const world = assignedWorld();
    must(world, { type: 'advance', ms: 60 * 60_000 });
    expect(active(world, 'SRV1')).toBe('none');
    must(world, { type: 'advance', ms: 60 * 60_000 });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
  });

  it('edits inside the assigned policy wait for the polling interval, not gpupdate', () => {
    const world = assignedWorld();
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate /force' });
    editDomainStore(world, (s) => unwrap(setPolicy(s, { name: 'Secure OU', description: 'v2' })));
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate /force' });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
    must(world, { type: 'advance', ms: 179 * 60_000 });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
    must(world, { type: 'advance', ms: 2 * 60_000 });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v2');
  });

  it('restarting IPSEC Services reads the edited policy at once', () => {
    const world = assignedWorld();
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    editDomainStore(world, (s) => unwrap(setPolicy(s, { name: 'Secure OU', description: 'v2' })));
    expect(must(world, { type: 'command', host: 'SRV1', line: 'net stop policyagent' })).toBe(
      'The IPSEC Services service is stopping.\nThe IPSEC Services service was stopped successfully.\n\n\n',
    );
    expect(active(world, 'SRV1')).toBe('none');
    must(world, { type: 'command', host: 'SRV1', line: 'net start policyagent' });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v2');
  });

  it('an OU policy beats a domain policy; policies never merge', () => {
    const world = assignedWorld();
    editDomainStore(world, (s) => unwrap(addPolicy(s, { name: 'Domain Wide' })));
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'assign-policy', gpo: 'Default Domain Policy', policy: 'Domain Wide' } });
    for (const host of ['SRV1', 'SRV2']) must(world, { type: 'command', host, line: 'gpupdate' });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
    expect(active(world, 'SRV2')).toMatch(/^domain:Domain Wide:/);
  });

  it('an enforced domain link beats the OU, and Block Inheritance does not stop it', () => {
    const world = assignedWorld();
    editDomainStore(world, (s) => unwrap(addPolicy(s, { name: 'Domain Wide' })));
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'assign-policy', gpo: 'Default Domain Policy', policy: 'Domain Wide' } });
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'block-inheritance', container: TEST_OU, block: true } });
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'set-link', gpo: 'Default Domain Policy', container: 'DC=example,DC=test', enforced: true } });
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    expect(active(world, 'SRV1')).toMatch(/^domain:Domain Wide:/);
  });

  it('keeps the cached policy when no DC answers, and after its GPO is deleted', () => {
    const world = assignedWorld();
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    must(world, { type: 'power', host: 'DC1', online: false });
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'assign-policy', gpo: 'IPSec Test', policy: null } });
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
    must(world, { type: 'power', host: 'DC1', online: true });
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'assign-policy', gpo: 'IPSec Test', policy: 'Secure OU' } });
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'delete-gpo', gpo: 'IPSec Test' } });
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    expect(active(world, 'SRV1')).toBe('domain:Secure OU:v1');
  });

  it('un-assigning in a GPO that still exists removes the policy at the next refresh', () => {
    const world = assignedWorld();
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    must(world, { type: 'directory', domain: DOMAIN, change: { op: 'unlink-gpo', gpo: 'IPSec Test', container: TEST_OU } });
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    expect(active(world, 'SRV1')).toBe('none');
  });

  it('moving a computer into the OU applies the OU policy at the next refresh', () => {
    const world = assignedWorld();
    must(world, { type: 'move-computer', host: 'SRV2', ou: TEST_OU });
    expect(active(world, 'SRV2')).toBe('none');
    must(world, { type: 'command', host: 'SRV2', line: 'gpupdate' });
    expect(active(world, 'SRV2')).toBe('domain:Secure OU:v1');
  });

  it('Windows 2000 refreshes with secedit and has no gpupdate', () => {
    const world = assignedWorld();
    expect(must(world, { type: 'command', host: 'W2K1', line: 'gpupdate' })).toContain("'gpupdate' is not recognized");
    expect(active(world, 'W2K1')).toBe('none');
    expect(must(world, { type: 'command', host: 'W2K1', line: 'secedit /refreshpolicy machine_policy /enforce' })).toContain(
      'Group policy propagation from the domain has been initiated for this computer.',
    );
    expect(active(world, 'W2K1')).toBe('domain:Secure OU:v1');
  });

  it('rejects bad directory changes whole, leaving the world byte-identical', () => {
    const world = assignedWorld();
    const before = JSON.stringify(world);
    for (const change of [
      { op: 'create-gpo', name: 'IPSec Test' },
      { op: 'assign-policy', gpo: 'IPSec Test', policy: 'No Such Policy' },
      { op: 'link-gpo', gpo: 'Nope', container: TEST_OU },
      { op: 'link-gpo', gpo: 'IPSec Test', container: 'OU=Missing,DC=example,DC=test' },
      { op: 'create-ou', name: 'Bad,Name', parent: 'DC=example,DC=test' },
    ] as const) {
      expect(applyAction(world, { type: 'directory', domain: DOMAIN, change }).ok).toBe(false);
    }
    expect(applyAction(world, { type: 'move-computer', host: 'SRV1', ou: 'OU=Nowhere,DC=example,DC=test' }).ok).toBe(false);
    expect(JSON.stringify(world)).toBe(before);
  });

  it('is deterministic: the same actions give the same bytes', () => {
    const run = () => {
      const world = assignedWorld();
      must(world, { type: 'advance', ms: 7 * 3_600_000 });
      must(world, { type: 'command', host: 'SRV1', line: 'gpresult' });
      return JSON.stringify(world);
    };
    expect(run()).toBe(run());
  });

  it('gpresult names the GPOs applied at the last refresh, winner first', () => {
    const world = assignedWorld();
    must(world, { type: 'command', host: 'SRV1', line: 'gpupdate' });
    const out = must(world, { type: 'command', host: 'SRV1', line: 'gpresult' });
    expect(out).toContain('CN=SRV1,OU=Test,OU=Servers,DC=example,DC=test');
    expect(out).toMatch(/Applied Group Policy Objects\n\s+-+\n\s+IPSec Test\n\s+Default Domain Policy\n/);
    expect(out).toContain('Created On 3/14/2005 at 9:00:00 AM');
  });
});
