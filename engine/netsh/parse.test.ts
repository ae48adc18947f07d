import { describe, expect, it } from 'vitest';
import { initialSession, runNetshLine, tokenize, type NetshRequest } from './index.js';

const STATIC = initialSession(['ipsec', 'static']);
const DYNAMIC = initialSession(['ipsec', 'dynamic']);

function request(line: string, state = STATIC): NetshRequest {
  const r = runNetshLine(state, line);
  expect(r.output, line).toBe('');
  const [first] = r.requests;
  if (!first) throw new Error(`no request for ${line}`);
  return first;
}

const output = (line: string, state = STATIC) => runNetshLine(state, line).output;

describe('tokenising', () => {
  it('splits on white space, groups quoted text and finds the tag', () => {
    const tokens = tokenize('add  policy name="Secure Server (Require Security)"\tx="a=b"');
    expect(tokens.map((t) => t.text)).toEqual(['add', 'policy', 'name=Secure Server (Require Security)', 'x=a=b']);
    expect(tokens.map((t) => t.eq)).toEqual([-1, -1, 4, 1]);
    expect(tokenize('"a=b"')[0]).toMatchObject({ eq: -1, quoted: true });
    expect(tokenize('name="open')[0]).toMatchObject({ text: 'name=open', open: true });
  });
});

describe('abbreviations', () => {
  it('accepts any unique prefix of groups, commands and tags', () => {
    expect(request('a p Test')).toMatchObject({ command: 'static.add.policy', args: { name: 'Test' } });
    expect(request('sh st').command).toBe('static.show.store');
    expect(request('add filteraction FA qmsec="ESP[3DES,SHA1]" act=permit').args).toMatchObject({
      action: 'permit',
      qmsecmethods: [{ ah: null, esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 }],
    });
  });

  it('takes the abbreviations seen in real scripts', () => {
    const r = request('add rule srca=me dsta=10.0.0.9 mmp=MM1 qmp=QM1 mir=no con=lan proto=tcp tunneldst=10.0.0.1', DYNAMIC);
    expect(r).toMatchObject({
      command: 'dynamic.add.rule',
      args: { mirrored: false, conntype: 'lan', protocol: { name: 'TCP', number: 6 }, tunneldstaddress: { kind: 'ip', ip: '10.0.0.1' } },
    });
  });

  it('prefers an exact name to a longer one it prefixes', () => {
    expect(request('add filter FL me any').command).toBe('static.add.filter');
  });

  it('refuses an ambiguous word or tag', () => {
    expect(output('d')).toBe('The following command was not found: d.\n');
    expect(output('add filt x')).toBe('The following command was not found: add filt x.\n');
    expect(output('add filter FL me any src=any')).toMatch(/^The syntax supplied for this command is not valid\./);
  });
});

describe('tags and positions', () => {
  it('fills untagged values in documented order, around tagged ones', () => {
    expect(request('add rule policy=P R1 FL FA').args).toMatchObject({ name: 'R1', policy: 'P', filterlist: 'FL', filteraction: 'FA' });
  });

  it('reads bare flags and lets the next value go to the next slot', () => {
    expect(request('delete rule all P1')).toMatchObject({ args: { all: true, policy: 'P1', name: undefined } });
    expect(request('show rule default policy=P1').args).toMatchObject({ default: true, all: false });
    expect(request('delete policy "all"').args).toMatchObject({ name: 'all', all: false });
  });

  it('fills defaults for add and leaves set values undefined', () => {
    expect(request('add policy P').args).toEqual({
      name: 'P',
      description: undefined,
      mmpfs: false,
      qmpermm: 0,
      mmlifetime: 480,
      activatedefaultrule: true,
      pollinginterval: 180,
      assign: false,
      mmsecmethods: undefined,
    });
    expect(request('set policy P assign=y').args).toMatchObject({ name: 'P', assign: true, mmpfs: undefined, pollinginterval: undefined });
  });

  it('lists the tags given, in typed order, keeping repeats', () => {
    const r = request('add rule R P FL FA psk=k1 rootca="CN=Root certmap:yes" kerberos=yes rootca="CN=Other"');
    expect(r.given).toEqual(['name', 'policy', 'filterlist', 'filteraction', 'psk', 'rootca', 'kerberos', 'rootca']);
    expect(r.args).toMatchObject({
      rootca: [
        { ca: 'CN=Root', certmap: true, excludecaname: false },
        { ca: 'CN=Other', certmap: false, excludecaname: false },
      ],
    });
  });

  it('takes the value after `tag=` when it stands apart, as in netsh help', () => {
    expect(request('add policy Policy1 mmpfs= yes assign=yes').args).toMatchObject({ mmpfs: true, assign: true });
  });

  it('refuses a repeated tag, two alternatives, or a word nothing takes', () => {
    for (const line of ['add policy a name=b', 'set policy name=a guid={12345678-1234-1234-1234-123456789abc}', 'add filterlist a b c', 'add filterlist =x', 'delete policy all=yes']) {
      expect(output(line), line).toMatch(/^The syntax supplied for this command is not valid\. Check help for the correct syntax\.\n\nUsage:\n/);
    }
  });
});

describe('quoting', () => {
  it('keeps spaces inside double quotes and drops the quotes', () => {
    expect(request('add policy name="Secure Server (Require Security)" description="a b  c"').args).toMatchObject({
      name: 'Secure Server (Require Security)',
      description: 'a b  c',
    });
  });

  it('turns \\\' inside rootca into a double quote', () => {
    expect(request('set defaultrule P rootca="CN=\\\'My CA\\\' excludecaname:yes"').args).toMatchObject({
      rootca: [{ ca: 'CN="My CA"', certmap: false, excludecaname: true }],
    });
  });

  it('reads an unclosed quote to the end of the line', () => {
    expect(request('add filterlist "Open list').args).toMatchObject({ name: 'Open list' });
  });
});

describe('values', () => {
  it('accepts yes/no/y/n in any case', () => {
    for (const [word, value] of [['yes', true], ['Y', true], ['NO', false], ['n', false]] as const) {
      expect(request(`add filteraction FA soft=${word}`).args).toMatchObject({ soft: value });
    }
    expect(output('add filteraction FA soft=maybe')).toBe('The parameter is incorrect.\n');
  });

  it('reads keywords in any case and returns the table spelling', () => {
    expect(request('add qmpolicy Q pfsgroup=grpmm', DYNAMIC).args).toMatchObject({ pfsgroup: 'GRPMM' });
    expect(request('add filteraction FA action=BLOCK').args).toMatchObject({ action: 'block' });
  });

  it('reads addresses, ranges, DNS names and server keywords', () => {
    expect(request('add filter F 10.0.0.1-10.0.0.9 wins').args).toMatchObject({
      srcaddr: { kind: 'range', from: '10.0.0.1', to: '10.0.0.9' },
      dstaddr: { kind: 'server', server: 'WINS' },
    });
    expect(request('add filter F ME server1.contoso.com').args).toMatchObject({ srcaddr: { kind: 'me' }, dstaddr: { kind: 'dns', name: 'server1.contoso.com' } });
    for (const bad of ['300.1.1.1', '1.2.3', '10.0.0.9-10.0.0.1', 'a_b']) expect(output(`add filter F ${bad} me`), bad).toBe('The parameter is incorrect.\n');
    expect(output('add rule R P FL FA tunnel=any')).toBe('The parameter is incorrect.\n');
  });

  it('reads masks as dotted or prefix length, always giving dotted', () => {
    expect(request('add filter F any me srcmask=24 dstmask=255.255.0.0').args).toMatchObject({ srcmask: '255.255.255.0', dstmask: '255.255.0.0' });
    expect(request('add filter F any me srcmask=0.0.0.0').args).toMatchObject({ srcmask: '0.0.0.0' });
    for (const bad of ['33', '0', '255.0.255.0', 'x']) expect(output(`add filter F any me srcmask=${bad}`), bad).toBe('The parameter is incorrect.\n');
  });

  it('reads protocols by name or number, and ports 0-65535', () => {
    expect(request('add filter F any me protocol=17 dstport=65535').args).toMatchObject({ protocol: { name: 'UDP', number: 17 }, dstport: 65535 });
    expect(request('add filter F any me protocol=47').args).toMatchObject({ protocol: { name: null, number: 47 } });
    for (const bad of ['protocol=256', 'protocol=gre', 'srcport=65536', 'srcport=-1', 'srcport=1e3']) {
      expect(output(`add filter F any me ${bad}`), bad).toBe('The parameter is incorrect.\n');
    }
  });

  it('checks integer ranges and set config values by property', () => {
    expect(output('add policy P mmlifetime=0')).toBe('The parameter is incorrect.\n');
    expect(request('set config bootmode value=Block', DYNAMIC).args).toEqual({ property: 'bootmode', value: 'Block' });
    expect(request('set config bootexemptions value="tcp:0:3389:inbound 17:0:53:outbound"', DYNAMIC).command).toBe('dynamic.set.config');
    expect(output('set config bootexemptions value=tcp:0:3389:sideways', DYNAMIC)).toBe('The parameter is incorrect.\n');
    expect(output('set config ipsecloginterval 59', DYNAMIC)).toBe('The parameter is incorrect.\n');
  });

  it('accepts GUIDs with or without braces', () => {
    expect(request('set filterlist guid=12345678-1234-1234-1234-123456789ABC newname=X').args).toMatchObject({ guid: '{12345678-1234-1234-1234-123456789abc}' });
    expect(output('set filterlist guid={1234}')).toBe('The parameter is incorrect.\n');
  });

  it('parses offer lists with the store grammar, so a bad offer fails at parse time', () => {
    expect(request('add policy P mmsec="3DES-SHA1-2  DES-MD5-1"').args).toMatchObject({
      mmsecmethods: [
        { encryption: '3DES', integrity: 'SHA1', dhGroup: 2 },
        { encryption: 'DES', integrity: 'MD5', dhGroup: 1 },
      ],
    });
    expect(output('add policy P mmsec="3DES-SHA1"')).toBe('The parameter is incorrect.\n');
    expect(output('add policy P mmsec="AES128-SHA1-2"')).toBe('The parameter is incorrect.\n');
    expect(request('add filteraction F qmsec="AH[MD5]:204800k/300s AH[SHA1]+ESP[3DES,SHA1]"').args).toMatchObject({
      qmsecmethods: [
        { ah: 'MD5', esp: null, lifetimeKBytes: 204800, lifetimeSeconds: 300 },
        { ah: 'SHA1', esp: { confidentiality: '3DES', integrity: 'SHA1' }, lifetimeKBytes: 100000, lifetimeSeconds: 3600 },
      ],
    });
    for (const bad of ['ESP[None,None]', 'ESP[AES,SHA1]', 'ESP:3DES-SHA1', 'ESP[3DES,SHA1]:1k/3600s', 'ESP[3DES,SHA1]+AH[MD5]']) {
      expect(output(`add filteraction F qmsec="${bad}"`), bad).toBe('The parameter is incorrect.\n');
    }
  });
});
