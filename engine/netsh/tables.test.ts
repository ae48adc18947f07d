import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AddressValue, CommandSpec, NetshContext, ProtocolValue, RequestArgs } from './index.js';
import { DYNAMIC_CONTEXT, initialSession, NETSH_ROOT, runNetshLine, STATIC_CONTEXT } from './index.js';

const word = (c: CommandSpec) => (c.object ? `${c.verb} ${c.object}` : c.verb);
const tags = (c: CommandSpec) => c.params.map((p) => p.tag).join(' ');

/** Reference §2 and §3: every command with its tags in documented order. */
const STATIC_EXPECTED: Record<string, string> = {
  'add filterlist': 'name description',
  'add filter': 'filterlist srcaddr dstaddr description protocol mirrored srcmask dstmask srcport dstport',
  'add filteraction': 'name description qmpfs inpass soft action qmsecmethods',
  'add policy': 'name description mmpfs qmpermm mmlifetime activatedefaultrule pollinginterval assign mmsecmethods',
  'add rule': 'name policy filterlist filteraction tunnel conntype activate description kerberos psk rootca',
  'set policy': 'name guid newname description mmpfs qmpermm mmlifetime activatedefaultrule pollinginterval assign gponame mmsecmethods',
  'set filterlist': 'name guid newname description',
  'set filteraction': 'name guid newname description qmpfs inpass soft action qmsecmethods',
  'set rule': 'name id policy newname description filterlist filteraction tunnel conntype activate kerberos psk rootca',
  'set defaultrule': 'policy qmpfs activate qmsecmethods kerberos psk rootca',
  'set store': 'location domain',
  'set batch': 'mode',
  'delete policy': 'name all',
  'delete filterlist': 'name all',
  'delete filteraction': 'name all',
  'delete filter': 'filterlist srcaddr dstaddr protocol srcport dstport mirrored srcmask dstmask',
  'delete rule': 'name id all policy',
  'delete all': '',
  'show all': 'format wide',
  'show policy': 'name all level format wide',
  'show filterlist': 'name rule all level format resolvedns wide',
  'show filteraction': 'name rule all level format wide',
  'show rule': 'name id all default policy type level format wide',
  'show gpoassignedpolicy': 'name',
  'show store': '',
  exportpolicy: 'file',
  importpolicy: 'file',
  dump: '',
};

const RULE_ID = 'srcaddr dstaddr protocol srcport dstport mirrored conntype srcmask dstmask tunneldstaddress';
const DYNAMIC_EXPECTED: Record<string, string> = {
  'add mmpolicy': 'name qmpermm mmlifetime softsaexpirationtime mmsecmethods',
  'add qmpolicy': 'name soft pfsgroup qmsecmethods',
  'add rule':
    'srcaddr dstaddr mmpolicy qmpolicy protocol srcport dstport mirrored conntype actioninbound actionoutbound srcmask dstmask tunneldstaddress kerberos psk rootca',
  'set mmpolicy': 'name qmpermm mmlifetime softsaexpirationtime mmsecmethods',
  'set qmpolicy': 'name soft pfsgroup qmsecmethods',
  'set rule': `${RULE_ID} mmpolicy qmpolicy actioninbound actionoutbound kerberos psk rootca`,
  'set config': 'property value',
  'delete mmpolicy': 'name all',
  'delete qmpolicy': 'name all',
  'delete rule': RULE_ID,
  'delete all': '',
  'show all': 'resolvedns',
  'show mmpolicy': 'name all',
  'show qmpolicy': 'name all',
  'show mmfilter': 'name all type srcaddr dstaddr srcmask dstmask resolvedns',
  'show qmfilter': 'name all type srcaddr dstaddr srcmask dstmask protocol srcport dstport actioninbound actionoutbound resolvedns',
  'show rule': 'type srcaddr dstaddr srcmask dstmask protocol srcport dstport resolvedns',
  'show stats': 'type',
  'show mmsas': 'all srcaddr dstaddr format resolvedns',
  'show qmsas': 'all srcaddr dstaddr protocol format resolvedns',
  'show config': '',
  dump: '',
};

function table(context: NetshContext): Record<string, string> {
  return Object.fromEntries(context.commands.map((c) => [word(c), tags(c)]));
}

function allContexts(context: NetshContext): NetshContext[] {
  return [context, ...context.subcontexts.flatMap(allContexts)];
}

describe('the tables cover the reference', () => {
  it('has every static command with its tags in documented order', () => {
    expect(table(STATIC_CONTEXT)).toEqual(STATIC_EXPECTED);
  });

  it('has every dynamic command with its tags in documented order', () => {
    expect(table(DYNAMIC_CONTEXT)).toEqual(DYNAMIC_EXPECTED);
  });

  it('marks the required tags of §2/§3', () => {
    const required = (c: CommandSpec) => c.params.filter((p) => p.required).map((p) => p.tag);
    const find = (ctx: NetshContext, w: string) => ctx.commands.find((c) => word(c) === w) as CommandSpec;
    expect(required(find(STATIC_CONTEXT, 'add filter'))).toEqual(['filterlist', 'srcaddr', 'dstaddr']);
    expect(required(find(STATIC_CONTEXT, 'add rule'))).toEqual(['name', 'policy', 'filterlist', 'filteraction']);
    expect(required(find(STATIC_CONTEXT, 'add filteraction'))).toEqual(['name']);
    expect(required(find(DYNAMIC_CONTEXT, 'add rule'))).toEqual(['srcaddr', 'dstaddr', 'mmpolicy']);
    expect(required(find(STATIC_CONTEXT, 'set rule'))).toEqual(['policy']);
  });
});

describe('the tables are well formed', () => {
  const contexts = allContexts(NETSH_ROOT);
  const commands = contexts.flatMap((ctx) => ctx.commands.map((c) => ({ ctx, c })));

  it('gives every command a unique id that names it', () => {
    const ids = commands.map(({ c }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { ctx, c } of commands) {
      expect(c.id).toBe([ctx.path.at(-1) ?? 'netsh', c.verb, ...(c.object ? [c.object] : [])].join('.'));
    }
  });

  it('puts every grouped command under a declared group, and every group has commands', () => {
    for (const ctx of contexts) {
      const verbs = ctx.groups.map((g) => g.verb);
      for (const c of ctx.commands) expect(c.object === null ? !verbs.includes(c.verb) : verbs.includes(c.verb), c.id).toBe(true);
      for (const v of verbs) expect(ctx.commands.some((c) => c.verb === v)).toBe(true);
    }
  });

  it('gives every parameter a unique tag, help text, and sensible group membership', () => {
    for (const { c } of commands) {
      const names = c.params.map((p) => p.tag);
      expect(new Set(names).size, c.id).toBe(names.length);
      for (const p of c.params) {
        expect(p.tag, c.id).toMatch(/^[a-z]+$/);
        expect(p.help.join('').length, `${c.id} ${p.tag}`).toBeGreaterThan(0);
        if (p.group !== undefined) expect(p.required, `${c.id} ${p.tag}`).toBe(false);
      }
      for (const g of new Set(c.params.map((p) => p.group).filter((g) => g !== undefined))) {
        const members = c.params.filter((p) => p.group === g);
        const first = c.params.indexOf(members[0] as never);
        expect(members, `${c.id} group ${g} is contiguous`).toEqual(c.params.slice(first, first + members.length));
      }
      expect(c.description.length * c.purpose.length * c.examples.length, c.id).toBeGreaterThan(0);
    }
  });

  it('has examples that parse', () => {
    for (const { ctx, c } of commands) {
      for (const example of c.examples) {
        const r = runNetshLine(initialSession(ctx.path), example);
        expect(r.output, example).toBe('');
        expect(r.requests[0]?.command, example).toBe(c.id);
      }
    }
  });
});

describe('request types', () => {
  it('types each command’s arguments from its table', () => {
    expectTypeOf<RequestArgs<'static.add.policy'>['mmpfs']>().toEqualTypeOf<boolean>();
    expectTypeOf<RequestArgs<'static.add.policy'>['description']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RequestArgs<'static.set.policy'>['assign']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<RequestArgs<'static.add.filter'>['srcaddr']>().toEqualTypeOf<AddressValue>();
    expectTypeOf<RequestArgs<'static.add.filter'>['protocol']>().toEqualTypeOf<ProtocolValue>();
    expectTypeOf<RequestArgs<'static.add.filteraction'>['action']>().toEqualTypeOf<'permit' | 'block' | 'negotiate'>();
    expectTypeOf<RequestArgs<'static.delete.rule'>['all']>().toEqualTypeOf<boolean>();
    expectTypeOf<RequestArgs<'dynamic.add.qmpolicy'>['pfsgroup']>().toEqualTypeOf<'GRP1' | 'GRP2' | 'GRP3' | 'GRPMM' | 'NOPFS'>();
    expectTypeOf<RequestArgs<'static.add.rule'>['rootca'][number]['certmap']>().toEqualTypeOf<boolean>();
  });
});
