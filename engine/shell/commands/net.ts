import type { Host } from '../../model/host.js';
import { printed, type ShellCommand, type ShellResult } from '../command.js';
import { netUse } from './net-use.js';

const SYNTAX = [
  'The syntax of this command is:',
  '',
  '',
  'NET [ ACCOUNTS | COMPUTER | CONFIG | CONTINUE | FILE | GROUP | HELP |',
  '      HELPMSG | LOCALGROUP | NAME | PAUSE | PRINT | SEND | SESSION |',
  '      SHARE | START | STATISTICS | STOP | TIME | USE | USER | VIEW ]',
];

/** IPSEC Services' display name: "IPSEC Policy Agent" on Windows 2000 [R]. */
function displayName(host: Host): string {
  return host.version === '2000' ? 'IPSEC Policy Agent' : 'IPSEC Services';
}

/** A plausible set of running services, so `net start` looks like a real server's. */
function startedServices(host: Host): string[] {
  const services = ['Computer Browser', 'DHCP Client', 'DNS Client', 'Event Log', 'Logical Disk Manager', 'Plug and Play',
    'Remote Procedure Call (RPC)', 'Security Accounts Manager', 'Server', 'Workstation'];
  if (host.policyAgent.running) services.push(displayName(host));
  if (host.domain) services.push('Net Logon');
  if (host.roles.includes('domain-controller')) services.push('Kerberos Key Distribution Center');
  if (host.roles.includes('dns-server')) services.push('DNS Server');
  return services.sort((a, b) => a.localeCompare(b));
}

function isPolicyAgent(host: Host, name: string): boolean {
  const n = name.trim().replace(/^"|"$/g, '').toLowerCase();
  return n === 'policyagent' || n === displayName(host).toLowerCase();
}

function helpmsg(text: string, code: number): ShellResult {
  return printed(text, '', `More help is available by typing NET HELPMSG ${code}.`, '');
}

function start(host: Host, service: string): ShellResult {
  if (!isPolicyAgent(host, service)) return helpmsg('The service name is invalid.', 2185);
  if (host.policyAgent.running) return helpmsg('The requested service has already been started.', 2182);
  const name = displayName(host);
  return {
    ...printed(`The ${name} service is starting.`, `The ${name} service was started successfully.`, ''),
    effects: [{ kind: 'policy-agent', host: host.name, running: true }],
  };
}

function stop(host: Host, service: string): ShellResult {
  if (!isPolicyAgent(host, service)) return helpmsg('The service name is invalid.', 2185);
  const name = displayName(host);
  if (!host.policyAgent.running) return helpmsg(`The ${name} service is not started.`, 3521);
  return {
    ...printed(`The ${name} service is stopping.`, `The ${name} service was stopped successfully.`, ''),
    effects: [{ kind: 'policy-agent', host: host.name, running: false }],
  };
}

/** net.exe: start and stop of IPSEC Services, and `net use` to reach file shares. */
export const net: ShellCommand = {
  name: 'net',
  summary: 'Starts and stops services, among other network tasks.',
  usage: SYNTAX.join('\n'),
  builtIn: false,
  run({ world, host }, args) {
    const match = /^\s*(\S+)\s*(.*)$/s.exec(args);
    const verb = match?.[1]?.toLowerCase();
    const rest = match?.[2]?.trim() ?? '';
    if (verb === 'use') return netUse(world, host, rest);
    if (verb === 'start' && rest) return start(host, rest);
    if (verb === 'stop' && rest) return stop(host, rest);
    if (verb === 'start') {
      const services = startedServices(host).map((s) => `   ${s}`);
      return printed('These Windows services are started:', '', ...services, '', 'The command completed successfully.', '');
    }
    return printed(...SYNTAX, '');
  },
};
