import type { DomainOp } from '../../directory/ops.js';
import { applyDomainOp } from '../../directory/ops.js';
import type { Host } from '../../model/host.js';
import type { World } from '../../model/world.js';
import { printed, type ShellCommand, type ShellContext, type ShellResult } from '../command.js';
import { computerDn, domainOfDn, dsWords, hostByDn, parentDn, splitDn } from './ds-names.js';

/** The directory tools ship with a 2003 domain controller (elsewhere only with the Admin Pack). */
function onDc(host: Host): boolean {
  return host.version === '2003' && host.roles.includes('domain-controller');
}

function notRecognized(name: string): ShellResult {
  return printed(`'${name}' is not recognized as an internal or external command,`, 'operable program or batch file.');
}

const NOT_FOUND = 'Directory object not found.';
const IN_USE = 'An attempt was made to add an object to the directory with a name that is already in use.';

function failed(tool: string, dn: string, why: string): ShellResult {
  return { ...printed(`${tool} failed:${dn}:${why}`, `type ${tool} /? for help.`), errorLevel: 1 };
}

function domainChange(world: World, dn: string, op: DomainOp): ShellResult | { effect: { kind: 'domain-op'; domain: string; op: DomainOp } } {
  const domain = domainOfDn(world, dn);
  if (!domain) return failed('dsadd', dn, NOT_FOUND);
  const checked = applyDomainOp(domain, op);
  if (!checked.ok) return failed('dsadd', dn, checked.error.includes('already exists') ? IN_USE : checked.error);
  return { effect: { kind: 'domain-op', domain: domain.name, op } };
}

function dsaddOu(world: World, dn: string): ShellResult {
  const [first] = splitDn(dn);
  if (!first || !/^OU=/i.test(first)) return failed('dsadd', dn, 'The name is not a valid organizational unit name.');
  const change = domainChange(world, dn, { op: 'create-ou', name: first.slice(3), parent: parentDn(dn) });
  if ('output' in change) return change;
  return { ...printed(`dsadd succeeded:${dn}`), effects: [change.effect] };
}

function dsmove(world: World, words: string[]): ShellResult {
  const dn = words[0] ?? '';
  const i = words.findIndex((w) => w.toLowerCase() === '-newparent');
  const target = i >= 0 ? words[i + 1] : undefined;
  if (!dn || !target) return printed('dsmove: the syntax is', '  dsmove ObjectDN [-newname NewName] [-newparent ParentDN]');
  const host = hostByDn(world, dn);
  if (!host) return failed('dsmove', dn, NOT_FOUND);
  const domain = domainOfDn(world, target);
  const isContainer = target.toLowerCase() === `cn=computers,${domain?.dn.toLowerCase() ?? ''}`;
  const ou = domain && Object.values(domain.ous).find((o) => o.dn.toLowerCase() === target.toLowerCase());
  if (!domain || domain.name !== host.domain || (!ou && !isContainer)) return failed('dsmove', dn, NOT_FOUND);
  return { ...printed(`dsmove succeeded:${dn}`), effects: [{ kind: 'move-computer', host: host.name, ou: ou ? ou.dn : null }] };
}

function dsquery(world: World, words: string[]): ShellResult {
  const [kind, ...rest] = words.map((w) => w);
  const nameAt = rest.findIndex((w) => w.toLowerCase() === '-name');
  const pattern = nameAt >= 0 ? new RegExp(`^${(rest[nameAt + 1] ?? '*').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i') : /.*/;
  const base = rest.find((w, i) => !w.startsWith('-') && (i === 0 || !rest[i - 1]?.startsWith('-')))?.toLowerCase();
  const under = (dn: string) => !base || base === 'domainroot' || base === 'forestroot' || dn.toLowerCase().endsWith(base);
  let dns: string[];
  if (kind?.toLowerCase() === 'computer') {
    dns = Object.values(world.hosts).filter((h) => pattern.test(h.name)).flatMap((h) => computerDn(world, h) ?? []);
  } else if (kind?.toLowerCase() === 'ou') {
    dns = Object.values(world.directory.domains).flatMap((d) => Object.values(d.ous)).filter((o) => pattern.test(o.name)).map((o) => o.dn);
  } else {
    return printed('dsquery: the object type must be one of: computer, ou (in this lab).');
  }
  return printed(...dns.filter(under).map((dn) => `"${dn}"`));
}

function dsrm(world: World, words: string[]): ShellResult {
  const dn = words[0] ?? '';
  if (!words.some((w) => w.toLowerCase() === '-noprompt')) {
    return printed(`Are you sure you wish to delete ${dn} (Y/N)? `, 'dsrm: this lab cannot answer the question; run it again with -noprompt.');
  }
  const domain = domainOfDn(world, dn);
  const ou = domain && Object.values(domain.ous).find((o) => o.dn.toLowerCase() === dn.toLowerCase());
  if (!domain || !ou) return failed('dsrm', dn, NOT_FOUND);
  const busy = Object.values(domain.ous).some((o) => o.parent === ou.dn) || Object.values(world.hosts).some((h) => h.ou === ou.dn);
  if (busy) return failed('dsrm', dn, 'The operation cannot be performed because child objects exist. This operation can only be performed on a leaf object.');
  return { ...printed(`dsrm succeeded:${dn}`), effects: [{ kind: 'domain-op', domain: domain.name, op: { op: 'delete-ou', dn: ou.dn } }] };
}

function tool(name: string, summary: string, usage: string, run: (ctx: ShellContext, words: string[]) => ShellResult): ShellCommand {
  return {
    name,
    summary,
    usage,
    builtIn: false,
    run(ctx, args) {
      if (!onDc(ctx.host)) return notRecognized(name);
      const words = dsWords(args);
      if (words.length === 0 || words[0] === '/?') return printed(usage);
      return run(ctx, words);
    },
  };
}

export const dsadd = tool('dsadd', 'Adds an object to the directory.', 'dsadd ou OUDN [-desc Description]', ({ world }, [kind, dn]) =>
  kind?.toLowerCase() === 'ou' && dn ? dsaddOu(world, dn) : printed('dsadd: in this lab, dsadd adds organizational units: dsadd ou OUDN'),
);
export const dsmoveCommand = tool('dsmove', 'Moves or renames an object in the directory.', 'dsmove ObjectDN [-newname NewName] [-newparent ParentDN]', ({ world }, words) => dsmove(world, words));
export const dsqueryCommand = tool('dsquery', 'Finds objects in the directory.', 'dsquery {computer | ou} [{StartNode | forestroot | domainroot}] [-name Filter]', ({ world }, words) => dsquery(world, words));
export const dsrmCommand = tool('dsrm', 'Deletes an object from the directory.', 'dsrm ObjectDN [-noprompt]', ({ world }, words) => dsrm(world, words));
export const dsget = tool('dsget', 'Displays properties of an object in the directory.', 'dsget computer ComputerDN', ({ world }, [kind, dn]) => {
  const host = kind?.toLowerCase() === 'computer' && dn ? hostByDn(world, dn) : undefined;
  if (!host || !dn) return failed('dsget', dn ?? '', NOT_FOUND);
  return printed('  desc         samid             sid', `  ${''.padEnd(13)}${`${host.name}$`.padEnd(18)}S-1-5-21-1004336348-1177238915-682003330-${1100 + host.name.length}`, 'dsget succeeded');
});
