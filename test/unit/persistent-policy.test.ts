import { describe, expect, it } from 'vitest';
import { builtInLab, Lab } from '../../engine/index.js';

function lab(): Lab {
  const spec = builtInLab('two-hosts');
  if (!spec) throw new Error('missing lab');
  return new Lab(spec);
}

function run(l: Lab, host: string, line: string): string {
  const outcome = l.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.shell?.output ?? '';
}

const echoes = (out: string) => out.split('\n').filter((l) => /^(Reply from|Request timed out)/.test(l));

describe('the persistent store (Server 2003)', () => {
  it('keeps its policy in force on top of the active one', () => {
    const l = lab();
    // A persistent policy blocking ICMP to SRV2, written in one interactive netsh session.
    run(l, 'SRV1', 'netsh');
    for (const line of [
      'ipsec static',
      'set store location=persistent',
      'add policy name=Boot',
      'add filter filterlist=PingSrv2 srcaddr=me dstaddr=192.168.1.20 protocol=ICMP',
      'add filteraction name=Drop action=block',
      'add rule name=R policy=Boot filterlist=PingSrv2 filteraction=Drop',
      'set policy name=Boot assign=yes',
      'exit',
    ]) {
      run(l, 'SRV1', line);
    }
    expect(echoes(run(l, 'SRV1', 'ping -n 2 srv2'))).toEqual(['Request timed out.', 'Request timed out.']);
    // A local policy permitting everything does not lift the persistent block: its filter is less specific.
    for (const line of [
      'netsh ipsec static add policy name=Open',
      'netsh ipsec static add filter filterlist=Everything srcaddr=me dstaddr=any',
      'netsh ipsec static add filteraction name=Pass action=permit',
      'netsh ipsec static add rule name=R policy=Open filterlist=Everything filteraction=Pass',
      'netsh ipsec static set policy name=Open assign=yes',
    ]) {
      run(l, 'SRV1', line);
    }
    expect(echoes(run(l, 'SRV1', 'ping -n 1 srv2'))).toEqual(['Request timed out.']);
    expect(echoes(run(l, 'SRV1', 'ping -n 1 dc1'))).toEqual(['Reply from 192.168.1.2: bytes=32 time<1ms TTL=128']);
  });
});
