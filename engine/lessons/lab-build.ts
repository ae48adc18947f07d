import type { Action } from '../actions.js';
import type { HostSpec, LabSpec } from '../labs/lab-spec.js';
import { parseIpv4 } from '../ipsec/ipv4.js';
import type { Nic } from '../model/host.js';
import type { LabDomainFile, LabFile, LabHostFile } from './model.js';
import type { Place, Problem } from './problems.js';
import { problem } from './problems.js';
import { parseLines, toContainerDn, type ScriptHost } from './script/parse.js';
import { drawVariables } from './variables.js';

/** An action that builds a lesson's starting world, and where in the pack it was written. */
export interface SetupAction {
  readonly action: Action;
  readonly file: string;
  readonly place: Place;
}

export interface BuiltLab {
  readonly spec: LabSpec;
  readonly setup: readonly SetupAction[];
}

/** A deterministic MAC from the address, in VMware's range like the built-in labs. */
function macFor(address: string): string {
  const value = parseIpv4(address) ?? 0;
  const bytes = [(value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];
  return ['00', '0C', '29', ...bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0'))].join('-');
}

function dcAddress(lab: LabFile, domain: string | null | undefined): string | undefined {
  const dc = lab.domains?.find((d) => d.name.toLowerCase() === domain?.toLowerCase())?.dc;
  return lab.hosts.find((h) => h.name.toLowerCase() === dc?.toLowerCase())?.nic.address;
}

function nicOf(lab: LabFile, host: LabHostFile): Nic {
  const dns = dcAddress(lab, host.domain);
  return {
    address: host.nic.address,
    mask: host.nic.mask ?? '255.255.255.0',
    gateway: host.nic.gateway ?? null,
    dnsServers: [...(host.nic.dnsServers ?? (dns ? [dns] : []))],
    winsServer: host.nic.winsServer ?? null,
    mac: host.nic.mac ?? macFor(host.nic.address),
  };
}

export function toLabSpec(lab: LabFile): LabSpec {
  const hosts: HostSpec[] = lab.hosts.map((h) => ({
    name: h.name,
    version: h.version,
    domain: h.domain ?? null,
    ...(h.roles ? { roles: [...h.roles] } : {}),
    ...(h.ou ? { ou: h.ou } : {}),
    ...(h.listening ? { listening: [...h.listening] } : {}),
    ...(h.shares ? { shares: [...h.shares] } : {}),
    ...(h.certificates ? { certificates: h.certificates.map((c) => ({ subject: c.subject, rootCa: c.rootCa, revoked: c.revoked ?? false, crlReachable: c.crlReachable ?? true })) } : {}),
    ...(h.trustedRoots ? { trustedRoots: [...h.trustedRoots] } : {}),
    nic: nicOf(lab, h),
  }));
  return {
    id: lab.id,
    title: lab.title,
    ...(lab.seed !== undefined ? { seed: lab.seed } : {}),
    domains: (lab.domains ?? []).map((d) => ({ name: d.name, dc: d.dc, ...(d.netbiosName ? { netbiosName: d.netbiosName } : {}), ...(d.ous ? { ous: [...d.ous] } : {}) })),
    hosts,
  };
}

export function scriptHosts(spec: LabSpec): ScriptHost[] {
  return spec.hosts.map((h) => ({ name: h.name, domain: h.domain }));
}

function gpoActions(domain: LabDomainFile, index: number, file: string): SetupAction[] {
  return (domain.gpos ?? []).flatMap((gpo, g) => {
    const place = { path: ['domains', index, 'gpos', g] };
    const create: SetupAction = { action: { type: 'directory', domain: domain.name, change: { op: 'create-gpo', name: gpo.name } }, file, place };
    const links = (gpo.links ?? []).map((to, l): SetupAction => ({
      action: { type: 'directory', domain: domain.name, change: { op: 'link-gpo', gpo: gpo.name, container: toContainerDn(domain.name, to) } },
      file,
      place: { path: ['domains', index, 'gpos', g, 'links', l] },
    }));
    return [create, ...links];
  });
}

function lineActions(lines: readonly string[], base: readonly (string | number)[], hosts: ScriptHost[], file: string, problems: Problem[]): SetupAction[] {
  const parsed = parseLines(lines, hosts, 0);
  for (const p of parsed.problems) problems.push(problem(file, { path: [...base, p.line] }, p.message));
  return parsed.actions.map((a) => ({ action: a.action, file, place: { path: [...base, a.line] } }));
}

/**
 * A lab file (variables already substituted) as the engine's LabSpec plus the actions that
 * build its starting state: GPOs and their links, then `setup`, then each seeded fault.
 */
export function buildLab(lab: LabFile, file: string): { built: BuiltLab; problems: Problem[] } {
  const spec = toLabSpec(lab);
  const hosts = scriptHosts(spec);
  const problems: Problem[] = [];
  const setup: SetupAction[] = [
    ...(lab.domains ?? []).flatMap((d, i) => gpoActions(d, i, file)),
    ...lineActions(lab.setup ?? [], ['setup'], hosts, file, problems),
    ...(lab.faults ?? []).flatMap((fault, i) => lineActions(fault.setup, ['faults', i, 'setup'], hosts, file, problems)),
  ];
  return { built: { spec, setup }, problems };
}

/** A lab's variables for one seed; drawn addresses avoid the addresses the lab writes out. */
export function drawLabVariables(lab: LabFile, seed: number): ReturnType<typeof drawVariables> {
  const literal = lab.hosts.map((h) => h.nic.address).filter((a) => !a.includes('{{'));
  return drawVariables(lab.variables ?? {}, seed, literal);
}
