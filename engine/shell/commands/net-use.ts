import type { Host } from '../../model/host.js';
import type { World } from '../../model/world.js';
import { commitTraffic, draftTraffic } from '../../traffic/draft.js';
import { resolveName } from '../../traffic/resolve.js';
import { tcpConnect, tcpExchange } from '../../traffic/tcp.js';
import { printed, type ShellResult } from '../command.js';

const SMB_PORT = 445;

function systemError(code: number, text: string): ShellResult {
  return printed(`System error ${code} has occurred.`, '', text, '');
}

/**
 * `net use \\HOST\share`: an SMB session over TCP 445 through IPSec — file-share traffic, which
 * lessons protect. A successful mapping is remembered for `net use` to list.
 */
export function netUse(world: World, host: Host, rest: string): ShellResult {
  const words = rest.split(/\s+/).filter(Boolean);
  if (words.length === 0) return listConnections(host);
  const unc = words.find((w) => w.startsWith('\\\\'));
  const match = unc ? /^\\\\([^\\]+)\\([^\\]+)$/.exec(unc) : null;
  if (!match) return printed('The syntax of this command is:', '', '', 'NET USE', '[devicename | *] [\\\\computername\\sharename[\\volume] [password | *]]', '');
  const [, server = '', share = ''] = match;
  if (words.some((w) => w.toLowerCase() === '/delete' || w.toLowerCase() === '/d')) {
    return {
      ...printed(`${unc} was deleted successfully.`, ''),
      effects: [{ kind: 'net-use', host: host.name, connections: host.netUse.filter((c) => c.toLowerCase() !== unc?.toLowerCase()) }],
    };
  }
  const to = resolveName(world, server);
  if (!to?.host) return systemError(53, 'The network path was not found.');
  const draft = draftTraffic(world);
  const result = tcpConnect(draft, host, to.host, SMB_PORT);
  if (result !== 'connected') return { ...systemError(53, 'The network path was not found.'), effects: [commitTraffic(draft)] };
  tcpExchange(draft, host, to.host, SMB_PORT, 1024);
  if (!to.host.services.shares.some((s) => s.toLowerCase() === share.toLowerCase())) {
    return { ...systemError(67, 'The network name cannot be found.'), effects: [commitTraffic(draft)] };
  }
  const connections = [...host.netUse.filter((c) => c.toLowerCase() !== unc?.toLowerCase()), unc ?? ''];
  return { ...printed('The command completed successfully.', ''), effects: [commitTraffic(draft), { kind: 'net-use', host: host.name, connections }] };
}

function listConnections(host: Host): ShellResult {
  if (host.netUse.length === 0) return printed('New connections will be remembered.', '', 'There are no entries in the list.', '');
  const rows = host.netUse.map((unc) => `${'OK'.padEnd(13)}${''.padEnd(10)}${unc.padEnd(25)}Microsoft Windows Network`);
  return printed('New connections will be remembered.', '', '', 'Status       Local     Remote                    Network', '', '-'.repeat(79), ...rows, 'The command completed successfully.', '');
}
