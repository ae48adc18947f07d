/** `set config` / `show config` (reference §3.2): registry-backed settings, so they survive restarts. */
import { command, p } from '../params.js';
import { parseInteger, parseKeyword } from '../values.js';

const PROPERTIES = ['ipsecdiagnostics', 'ikelogging', 'strongcrlcheck', 'ipsecloginterval', 'ipsecexempt', 'bootmode', 'bootexemptions'] as const;
type Property = (typeof PROPERTIES)[number];

const RANGES: Partial<Record<Property, readonly [number, number]>> = {
  ipsecdiagnostics: [0, 7],
  ikelogging: [0, 1],
  strongcrlcheck: [0, 2],
  ipsecloginterval: [60, 86400],
  ipsecexempt: [0, 3],
};

/** One boot exemption: protocol:srcport:dstport:direction, protocol by name or number. */
function isBootExemption(text: string): boolean {
  const [proto, src, dst, dir, ...extra] = text.split(':');
  if (proto === undefined || src === undefined || dst === undefined || dir === undefined || extra.length > 0) return false;
  const protoOk = parseKeyword(proto, ['tcp', 'udp', 'icmp', 'raw']).ok || parseInteger(proto, 0, 255).ok;
  return protoOk && parseInteger(src, 0, 65535).ok && parseInteger(dst, 0, 65535).ok && parseKeyword(dir, ['inbound', 'outbound']).ok;
}

/** Whether `value` suits `property`; the value's form depends on the property chosen. */
export function configValueValid(property: Property, value: string): boolean {
  const range = RANGES[property];
  if (range) return parseInteger(value, range[0], range[1]).ok;
  if (property === 'bootmode') return parseKeyword(value, ['stateful', 'block', 'permit']).ok;
  const items = value.trim().split(/\s+/);
  if (items.length === 1 && items[0]?.toLowerCase() === 'none') return true;
  return items.every(isBootExemption);
}

export const setConfig = command({
  id: 'dynamic.set.config',
  verb: 'set',
  object: 'config',
  description: 'Sets the IPsec configuration and boot time behavior.',
  purpose: 'Changes an IPsec driver or IKE setting.',
  params: [
    p.keyword('property', PROPERTIES, 'Setting to change (see Remarks).', { required: true }),
    p.string('value', 'New value of the setting.', { required: true, syntax: '<integer> | <keyword> | <list>' }),
  ],
  check: (args) => configValueValid(args.property, args.value),
  remarks: [
    'ipsecdiagnostics 0-7; ikelogging 0 or 1 (Oakley log);\nstrongcrlcheck 0-2; ipsecloginterval 60-86400 seconds.',
    'ipsecexempt 0-3: which traffic bypasses IPSec (3: only IKE).\nTakes effect after a restart.',
    'bootmode is stateful, block or permit; bootexemptions is none or\na list of protocol:srcport:dstport:direction in quotes.',
  ],
  examples: ['set config ipsecexempt value=3', 'set config property=bootexemptions value="tcp:0:3389:inbound udp:0:53:outbound"'],
});

export const showConfig = command({
  id: 'dynamic.show.config',
  verb: 'show',
  object: 'config',
  description: 'Displays IPsec configuration.',
  purpose: 'Shows the IPsec driver and IKE settings.',
  params: [],
  examples: ['show config'],
});
