import { describe, expect, it } from 'vitest';
import { addressSpecificityBits, filterAddressMask, formatFilterAddress, parseFilterAddress, parseMask } from './address.js';
import { authMethodLabel, formatRootCa, parseRootCa } from './auth.js';

describe('parseFilterAddress', () => {
  it.each([
    ['me', { kind: 'me' }],
    ['ANY', { kind: 'any' }],
    ['Dns', { kind: 'server', server: 'DNS' }],
    ['wins', { kind: 'server', server: 'WINS' }],
    ['DHCP', { kind: 'server', server: 'DHCP' }],
    ['gateway', { kind: 'server', server: 'GATEWAY' }],
    ['192.168.1.10', { kind: 'host', address: '192.168.1.10' }],
    ['10.0.0.1-10.0.0.9', { kind: 'range', from: '10.0.0.1', to: '10.0.0.9' }],
    ['srv1.example.test', { kind: 'dns', name: 'srv1.example.test', addresses: [] }],
  ])('%s', (text, expected) => {
    expect(parseFilterAddress(text)).toEqual({ ok: true, value: expected });
  });

  it('takes a dotted mask or a prefix, and keeps /32 as a host', () => {
    expect(parseFilterAddress('192.168.1.0', '24')).toEqual({ ok: true, value: { kind: 'subnet', address: '192.168.1.0', mask: '255.255.255.0' } });
    expect(parseFilterAddress('192.168.1.0', '255.255.0.0')).toEqual({ ok: true, value: { kind: 'subnet', address: '192.168.1.0', mask: '255.255.0.0' } });
    expect(parseFilterAddress('192.168.1.7', '255.255.255.255')).toEqual({ ok: true, value: { kind: 'host', address: '192.168.1.7' } });
    expect(parseFilterAddress('ME', '255.255.255.255')).toEqual({ ok: true, value: { kind: 'me' } });
    expect(parseFilterAddress('any', '0.0.0.0')).toEqual({ ok: true, value: { kind: 'any' } });
  });

  it.each([
    ['300.1.1.1', undefined, 'not a valid IP address'],
    ['10.0.0.01', undefined, 'not a valid IP address'],
    ['10.0.0.9-10.0.0.1', undefined, 'higher than the second'],
    ['10.0.0.1-10.0.0.9', '24', 'cannot be given with an address range'],
    ['10.0.0.0', '255.0.255.0', 'contiguous'],
    ['10.0.0.0', '33', 'between 1 and 32'],
    ['10.0.0.0', '0', 'between 1 and 32'],
    ['bad_name!', undefined, 'not a valid address'],
  ])('rejects %s mask %s', (addr, mask, reason) => {
    const r = parseFilterAddress(addr, mask);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });

  it('formats back and reports masks and specificity', () => {
    const subnet = parseFilterAddress('10.1.0.0', '16');
    expect(subnet.ok).toBe(true);
    if (!subnet.ok) return;
    expect(formatFilterAddress(subnet.value)).toBe('10.1.0.0');
    expect(filterAddressMask(subnet.value)).toBe('255.255.0.0');
    expect(addressSpecificityBits(subnet.value)).toBe(16);
    expect(filterAddressMask({ kind: 'any' })).toBe('0.0.0.0');
    expect(filterAddressMask({ kind: 'me' })).toBe('255.255.255.255');
    expect(addressSpecificityBits({ kind: 'range', from: '10.0.0.0', to: '10.0.0.255' })).toBe(24);
    expect(formatFilterAddress({ kind: 'server', server: 'WINS' })).toBe('WINS');
  });

  it('parseMask accepts 0.0.0.0 as written in real scripts', () => {
    expect(parseMask('0.0.0.0')).toEqual({ ok: true, value: '0.0.0.0' });
  });
});

describe('rootca values', () => {
  it('parses the CA name and both flags', () => {
    expect(parseRootCa("CN=Contoso Root CA, DC=contoso, DC=com certmap:yes excludecaname:no")).toEqual({
      ok: true,
      value: { kind: 'certificate', rootCa: 'CN=Contoso Root CA, DC=contoso, DC=com', certmap: true, excludeCaName: false },
    });
  });

  it('defaults the flags to no and turns \\\' into a double quote', () => {
    expect(parseRootCa("O=\\'Acme, Inc\\'")).toEqual({
      ok: true,
      value: { kind: 'certificate', rootCa: 'O="Acme, Inc"', certmap: false, excludeCaName: false },
    });
  });

  it('round-trips through formatRootCa', () => {
    const r = parseRootCa('CN=Root excludecaname:y');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(formatRootCa(r.value)).toBe('CN=Root certmap:no excludecaname:yes');
      expect(parseRootCa(formatRootCa(r.value))).toEqual(r);
      expect(authMethodLabel(r.value)).toBe('Root CA');
    }
  });

  it.each([
    ['certmap:yes', 'cannot be empty'],
    ['CN=Root certmap:maybe', 'not a valid value for certmap'],
    ['CN=Root certmap:yes certmap:no', 'more than once'],
  ])('rejects %s', (text, reason) => {
    const r = parseRootCa(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(reason);
  });
});
