import { describe, expect, it } from 'vitest';
import { CMD, transcript, twoHosts, type } from '../helpers/console-transcript.js';

const S = 'netsh ipsec static';

describe('netsh ipsec static at the SRV1 command prompt', () => {
  it('builds a whole policy one command at a time, silently, and assigns it', () => {
    const lab = twoHosts();
    const lines = [
      `${S} add filterlist name="Web Traffic" description="HTTP to SRV2"`,
      `${S} add filter filterlist="Web Traffic" srcaddr=me dstaddr=192.168.1.20 protocol=TCP dstport=80 mirrored=yes`,
      `${S} add filteraction name="Require ESP" action=negotiate qmsec="ESP[3DES,SHA1]:100000k/3600s"`,
      `${S} add policy name="Web Policy" mmsec="3DES-SHA1-2"`,
      `${S} add rule name="Web Rule" policy="Web Policy" filterlist="Web Traffic" filteraction="Require ESP" psk="lab secret"`,
      `${S} set policy name="Web Policy" assign=yes`,
    ];
    expect(transcript(lab, 'SRV1', lines)).toBe(lines.map((l) => `${CMD}${l}\n\n`).join(''));

    const store = lab.host('SRV1')?.stores.local;
    const policy = store?.policies.find((p) => p.name === 'Web Policy');
    const list = store?.filterLists.find((l) => l.name === 'Web Traffic');
    const action = store?.filterActions.find((a) => a.name === 'Require ESP');
    expect(list).toMatchObject({
      description: 'HTTP to SRV2',
      filters: [{ srcaddr: { kind: 'me' }, dstaddr: { kind: 'host', address: '192.168.1.20' }, protocol: 6, srcport: 0, dstport: 80, mirrored: true }],
    });
    expect(action).toMatchObject({
      action: 'negotiate',
      qmsecmethods: [{ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 }],
    });
    expect(policy).toMatchObject({ assigned: true, mmsecmethods: [{ encryption: '3DES', integrity: 'SHA1', dhGroup: 2 }] });
    expect(policy?.rules[0]).toMatchObject({
      name: 'Web Rule',
      filterListId: list?.id,
      filterActionId: action?.id,
      authMethods: [{ kind: 'psk', key: 'lab secret' }],
      tunnel: null,
    });
    expect(policy?.rules[1]?.isDefaultResponse).toBe(true);
    expect(store?.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual(['Web Policy']);
  });

  it('keeps only one policy assigned in a store', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', `${S} add policy A assign=yes`);
    type(lab, 'SRV1', `${S} add policy B assign=y`);
    expect(lab.host('SRV1')?.stores.local.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual(['B']);
    type(lab, 'SRV1', `${S} set policy A assign=yes`);
    expect(lab.host('SRV1')?.stores.local.policies.filter((p) => p.assigned).map((p) => p.name)).toEqual(['A']);
  });

  it('orders authentication methods as typed and resolves DNS names in filters', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', `${S} add filter FL srcaddr=me dstaddr=srv2.example.test`);
    type(lab, 'SRV1', `${S} add filteraction FA`);
    type(lab, 'SRV1', `${S} add policy P`);
    type(lab, 'SRV1', `${S} add rule R P FL FA psk=k1 kerberos=yes rootca="CN=Root certmap:yes"`);
    const store = lab.host('SRV1')?.stores.local;
    expect(store?.filterLists.find((l) => l.name === 'FL')?.filters[0]?.dstaddr).toEqual({ kind: 'dns', name: 'srv2.example.test', addresses: ['192.168.1.20'] });
    expect(store?.policies.find((p) => p.name === 'P')?.rules[0]?.authMethods).toEqual([
      { kind: 'psk', key: 'k1' },
      { kind: 'kerberos' },
      { kind: 'certificate', rootCa: 'CN=Root', certmap: true, excludeCaName: false },
    ]);
  });

  it('renames through guid= as the listings print it', () => {
    const lab = twoHosts();
    type(lab, 'SRV1', `${S} add filterlist FL`);
    const verbose = type(lab, 'SRV1', `${S} show filterlist FL level=verbose`);
    const guid = /GUID\s+: (\{[0-9a-f-]+\})/.exec(verbose)?.[1];
    expect(guid).toBeDefined();
    expect(type(lab, 'SRV1', `${S} set filterlist guid=${guid ?? ''} newname=Renamed`)).toBe('\n');
    expect(lab.host('SRV1')?.stores.local.filterLists.some((l) => l.name === 'Renamed')).toBe(true);
  });
});

describe('errors, each leaving the world as it was', () => {
  /** Types a line that must fail: checks its exact output, ERRORLEVEL and that nothing changed. */
  function rejected(lab: ReturnType<typeof twoHosts>, line: string, output: string): void {
    const before = JSON.stringify(lab.world);
    const outcome = lab.apply({ type: 'command', host: 'SRV1', line });
    expect(outcome.ok && outcome.shell?.output, line).toBe(output);
    expect(outcome.ok && outcome.shell?.errorLevel, line).toBe(1);
    expect(JSON.stringify(lab.world), line).toBe(before);
  }

  it('answers an unknown word with "The following command was not found"', () => {
    const lab = twoHosts();
    rejected(lab, `${S} frobnicate all`, 'The following command was not found: ipsec static frobnicate all.\n\n');
    rejected(lab, 'netsh ipsec statik', 'The following command was not found: ipsec statik.\n\n');
  });

  it('asks for the essential parameters, then prints the usage block', () => {
    const lab = twoHosts();
    const before = JSON.stringify(lab.world);
    const out = type(lab, 'SRV1', `${S} add rule name=R policy=P`);
    expect(out.split('\n').slice(0, 6)).toEqual([
      'One or more essential parameters were not entered.',
      'Verify the required parameters, and reenter them.',
      'The syntax supplied for this command is not valid. Check help for the correct syntax.',
      '',
      'Usage:',
      '  rule [ name = ] <string>',
    ]);
    expect(JSON.stringify(lab.world)).toBe(before);
  });

  it('refuses a bad value, a bad offer included, with "The parameter is incorrect."', () => {
    const lab = twoHosts();
    rejected(lab, `${S} add policy P mmlifetime=soon`, 'The parameter is incorrect.\n\n');
    rejected(lab, `${S} add policy P mmsec="3DES-SHA256-2"`, 'The parameter is incorrect.\n\n');
    rejected(lab, `${S} add filteraction F qmsec="ESP[None,None]"`, 'The parameter is incorrect.\n\n');
    rejected(lab, `${S} add filter FL srcaddr=me dstaddr=10.0.0.1-10.0.0.0`, 'The parameter is incorrect.\n\n');
  });

  it('prints ERR IPsec lines for missing and duplicate objects', () => {
    const lab = twoHosts();
    rejected(lab, `${S} delete policy name=Nope`, 'ERR IPsec[05001] : Policy with name "Nope" does not exist.\n\n');
    rejected(lab, `${S} set filteraction Nope soft=yes`, 'ERR IPsec[05005] : Filter Action with name "Nope" does not exist.\n\n');
    rejected(lab, `${S} add policy "Server (Request Security)"`, 'ERR IPsec[05002] : A Policy with name "Server (Request Security)" already exists.\n\n');
    rejected(lab, `${S} add filterlist "All IP Traffic"`, 'ERR IPsec[05004] : A Filter List with name "All IP Traffic" already exists.\n\n');
    rejected(
      lab,
      `${S} add rule R "Client (Respond Only)" Nope Permit`,
      'ERR IPsec[05003] : Filter List with name "Nope" does not exist.\n\n',
    );
    rejected(lab, `${S} add rule all "Client (Respond Only)" "All IP Traffic" Permit`, 'ERR IPsec[05009] : A Rule cannot be named "all".\n\n');
  });

  it('refuses to delete a filter list or action a rule still uses', () => {
    const lab = twoHosts();
    rejected(
      lab,
      `${S} delete filteraction "Require Security"`,
      'ERR IPsec[05011] : Filter Action with name "Require Security" is used by Rule "All IP Traffic" of Policy "Secure Server (Require Security)" and cannot be deleted.\n\n',
    );
    rejected(
      lab,
      `${S} delete filterlist all`,
      'ERR IPsec[05010] : Filter List with name "All ICMP Traffic" is used by Rule "All ICMP Traffic" of Policy "Secure Server (Require Security)" and cannot be deleted.\n\n',
    );
  });

  it('reports a missing script file', () => {
    rejected(twoHosts(), 'netsh -f nothere.txt', 'The system cannot find the file specified.\n\n');
  });
});
