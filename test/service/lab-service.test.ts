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
