import { describe, expect, it } from 'vitest';
import { createDefaultLocalStore, createEmptyStore } from '../defaults.js';
import { addPolicy } from '../store-ops.js';
import { showAll } from './all.js';
import { showFilterAction } from './actions.js';
import { showFilterList } from './filters.js';
import { showGpoAssignedPolicy, showStore } from './gpo.js';
import { directoryPolicyDn, localPolicyDn, objectGuid } from './guid.js';
import { TABLE_WIDTH } from './labels.js';
import { showText } from './options.js';
import { showPolicy } from './policies.js';
import { showRule } from './rules.js';
import { BARE_CTX, BRANCH, CTX, customStore, unwrap } from './test-fixtures.js';

const store = createDefaultLocalStore();
const SERVER = 'Server (Request Security)';

describe('show policy', () => {
  it('prints the §4.1 normal block', () => {
    expect(showText(showPolicy(store, { name: 'server (request security)' }, {}, CTX))).toBe(
      [
        'Policy Name            : Server (Request Security)',
        'Description            : For all IP traffic, always request security using Kerberos trust. Allow unsecured communication with clients that do not respond to request.',
        'Store                  : Local Store <SERVER01>',
        'Last Modified          : 11/20/2003 10:14:56 AM',
        'Assigned               : NO',
        'Polling Interval       : 180 minutes',
        'Master PFS             : NO',
        'No. of Rules           : 3',
        '',
      ].join('\n'),
    );
  });

  it('keeps "Policy" to the first line, as the admin script of [CV:S35] needs', () => {
    for (const policy of store.policies) {
      const text = showText(showPolicy(store, { name: policy.name }, { level: 'normal' }, CTX));
      const hits = text.split('\n').filter((l) => l.includes('Policy'));
      expect(hits.map((l) => l.replace(/ /g, ''))).toEqual([`PolicyName:${policy.name.replace(/ /g, '')}`]);
    }
  });

  it('says Assigned YES for the assigned policy', () => {
    const text = showText(showPolicy(customStore(), { name: BRANCH }, {}, CTX));
    expect(text).toContain('Assigned               : YES\n');
  });

  it('prints the §4.1 verbose block with methods and rules', () => {
    const text = showText(showPolicy(store, { name: 'Client (Respond Only)' }, { level: 'verbose' }, BARE_CTX));
    expect(text).toBe(
      [
        'Policy Name            : Client (Respond Only)',
        'Description            : Communicate normally (unsecured). Use the default response rule to negotiate with servers that request security. Only the requested protocol and port traffic with that server is secured.',
        'Store                  : Local Store <SERVER01>',
        `GUID                   : ${objectGuid('policy:6')}`,
        'Assigned               : NO',
        'Polling Interval       : 180 minutes',
        'Main Mode Life Time    : 480 minutes / 0 Quick Mode sessions',
        'Master PFS             : NO',
        'Main Mode Security Methods',
        'Encryption  Integrity   DH Group',
        '------------------------------------',
        '3DES        SHA1        Medium(2)',
        '3DES        MD5         Medium(2)',
        'DES         SHA1        Low(1)',
        'DES         MD5         Low(1)',
        '',
        `Rule ID                : 1, GUID = ${objectGuid('rule:7')}`,
        'Rule Name              : NONE',
        'Description            : NONE',
        'Activated              : YES',
        'Connection Type        : ALL',
        'Tunnel IP Address      : NONE',
        'Authentication Methods (1)',
        '--------------------------',
        'Kerberos',
        'FilterList Name        : <Dynamic>',
        'FilterAction Name      : Default Response',
        'Action                 : NEGOTIATE SECURITY',
        'Soft Association       : NO',
        'Inbound Pass-through   : NO',
        'QMPFS                  : NO',
        'Security Methods',
        'AH         ESP          Lifetime(KB/sec)',
        '------------------------------------------',
        'None       3DES  SHA1   100000/3600',
        'None       3DES  MD5    100000/3600',
        'None       DES   SHA1   100000/3600',
        'None       DES   MD5    100000/3600',
        'SHA1       None  None   100000/3600',
        'MD5        None  None   100000/3600',
        '',
      ].join('\n'),
    );
  });

  it('prints one table row per policy, without a time column when no clock is given', () => {
    expect(showText(showPolicy(store, { all: true }, { format: 'table' }, BARE_CTX))).toBe(
      [
        'Policy Name                       Assigned',
        '------------------------------------------',
        'Client (Respond Only)             NO',
        'Secure Server (Require Security)  NO',
        'Server (Request Security)         NO',
        '',
      ].join('\n'),
    );
  });

  it('wide=no cuts long names so rows fit 80 columns; wide=yes keeps them whole', () => {
    const long = `Policy ${'x'.repeat(90)}`;
    const s = unwrap(addPolicy(store, { name: long }));
    const narrow = showText(showPolicy(s, { all: true }, { format: 'table', wide: false }, CTX)).split('\n');
    expect(Math.max(...narrow.map((l) => l.length))).toBeLessThanOrEqual(TABLE_WIDTH);
    expect(narrow.some((l) => /^Policy x+\.\.\. /.test(l))).toBe(true);
    const wide = showText(showPolicy(s, { all: true }, { format: 'table', wide: true }, CTX));
    expect(wide).toContain(`${long}  11/20/2003`);
  });

  it('fails with the store error for a missing policy', () => {
    expect(showText(showPolicy(store, { name: 'Nope' }, {}, CTX))).toBe('ERR IPsec[05001] : Policy with name "Nope" does not exist.\n');
  });
});

describe('show filterlist / filteraction', () => {
  it('rule= shows each linked object once, in store order', () => {
    const lists = showText(showFilterList(store, { rule: 'All IP Traffic' }, { format: 'table' }, BARE_CTX));
    expect(lists).toBe('FilterList Name  Filters\n------------------------\nAll IP Traffic   1\n');
    const actions = showText(showFilterAction(store, { rule: 'all ip traffic' }, { format: 'table' }, BARE_CTX));
    expect(actions.split('\n').slice(2, 4)).toEqual([
      'Request Security (Optional)  NEGOTIATE SECURITY',
      'Require Security             NEGOTIATE SECURITY',
    ]);
  });

  it('resolvedns=yes reverse-resolves single addresses', () => {
    const text = showText(showFilterList(customStore(), { name: 'Web Traffic' }, { level: 'verbose', resolvedns: true }, CTX));
    expect(text).toContain('Destination IP Address : 192.168.1.20\nDestination Mask       : 255.255.255.255\nDestination DNS Name   : web01.contoso.com\n');
  });

  it('fails with the store errors for missing names', () => {
    expect(showText(showFilterList(store, { name: 'Nope' }, {}, CTX))).toBe('ERR IPsec[05003] : Filter List with name "Nope" does not exist.\n');
    expect(showText(showFilterAction(store, { name: 'Nope' }, {}, CTX))).toBe('ERR IPsec[05005] : Filter Action with name "Nope" does not exist.\n');
    expect(showText(showFilterList(store, { rule: 'Nope' }, {}, CTX))).toBe('ERR IPsec[05007] : Rule with name "Nope" does not exist.\n');
  });
});

describe('show rule', () => {
  const custom = customStore();

  it('prints the normal block of one rule by name', () => {
    expect(showText(showRule(custom, { policy: BRANCH, rule: { name: 'web' } }, {}, BARE_CTX))).toBe(
      [
        'Rule ID                : 1',
        'Rule Name              : Web',
        'Description            : NONE',
        'Activated              : YES',
        'Connection Type        : ALL',
        'Tunnel IP Address      : NONE',
        'FilterList Name        : Web Traffic',
        'FilterAction Name      : Require ESP 3DES',
        '',
      ].join('\n'),
    );
  });

  it('reaches the default response rule by id or by default', () => {
    const byId = showText(showRule(custom, { policy: BRANCH, rule: { id: 3 } }, { format: 'table' }, BARE_CTX));
    const byDefault = showText(showRule(custom, { policy: BRANCH, rule: { default: true } }, { format: 'table' }, BARE_CTX));
    expect(byId).toBe(byDefault);
    expect(byId).toContain('3   NONE       <Dynamic>        Default Response');
  });

  it('type= keeps only tunnel or transport rules', () => {
    const tunnel = showText(showRule(custom, { policy: BRANCH, rule: { all: true }, type: 'tunnel' }, { format: 'table' }, BARE_CTX));
    expect(tunnel.split('\n').slice(2, -1)).toEqual(['2   To HQ      Tunnel Net       Block              192.168.1.1  NO']);
    const transport = showText(showRule(custom, { policy: BRANCH, rule: { all: true }, type: 'transport' }, { format: 'table' }, BARE_CTX));
    expect(transport.split('\n').slice(2, -1).map((l) => l.slice(0, 1))).toEqual(['1', '3']);
    expect(showText(showRule(custom, { policy: BRANCH, rule: { name: 'Web' }, type: 'tunnel' }, {}, CTX))).toBe(
      'ERR IPsec[05007] : Rule with name "Web" does not exist in Policy "Branch Office".\n',
    );
  });

  it('fails for a missing policy or rule', () => {
    expect(showText(showRule(custom, { policy: 'Nope', rule: { all: true } }, {}, CTX))).toBe(
      'ERR IPsec[05001] : Policy with name "Nope" does not exist.\n',
    );
    expect(showText(showRule(custom, { policy: BRANCH, rule: { id: 9 } }, {}, CTX))).toBe(
      'ERR IPsec[05007] : Rule with ID 9 does not exist in Policy "Branch Office".\n',
    );
  });
});

describe('show store / gpoassignedpolicy / all', () => {
  it('names the current store', () => {
    expect(showStore(store, CTX)).toBe('Current Store          : Local Store <SERVER01>\n');
    expect(showStore(createEmptyStore('persistent'), CTX)).toBe('Current Store          : Persistent Store <SERVER01>\n');
    expect(showStore(createEmptyStore('domain'), { ...CTX, domain: 'contoso.com' })).toBe(
      'Current Store          : Domain Store <contoso.com>\n',
    );
  });

  it('shows what reaches the computer through Group Policy', () => {
    const policy = store.policies[1] ?? { id: 'x' };
    const facts = {
      computerName: 'SERVER01',
      inDomain: true,
      localPolicy: { name: SERVER, dn: localPolicyDn({ id: 'policy:12' }) },
      directoryPolicy: { name: 'Secure Server (Require Security)', dn: directoryPolicyDn(policy, 'contoso.com') },
      assigningGpo: 'IPSec OU Policy',
      ouDn: 'LDAP://OU=Servers,DC=contoso,DC=com',
      lastChanged: '11/20/2003 10:14:56 AM',
    };
    expect(showText(showGpoAssignedPolicy(facts))).toBe(
      [
        'Source Machine                 : Local Computer GPO (Local Policy)',
        'GPO for <SERVER01>',
        'Local IPsec Policy Name        : Server (Request Security)',
        `Local Policy DN                : SOFTWARE\\Policies\\Microsoft\\Windows\\IPSec\\Policy\\Local\\ipsecPolicy${objectGuid('policy:12')}`,
        'Active Directory Policy Name   : Secure Server (Require Security)',
        `Active Directory Policy DN     : LDAP://CN=ipsecPolicy${objectGuid('policy:8')},CN=IP Security,CN=System,DC=contoso,DC=com`,
        'Active Directory GPO Name      : IPSec OU Policy',
        'Active Directory OU Name       : LDAP://OU=Servers,DC=contoso,DC=com',
        'Last Changed                   : 11/20/2003 10:14:56 AM',
        'Policy Assigned                : Yes',
        '',
      ].join('\n'),
    );
    const gpo = showText(showGpoAssignedPolicy({ ...facts, gpoName: 'IPSec OU Policy' }));
    expect(gpo.split('\n').slice(0, 2)).toEqual([
      'GPO Name                       : IPSec OU Policy',
      'Active Directory Policy Name   : Secure Server (Require Security)',
    ]);
  });

  it('prints None and No with nothing assigned, and refuses domain GPOs off the domain', () => {
    const none = showText(showGpoAssignedPolicy({ computerName: 'WS01', inDomain: false }));
    expect(none).toContain('Local IPsec Policy Name        : None\n');
    expect(none).toMatch(/Policy Assigned {16}: No\n$/);
    expect(showText(showGpoAssignedPolicy({ computerName: 'WS01', inDomain: false, gpoName: 'G' }))).toMatch(/^ERR IPsec\[05073\] : /);
    expect(showText(showGpoAssignedPolicy({ computerName: 'WS01', inDomain: true, gpoName: 'G', gpoFound: false }))).toBe(
      'ERR IPsec[05020] : Group Policy object with name "G" does not exist.\n',
    );
  });

  it('show all lists policies, then filter lists, then filter actions; nothing for an empty store', () => {
    const text = showAll(store, {}, CTX);
    const order = ['Policy Name ', 'FilterList Name ', 'FilterAction Name '].map((label) => text.indexOf(label));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).not.toContain('GUID');
    expect(showAll(createEmptyStore('local'), {}, CTX)).toBe('');
  });
});

describe('GUIDs', () => {
  it('are stable, well formed and distinct per object', () => {
    const ids = ['policy:6', 'policy:8', 'rule:7', 'filterlist:1', 'filteraction:3'];
    const guids = ids.map(objectGuid);
    for (const g of guids) expect(g).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\}$/);
    expect(new Set(guids).size).toBe(ids.length);
    expect(objectGuid('policy:6')).toBe(guids[0]);
  });
});
