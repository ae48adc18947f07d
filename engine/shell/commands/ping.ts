import { PROTOCOL } from '../../ipsec/constants.js';
import type { Host } from '../../model/host.js';
import type { World } from '../../model/world.js';
import { commitTraffic, draftTraffic, type TrafficDraft } from '../../traffic/draft.js';
import { resolveName, type Resolved } from '../../traffic/resolve.js';
import { sendPacket } from '../../traffic/send.js';
import { printed, type ShellCommand, type ShellResult } from '../command.js';

const USAGE = [
  '',
  'Usage: ping [-t] [-a] [-n count] [-l size] [-f] [-i TTL] [-v TOS]',
  '            [-r count] [-s count] [[-j host-list] | [-k host-list]]',
  '            [-w timeout] target_name',
  '',
  'Options:',
  '    -t             Ping the specified host until stopped.',
  '    -a             Resolve addresses to hostnames.',
  '    -n count       Number of echo requests to send.',
  '    -l size        Send buffer size.',
  '    -w timeout     Timeout in milliseconds to wait for each reply.',
].join('\n');

interface PingOptions {
  readonly target: string;
  readonly count: number;
  readonly size: number;
  readonly timeout: number;
}

/** ping's own limits; -t cannot run in a lab whose commands must end. */
const MAX_COUNT = 100;
const INTERVAL_MS = 1000;

function parseOptions(args: string): PingOptions | string {
  const words = args.trim().split(/\s+/).filter(Boolean);
  let count = 4;
  let size = 32;
  let timeout = 4000;
  let target: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const flag = /^[-/]([a-z])$/i.exec(word)?.[1]?.toLowerCase();
    if (!flag) {
      if (target !== null) return `Bad parameter ${word}.`;
      target = word;
      continue;
    }
    if (flag === 't') return 'Option -t needs Ctrl+Break to stop, which this lab cannot send; use -n count.';
    if (flag === 'a' || flag === 'f') continue;
    const value = Number(words[++i]);
    if (!Number.isInteger(value)) return `Value must be supplied for option ${word}.`;
    if (flag === 'n') count = value;
    else if (flag === 'l') size = value;
    else if (flag === 'w') timeout = value;
    else if (!['i', 'v', 'r', 's'].includes(flag)) return `Bad option ${word}.`;
  }
  if (target === null) return '';
  if (count < 1 || count > MAX_COUNT) return `Bad value for option -n, valid range is from 1 to ${MAX_COUNT}.`;
  if (size < 0 || size > 65500) return 'Bad value for option -l, valid range is from 0 to 65500.';
  return { target, count, size, timeout: Math.max(1, timeout) };
}

type Echo = 'reply' | 'negotiating' | 'timeout';

/** One echo request and, if it arrives, the reply back; the draft's clock moves as ping waits. */
function echo(draft: TrafficDraft, from: Host, to: Resolved, options: PingOptions): Echo {
  if (to.address === from.nic.address || to.address.startsWith('127.')) return 'reply';
  const bytes = options.size + 28;
  const request = { src: from.nic.address, dst: to.address, protocol: PROTOCOL.ICMP };
  const out = sendPacket(draft, from, to.host, request, bytes);
  if (out.negotiating) return 'negotiating';
  if (!out.delivered || !to.host) return 'timeout';
  const back = sendPacket(draft, to.host, from, { src: to.address, dst: from.nic.address, protocol: PROTOCOL.ICMP }, bytes);
  if (back.negotiating || !back.delivered) return back.negotiating ? 'negotiating' : 'timeout';
  return 'reply';
}

function statistics(address: string, results: readonly Echo[]): string[] {
  const received = results.filter((r) => r === 'reply').length;
  const lost = results.length - received;
  const lines = [
    '',
    `Ping statistics for ${address}:`,
    `    Packets: Sent = ${results.length}, Received = ${received}, Lost = ${lost} (${Math.floor((lost * 100) / results.length)}% loss),`,
  ];
  if (received > 0) {
    lines.push('Approximate round trip times in milli-seconds:', '    Minimum = 0ms, Maximum = 0ms, Average = 0ms');
  }
  return lines;
}

function run(world: World, host: Host, options: PingOptions): ShellResult {
  const to = resolveName(world, options.target);
  if (!to) return printed(`Ping request could not find host ${options.target}. Please check the name and try again.`);
  const draft = draftTraffic(world);
  const heading = to.fqdn ? `${to.fqdn} [${to.address}]` : to.address;
  const lines = ['', `Pinging ${heading} with ${options.size} bytes of data:`, ''];
  const results: Echo[] = [];
  for (let i = 0; i < options.count; i++) {
    const result = echo(draft, host, to, options);
    results.push(result);
    if (result === 'reply') lines.push(`Reply from ${to.address}: bytes=${options.size} time<1ms TTL=128`);
    else lines.push(result === 'negotiating' ? 'Negotiating IP Security.' : 'Request timed out.');
    draft.now += result === 'timeout' ? options.timeout : INTERVAL_MS;
  }
  return { ...printed(...lines, ...statistics(to.address, results)), effects: [commitTraffic(draft)] };
}

/** ping: ICMP echo through both hosts' IPSec policies — the first test of any new policy. */
export const ping: ShellCommand = {
  name: 'ping',
  summary: 'Sends ICMP echo requests to a computer and reports the replies.',
  usage: USAGE,
  builtIn: false,
  run({ world, host }, args) {
    if (args.trim() === '/?' || args.trim() === '-?') return printed(USAGE);
    const options = parseOptions(args);
    if (typeof options === 'string') return options ? printed(options, USAGE) : printed(USAGE);
    return run(world, host, options);
  },
};
