import { describe, expect, it } from 'vitest';
import { completeNetshLine, runNetshCommandLine, runNetshLine, type NetshDeps, type NetshSession } from './index.js';

/** A small seeded generator (mulberry32), so a failure is reproducible. */
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

const WORDS = [
  'ipsec', 'static', 'dynamic', 'add', 'set', 'show', 'delete', 'policy', 'filter', 'filterlist', 'filteraction', 'rule', 'all',
  'default', 'store', 'config', 'mmpolicy', 'qmsas', 'stats', '..', '?', '/?', 'help', 'pushd', 'popd', 'exec', 'exit', 'dump',
  'name=x', 'name="a b"', 'srcaddr=me', 'dstaddr=any', 'srca=10.0.0.1-10.0.0.9', 'mir=n', 'proto=tcp', 'srcmask=24', 'dstport=80',
  'qmsec="ESP[3DES,SHA1]"', 'mmsec="3DES-SHA1-2"', 'rootca="CN=x certmap:yes"', 'psk=', '=', 'a=', '"', '""', 'x', 'P1', '0',
  '-1', '99999999999', 'me', 'ANY', 'WINS', 'yes', 'n', 'guid={00000000-0000-0000-0000-000000000000}', 'property=bootmode', 'value=block',
];

const VALID = [
  'ipsec static add policy name="Secure Server" mmpfs=yes assign=y mmsec="3DES-SHA1-2 DES-MD5-1"',
  'ipsec static add filter filterlist=FL srcaddr=me dstaddr=10.0.0.0 dstmask=8 protocol=TCP dstport=445',
  'ipsec static add rule R P FL FA psk=secret rootca="CN=\\\'Root\\\' certmap:no excludecaname:yes"',
  'ipsec dynamic add rule srcaddr=me dstaddr=any mmpolicy=MM qmpolicy=QM actioninbound=block',
  'ipsec dynamic set config bootexemptions value="tcp:0:3389:inbound"',
  'pushd ipsec static',
  'exec script.txt',
];

const CHARS = ' "=?/\\-.:[],x0a\t';

function mutate(line: string, next: () => number): string {
  const at = Math.floor(next() * (line.length + 1));
  const ch = CHARS.charAt(Math.floor(next() * CHARS.length));
  switch (Math.floor(next() * 4)) {
    case 0:
      return line.slice(0, at) + line.slice(at + 1);
    case 1:
      return line.slice(0, at) + ch + line.slice(at);
    case 2:
      return line.slice(0, at);
    default: {
      const words = line.split(' ');
      const i = Math.floor(next() * words.length);
      return [...words.slice(0, i), words[Math.floor(next() * words.length)] ?? '', ...words.slice(i)].join(' ');
    }
  }
}

function randomLine(next: () => number): string {
  if (next() < 0.4) {
    let line = VALID[Math.floor(next() * VALID.length)] ?? '';
    for (let n = Math.floor(next() * 4); n > 0; n--) line = mutate(line, next);
    return line;
  }
  const count = 1 + Math.floor(next() * 7);
  return Array.from({ length: count }, () => WORDS[Math.floor(next() * WORDS.length)]).join(next() < 0.8 ? ' ' : '  ');
}

const deps: NetshDeps = {
  readFile: (path) => (path === 'script.txt' ? 'pushd ipsec static\nadd policy X\nexec script.txt\npopd\n' : undefined),
  objectNames: () => ['P1', 'Two Words'],
};

describe('generated input', () => {
  it('never throws, and every line either prints something or has an effect', () => {
    const next = random(2003);
    const start: NetshSession = { path: ['ipsec', 'static'], stack: [[]] };
    let silentWithoutEffect = 0;
    for (let i = 0; i < 4000; i++) {
      const line = randomLine(next);
      const r = runNetshLine(start, line, deps);
      expect(typeof r.output, line).toBe('string');
      const effect = r.requests.length > 0 || r.exit === true || JSON.stringify(r.newState) !== JSON.stringify(start);
      if (line.trim() !== '' && r.output === '' && !effect) silentWithoutEffect++;
      completeNetshLine(start, line, deps);
      const oneShot = runNetshCommandLine(line, deps);
      expect(oneShot.exitCode === 0 || oneShot.exitCode === 1, line).toBe(true);
    }
    expect(silentWithoutEffect).toBe(0);
  });
});
