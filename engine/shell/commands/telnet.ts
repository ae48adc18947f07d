import type { World } from '../../model/world.js';
import type { Host } from '../../model/host.js';
import { commitTraffic, draftTraffic } from '../../traffic/draft.js';
import { resolveName } from '../../traffic/resolve.js';
import { tcpConnect, tcpExchange } from '../../traffic/tcp.js';
import { printed, type ShellCommand, type ShellResult } from '../command.js';

const USAGE = [
  'telnet [-a][-e escape char][-f log file][-l user][-t term][host [port]]',
  ' host\t\tSpecifies the hostname or IP address of the remote computer',
  '\t\tto connect to.',
  ' port\t\tSpecifies a port number or service name.',
].join('\n');

/** The telnet server's greeting; the lab closes the session there, having proved the connection. */
const BANNER = ['Welcome to Microsoft Telnet Service', '', 'login: ', '', 'Connection to host lost.'];

function connect(world: World, host: Host, target: string, port: number): ShellResult {
  const to = resolveName(world, target);
  if (!to) return printed(`Connecting To ${target}...Could not open connection to the host, on port ${port}: Connect failed`);
  const draft = draftTraffic(world);
  const result = tcpConnect(draft, host, to.host, port);
  const lines = [`Connecting To ${target}...`];
  if (result !== 'connected' || !to.host) {
    lines[0] += `Could not open connection to the host, on port ${port}: Connect failed`;
  } else {
    tcpExchange(draft, host, to.host, port, 512);
    lines.push(...(port === 23 ? BANNER : ['', 'Connection to host lost.']));
  }
  return { ...printed(...lines), effects: [commitTraffic(draft)] };
}

/** telnet HOST [PORT]: a TCP connection through IPSec, the source document's example traffic. */
export const telnet: ShellCommand = {
  name: 'telnet',
  summary: 'Opens a Telnet connection to a computer, or tests a TCP port.',
  usage: USAGE,
  builtIn: false,
  run({ world, host }, args) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words[0] === '/?' || words.length > 2) return printed(USAGE);
    const port = words[1] === undefined ? 23 : Number(words[1]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return printed(`Connecting To ${words[0]}...Could not open connection to the host, on port ${words[1]}: Connect failed`);
    return connect(world, host, words[0] ?? '', port);
  },
};
