import { describe, expect, it } from 'vitest';
import { completeNetshLine, initialSession, type NetshDeps } from './index.js';

const STATIC = initialSession(['ipsec', 'static']);
const deps: NetshDeps = {
  objectNames: (kind) =>
    ({ policy: ['Server (Request Security)', 'Secure Server (Require Security)', 'Branch'], filterlist: ['All IP Traffic', 'All ICMP Traffic'] })[
      kind as string
    ] ?? [],
};
const complete = (line: string, state = STATIC) => completeNetshLine(state, line, deps);

describe('completion of command words', () => {
  it('completes contexts and generic verbs at the root', () => {
    expect(complete('', initialSession())).toEqual({ fragment: '', candidates: ['bye', 'exec', 'exit', 'help', 'popd', 'pushd', 'quit', 'dump', 'ipsec'] });
    expect(complete('ip', initialSession()).candidates).toEqual(['ipsec']);
    expect(complete('ipsec s', initialSession()).candidates).toEqual(['static']);
  });

  it('completes groups, commands and objects in a context', () => {
    expect(complete('e').candidates).toEqual(['exec', 'exit', 'exportpolicy']);
    expect(complete('add f')).toEqual({ fragment: 'f', candidates: ['filter', 'filteraction', 'filterlist'] });
    expect(complete('sh ').candidates).toEqual(['all', 'filteraction', 'filterlist', 'gpoassignedpolicy', 'policy', 'rule', 'store']);
  });

  it('offers nothing after a word that leads nowhere', () => {
    expect(complete('frob ').candidates).toEqual([]);
  });
});

describe('completion of parameters', () => {
  it('offers the tags not given yet', () => {
    expect(complete('add filteraction name=X s').candidates).toEqual(['soft=']);
    expect(complete('add filteraction X ').candidates).toEqual(['description=', 'qmpfs=', 'inpass=', 'soft=', 'action=', 'qmsecmethods=']);
  });

  it('keeps offering a tag that may repeat and drops the alternatives of one given', () => {
    expect(complete('set defaultrule P rootca=x r').candidates).toEqual(['rootca=']);
    expect(complete('delete policy name=x ').candidates).toEqual([]);
    expect(complete('delete policy ').candidates).toEqual(['name=', 'all', 'Server (Request Security)', 'Secure Server (Require Security)', 'Branch'].map((c) => (c.includes(' ') ? `"${c}"` : c)));
  });

  it('offers keyword values for enums, yes/no, protocols and addresses', () => {
    expect(complete('add filteraction X action=').candidates).toEqual(['action=permit', 'action=block', 'action=negotiate']);
    expect(complete('add filteraction X soft=').candidates).toEqual(['soft=yes', 'soft=no']);
    expect(complete('add filter F me any proto=u').candidates).toEqual(['protocol=UDP']);
    expect(complete('add filter F srcaddr=').candidates).toEqual(['srcaddr=me', 'srcaddr=any', 'srcaddr=DNS', 'srcaddr=WINS', 'srcaddr=DHCP', 'srcaddr=GATEWAY']);
  });

  it('offers existing object names through deps.objectNames, quoted when they hold spaces', () => {
    expect(complete('add rule R policy=Se')).toEqual({
      fragment: 'policy=Se',
      candidates: ['policy="Server (Request Security)"', 'policy="Secure Server (Require Security)"'],
    });
    expect(complete('add rule R policy="Sec').candidates).toEqual(['policy="Secure Server (Require Security)"']);
    expect(complete('add rule R "Server (Request Security)" All').candidates).toEqual(['"All IP Traffic"', '"All ICMP Traffic"']);
  });

  it('works without deps', () => {
    expect(completeNetshLine(STATIC, 'add rule R policy=').candidates).toEqual([]);
  });
});

describe('completion after generic verbs', () => {
  it('completes the command after pushd and help', () => {
    expect(complete('pushd ips', initialSession()).candidates).toEqual(['ipsec']);
    expect(complete('help ad').candidates).toEqual(['add']);
    expect(complete('exit ').candidates).toEqual([]);
  });
});
