import { describe, expect, it } from 'vitest';
import type { Action } from '../actions.js';
import { labWith, run } from './testing.js';

const D = 'example.test';
const dir = (change: Extract<Action, { type: 'directory' }>['change']): Action => ({ type: 'directory', domain: D, change });
const TEST_DN = 'OU=Test,DC=example,DC=test';

/** OU Test holding SRV1; GPO "IPSec Test" linked there assigns the domain policy "Domain Secure". */
function directoryLab() {
  return labWith(
    dir({ op: 'create-ou', name: 'Test', parent: 'DC=example,DC=test' }),
    { type: 'move-computer', host: 'SRV1', ou: TEST_DN },
    dir({ op: 'create-gpo', name: 'IPSec Test' }),
    dir({ op: 'link-gpo', gpo: 'IPSec Test', container: TEST_DN }),
    'DC1> netsh',
    'DC1> ipsec static',
    'DC1> set store location=domain domain=example.test',
    'DC1> add policy name="Domain Secure"',
    'DC1> exit',
    dir({ op: 'assign-policy', gpo: 'IPSec Test', policy: 'Domain Secure' }),
    'SRV1> gpupdate',
  );
}

describe('directory and Group Policy predicates', () => {
  const lab = directoryLab();

  it('gpo: exists and assigns a policy', () => {
    expect(run({ gpo: { domain: D, name: 'IPSec Test', policy: 'Domain Secure' } }, lab).pass).toBe(true);
    expect(run({ gpo: { domain: D, name: 'Default Domain Policy', policy: null } }, lab).pass).toBe(true);
    expect(run({ gpo: { domain: D, name: 'IPSec Test', policy: null } }, lab).message).toContain('policy is "Domain Secure", expected none');
    expect(run({ gpo: { domain: D, name: 'Missing' } }, lab).pass).toBe(false);
  });

  it('link: on an OU path or the domain, with order and flags', () => {
    expect(run({ link: { domain: D, gpo: 'IPSec Test', ou: 'Test', order: 1, enabled: true, enforced: false } }, lab).pass).toBe(true);
    expect(run({ link: { domain: D, gpo: 'IPSec Test' } }, lab).message).toContain('not linked to the domain');
    expect(run({ link: { domain: D, gpo: 'Default Domain Policy' } }, lab).pass).toBe(true);
    expect(run({ link: { domain: D, gpo: 'IPSec Test', ou: 'Nowhere' } }, lab).message).toContain('no OU Nowhere');
  });

  it('ou and member', () => {
    expect(run({ ou: { domain: D, path: 'Test', blockInheritance: false } }, lab).pass).toBe(true);
    expect(run({ ou: { domain: D, path: 'Servers/Test', exists: false } }, lab).pass).toBe(true);
    expect(run({ member: { host: 'SRV1', ou: 'Test' } }, lab).pass).toBe(true);
    expect(run({ member: { host: 'SRV2', ou: null } }, lab).pass).toBe(true);
    expect(run({ member: { host: 'SRV2', ou: 'Test' } }, lab).message).toContain('SRV2 is in the Computers container');
  });

  it('gpApplied: what the last refresh applied', () => {
    expect(run({ gpApplied: { host: 'SRV1', gpo: 'IPSec Test' } }, lab).pass).toBe(true);
    expect(run({ gpApplied: { host: 'SRV2', gpo: 'IPSec Test' } }, lab).pass).toBe(false);
    expect(run({ gpApplied: { host: 'SRV2', gpo: 'IPSec Test', applied: false } }, lab).pass).toBe(true);
  });

  it('effective: the policy a host enforces and where it came from', () => {
    expect(run({ effective: { host: 'SRV1', policy: 'Domain Secure', source: 'domain', gpo: 'IPSec Test', persistent: null } }, lab).pass).toBe(true);
    expect(run({ effective: { host: 'SRV2', policy: null } }, lab).pass).toBe(true);
    const wrong = run({ effective: { host: 'SRV2', policy: 'Domain Secure' } }, lab);
    expect(wrong).toMatchObject({ pass: false, message: expect.stringContaining('the active policy is none, expected "Domain Secure"') });
  });
});
