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

const echoes = (out: string) => out.split('\n').filter((l) => /^(Reply from|Request timed out|Negotiating)/.test(l));

describe('netsh ipsec dynamic rules act on traffic at once', () => {
  it('a dynamic block rule drops pings until IPSEC Services restarts', () => {
    const l = lab();
    run(l, 'SRV1', 'netsh ipsec dynamic add mmpolicy name=MM1');
    const added = run(l, 'SRV1', 'netsh ipsec dynamic add rule srcaddr=me dstaddr=192.168.1.20 mmpolicy=MM1 protocol=ICMP actioninbound=block actionoutbound=block');
    expect(added).toBe('\n');
    expect(echoes(run(l, 'SRV1', 'ping -n 1 srv2'))).toEqual(['Request timed out.']);
    run(l, 'SRV1', 'net stop policyagent');
    run(l, 'SRV1', 'net start policyagent');
    expect(echoes(run(l, 'SRV1', 'ping -n 1 srv2'))).toEqual(['Reply from 192.168.1.20: bytes=32 time<1ms TTL=128']);
  });
});
