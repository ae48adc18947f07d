import { describe, expect, it } from 'vitest';
import type { Action } from '../../engine/index.js';
import type { StoreOp } from '../../engine/actions.js';
import { twoHosts, type } from '../helpers/console-transcript.js';

const S = 'netsh ipsec static';
const HOSTS = ['SRV1', 'SRV2'] as const;
const LIST = 'SRV1-SRV2 Telnet and File Sharing';
const ACTION = 'Require ESP 3DES';
const POLICY = 'Lesson One';

/** Lesson one as netsh lines, in the order the wizards create the objects. */
const NETSH = [
  `${S} add policy name="${POLICY}" description="Secures Telnet and file sharing between SRV1 and SRV2"`,
  `${S} add filterlist name="${LIST}"`,
  `${S} add filter filterlist="${LIST}" srcaddr=192.168.1.10 dstaddr=192.168.1.20 protocol=TCP dstport=23 mirrored=yes`,
  `${S} add filter filterlist="${LIST}" srcaddr=192.168.1.10 dstaddr=192.168.1.20 protocol=TCP dstport=445 mirrored=yes`,
  `${S} add filteraction name="${ACTION}" action=negotiate qmsec="ESP[3DES,SHA1]"`,
  `${S} add rule name="${LIST}" policy="${POLICY}" filterlist="${LIST}" filteraction="${ACTION}" psk="lesson one"`,
  `${S} set policy name="${POLICY}" assign=yes`,
];

const tcp = (dstport: number): StoreOp => ({
  op: 'add-filter',
  input: {
    filterlist: LIST,
    srcaddr: { kind: 'host', address: '192.168.1.10' },
    dstaddr: { kind: 'host', address: '192.168.1.20' },
    protocol: 6,
    srcport: 0,
    dstport,
    mirrored: true,
  },
});

/** The same policy as the wizards send it: one action per Finish / OK / Assign. */
const WIZARD_OPS: StoreOp[] = [
  { op: 'add-policy', input: { name: POLICY, description: 'Secures Telnet and file sharing between SRV1 and SRV2', activatedefaultrule: true } },
  { op: 'sequence', ops: [{ op: 'add-filterlist', input: { name: LIST, description: '' } }, tcp(23), tcp(445)] },
  {
    op: 'add-filteraction',
    input: {
      name: ACTION,
      description: '',
      action: 'negotiate',
      inpass: false,
      soft: false,
      qmpfs: false,
      qmsecmethods: [{ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 }],
    },
  },
  {
    op: 'add-rule',
    input: {
      name: LIST,
      policy: POLICY,
      filterlist: LIST,
      filteraction: ACTION,
      tunnel: null,
      conntype: 'all',
      authMethods: [{ kind: 'psk', key: 'lesson one' }],
    },
  },
  { op: 'set-policy', input: { name: POLICY, assign: true } },
];

const storeAction = (host: string, op: StoreOp): Action => ({ type: 'ipsec-store', target: { host, store: 'local' }, op });

describe('ipsec-store actions (the IP Security Policy Management tools)', () => {
  it('build the lesson-one policy exactly as netsh ipsec static does, on both hosts', () => {
    const byNetsh = twoHosts();
    for (const host of HOSTS) for (const line of NETSH) expect(type(byNetsh, host, line).trim()).toBe('');

    const byWizard = twoHosts();
    for (const host of HOSTS) {
      for (const op of WIZARD_OPS) expect(byWizard.apply(storeAction(host, op))).toMatchObject({ ok: true });
    }

    for (const host of HOSTS) {
      const wizard = byWizard.host(host)?.stores.local;
      const netsh = byNetsh.host(host)?.stores.local;
      expect(JSON.stringify(wizard)).toBe(JSON.stringify(netsh));
      expect(wizard?.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual([POLICY]);
    }
  });

  it('assigning one policy un-assigns the other in the local store, as netsh does', () => {
    const lab = twoHosts();
    for (const op of WIZARD_OPS) lab.apply(storeAction('SRV1', op));
    const other = 'Server (Request Security)';
    expect(lab.apply(storeAction('SRV1', { op: 'set-policy', input: { name: other, assign: true } }))).toMatchObject({ ok: true });
    const assigned = lab.host('SRV1')?.stores.local.policies.filter((p) => p.assigned).map((p) => p.name);
    expect(assigned).toEqual([other]);
  });

  it('rejects a bad op whole, with the store message, and changes nothing', () => {
    const lab = twoHosts();
    const before = JSON.stringify(lab.world);
    const outcome = lab.apply(
      storeAction('SRV1', {
        op: 'sequence',
        ops: [
          { op: 'add-filterlist', input: { name: 'Half done' } },
          { op: 'add-policy', input: { name: 'Client (Respond Only)' } },
        ],
      }),
    );
    expect(outcome).toEqual({ ok: false, error: 'A Policy with name "Client (Respond Only)" already exists.' });
    expect(JSON.stringify(lab.world)).toBe(before);

    expect(lab.apply(storeAction('NOPE', { op: 'delete-policy', name: 'x' }))).toEqual({ ok: false, error: 'There is no host named NOPE in this lab.' });
    expect(lab.apply(storeAction('SRV1', { op: 'delete-filterlist', name: 'All IP Traffic' }))).toMatchObject({ ok: false });
    expect(JSON.stringify(lab.world)).toBe(before);
  });

  it('edits a domain store through the domain controller, with assign left to GPOs', () => {
    const lab = twoHosts();
    const domain = Object.keys(lab.world.directory.domains)[0] ?? '';
    const outcome = lab.apply({ type: 'ipsec-store', target: { domain }, op: { op: 'add-policy', input: { name: 'AD Policy', assign: true } } });
    expect(outcome).toMatchObject({ ok: true });
    const policy = lab.world.directory.domains[domain]?.ipsecStore.policies.find((p) => p.name === 'AD Policy');
    expect(policy?.assigned).toBe(false);
  });
});
