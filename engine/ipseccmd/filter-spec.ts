/**
 * One -f filter: `Src/Mask:Port=Dst/Mask:Port:Protocol` [C:S8][C:S21]. `0` is this computer,
 * `*` any computer, `=` mirrored, `+` one way; masks, ports and protocol may be left out
 * (`*=0:1434:UDP`, `0+*::ICMP`). `(…)` makes a pass-through filter, `[…]` a blocking one [R].
 */
import type { AddressValue, ProtocolValue, ValueResult } from '../netsh/index.js';
import { parseAddress, parseMask } from '../netsh/address.js';
import { parseInteger, parseProtocol } from '../netsh/values.js';
import { WHY } from './labels.js';
import type { FilterKind, FilterSpec } from './types.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

const ANY_PROTOCOL: ProtocolValue = { name: 'ANY', number: 0 };

interface End {
  readonly address: AddressValue;
  readonly mask: string | undefined;
  readonly port: number;
}

function address(text: string): ValueResult<AddressValue> {
  if (text === '0') return ok({ kind: 'me' });
  if (text === '*') return ok({ kind: 'any' });
  if (text === '') return fail(WHY.noAddress);
  const parsed = parseAddress(text, ['ip', 'dns']);
  return parsed.ok ? parsed : fail(WHY.address(text));
}

function port(text: string): ValueResult<number> {
  if (text === '') return ok(0);
  const parsed = parseInteger(text, 0, 65535);
  return parsed.ok ? parsed : fail(WHY.port(text));
}

/** `addr[/mask]` and the port after it; a mask only follows an IP address. */
function end(addrPart: string, portPart: string): ValueResult<End> {
  const slash = addrPart.indexOf('/');
  const addr = address(slash < 0 ? addrPart : addrPart.slice(0, slash));
  if (!addr.ok) return addr;
  let mask: string | undefined;
  if (slash >= 0) {
    if (addr.value.kind !== 'ip') return fail(WHY.maskPlace);
    const parsed = parseMask(addrPart.slice(slash + 1));
    if (!parsed.ok) return fail(WHY.mask(addrPart.slice(slash + 1)));
    mask = parsed.value;
  }
  const p = port(portPart);
  return p.ok ? ok({ address: addr.value, mask, port: p.value }) : p;
}

function protocol(text: string | undefined): ValueResult<ProtocolValue> {
  if (text === undefined || text === '') return ok(ANY_PROTOCOL);
  const parsed = parseProtocol(text);
  return parsed.ok ? parsed : fail(WHY.protocol(text));
}

function unwrap(text: string): { kind: FilterKind; body: string } {
  if (text.startsWith('(') && text.endsWith(')')) return { kind: 'permit', body: text.slice(1, -1) };
  if (text.startsWith('[') && text.endsWith(']')) return { kind: 'block', body: text.slice(1, -1) };
  return { kind: 'negotiated', body: text };
}

export function parseFilterSpec(text: string): ValueResult<FilterSpec> {
  const { kind, body } = unwrap(text);
  const separators = body.match(/[=+]/g) ?? [];
  if (separators.length !== 1) return fail(WHY.separator);
  const mirrored = separators[0] === '=';
  const [left = '', right = ''] = body.split(/[=+]/);
  const [srcAddr = '', srcPort = '', ...extra] = left.split(':');
  if (extra.length > 0) return fail(WHY.protocolPlace);
  const [dstAddr = '', dstPort = '', proto, ...more] = right.split(':');
  if (more.length > 0) return fail(WHY.colons);
  const src = end(srcAddr, srcPort);
  if (!src.ok) return src;
  const dst = end(dstAddr, dstPort);
  if (!dst.ok) return dst;
  const prot = protocol(proto);
  if (!prot.ok) return prot;
  return ok({
    text,
    kind,
    srcaddr: src.value.address,
    srcmask: src.value.mask,
    srcport: src.value.port,
    dstaddr: dst.value.address,
    dstmask: dst.value.mask,
    dstport: dst.value.port,
    protocol: prot.value,
    mirrored,
  });
}
