import { afterEach, describe, expect, it } from 'vitest';
import { LabService } from '../../service/lab-service.js';
import { RpcClient } from '../../service/protocol/endpoint.js';
import { channelPair } from '../helpers/memory-channel.js';

let service: LabService | undefined;
afterEach(() => service?.close());

async function connect() {
  service = await LabService.start();
  const [ui, svc] = channelPair();
  service.connect(svc);
  const rpc = new RpcClient(ui);
  const changes: number[] = [];
  rpc.on('labChanged', (d) => changes.push(d.clock));
  return { api: rpc.api(), changes };
}

describe('LabService for the UI', () => {
  it('describes every host with its effective policy', async () => {
    const { api } = await connect();
    const view = await api.labView({});
    expect(view.hosts.map((h) => `${h.name}:${h.version}:${h.address}`)).toEqual([
      'DC1:2003:192.168.1.2',
      'SRV1:2003:192.168.1.10',
      'SRV2:2003:192.168.1.20',
      'WS1:XP:192.168.1.30',
      'W2K1:2000:192.168.1.40',
    ]);
    expect(view.hosts.every((h) => h.activePolicy === null)).toBe(true);
    expect(view.domains[0]?.gpos.map((g) => g.name).sort()).toEqual(['Default Domain Controllers Policy', 'Default Domain Policy']);
    expect(view.hosts.find((h) => h.name === 'DC1')?.ou).toBe('OU=Domain Controllers,DC=example,DC=test');
  });

  it('applies GUI actions through the engine and tells every connection', async () => {
    const { api, changes } = await connect();
    const view = await api.applyAction({ action: { type: 'directory', domain: 'example.test', change: { op: 'create-ou', name: 'Test', parent: 'DC=example,DC=test' } } });
    expect(view.domains[0]?.ous.map((o) => o.dn)).toContain('OU=Test,DC=example,DC=test');
    await new Promise((r) => setTimeout(r, 5));
    expect(changes).toEqual([0]);
  });

  it('refuses a malformed or rejected action with one clear line, changing nothing', async () => {
    const { api } = await connect();
    const before = JSON.stringify(await api.labView({}));
    await expect(api.applyAction({ action: { type: 'format-disk' } as never })).rejects.toThrow('That is not a change the lab knows how to make.');
    await expect(
      api.applyAction({ action: { type: 'move-computer', host: 'SRV1', ou: 'OU=Nowhere,DC=example,DC=test' } }),
    ).rejects.toThrow('The organizational unit OU=Nowhere,DC=example,DC=test does not exist in example.test.');
    expect(JSON.stringify(await api.labView({}))).toBe(before);
  });

  it('moves the clock by a time or to the next Group Policy refresh', async () => {
    const { api } = await connect();
    expect((await api.advanceClock({ ms: 60_000 })).clock).toBe(60_000);
    const next = await api.advanceClock({ to: 'next-gp-refresh' });
    expect(next.clock).toBe(5 * 60_000);
    await expect(api.advanceClock({ ms: -1 })).rejects.toThrow('The time to advance must be a whole number');
  });
});

describe('LabService for the monitor and the IKE timeline', () => {
  const PSK_POLICY = (peer: string) => [
    'netsh ipsec static add policy name=P',
    `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=ICMP`,
    'netsh ipsec static add filteraction name=A action=negotiate qmsecmethods="ESP[3DES,SHA1]"',
    'netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A psk=k',
    'netsh ipsec static set policy name=P assign=yes',
  ];

  it('shows the active policy, filters, SAs and counters as they change', async () => {
    const { api } = await connect();
    for (const line of PSK_POLICY('192.168.1.20')) await api.runShell({ host: 'SRV1', line });
    for (const line of PSK_POLICY('192.168.1.10')) await api.runShell({ host: 'SRV2', line });
    await api.runShell({ host: 'SRV1', line: 'ping srv2' });
    const view = await api.monitorView({ host: 'SRV1' });
    expect(view.activePolicy).toMatchObject({ name: 'P', store: 'Local Store' });
    expect(view.quickMode.specificFilters.map((f) => `${f.direction} ${f.source} ${f.destination}`)).toEqual([
      'Outbound 192.168.1.10 192.168.1.20',
      'Inbound 192.168.1.20 192.168.1.10',
    ]);
    expect(view.mainMode.securityAssociations[0]).toMatchObject({ me: '192.168.1.10', peer: '192.168.1.20', authentication: 'Preshared Key' });
    expect(view.quickMode.securityAssociations[0]).toMatchObject({ espConfidentiality: '3DES', espIntegrity: 'SHA1' });
    const history = await api.statsHistory({ host: 'SRV1' });
    expect(history[0]?.stats.mainMode['IKE Main Mode']).toBe(0);
    expect(history[history.length - 1]?.stats.mainMode['IKE Main Mode']).toBe(1);
    expect((await api.monitorView({ host: 'W2K1' })).available).toBe(false);
  });

  it('explains each packet with the filter and rule that decided it, and the IKE messages', async () => {
    const { api } = await connect();
    for (const line of PSK_POLICY('192.168.1.20')) await api.runShell({ host: 'SRV1', line });
    for (const line of PSK_POLICY('192.168.1.10')) await api.runShell({ host: 'SRV2', line });
    await api.runShell({ host: 'SRV1', line: 'ping -n 1 srv2' });
    await api.runShell({ host: 'SRV1', line: 'ping -n 1 dc1' });
    const log = await api.trafficLog({ between: ['SRV1', 'SRV2'] });
    expect(log).toHaveLength(1);
    const first = log[0];
    expect(first?.kind).toBe('negotiated');
    expect(first?.sender).toMatchObject({ verdict: 'negotiate', rule: 'R', ruleNumber: 1, filterList: 'L', filterNumber: 1, filterAction: 'A' });
    expect(first?.messages.filter((m) => m.mode === 'main' && m.kind === 'message').map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first?.messages.filter((m) => m.mode === 'quick' && m.kind === 'message').map((m) => m.number)).toEqual([1, 2, 3]);
    const toDc = (await api.trafficLog({ between: ['SRV1', 'DC1'] }))[0];
    expect(toDc?.sender).toMatchObject({ verdict: 'no-match' });
    await expect(api.trafficLog({ between: ['SRV1'] as never })).rejects.toThrow('Name the two hosts');
  });
});
