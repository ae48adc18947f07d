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

/** A policy securing ICMP with the peer: mirrored filter, negotiate action, given auth and offer. */
function secure(l: Lab, host: string, peer: string, opts: { auth?: string; offer?: string; soft?: boolean; action?: string } = {}): void {
  const lines = [
    'netsh ipsec static add policy name=P',
    `netsh ipsec static add filter filterlist=L srcaddr=me dstaddr=${peer} protocol=ICMP mirrored=yes`,
    `netsh ipsec static add filteraction name=A action=${opts.action ?? 'negotiate'} qmsecmethods="${opts.offer ?? 'ESP[3DES,SHA1]'}"${opts.soft ? ' soft=yes' : ''}`,
    `netsh ipsec static add rule name=R policy=P filterlist=L filteraction=A ${opts.auth ?? 'psk=s3cret'}`,
    'netsh ipsec static set policy name=P assign=yes',
  ];
  for (const line of lines) expect(run(l, host, line)).toBe('\n');
}

const SRV1 = '192.168.1.10';
const SRV2 = '192.168.1.20';
const echoes = (out: string) => out.split('\n').filter((l) => /^(Reply from|Request timed out|Negotiating IP Security)/.test(l));
const stat = (out: string, name: string) => Number(new RegExp(`^${name} +: (\\d+)$`, 'm').exec(out)?.[1] ?? NaN);

describe('ping through IPSec', () => {
  it('with matching policies: one "Negotiating IP Security." then protected replies', () => {
    const l = lab();
    secure(l, 'SRV1', SRV2);
    secure(l, 'SRV2', SRV1);
    expect(echoes(run(l, 'SRV1', 'ping srv2'))).toEqual([
      'Negotiating IP Security.',
      ...Array(3).fill(`Reply from ${SRV2}: bytes=32 time<1ms TTL=128`),
    ]);
    const qmsas = run(l, 'SRV1', 'netsh ipsec dynamic show qmsas');
    expect(qmsas).toContain('3DES/0/0      SHA1');
    const stats = run(l, 'SRV1', 'netsh ipsec dynamic show stats');
    expect(stat(stats, 'IKE Main Mode')).toBe(1);
    expect(stat(stats, 'Confidential Bytes Sent')).toBeGreaterThan(0);
  });

  it('with mismatched preshared keys: negotiating on every echo, a failure counted, no SA', () => {
    const l = lab();
    secure(l, 'SRV1', SRV2, { auth: 'psk=one' });
    secure(l, 'SRV2', SRV1, { auth: 'psk=two' });
    expect(echoes(run(l, 'SRV1', 'ping srv2'))).toEqual(Array(4).fill('Negotiating IP Security.'));
    l.apply({ type: 'advance', ms: 2 * 60_000 });
    expect(run(l, 'SRV1', 'netsh ipsec dynamic show qmsas')).not.toContain('Transport Filter');
    expect(stat(run(l, 'SRV1', 'netsh ipsec dynamic show stats'), 'Negotiation Failures')).toBeGreaterThan(0);
  });

  it('from a host without policy to one that requires security: timed out', () => {
    const l = lab();
    secure(l, 'SRV2', SRV1);
    expect(echoes(run(l, 'SRV1', 'ping srv2'))).toEqual(Array(4).fill('Request timed out.'));
  });

  it('soft=yes falls back to clear when the peer never answers', () => {
    const l = lab();
    secure(l, 'SRV1', SRV2, { soft: true });
    run(l, 'SRV1', 'ping -n 6 srv2');
    expect(stat(run(l, 'SRV1', 'netsh ipsec dynamic show stats'), 'Soft Associations')).toBe(1);
    expect(echoes(run(l, 'SRV1', 'ping srv2'))).toEqual(Array(4).fill(`Reply from ${SRV2}: bytes=32 time<1ms TTL=128`));
  });

  it('a block action drops the echo silently', () => {
    const l = lab();
    secure(l, 'SRV1', SRV2, { action: 'block' });
    expect(echoes(run(l, 'SRV1', 'ping -n 2 srv2'))).toEqual(Array(2).fill('Request timed out.'));
    expect(stat(run(l, 'SRV1', 'netsh ipsec dynamic show stats'), 'Total Acquire')).toBe(0);
  });

  it('stopping IPSEC Services drops the SAs', () => {
    const l = lab();
    secure(l, 'SRV1', SRV2);
    secure(l, 'SRV2', SRV1);
    run(l, 'SRV1', 'ping srv2');
    run(l, 'SRV1', 'net stop policyagent');
    run(l, 'SRV1', 'net start policyagent');
    expect(run(l, 'SRV1', 'netsh ipsec dynamic show mmsas')).not.toContain('Cookie Pair');
  });

  it('names an unknown host as ping does', () => {
    expect(run(lab(), 'SRV1', 'ping nosuch')).toBe('Ping request could not find host nosuch. Please check the name and try again.\n\n');
  });

  it('replays to the same bytes', () => {
    const once = () => {
      const l = lab();
      secure(l, 'SRV1', SRV2);
      secure(l, 'SRV2', SRV1);
      run(l, 'SRV1', 'ping srv2');
      l.apply({ type: 'advance', ms: 3_600_000 });
      run(l, 'SRV2', 'ping srv1');
      return JSON.stringify(l.world);
    };
    expect(once()).toBe(once());
  });
});
