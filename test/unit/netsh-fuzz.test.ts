import { describe, expect, it } from 'vitest';
import { toPrintable, type Lab, type World } from '../../engine/index.js';
import { splitRedirections } from '../../engine/shell/redirect.js';
import { twoHosts } from '../helpers/console-transcript.js';

/** mulberry32: seeded, so a failing line can be reproduced. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(next: Rng, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

/** Commands as typed at `netsh>`; prefixed with `netsh ` they are one-shot cmd.exe lines. */
const VALID = [
  'ipsec static add policy name=P1',
  'ipsec static add policy name="Secure Server" mmpfs=yes assign=y mmsec="3DES-SHA1-2 DES-MD5-1"',
  'ipsec static add filterlist FL1 description="web"',
  'ipsec static add filter filterlist=FL1 srcaddr=me dstaddr=10.0.0.0 dstmask=8 protocol=TCP dstport=445',
  'ipsec static add filter FL1 any srv2.example.test mir=no proto=udp srcport=53',
  'ipsec static add filteraction FA1 qmsec="ESP[3DES,SHA1]:100000k/3600s AH[MD5]+ESP[DES,None]"',
  'ipsec static add rule R1 P1 FL1 FA1 psk=secret rootca="CN=Root certmap:no"',
  'ipsec static set policy P1 assign=yes pollinginterval=5',
  'ipsec static set policy P1 gponame="Default Domain Policy"',
  'ipsec static set rule name=R1 policy=P1 kerberos=yes conntype=lan',
  'ipsec static set defaultrule P1 qmsec="ESP[DES,MD5]" activate=no',
  'ipsec static set filteraction FA1 action=block',
  'ipsec static set store location=domain',
  'ipsec static set store persistent',
  'ipsec static delete rule all P1',
  'ipsec static delete filterlist FL1',
  'ipsec static delete filter FL1 me 10.0.0.0 dstmask=8 protocol=TCP dstport=445',
  'ipsec static delete policy all',
  'ipsec static show all format=table wide=no',
  'ipsec static show policy name=P1 level=verbose',
  'ipsec static show rule all P1',
  'ipsec static show gpoassignedpolicy',
  'ipsec static exportpolicy x.ipsec',
  'ipsec static importpolicy x.ipsec',
  'ipsec dynamic add mmpolicy MM1 mmsec="3DES-SHA1-3"',
  'ipsec dynamic add qmpolicy QM1 pfsgroup=GRP2',
  'ipsec dynamic add rule me any MM1 QM1 actioninbound=block',
  'ipsec dynamic set config bootexemptions value="tcp:0:3389:inbound"',
  'ipsec dynamic show all',
  'ipsec dynamic delete all',
];

/** Lines that move between cmd.exe and netsh, and the file commands. */
const NAVIGATION = ['netsh', 'netsh -c "ipsec static"', 'exit', 'ipsec', 'static', '..', 'pushd ipsec static', 'popd', 'bye', '?'];
const FILES = ['echo pushd ipsec static> s.txt', 'echo add policy F1>> s.txt', 'netsh -f s.txt', 'exec s.txt', 'type s.txt', 'dir', 'echo.', 'echo'];

const ODD_VALUES = ['', '""', '"', '=', '-1', '99999999999', 'AES128-SHA1-2', 'ESP[AES,SHA1]', '0.0.0.0', '1.2.3', 'all', 'me', '?', '^', '>', '%PATH%'];
const CHARS = ' "=?/\\-.:[],^>|&%\t\x00\x07\x1b\x7f\r\u00e9\u202e';

const escapeName = (next: Rng) => `"\x1b[${Math.floor(next() * 48)}m${pick(next, ['red', 'P1', 'x'])}\x07\x1b]0;title\x07"`;

function mutate(line: string, next: Rng): string {
  const at = Math.floor(next() * (line.length + 1));
  const words = line.split(' ');
  const i = Math.floor(next() * words.length);
  switch (Math.floor(next() * 7)) {
    case 0:
      return line.slice(0, at) + line.slice(at + 1);
    case 1:
      return line.slice(0, at) + CHARS.charAt(Math.floor(next() * CHARS.length)) + line.slice(at);
    case 2:
      return line.slice(0, at);
    case 3:
      return [...words.slice(0, i), pick(next, words), ...words.slice(i)].join(' ');
    case 4: {
      // Keep the tag, change the value.
      const word = words[i] ?? '';
      const eq = word.indexOf('=');
      words[i] = eq > 0 ? `${word.slice(0, eq + 1)}${pick(next, ODD_VALUES)}` : pick(next, ODD_VALUES);
      return words.join(' ');
    }
    case 5:
      return line.replace(/name=\S+|"[^"]*"/, `name=${escapeName(next)}`);
    default:
      return at % 2 === 0 ? line.toUpperCase() : line.toLowerCase();
  }
}

function randomBytes(next: Rng): string {
  let text = '';
  for (let n = Math.floor(next() * 60); n > 0; n--) text += String.fromCharCode(next() < 0.9 ? Math.floor(next() * 256) : Math.floor(next() * 0x10000));
  return text;
}

function generate(next: Rng): string {
  const roll = next();
  if (roll < 0.15) return randomBytes(next);
  if (roll < 0.25) return pick(next, NAVIGATION);
  if (roll < 0.3) return pick(next, FILES);
  let line = pick(next, VALID);
  for (let n = Math.floor(next() * 3); n > 0; n--) line = mutate(line, next);
  return next() < 0.6 ? `netsh ${line}` : line;
}

/** Everything a line may replace; rejected lines must leave every one of them as it was. */
function references(world: World): unknown[] {
  const refs: unknown[] = [world.directory];
  for (const h of Object.values(world.hosts)) refs.push(h.stores, h.console, h.files, h.spd, h.policyAgent, h.gp, h.gp.domainPolicy, h.ou, h.online);
  return refs;
}

/** The small values changed in place (clock, random state, refresh times), compared as JSON every time. */
function inPlace(world: World): string {
  let text = `${world.clock} ${JSON.stringify(world.random)}`;
  for (const h of Object.values(world.hosts)) text += ` ${h.gp.lastRefresh} ${h.gp.nextRefresh} ${h.gp.appliedGpos.join()} ${h.gp.nextPoll}`;
  return text;
}

/** A line whose later parts may succeed after an earlier part failed, or that cmd.exe redirects (the file is made either way). */
function mayPartlyApply(lab: Lab, line: string): boolean {
  if (/exe|[-/]f\b/i.test(line)) return true;
  const split = splitRedirections(line);
  return lab.host('SRV1')?.console.netsh === null && split.ok && split.redirections.length > 0;
}

interface Tally {
  lines: number;
  rejected: number;
  fullChecks: number;
}

/** Runs one line and checks it: answered, and a rejected line changed nothing. */
function check(lab: Lab, line: string, tally: Tally, full: boolean): void {
  const refs = references(lab.world);
  const small = inPlace(lab.world);
  const before = full ? JSON.stringify(lab.world) : '';
  let outcome;
  try {
    outcome = lab.apply({ type: 'command', host: 'SRV1', line });
  } catch (e) {
    throw new Error(`line ${JSON.stringify(line.slice(0, 200))} threw: ${String(e)}`);
  }
  tally.lines++;
  if (!outcome.ok) throw new Error(`line ${JSON.stringify(line.slice(0, 200))} was refused: ${outcome.error}`);
  const output = outcome.shell?.output;
  if (typeof output !== 'string') throw new Error(`line ${JSON.stringify(line.slice(0, 200))} got no answer`);
  const failed = (outcome.shell?.errorLevel ?? 0) !== 0;
  if (failed && output === '') throw new Error(`line ${JSON.stringify(line.slice(0, 200))} failed silently`);
  if (/[\x00-\x08\x0b-\x1f\x7f]/.test(toPrintable(output))) throw new Error('a control character reached the terminal');
  if (!failed || mayPartlyApply(lab, line)) return;
  tally.rejected++;
  const after = references(lab.world);
  const moved = after.findIndex((value, i) => value !== refs[i]);
  if (moved >= 0 || inPlace(lab.world) !== small) throw new Error(`rejected line ${JSON.stringify(line.slice(0, 200))} changed the world (${moved})`);
  if (full) {
    tally.fullChecks++;
    if (JSON.stringify(lab.world) !== before) throw new Error(`rejected line ${JSON.stringify(line.slice(0, 200))} changed the world`);
  }
}

describe('fuzzing the SRV1 console', () => {
  it('answers 100,000 generated lines without throwing, and rejected lines change nothing', () => {
    const next = random(2003);
    const tally: Tally = { lines: 0, rejected: 0, fullChecks: 0 };
    // A fresh lab every 2,000 lines keeps the stores (and each check) small.
    for (let session = 0; session < 50; session++) {
      const lab = twoHosts();
      for (let i = 0; i < 2_000; i++) {
        const line = generate(next);
        check(lab, line, tally, i % 100 === 0);
        if (i % 20 === 0) expect(Array.isArray(lab.complete('SRV1', line))).toBe(true);
      }
    }
    expect(tally.lines).toBe(100_000);
    expect(tally.rejected).toBeGreaterThan(20_000);
    expect(tally.fullChecks).toBeGreaterThan(500);
    // About 6 s on two busy cores; the margin is for machines shared with browser tests.
  }, 60_000);

  it('survives megabyte lines at cmd.exe and inside netsh', () => {
    const lab = twoHosts();
    const tally: Tally = { lines: 0, rejected: 0, fullChecks: 0 };
    const mega = 'A'.repeat(1 << 20);
    const lines = [
      mega,
      `netsh ipsec static add policy name=${mega}`,
      `netsh ipsec static add policy name="${'\x1b[31m'.repeat(1 << 17)}"`,
      `echo ${mega}`,
      'netsh',
      `ipsec static add filterlist ${'"'.repeat(1 << 20)}`,
      `${' '.repeat(1 << 20)}`,
      'exit',
    ];
    for (const line of lines) check(lab, line, tally, true);
    expect(lab.host('SRV1')?.stores.local.policies.some((p) => p.name === mega)).toBe(true);
    check(lab, `netsh ipsec static delete policy ${mega}`, tally, true);
    expect(lab.host('SRV1')?.stores.local.policies.some((p) => p.name === mega)).toBe(false);
    expect(tally.lines).toBe(lines.length + 1);
  });

  it('stores names with escape sequences as typed', () => {
    const lab = twoHosts();
    const name = '\x1b[2J\x1b[31mred\x07';
    lab.apply({ type: 'command', host: 'SRV1', line: `netsh ipsec static add policy name="${name}"` });
    expect(lab.host('SRV1')?.stores.local.policies.some((p) => p.name === name)).toBe(true);
    const shown = lab.apply({ type: 'command', host: 'SRV1', line: `netsh ipsec static show policy name="${name}"` });
    expect(toPrintable(shown.ok ? (shown.shell?.output ?? '') : '')).toContain('^[[2J^[[31mred^G');
  });
});
