import { describe, expect, it } from 'vitest';
import type { Lab } from '../../engine/index.js';
import { twoHosts, type } from '../helpers/console-transcript.js';

const S = 'netsh ipsec static';
const D = 'netsh ipsec dynamic';

function run(lab: Lab, host: string, line: string): { output: string; errorLevel: number } {
  const outcome = lab.apply({ type: 'command', host, line });
  if (!outcome.ok) throw new Error(outcome.error);
  return { output: outcome.shell?.output ?? '', errorLevel: outcome.shell?.errorLevel ?? 0 };
}

function runAll(lab: Lab, host: string, lines: readonly string[]): void {
  for (const line of lines) expect(run(lab, host, line), line).toEqual({ output: '\n', errorLevel: 0 });
}

/**
 * A store or SPD as JSON with its ids (and the GUID-style names the SPD derives from them)
 * replaced by their order of first appearance: two builds compare equal when they hold the
 * same objects linked the same way, whatever numbers the id counters reached.
 */
function normalized(value: unknown): string {
  const ids = new Map<string, string>();
  const label = (id: string) => ids.get(id) ?? (ids.set(id, `#${ids.size}`), `#${ids.size - 1}`);
  return JSON.stringify(value, (key, v: unknown) => {
    if (key === 'nextId') return undefined;
    if (typeof v === 'string' && (key === 'id' || key.endsWith('Id'))) return label(v);
    if (key === 'name' && typeof v === 'string' && /^\{0{8}-/.test(v)) return label(v);
    return v;
  });
}

/** Replays a dump on a fresh lab's SRV1 with `netsh -f` and hands the lab back. */
function replay(script: string): Lab {
  const fresh = twoHosts();
  const host = fresh.host('SRV1');
  if (!host) throw new Error('no SRV1');
  host.files['C:\\replay.txt'] = script;
  expect(run(fresh, 'SRV1', 'netsh -f C:\\replay.txt')).toEqual({ output: '\n', errorLevel: 0 });
  return fresh;
}

const RICH_STORE = [
  `${S} add filterlist "Mixed" description="every kind of address"`,
  `${S} add filter filterlist=Mixed srcaddr=me dstaddr=192.168.1.0 dstmask=24 protocol=TCP dstport=445 mirrored=no description="SMB"`,
  `${S} add filter filterlist=Mixed srcaddr=10.0.0.1-10.0.0.9 dstaddr=me protocol=17 srcport=53`,
  `${S} add filter filterlist=Mixed srcaddr=me dstaddr=DNS`,
  `${S} add filter filterlist=Mixed srcaddr=me dstaddr=srv2.example.test protocol=ICMP`,
  `${S} add filter filterlist=Mixed srcaddr=any dstaddr=me protocol=47`,
  `${S} add filterlist "Empty"`,
  `${S} add filteraction name="Block it" action=block description="drop"`,
  `${S} add filteraction name="Soft" action=negotiate soft=yes inpass=yes qmpfs=yes qmsec="AH[SHA1]+ESP[DES,None]:20480k/300s ESP[None,MD5]"`,
  `${S} add policy name="Custom" description="d" mmpfs=yes mmlifetime=60 pollinginterval=5 activatedefaultrule=no mmsec="3DES-SHA1-3 DES-MD5-1"`,
  `${S} set defaultrule policy=Custom qmpfs=yes qmsec="ESP[3DES,MD5]" rootca="CN=Lab Root certmap:yes excludecaname:no" psk="default key"`,
  `${S} add rule name="R1" policy=Custom filterlist=Mixed filteraction="Block it" conntype=lan activate=no description="first" psk="p" kerberos=yes rootca="CN=Other CA certmap:no excludecaname:yes"`,
  `${S} add rule name="R2" policy=Custom filterlist="All IP Traffic" filteraction="Soft" tunnel=192.168.1.20 conntype=dialup`,
  `${S} set policy name=Custom assign=yes`,
  `${S} delete policy "Client (Respond Only)"`,
  `${S} set filteraction name=Permit description="changed"`,
];

describe('netsh ipsec static dump', () => {
  it('prints a script that rebuilds the store, built-in objects and assignment included', () => {
    const lab = twoHosts();
    runAll(lab, 'SRV1', RICH_STORE);
    const dump = run(lab, 'SRV1', `${S} dump`);
    expect(dump.errorLevel).toBe(0);
    expect(dump.output.startsWith('\n# ----------------------------------\n# IPsec static configuration\n# ----------------------------------\npushd ipsec static\n\nset store location=local\ndelete all\n')).toBe(true);
    expect(dump.output).toContain('add filter filterlist="Mixed" srcaddr=me dstaddr=192.168.1.0 dstmask=255.255.255.0 description="SMB" protocol=TCP mirrored=no srcport=0 dstport=445\n');
    expect(dump.output).toContain('add rule name="R1" policy="Custom" filterlist="Mixed" filteraction="Block it" conntype=lan activate=no description="first" psk="p" kerberos=yes rootca="CN=Other CA certmap:no excludecaname:yes"\n');
    expect(dump.output).toContain('set policy name="Custom" assign=yes\n\npopd\n# End of IPsec static configuration\n');
    const fresh = replay(dump.output);
    expect(normalized(fresh.host('SRV1')?.stores.local)).toBe(normalized(lab.host('SRV1')?.stores.local));
  });

  it('round-trips through a file written with > and replayed on the same host', () => {
    const lab = twoHosts();
    runAll(lab, 'SRV1', RICH_STORE.slice(0, 10));
    const before = normalized(lab.host('SRV1')?.stores.local);
    expect(run(lab, 'SRV1', `${S} dump > C:\\ipsec.txt`)).toEqual({ output: '\n', errorLevel: 0 });
    runAll(lab, 'SRV1', [`${S} delete all`]);
    expect(run(lab, 'SRV1', 'netsh -f C:\\ipsec.txt')).toEqual({ output: '\n', errorLevel: 0 });
    expect(normalized(lab.host('SRV1')?.stores.local)).toBe(before);
  });

  it('dumps the store set store selected: persistent, or a domain with its GPO assignments', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', 'netsh');
    for (const line of ['ipsec static', 'set store location=persistent', 'add policy name=Boot', 'set policy Boot assign=yes']) expect(type(lab, 'SRV1', line)).toBe('');
    const persistent = type(lab, 'SRV1', 'dump');
    expect(persistent).toContain('set store location=persistent\ndelete all\nadd policy name="Boot"');
    expect(persistent).toContain('set policy name="Boot" assign=yes\n');
    for (const line of ['set store location=domain', 'add policy name=Dom', 'set policy name=Dom gponame="Default Domain Policy"']) expect(type(lab, 'SRV1', line)).toBe('');
    const domain = type(lab, 'SRV1', 'dump');
    expect(domain).toContain('set store location=domain domain=example.test\ndelete all\nadd policy name="Dom"');
    expect(domain).toContain('set policy name="Dom" gponame="Default Domain Policy"\n');
    type(lab, 'SRV1', 'exit');
    // The replay rebuilds the domain store and the GPO link.
    const fresh = replay(domain);
    expect(normalized(fresh.world.directory.domains['example.test']?.ipsecStore)).toBe(normalized(lab.world.directory.domains['example.test']?.ipsecStore));
    expect(fresh.world.directory.domains['example.test']?.gpos).toEqual(lab.world.directory.domains['example.test']?.gpos);
  });
});

const RICH_SPD = [
  `${D} set config property=ipsecexempt value=1`,
  `${D} set config property=bootexemptions value="tcp:0:3389:inbound udp:500:500:outbound"`,
  `${D} set config property=bootmode value=block`,
  `${D} add mmpolicy name=MM1 qmpermm=3 mmlifetime=100 softsaexpirationtime=900 mmsec="DES-MD5-1"`,
  `${D} add mmpolicy name=MM2`,
  `${D} add qmpolicy name=QM1 soft=yes pfsgroup=GRPMM qmsec="AH[MD5]:30000k/600s"`,
  `${D} add rule srcaddr=me dstaddr=192.168.1.20 mmpolicy=MM1 qmpolicy=QM1 protocol=TCP dstport=80 psk=a kerberos=yes`,
  `${D} add rule srcaddr=me dstaddr=192.168.1.20 mmpolicy=MM1 qmpolicy=QM1 protocol=TCP dstport=443 psk=a kerberos=yes`,
  `${D} add rule srcaddr=10.0.0.0 srcmask=8 dstaddr=any mmpolicy=MM2 actioninbound=block actionoutbound=block mirrored=no conntype=lan`,
  `${D} add rule srcaddr=me dstaddr=192.168.5.0 dstmask=24 mmpolicy=MM2 qmpolicy=QM1 tunneldstaddress=192.168.1.2 mirrored=no actioninbound=permit`,
];

describe('netsh ipsec dynamic dump', () => {
  it('prints config, policies and rules, and replaying it rebuilds the SPD', () => {
    const lab = twoHosts();
    runAll(lab, 'SRV1', RICH_SPD);
    const dump = run(lab, 'SRV1', `${D} dump`).output;
    expect(dump).toContain('pushd ipsec dynamic\n\nset config property=ipsecdiagnostics value=0\n');
    expect(dump).toContain('set config property=bootexemptions value="tcp:0:3389:inbound udp:500:500:outbound"\ndelete all\n');
    expect(dump).toContain(
      'add rule srcaddr=10.0.0.0 srcmask=255.0.0.0 dstaddr=any mmpolicy="MM2" protocol=ANY srcport=0 dstport=0 mirrored=no conntype=lan actioninbound=block actionoutbound=block kerberos=yes\n',
    );
    const fresh = replay(dump);
    expect(normalized(fresh.host('SRV1')?.spd)).toBe(normalized(lab.host('SRV1')?.spd));
  });

  it('needs IPSEC Services, like every dynamic command', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', 'net stop policyagent');
    expect(run(lab, 'SRV1', `${D} dump`).errorLevel).toBe(1);
    // netsh ipsec> dump still writes the static part.
    const both = run(lab, 'SRV1', 'netsh ipsec dump').output;
    expect(both).toContain('# End of IPsec static configuration');
    expect(both).not.toContain('IPsec dynamic configuration');
  });
});

describe('dump at netsh ipsec> and netsh>', () => {
  it('gives the static and then the dynamic script, on Server 2003 only', () => {
    const lab = twoHosts();
    runAll(lab, 'SRV1', RICH_STORE.slice(0, 3).concat(RICH_SPD.slice(3, 5)));
    const ipsec = run(lab, 'SRV1', 'netsh ipsec dump').output;
    expect(ipsec).toBe(`${run(lab, 'SRV1', `${S} dump`).output.slice(0, -1)}${run(lab, 'SRV1', `${D} dump`).output.slice(1)}`);
    expect(run(lab, 'SRV1', 'netsh dump').output).toBe(ipsec);
    type(lab, 'SRV1', 'netsh');
    type(lab, 'SRV1', 'ipsec');
    expect(type(lab, 'SRV1', 'dump')).toBe(ipsec.replace(/\n$/, ''));
    // XP's netsh has no ipsec helper (§7.1), so its dump has nothing of it.
    expect(run(lab, 'WS1', 'netsh dump')).toEqual({ output: '\n\n', errorLevel: 0 });
    expect(replay(ipsec).host('SRV1')?.spd.mmPolicies.map((p) => p.name)).toEqual(['MM1', 'MM2']);
  });
});
