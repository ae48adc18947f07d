import { describe, expect, it } from 'vitest';
import { transcript, twoHosts, type } from '../helpers/console-transcript.js';

const DEFAULT_DOMAIN_POLICY = '{31B2F340-016D-11D2-945F-00C04FB984F9}';

describe('the domain store and assignment through a GPO', () => {
  it('edits the domain container, ignores assign there, and assigns with gponame', () => {
    const lab = twoHosts();
    const localBefore = JSON.stringify(lab.host('SRV1')?.stores.local);
    const screen = transcript(lab, 'SRV1', [
      'netsh -c "ipsec static"',
      'set store location=domain',
      'show store',
      'add filterlist "Domain Web"',
      'add filter "Domain Web" me any protocol=tcp srcport=80',
      'add filteraction "Domain ESP" qmsec="ESP[3DES,SHA1]"',
      'add policy "Domain Policy" assign=yes',
      'add rule "Web" "Domain Policy" "Domain Web" "Domain ESP" kerberos=yes',
      'set policy "Domain Policy" gponame="Default Domain Policy"',
      'set policy "Domain Policy" gponame="No Such GPO"',
      'exit',
    ]);
    expect(screen).toBe(
      [
        'C:\\Documents and Settings\\Administrator>netsh -c "ipsec static"',
        'netsh ipsec static>set store location=domain',
        'netsh ipsec static>show store',
        'Current Store          : Domain Store <example.test>',
        'netsh ipsec static>add filterlist "Domain Web"',
        'netsh ipsec static>add filter "Domain Web" me any protocol=tcp srcport=80',
        'netsh ipsec static>add filteraction "Domain ESP" qmsec="ESP[3DES,SHA1]"',
        'netsh ipsec static>add policy "Domain Policy" assign=yes',
        'netsh ipsec static>add rule "Web" "Domain Policy" "Domain Web" "Domain ESP" kerberos=yes',
        'netsh ipsec static>set policy "Domain Policy" gponame="Default Domain Policy"',
        'netsh ipsec static>set policy "Domain Policy" gponame="No Such GPO"',
        'ERR IPsec[05027] : Group Policy object with name "No Such GPO" does not exist.',
        'netsh ipsec static>exit',
        '',
        '',
      ].join('\n'),
    );
    const domain = lab.world.directory.domains['example.test'];
    const policy = domain?.ipsecStore.policies.find((p) => p.name === 'Domain Policy');
    expect(policy?.assigned).toBe(false);
    expect(policy?.rules.map((r) => r.name)).toEqual(['Web', '']);
    expect(domain?.gpos[DEFAULT_DOMAIN_POLICY]?.ipsecPolicy).toBe('Domain Policy');
    expect(JSON.stringify(lab.host('SRV1')?.stores.local)).toBe(localBefore);

    // SRV2 picks the assignment up at its next Group Policy refresh.
    type(lab, 'SRV2', 'gpupdate /force');
    expect(lab.host('SRV2')?.gp.domainPolicy?.policyName).toBe('Domain Policy');
    expect(type(lab, 'SRV2', 'netsh ipsec static show gpoassignedpolicy')).toContain('Active Directory GPO Name      : Default Domain Policy\n');
  });

  it('keeps GPO assignments when a domain policy is renamed', () => {
    const lab = twoHosts();
    type(lab, 'DC1', 'netsh');
    type(lab, 'DC1', 'ipsec static');
    type(lab, 'DC1', 'set store location=domain domain=EXAMPLE');
    type(lab, 'DC1', 'add policy Old');
    type(lab, 'DC1', 'set policy Old gponame="Default Domain Controllers Policy"');
    type(lab, 'DC1', 'set policy Old newname=New');
    const gpos = lab.world.directory.domains['example.test']?.gpos ?? {};
    expect(Object.values(gpos).map((g) => g.ipsecPolicy)).toEqual([null, 'New']);
  });

  it('refuses gponame outside the domain store and a domain that does not exist', () => {
    const lab = twoHosts();
    const before = JSON.stringify(lab.world);
    expect(type(lab, 'SRV1', 'netsh ipsec static set policy "Client (Respond Only)" gponame="Default Domain Policy"')).toBe(
      'ERR IPsec[05028] : gponame can be used only when the current store is a domain store.\n\n',
    );
    expect(type(lab, 'SRV1', 'netsh ipsec static set store location=domain domain=contoso.com')).toBe(
      'ERR IPsec[05073] : The policy store of domain "contoso.com" could not be opened.\n\n',
    );
    expect(JSON.stringify(lab.world)).toBe(before);
  });

  it('cannot open the domain store while the domain controller is off', () => {
    const lab = twoHosts();
    lab.apply({ type: 'power', host: 'DC1', online: false });
    expect(type(lab, 'SRV1', 'netsh ipsec static set store location=domain')).toBe(
      'ERR IPsec[05073] : The policy store of domain "example.test" could not be opened.\n\n',
    );
  });
});

describe('netsh ipsec dynamic on the live SPD', () => {
  it('adds policies and a rule, shows them, and loses them when IPSEC Services stops', () => {
    const lab = twoHosts();
    const D = 'netsh ipsec dynamic';
    expect(type(lab, 'SRV1', `${D} add mmpolicy MM1 mmsec="3DES-SHA1-2"`)).toBe('\n');
    expect(type(lab, 'SRV1', `${D} add qmpolicy QM1 qmsec="ESP[3DES,SHA1]"`)).toBe('\n');
    expect(type(lab, 'SRV1', `${D} add rule me 192.168.1.20 MM1 QM1 protocol=tcp dstport=445`)).toBe('\n');
    expect(type(lab, 'SRV1', `${D} add mmpolicy MM1`)).toBe('The specified main mode policy already exists.\n\n');
    expect(type(lab, 'SRV1', `${D} set config ipsecloginterval 600`)).toBe('\n');
    expect(type(lab, 'SRV1', `${D} show rule`)).toContain('Destination Port       : 445\n');
    expect(lab.host('SRV1')?.spd.qmFilters).toHaveLength(1);
    type(lab, 'SRV1', 'net stop policyagent');
    expect(type(lab, 'SRV1', `${D} show rule`)).toBe('ERR IPsec[05073] : IPSEC Services is not running, so the SPD cannot be opened.\n\n');
    type(lab, 'SRV1', 'net start policyagent');
    const spd = lab.host('SRV1')?.spd;
    expect([spd?.mmPolicies.length, spd?.qmFilters.length, spd?.config.ipsecloginterval]).toEqual([0, 0, 600]);
  });
});
