import type { Host } from '../../model/host.js';
import { findHost } from '../../model/world.js';
import type { Predicates } from '../model.js';
import { fail, pass, type Evaluator, type Outcome } from './outcome.js';

/* Predicates over one computer's state, and over what the student typed. */

function onHost(name: string, body: (host: Host) => Outcome): Evaluator {
  return ({ world }) => {
    const host = findHost(world, name);
    return host ? body(host) : fail(`there is no host ${name} in this lab`);
  };
}

export function serviceCheck(p: Predicates['service']): Evaluator {
  return onHost(p.host, (host) => {
    const running = host.policyAgent.running;
    const said = `IPSEC Services on ${host.name} is ${running ? 'running' : 'stopped'}`;
    return running === p.running ? pass(said) : fail(`${said}, expected ${p.running ? 'running' : 'stopped'}`);
  });
}

export function powerCheck(p: Predicates['power']): Evaluator {
  return onHost(p.host, (host) => {
    const said = `${host.name} is switched ${host.online ? 'on' : 'off'}`;
    return host.online === p.online ? pass(said) : fail(said);
  });
}

/**
 * SEAM(spd): the registry-backed `netsh ipsec dynamic set config` values, once hosts carry
 * their SPD (engine/spd). Until then the field is missing and the check fails saying so.
 */
function configValue(host: Host, property: string): unknown {
  const spd = (host as unknown as { spd?: { config?: Record<string, unknown> } }).spd;
  return spd?.config?.[property];
}

export function configCheck(p: Predicates['config']): Evaluator {
  return onHost(p.host, (host) => {
    const value = configValue(host, p.property);
    if (value === undefined) return fail(`${host.name}'s dynamic configuration (${p.property}) is not simulated in this build`);
    const same = String(value).toLowerCase() === String(p.value).toLowerCase();
    const said = `${p.property} on ${host.name} is ${String(value)}`;
    return same ? pass(said) : fail(`${said}, expected ${String(p.value)}`);
  });
}

/** Case and runs of spaces do not matter in a typed command. */
export function normalizeCommand(line: string): string {
  return line.trim().replace(/\s+/g, ' ').toLowerCase();
}

function commandMatches(line: string, want: string, how: 'prefix' | 'exact' | 'contains'): boolean {
  switch (how) {
    case 'exact':
      return line === want;
    case 'contains':
      return line.includes(want);
    case 'prefix':
      // Whole words only: "gpupdate" matches "gpupdate /force" but not "gpupdatex".
      return line === want || line.startsWith(`${want} `) || line.startsWith(`${want}/`);
  }
}

export function ranCheck(p: Predicates['ran']): Evaluator {
  const want = normalizeCommand(p.command);
  const how = p.match ?? 'prefix';
  const times = p.times ?? 1;
  const host = p.host?.toUpperCase();
  return ({ transcript }) => {
    let count = 0;
    for (const { action } of transcript) {
      if (action.type !== 'command' || (host !== undefined && action.host.toUpperCase() !== host)) continue;
      if (commandMatches(normalizeCommand(action.line), want, how)) count++;
    }
    const where = p.host ? ` on ${p.host}` : '';
    const said = `"${p.command}" was run${where} ${count === 1 ? 'once' : `${count} times`}`;
    return count >= times ? pass(said) : fail(count === 0 ? `"${p.command}" was not run${where}` : `${said}, expected at least ${times}`);
  };
}
