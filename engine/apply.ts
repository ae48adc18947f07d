import { PACKET_FAULTS, type Action, type DomainChange } from './actions.js';
import { applyDomainOp, type DomainOp } from './directory/ops.js';
import { applyEffect } from './effects.js';
import type { LabEvent } from './events.js';
import { storeEdit } from './gui/store-action.js';
import { guid } from './random.js';
import type { ShellResult } from './shell/command.js';
import { runCommandLine } from './shell/shell.js';
import { advanceClock } from './sim/clock.js';
import { injectFault } from './traffic/inject.js';
import { findHost, type World } from './model/world.js';

export type ApplyOutcome =
  | { readonly ok: true; readonly events: readonly LabEvent[]; readonly shell?: ShellResult }
  | { readonly ok: false; readonly error: string };

const rejected = (error: string): ApplyOutcome => ({ ok: false, error });
const done = (events: LabEvent[] = []): ApplyOutcome => ({ ok: true, events });

/**
 * The one door through which a world changes. An action that cannot be applied is rejected
 * whole, with a message, and leaves the world exactly as it was.
 */
export function applyAction(world: World, action: Action): ApplyOutcome {
  switch (action.type) {
    case 'command':
      return command(world, action.host, action.line);
    case 'advance': {
      if (!Number.isSafeInteger(action.ms) || action.ms < 0) return rejected('The clock can only move forward by a whole, positive time.');
      const from = world.clock;
      advanceClock(world, from + action.ms);
      return done([{ type: 'clock-advanced', from, to: world.clock }]);
    }
    case 'directory':
      return directory(world, action.domain, action.change);
    case 'move-computer':
      return moveComputer(world, action.host, action.ou);
    case 'inject': {
      const host = findHost(world, action.host);
      if (!host) return rejected(`There is no host named ${action.host} in this lab.`);
      if (!(PACKET_FAULTS as readonly string[]).includes(action.fault)) return rejected(`"${String(action.fault)}" is not a packet fault the lab can inject.`);
      const refused = injectFault(world, host, action.fault);
      return refused ? rejected(refused) : done();
    }
    case 'ipsec-store': {
      const edit = storeEdit(world, action.target, action.op);
      if (!edit.ok) return rejected(edit.error);
      for (const effect of edit.effects) applyEffect(world, effect);
      return done();
    }
    case 'power': {
      const host = findHost(world, action.host);
      if (!host) return rejected(`There is no host named ${action.host} in this lab.`);
      host.online = action.online;
      return done();
    }
  }
}

function command(world: World, hostName: string, line: string): ApplyOutcome {
  const host = findHost(world, hostName);
  if (!host) return rejected(`There is no host named ${hostName} in this lab.`);
  const shell = runCommandLine(world, host, line);
  for (const effect of shell.effects ?? []) applyEffect(world, effect);
  return { ok: true, events: [{ type: 'command-run', host: host.name, line, at: world.clock }], shell };
}

function directory(world: World, domainName: string, change: DomainChange): ApplyOutcome {
  const domain = world.directory.domains[domainName.toLowerCase()];
  if (!domain) return rejected(`There is no domain named ${domainName} in this lab.`);
  // Only a successful creation draws a GUID, so a rejected action leaves the random source alone.
  const probe = change.op === 'create-gpo' ? ({ ...change, id: '{PENDING}' } as DomainOp) : (change as DomainOp);
  const checked = applyDomainOp(domain, probe);
  if (!checked.ok) return rejected(checked.error);
  const result = change.op === 'create-gpo' ? applyDomainOp(domain, { ...change, id: guid(world.random) }) : checked;
  if (!result.ok) return rejected(result.error);
  world.directory = { ...world.directory, domains: { ...world.directory.domains, [domain.name]: result.value } };
  return done();
}

function moveComputer(world: World, hostName: string, ou: string | null): ApplyOutcome {
  const host = findHost(world, hostName);
  if (!host) return rejected(`There is no host named ${hostName} in this lab.`);
  const domain = host.domain ? world.directory.domains[host.domain] : undefined;
  if (!domain) return rejected(`${host.name} is not a member of a domain, so it has no computer account to move.`);
  const target = ou === null ? null : Object.values(domain.ous).find((o) => o.dn.toLowerCase() === ou.toLowerCase());
  if (ou !== null && !target) return rejected(`The organizational unit ${ou} does not exist in ${domain.name}.`);
  host.ou = target?.dn ?? null;
  return done();
}
