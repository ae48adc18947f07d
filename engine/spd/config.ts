/**
 * `set config` (netsh-ipsec-2003.md §3.2): seven registry-backed settings that survive an
 * IPSEC Services restart. Ranges and defaults are tagged as in the reference.
 */
import { PROTOCOL, type IpsecExemptValue } from '../ipsec/constants.js';
import { errors, ipsecError, type IpsecError } from '../ipsec/errors.js';
import { defaultIpsecExempt } from '../ipsec/exemptions.js';
import { fail, ok, type Result } from '../ipsec/result.js';
import type { WindowsVersion } from '../model/windows-version.js';
import { CONFIG_PROPERTIES, type BootExemption, type BootMode, type ConfigProperty, type IpsecConfig } from './types.js';

/** Integer properties and their ranges: ipsecexempt [C:S4], the rest [R]. */
export const CONFIG_RANGES = {
  ipsecdiagnostics: { min: 0, max: 7 },
  ikelogging: { min: 0, max: 1 },
  strongcrlcheck: { min: 0, max: 2 },
  ipsecloginterval: { min: 60, max: 86_400 },
  ipsecexempt: { min: 0, max: 3 },
} as const;

export const BOOT_MODES: readonly BootMode[] = ['stateful', 'block', 'permit'];

const BOOT_PROTOCOLS: Record<string, number> = { tcp: PROTOCOL.TCP, udp: PROTOCOL.UDP, icmp: PROTOCOL.ICMP, raw: PROTOCOL.RAW };

/**
 * Where each property can be changed. Only Server 2003 (and XP x64) has `netsh ipsec` (§1.1,
 * §7.1); of the seven, the reference names a 2000/XP registry counterpart only for
 * ipsecexempt (NoDefaultExempt [C:S24][C:S25]). The others simply do not exist there.
 */
export function configurableOn(version: WindowsVersion): { netsh: boolean; registry: readonly ConfigProperty[] } {
  return version === '2003' ? { netsh: true, registry: CONFIG_PROPERTIES } : { netsh: false, registry: ['ipsecexempt'] };
}

export interface ConfigDefaultsOptions {
  /** 2003 boots stateful once any IPSec policy was ever assigned, permit before that [C:S5][R]. */
  readonly policyEverAssigned?: boolean;
}

/**
 * Per-version defaults. ipsecexempt 3 on 2003, 0 on 2000/XP [C:S4][C:S24]; bootmode [C:S5];
 * the rest [R]. On 2000/XP there is no boot-time filtering, hence permit [R].
 */
export function defaultIpsecConfig(version: WindowsVersion, options: ConfigDefaultsOptions = {}): IpsecConfig {
  const bootmode: BootMode = version === '2003' && options.policyEverAssigned === true ? 'stateful' : 'permit';
  return {
    ipsecdiagnostics: 0,
    ikelogging: 0,
    strongcrlcheck: 1,
    ipsecloginterval: 3_600,
    ipsecexempt: defaultIpsecExempt(version),
    bootmode,
    bootexemptions: [],
  };
}

function badValue(property: string, value: string, expected: string): IpsecError {
  return ipsecError('invalid-value', `"${value}" is not a valid value for ${property}: ${expected}.`);
}

function parseInteger(property: keyof typeof CONFIG_RANGES, text: string): Result<number, IpsecError> {
  const range = CONFIG_RANGES[property];
  if (!/^[0-9]+$/.test(text)) return fail(badValue(property, text, `give an integer from ${range.min} to ${range.max}`));
  const value = Number(text);
  if (value < range.min || value > range.max) return fail(errors.outOfRange(property, value, range.min, range.max));
  return ok(value);
}

function parsePort(text: string): number | null {
  if (!/^[0-9]{1,5}$/.test(text)) return null;
  const value = Number(text);
  return value <= 65_535 ? value : null;
}

function parseBootExemption(item: string): BootExemption | null {
  const parts = item.split(':');
  if (parts.length !== 4) return null;
  const [protoText = '', srcText = '', dstText = '', dirText = ''] = parts;
  const named = BOOT_PROTOCOLS[protoText.toLowerCase()];
  const number = /^[0-9]{1,3}$/.test(protoText) && Number(protoText) <= 255 ? Number(protoText) : undefined;
  const protocol = named ?? number;
  const srcport = parsePort(srcText);
  const dstport = parsePort(dstText);
  const direction = dirText.toLowerCase();
  if (protocol === undefined || srcport === null || dstport === null) return null;
  if (direction !== 'inbound' && direction !== 'outbound') return null;
  return { protocol, srcport, dstport, direction };
}

/** `none`, or space-separated `protocol:srcport:dstport:direction` items [C:S5]. */
export function parseBootExemptions(text: string): Result<BootExemption[], IpsecError> {
  const items = text.trim().split(/\s+/).filter((t) => t !== '');
  if (items.length === 1 && items[0]?.toLowerCase() === 'none') return ok([]);
  const expected = 'give none or protocol:srcport:dstport:direction items such as tcp:0:3389:inbound';
  if (items.length === 0) return fail(badValue('bootexemptions', text, expected));
  const parsed: BootExemption[] = [];
  for (const item of items) {
    const exemption = parseBootExemption(item);
    if (!exemption) return fail(badValue('bootexemptions', item, expected));
    parsed.push(exemption);
  }
  return ok(parsed);
}

function isProperty(text: string): text is ConfigProperty {
  return (CONFIG_PROPERTIES as readonly string[]).includes(text);
}

function applyInteger(config: IpsecConfig, property: keyof typeof CONFIG_RANGES, value: number): IpsecConfig {
  switch (property) {
    case 'ikelogging':
      return { ...config, ikelogging: value === 1 ? 1 : 0 };
    case 'strongcrlcheck':
      return { ...config, strongcrlcheck: value as 0 | 1 | 2 };
    case 'ipsecexempt':
      return { ...config, ipsecexempt: value as IpsecExemptValue };
    default:
      return { ...config, [property]: value };
  }
}

/**
 * `set config property=… value=…`: the new config, or why not. The value is the text typed
 * (numbers are accepted too). A changed ipsecexempt takes effect only at the next boot [C:S4];
 * callers that model the driver must keep the value it booted with.
 */
export function setConfig(config: IpsecConfig, property: string, value: string | number): Result<IpsecConfig, IpsecError> {
  const name = property.toLowerCase();
  const text = String(value).trim();
  if (!isProperty(name)) {
    return fail(ipsecError('invalid-value', `"${property}" is not a configuration property: use ${CONFIG_PROPERTIES.join(', ')}.`));
  }
  if (name === 'bootmode') {
    const mode = BOOT_MODES.find((m) => m === text.toLowerCase());
    return mode ? ok({ ...config, bootmode: mode }) : fail(badValue(name, text, 'use stateful, block or permit'));
  }
  if (name === 'bootexemptions') {
    const list = parseBootExemptions(text);
    return list.ok ? ok({ ...config, bootexemptions: list.value }) : list;
  }
  const parsed = parseInteger(name, text);
  return parsed.ok ? ok(applyInteger(config, name, parsed.value)) : parsed;
}

/** Back to the `value=` text: `tcp:0:3389:inbound`, numbers for unnamed protocols. */
export function formatBootExemption(exemption: BootExemption): string {
  const name = Object.keys(BOOT_PROTOCOLS).find((k) => BOOT_PROTOCOLS[k] === exemption.protocol);
  return `${name ?? String(exemption.protocol)}:${exemption.srcport}:${exemption.dstport}:${exemption.direction}`;
}
