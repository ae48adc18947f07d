import { describe, expect, it } from 'vitest';
import { labWith, run } from './testing.js';

const NETSH = 'SRV1> netsh ipsec static';
/** SRV1's local store: a mirrored TCP/80 filter to SRV2, a negotiate action, a PSK rule. */
function storeLab() {
  return labWith(
    `${NETSH} add filterlist name="Web"`,
    `${NETSH} add filter filterlist="Web" srcaddr=me dstaddr=192.168.1.20 protocol=tcp dstport=80 mirrored=yes`,
    `${NETSH} add filteraction name="ESP only" action=negotiate qmsecmethods="ESP[3DES,SHA1] ESP[DES,MD5]" inpass=no soft=no`,
    `${NETSH} add policy name="Web policy" activatedefaultrule=no`,
    `${NETSH} add rule name="Web rule" policy="Web policy" filterlist="Web" filteraction="ESP only" psk="s3cret"`,
    `${NETSH} set policy name="Web policy" assign=y`,
  );
}

describe('store predicates', () => {
  const lab = storeLab();

  it('policy: exists, properties, and exists: false', () => {
    expect(run({ policy: { host: 'SRV1', name: 'web policy', assigned: true, rules: 1, defaultResponse: false } }, lab).pass).toBe(true);
    const wrong = run({ policy: { host: 'SRV1', name: 'Web policy', assigned: false } }, lab);
    expect(wrong).toMatchObject({ pass: false, message: expect.stringContaining('assigned is yes, expected no') });
    expect(run({ policy: { host: 'SRV2', name: 'Web policy' } }, lab).message).toContain('there is no policy "Web policy" in the local store of SRV2');
    expect(run({ policy: { host: 'SRV2', name: 'Web policy', exists: false } }, lab).pass).toBe(true);
    expect(run({ policy: { host: 'SRV1', store: 'persistent', name: 'Web policy' } }, lab).pass).toBe(false);
  });

  it('rule: matched by its filter list and action', () => {
    expect(run({ rule: { host: 'SRV1', policy: 'Web policy', filterlist: 'Web', filteraction: 'ESP only', active: true, tunnel: null } }, lab).pass).toBe(true);
    const r = run({ rule: { host: 'SRV1', policy: 'Web policy', filteraction: 'Permit' } }, lab);
    expect(r.pass).toBe(false);
    expect(r.message).toContain('filteraction is "ESP only", expected "Permit"');
  });

  it('filterlist and filter: properties as netsh writes them', () => {
    expect(run({ filterlist: { host: 'SRV1', name: 'Web', filters: 1 } }, lab).pass).toBe(true);
    expect(run({ filterlist: { host: 'SRV1', name: 'Web', filters: 2 } }, lab).pass).toBe(false);
    expect(run({ filter: { host: 'SRV1', list: 'Web', src: 'me', dst: '192.168.1.20', protocol: 'tcp', dstport: 80, mirrored: true } }, lab).pass).toBe(true);
    expect(run({ filter: { host: 'SRV1', list: 'Web', dst: '192.168.1.0/24' } }, lab).pass).toBe(false);
    const ported = run({ filter: { host: 'SRV1', list: 'Web', protocol: 17 } }, lab);
    expect(ported).toMatchObject({ pass: false, message: expect.stringContaining('protocol is TCP, expected UDP') });
  });

  it('filteraction: action, flags and security methods', () => {
    expect(run({ filteraction: { host: 'SRV1', name: 'ESP only', action: 'negotiate', inpass: false, soft: false, firstMethod: 'ESP[3DES,SHA1]' } }, lab).pass).toBe(true);
    expect(run({ filteraction: { host: 'SRV1', name: 'ESP only', methods: 'ESP[3DES,SHA1] ESP[DES,MD5]' } }, lab).pass).toBe(true);
    expect(run({ filteraction: { host: 'SRV1', name: 'ESP only', methods: 'ESP[3DES,SHA1]' } }, lab).pass).toBe(false);
    expect(run({ filteraction: { host: 'SRV1', name: 'ESP only', firstMethod: 'AH[MD5]' } }, lab).pass).toBe(false);
  });

  it('auth: the method and key of a rule, and the default response rule', () => {
    expect(run({ auth: { host: 'SRV1', policy: 'Web policy', rule: 'Web rule', method: 'psk', key: 's3cret', first: true } }, lab).pass).toBe(true);
    expect(run({ auth: { host: 'SRV1', policy: 'Web policy', rule: 'Web rule', method: 'psk', key: 'other' } }, lab).pass).toBe(false);
    expect(run({ auth: { host: 'SRV1', policy: 'Web policy', rule: 'Web rule', method: 'kerberos' } }, lab).pass).toBe(false);
    expect(run({ auth: { host: 'SRV1', policy: 'Server (Request Security)', method: 'kerberos' } }, lab).pass).toBe(true);
  });

  it('names a missing host or domain instead of throwing', () => {
    expect(run({ policy: { host: 'NOPE', name: 'x' } }, lab).message).toContain('no host NOPE');
    expect(run({ policy: { domain: 'other.test', name: 'x' } }, lab).message).toContain('no domain other.test');
  });
});

describe('combinators', () => {
  const lab = storeLab();
  const yes = { policy: { host: 'SRV1', name: 'Web policy' } } as const;
  const no = { policy: { host: 'SRV2', name: 'Web policy' }, feedback: 'SRV2 has no policy' } as const;

  it('all, any and not, with the failing child\'s feedback', () => {
    expect(run({ all: [yes, yes] }, lab).pass).toBe(true);
    expect(run({ all: [yes, no] }, lab)).toMatchObject({ pass: false, feedback: 'SRV2 has no policy' });
    expect(run({ all: [yes, no], feedback: 'own' }, lab).feedback).toBe('own');
    expect(run({ any: [no, yes] }, lab).pass).toBe(true);
    expect(run({ any: [no, no] }, lab).message).toContain('none passes');
    expect(run({ not: yes }, lab).pass).toBe(false);
    expect(run({ not: no }, lab).pass).toBe(true);
  });
});
