import { describe, expect, it } from 'vitest';
import { builtInLab, Lab, type LabSpec } from '../../engine/index.js';
import { usage } from '../../engine/ipseccmd/labels.js';
import { CMD, transcript, twoHosts, type } from '../helpers/console-transcript.js';

const USAGE = `${usage('ipseccmd').join('\n')}\n\n`;
const NOT_RECOGNIZED = (name: string) => `'${name}' is not recognized as an internal or external command,\noperable program or batch file.\n\n`;

/** The default lab with the 2000 Resource Kit installed on W2K1. */
function withResourceKit(): Lab {
  const spec = builtInLab('two-hosts') as LabSpec;
  return new Lab({ ...spec, hosts: spec.hosts.map((h) => (h.name === 'W2K1' ? { ...h, tools: ['resource-kit'] as const } : h)) });
}

function run(lab: Lab, host: string, line: string): { output: string; errorLevel: number } {
  const outcome = lab.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return { output: outcome.shell?.output ?? '', errorLevel: outcome.shell?.errorLevel ?? 0 };
}

const json = (value: unknown) => JSON.stringify(value);

describe('which Windows has ipseccmd and ipsecpol (§7.1)', () => {
  it('ipseccmd runs on XP only; 2003 and 2000 do not know it', () => {
    const lab = twoHosts();
    expect(run(lab, 'WS1', 'ipseccmd /?')).toEqual({ output: USAGE, errorLevel: 0 });
    expect(run(lab, 'WS1', 'ipseccmd.exe -?').output).toBe(USAGE);
    for (const host of ['SRV1', 'W2K1']) expect(run(lab, host, 'ipseccmd show all')).toEqual({ output: NOT_RECOGNIZED('ipseccmd'), errorLevel: 9009 });
  });

  it('ipsecpol runs on Windows 2000 only when the lab installed the Resource Kit', () => {
    expect(run(twoHosts(), 'W2K1', 'ipsecpol -f 0=*')).toEqual({ output: NOT_RECOGNIZED('ipsecpol'), errorLevel: 9009 });
    expect(run(twoHosts(), 'WS1', 'ipsecpol -f 0=*').output).toBe(NOT_RECOGNIZED('ipsecpol'));
    const lab = withResourceKit();
    expect(lab.host('W2K1')?.tools).toEqual(['resource-kit']);
    expect(run(lab, 'W2K1', 'ipsecpol -f 0=* -n PASS')).toEqual({ output: '1 filter was added to the IPSec Security Policies Database.\n\n', errorLevel: 0 });
    expect(run(lab, 'W2K1', 'ipsecpol /?').output).toBe(`${usage('ipsecpol').join('\n')}\n\n`);
    expect(usage('ipsecpol').join('\n')).not.toContain('show');
  });

  it('a host spec without tools gets none', () => {
    expect(twoHosts().host('W2K1')?.tools).toEqual([]);
  });
});

describe('ipseccmd command line errors print one ERROR line and the usage', () => {
  const cases: readonly [string, string][] = [
    ['ipseccmd', 'No arguments were given.'],
    ['ipseccmd -q', '"-q" is not a valid flag.'],
    ['ipseccmd stray', '"stray" does not follow a flag that takes a value.'],
    ['ipseccmd -f 0=* -t 1.2.3.4 5.6.7.8', '"5.6.7.8" does not follow a flag that takes a value.'],
    ['ipseccmd -f', '-f needs a value.'],
    ['ipseccmd -f 0=* -f *=0', '-f is given more than once.'],
    ['ipseccmd -u -f 0=*', '-u deletes all dynamic policy and takes no other flags.'],
    ['ipseccmd -n BLOCK', 'Dynamic mode needs filters: give -f FilterList.'],
    ['ipseccmd -f 0=* -x', '-x is only valid in static mode (with -w).'],
    ['ipseccmd -w REG -r R -f 0=*', 'Static mode needs a policy name: give -p PolicyName.'],
    ['ipseccmd -w REG -p P -f 0=*', 'Give a rule name with -r for the filters of a static rule.'],
    ['ipseccmd -w REG -p P -r R', "-r needs the rule's filters: give -f FilterList."],
    ['ipseccmd -w REG -p P -x -y', '-x and -y cannot be used together.'],
    ['ipseccmd -w REG -p P -o -x', '-o deletes the policy and cannot be combined with -f, -x or -y.'],
    ['ipseccmd -w REG -p P -r R -f (0=*) [*=0]', 'The filters of one static rule must all be plain, all (pass) or all [block].'],
    ['ipseccmd -w XYZ -p P', '"XYZ" is not a policy store: use REG or DS[:Domain].'],
    ['ipseccmd -w REG -p P:0', '"0" is not a polling interval: give whole minutes, 1 or more.'],
    ['ipseccmd -f 0=* -dialup -lan', '-dialup and -lan cannot be used together.'],
    ['ipseccmd -f 0*', 'Filter "0*" is not valid: write Source=Destination (mirrored) or Source+Destination (one way).'],
    ['ipseccmd -f 0=*=1.2.3.4', 'Filter "0=*=1.2.3.4" is not valid: write Source=Destination (mirrored) or Source+Destination (one way).'],
    ['ipseccmd -f 0=1.2.3', 'Filter "0=1.2.3" is not valid: "1.2.3" is not an IP address or a DNS name.'],
    ['ipseccmd -f 0/24=*', 'Filter "0/24=*" is not valid: a mask can only follow an IP address.'],
    ['ipseccmd -f 10.0.0.0/255.0.255.0=*', 'Filter "10.0.0.0/255.0.255.0=*" is not valid: "255.0.255.0" is not a mask.'],
    ['ipseccmd -f 0=*:ICMP', 'Filter "0=*:ICMP" is not valid: "ICMP" is not a port (0-65535); write ::ICMP to give a protocol without ports.'],
    ['ipseccmd -f 0=*::GRE', 'Filter "0=*::GRE" is not valid: "GRE" is not a protocol: use TCP, UDP, ICMP, RAW or a number 0-255.'],
    ['ipseccmd -f 0:80:TCP=*', 'Filter "0:80:TCP=*" is not valid: the protocol goes at the end, after the destination port.'],
    ['ipseccmd -f 0=*::TCP:9', 'Filter "0=*::TCP:9" is not valid: too many ":" parts.'],
    ['ipseccmd -f 0=* -n BLOCK PASS', 'BLOCK cannot be combined with other negotiation policies.'],
    ['ipseccmd -f 0=* -n ESP[AES,SHA]', 'Negotiation policy "ESP[AES,SHA]" is not valid: write ESP[ConfAlg,HashAlg], AH[HashAlg] or AH[HashAlg]+ESP[ConfAlg,HashAlg] with DES, 3DES or NONE and MD5, SHA or NONE.'],
    ['ipseccmd -f 0=* -n ESP[3DES,SHA1]', 'Negotiation policy "ESP[3DES,SHA1]" is not valid: write ESP[ConfAlg,HashAlg], AH[HashAlg] or AH[HashAlg]+ESP[ConfAlg,HashAlg] with DES, 3DES or NONE and MD5, SHA or NONE.'],
    ['ipseccmd -f 0=* -n ESP[3DES,SHA]99X', 'Negotiation policy "ESP[3DES,SHA]99X" is not valid: a rekey is NK, NS or NK/NS, then optionally PFS or PFS1-PFS3.'],
    ['ipseccmd -f 0=* -n ESP[NONE,NONE]', 'Negotiation policy "ESP[NONE,NONE]" is not valid: "ESP[None,None]" is not valid: ESP[None,None] protects nothing; give an encryption or an integrity algorithm.'],
    ['ipseccmd -f 0=* -n ESP[DES,MD5]10S', 'Negotiation policy "ESP[DES,MD5]10S" is not valid: Lifetime in seconds in "ESP[DES,MD5]:100000k/10s": 10 is out of range: it must be between 300 and 172800.'],
    ['ipseccmd -f 0=* -a X:1', 'Authentication method "X:1" is not valid: use K, P:"key" or C:"CA name".'],
    ['ipseccmd -f 0=* -a P:', 'Authentication method "P:" is not valid: use K, P:"key" or C:"CA name".'],
    ['ipseccmd -f 0=* -a K K', 'Authentication method "K" is given more than once.'],
    ['ipseccmd -f 0=* -1s 3DES-SHA-5', 'Main mode method "3DES-SHA-5" is not valid: the group must be 1, 2, 3.'],
    ['ipseccmd -f 0=* -1s AES-SHA-2', 'Main mode method "AES-SHA-2" is not valid: write ConfAlg-HashAlg-Group with DES or 3DES, MD5 or SHA, and a group.'],
    ['ipseccmd -f 0=* -1k 10Q/5Q', '"10Q/5Q" is not a main mode rekey setting: use NQ, NS or NQ/NS, e.g. 10Q/28800S.'],
    ['ipseccmd -f 0=* -1e 0', '"0" is not a soft SA expiration time: give seconds, 1 or more.'],
    ['ipseccmd -f 0=* -t me', '"me" is not a tunnel endpoint: give an IP address or a DNS name.'],
    ['ipseccmd -f 0=* -1f 0=*', '-1f is not available in IPSec Lab yet: main mode filters follow the -f filters.'],
    ['ipseccmd show', 'show needs what to display: filters, policies, auth, stats, sas or all.'],
    ['ipseccmd show everything', '"everything" is not something show can display: use filters, policies, auth, stats, sas or all.'],
  ];

  it.each(cases)('%s', (line, problem) => {
    const lab = twoHosts();
    const before = json(lab.world);
    expect(run(lab, 'WS1', line)).toEqual({ output: `ERROR: ${problem}\n\n${USAGE}`, errorLevel: 1 });
    // A refused line leaves the world as it was.
    expect(json(lab.world)).toBe(before);
  });

  it('ipsecpol has no query mode and no 2048-bit group', () => {
    const lab = withResourceKit();
    const pol = `${usage('ipsecpol').join('\n')}\n\n`;
    expect(run(lab, 'W2K1', 'ipsecpol show all').output).toBe(`ERROR: show is not a valid flag.\n\n${pol}`);
    expect(run(lab, 'W2K1', 'ipsecpol -f 0=* -1s 3DES-SHA-3').output).toBe(`ERROR: Main mode method "3DES-SHA-3" is not valid: the group must be 1, 2.\n\n${pol}`);
  });
});

describe('ipseccmd dynamic mode: rules straight into the SPD', () => {
  it('adds policies and one rule per filter, as netsh ipsec dynamic would', () => {
    const lab = twoHosts();
    const line = 'ipseccmd -f 0=192.168.1.10:0:TCP 0+*::ICMP -n ESP[3DES,SHA]50000K/1800SPFS2 AH[MD5] -a P:"lab key" K -1s 3DES-SHA-2 -1k 5Q/3600S -1e 600 -soft -lan';
    expect(transcript(lab, 'WS1', [line])).toBe(`${CMD}${line}\n2 filters were added to the IPSec Security Policies Database.\n\n`);
    const spd = lab.host('WS1')?.spd;
    expect(spd?.mmPolicies).toMatchObject([{ name: 'ipseccmd MM Policy 1', qmpermm: 5, mmlifetime: 60, softsaexpirationtime: 600, offers: [{ encryption: '3DES', integrity: 'SHA1', dhGroup: 2 }] }]);
    expect(spd?.qmPolicies).toMatchObject([
      {
        name: 'ipseccmd QM Policy 1',
        soft: true,
        pfsgroup: 'GRP2',
        offers: [
          { ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 50000, lifetimeSeconds: 1800 },
          { ah: 'MD5', esp: null, lifetimeKBytes: 100000, lifetimeSeconds: 3600 },
        ],
      },
    ]);
    expect(spd?.qmFilters).toMatchObject([
      { srcaddr: { kind: 'me' }, dstaddr: { kind: 'host', address: '192.168.1.10' }, protocol: 6, mirrored: true, conntype: 'lan', actioninbound: 'negotiate' },
      { srcaddr: { kind: 'me' }, dstaddr: { kind: 'any' }, protocol: 1, mirrored: false, conntype: 'lan' },
    ]);
    expect(spd?.mmFilters[0]?.authMethods).toEqual([{ kind: 'psk', key: 'lab key' }, { kind: 'kerberos' }]);
  });

  it('maps BLOCK, PASS, INPASS and bracketed filters to the rule actions; -t makes tunnel rules', () => {
    const lab = twoHosts();
    run(lab, 'WS1', 'ipseccmd -f 0=10.1.0.0/16 -n BLOCK');
    run(lab, 'WS1', 'ipseccmd -f 0=10.2.0.0/255.255.0.0 -n PASS');
    run(lab, 'WS1', 'ipseccmd -f 0=10.3.0.0/16 -n INPASS');
    run(lab, 'WS1', 'ipseccmd -f (0=10.4.0.0/16) [0=10.5.0.0/16]');
    run(lab, 'WS1', 'ipseccmd -f 0+10.6.0.0/16 -t 192.168.1.10');
    const actions = lab.host('WS1')?.spd.qmFilters.map((f) => `${f.actioninbound}/${f.actionoutbound}/${f.mode}`);
    expect(actions).toEqual(['block/block/transport', 'permit/permit/transport', 'permit/negotiate/transport', 'permit/permit/transport', 'block/block/transport', 'negotiate/negotiate/tunnel']);
    expect(lab.host('WS1')?.spd.qmFilters[5]).toMatchObject({ tunnelDst: '192.168.1.10', dstaddr: { kind: 'subnet', address: '10.6.0.0', mask: '255.255.0.0' } });
    // Same settings each time: one MM policy and one QM policy serve every run.
    expect(lab.host('WS1')?.spd.mmPolicies.map((p) => p.name)).toEqual(['ipseccmd MM Policy 1']);
    expect(lab.host('WS1')?.spd.qmPolicies.map((p) => p.name)).toEqual(['ipseccmd QM Policy 1']);
  });

  it('-u deletes all dynamic policy', () => {
    const lab = twoHosts();
    run(lab, 'WS1', 'ipseccmd -f 0=*');
    expect(run(lab, 'WS1', 'ipseccmd -u').output).toBe('All dynamic policies were deleted from the IPSec Security Policies Database.\n\n');
    expect(lab.host('WS1')?.spd).toMatchObject({ mmPolicies: [], qmPolicies: [], mmFilters: [], qmFilters: [] });
  });

  it('builds the same SPD as the equivalent netsh ipsec dynamic commands', () => {
    const lab = twoHosts();
    run(lab, 'WS1', 'ipseccmd \\\\SRV1 -f 0=192.168.1.20::TCP -n ESP[3DES,SHA] -a P:"k1"');
    const netsh = [
      'add mmpolicy name="ipseccmd MM Policy 1"',
      'add qmpolicy name="ipseccmd QM Policy 1" qmsec="ESP[3DES,SHA1]"',
      'add rule srcaddr=me dstaddr=192.168.1.20 mmpolicy="ipseccmd MM Policy 1" qmpolicy="ipseccmd QM Policy 1" protocol=TCP psk="k1"',
    ];
    for (const l of netsh) expect(run(lab, 'SRV2', `netsh ipsec dynamic ${l}`).errorLevel).toBe(0);
    expect(json(lab.host('SRV1')?.spd)).toBe(json(lab.host('SRV2')?.spd));
  });

  it('refuses what the SPD refuses, and changes nothing', () => {
    const lab = twoHosts();
    run(lab, 'WS1', 'ipseccmd -f 0=192.168.1.10 -a K');
    const before = json(lab.world);
    // One main mode filter per peer: the same peer with other authentication clashes (13006).
    expect(run(lab, 'WS1', 'ipseccmd -f 0=192.168.1.10::TCP -a P:"x"')).toEqual({ output: 'ERROR: The specified main mode filter already exists.\n\n', errorLevel: 1 });
    expect(run(lab, 'WS1', 'ipseccmd -f 0=192.168.1.10 -a K').output).toBe('ERROR: The specified transport mode filter already exists.\n\n');
    expect(run(lab, 'WS1', 'ipseccmd -f 0=nosuchhost.example.test').output).toBe('ERROR: The DNS name "nosuchhost.example.test" could not be resolved.\n\n');
    expect(json(lab.world)).toBe(before);
  });
});

describe('ipseccmd static mode: policies in the registry or the directory', () => {
  const RULE = '-r "Web" -f *=0:80:TCP -n ESP[3DES,SHA]3600S/50000KPFS -a K P:"my key"';

  it('creates, assigns and reports a policy with its rule', () => {
    const lab = twoHosts();
    const line = `ipseccmd -w REG -p "Web Policy":60 ${RULE} -1s 3DES-SHA-2 -x`;
    expect(run(lab, 'WS1', line)).toEqual({
      output: 'Policy "Web Policy" was saved in the local registry.\nRule "Web" now has 1 filter.\nPolicy "Web Policy" is assigned.\n\n',
      errorLevel: 0,
    });
    const store = lab.host('WS1')?.stores.local;
    const policy = store?.policies.find((p) => p.name === 'Web Policy');
    expect(policy).toMatchObject({ assigned: true, pollinginterval: 60, mmsecmethods: [{ encryption: '3DES', integrity: 'SHA1', dhGroup: 2 }] });
    expect(policy?.rules[0]).toMatchObject({ name: 'Web', authMethods: [{ kind: 'kerberos' }, { kind: 'psk', key: 'my key' }] });
    expect(store?.filterActions.find((a) => a.name === 'Web')).toMatchObject({ action: 'negotiate', qmpfs: true, inpass: false, qmsecmethods: [{ lifetimeKBytes: 50000, lifetimeSeconds: 3600 }] });
    expect(run(lab, 'WS1', 'netdiag /test:ipsec').output).toContain("Local IPSec Policy Active: 'Web Policy'");
    expect(run(lab, 'WS1', 'ipseccmd -w REG -p "Web Policy" -y').output).toBe('Policy "Web Policy" was saved in the local registry.\nPolicy "Web Policy" is no longer assigned.\n\n');
    expect(lab.host('WS1')?.stores.local.policies.some((p) => p.assigned)).toBe(false);
  });

  it('builds the same store as the equivalent netsh ipsec static commands', () => {
    const lab = twoHosts();
    run(lab, 'WS1', `ipseccmd \\\\SRV1 -w REG -p "Web Policy":60 ${RULE} -1p -x`);
    const netsh = [
      'add policy name="Web Policy" pollinginterval=60 mmpfs=yes',
      'add filterlist name="Web"',
      'add filter filterlist="Web" srcaddr=any dstaddr=me protocol=TCP dstport=80 mirrored=yes',
      'add filteraction name="Web" action=negotiate qmpfs=yes qmsec="ESP[3DES,SHA1]:50000k/3600s"',
      'add rule name="Web" policy="Web Policy" filterlist="Web" filteraction="Web" kerberos=yes psk="my key"',
      'set policy name="Web Policy" assign=yes',
    ];
    for (const l of netsh) expect(run(lab, 'SRV2', `netsh ipsec static ${l}`).errorLevel).toBe(0);
    expect(json(lab.host('SRV1')?.stores.local)).toBe(json(lab.host('SRV2')?.stores.local));
  });

  it('rebuilds an existing rule from the new line, and -o deletes the policy with its own lists and actions', () => {
    const lab = twoHosts();
    run(lab, 'WS1', `ipseccmd -w REG -p P ${RULE}`);
    run(lab, 'WS1', 'ipseccmd -w REG -p P -r "Web" -f [*=0:23:TCP] [*=0:21:TCP]');
    const store = () => lab.host('WS1')?.stores.local;
    expect(store()?.filterLists.find((l) => l.name === 'Web')?.filters.map((f) => f.dstport)).toEqual([23, 21]);
    expect(store()?.filterActions.find((a) => a.name === 'Web')?.action).toBe('block');
    expect(store()?.policies.find((p) => p.name === 'P')?.rules.map((r) => r.name)).toEqual(['Web', '']);
    expect(run(lab, 'WS1', 'ipseccmd -w REG -p P -o').output).toBe('Policy "P" was deleted.\n\n');
    expect(store()?.policies.some((p) => p.name === 'P')).toBe(false);
    expect(store()?.filterLists.some((l) => l.name === 'Web')).toBe(false);
    expect(store()?.filterActions.some((a) => a.name === 'Web')).toBe(false);
    expect(run(lab, 'WS1', 'ipseccmd -w REG -p P -o')).toEqual({ output: 'ERROR: Policy with name "P" does not exist.\n\n', errorLevel: 1 });
  });

  it('writes to the domain store with -w DS, where -x assigns nothing (GPOs do)', () => {
    const lab = twoHosts();
    expect(run(lab, 'WS1', 'ipseccmd -w DS -p "Domain Web" -r R -f 0=* -x').output).toBe(
      'Policy "Domain Web" was saved in the directory of example.test.\nRule "R" now has 1 filter.\nPolicy "Domain Web" is in the directory: a Group Policy object assigns it, so -x and -y change nothing.\n\n',
    );
    const store = lab.world.directory.domains['example.test']?.ipsecStore;
    expect(store?.policies.map((p) => [p.name, p.assigned])).toEqual([['Domain Web', false]]);
    expect(run(lab, 'WS1', 'ipseccmd -w DS:nowhere.test -p X').output).toBe('ERROR: The policy store of domain "nowhere.test" could not be opened.\n\n');
  });
});

describe('ipseccmd query mode', () => {
  it('lists filters, policies and authentication of the SPD in its own layout', () => {
    const lab = twoHosts();
    run(lab, 'WS1', 'ipseccmd -f [*+0:1434:UDP] -a P:"k"');
    expect(run(lab, 'WS1', 'ipseccmd show filters auth').output).toBe(
      [
        'Main Mode Filters',
        '-----------------',
        'Name                      : {00000000-0000-0000-0000-000000000003}',
        'Connection Type           : All',
        'Source                    : Any',
        'Destination               : Me',
        'Mirrored                  : No',
        'Main Mode Policy          : ipseccmd MM Policy 1',
        'Authentication            : Preshared Key "k"',
        '',
        'Quick Mode Filters',
        '------------------',
        'Name                      : {00000000-0000-0000-0000-000000000005}',
        'Connection Type           : All',
        'Source                    : Any',
        'Destination               : Me',
        'Protocol                  : UDP',
        'Source Port               : 0',
        'Destination Port          : 1434',
        'Mirrored                  : No',
        'Inbound Action            : Block',
        'Outbound Action           : Block',
        'Quick Mode Policy         : None',
        'Main Mode Policy          : ipseccmd MM Policy 1',
        '',
        'Main Mode Authentication Methods',
        '--------------------------------',
        'Used By                   : {00000000-0000-0000-0000-000000000003}',
        'Authentication 1          : Preshared Key "k"',
        '',
        '',
      ].join('\n'),
    );
    expect(run(lab, 'WS1', 'ipseccmd show policies').output).toContain('Offers                    : 3DES-SHA1-2\n                            3DES-MD5-2\n');
  });

  it('shows the IKE counters and security associations, and all of it with show all', () => {
    const lab = twoHosts();
    const stats = run(lab, 'WS1', 'ipseccmd show stats').output;
    expect(stats).toContain('IKE Statistics\n--------------\nActive Acquire                  : 0\n');
    expect(stats).toContain('IPSec Statistics\n----------------\nActive Security Associations    : 0\n');
    expect(run(lab, 'WS1', 'ipseccmd show sas').output).toBe(
      'Main Mode Security Associations\n-------------------------------\nThere are no main mode security associations.\n\nQuick Mode Security Associations\n--------------------------------\nThere are no quick mode security associations.\n\n',
    );
    const all = run(lab, 'WS1', 'ipseccmd show all').output;
    const order = ['Main Mode Filters', 'Main Mode Policies', 'Main Mode Authentication Methods', 'IKE Statistics', 'Main Mode Security Associations'];
    expect(order.map((h) => all.indexOf(h))).toEqual([...order.map((h) => all.indexOf(h))].sort((a, b) => a - b));
    expect(run(lab, 'WS1', 'ipseccmd show all filters').output).toBe(all);
  });
});

describe('ipseccmd failures after the command line was understood', () => {
  it('names computers it cannot reach, refuses Windows 2000 targets, and needs IPSEC Services', () => {
    const lab = twoHosts();
    expect(run(lab, 'WS1', 'ipseccmd \\\\NOSUCH show all')).toEqual({ output: 'ERROR: Could not connect to computer NOSUCH. The RPC server is unavailable.\n\n', errorLevel: 1 });
    expect(run(lab, 'WS1', 'ipseccmd \\\\w2k1 -f 0=*').output).toBe('ERROR: W2K1 runs Windows 2000: ipseccmd cannot configure it. Use ipsecpol there.\n\n');
    expect(type(lab, 'WS1', 'net stop policyagent')).toContain('stopped successfully');
    for (const line of ['ipseccmd show all', 'ipseccmd -f 0=*', 'ipseccmd -u']) {
      expect(run(lab, 'WS1', line).output).toBe('ERROR: IPSEC Services is not running, so the IPSec Security Policies Database cannot be opened.\n\n');
    }
    // The stored policy lives in the registry: static mode works without the service.
    expect(run(lab, 'WS1', 'ipseccmd -w REG -p Offline').errorLevel).toBe(0);
  });

  it('reaches another lab computer by name or address', () => {
    const lab = twoHosts();
    expect(run(lab, 'WS1', 'ipseccmd \\\\192.168.1.20 -f 0=* -n PASS').errorLevel).toBe(0);
    expect(lab.host('SRV2')?.spd.qmFilters).toHaveLength(1);
    expect(lab.host('WS1')?.spd.qmFilters).toHaveLength(0);
  });

  it('takes quoted names and -confirm (the lab answers Yes)', () => {
    const lab = twoHosts();
    expect(run(lab, 'WS1', 'ipseccmd -w REG -p "Two Words":30 -r "A \\"quoted\\" rule" -f 0=* -confirm').output).toBe(
      'Confirmation: Yes (the lab answers Yes for you).\nPolicy "Two Words" was saved in the local registry.\nRule "A "quoted" rule" now has 1 filter.\n\n',
    );
    expect(lab.host('WS1')?.stores.local.policies.find((p) => p.name === 'Two Words')?.pollinginterval).toBe(30);
  });
});
