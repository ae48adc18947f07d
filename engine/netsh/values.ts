/** Parsing of one typed value. Keywords are case-insensitive, as netsh treats them. */
import { parseAddress, parseMask } from './address.js';
import type { ParamType, ProtocolName, ProtocolValue, ValueResult } from './grammar.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

/** Decimal digits only: netsh does not take signs, hex or white space inside numbers. */
export function parseInteger(text: string, min: number, max: number): ValueResult<number> {
  if (!/^\d{1,10}$/.test(text)) return fail(`"${text}" is not a number`);
  const n = Number(text);
  return n >= min && n <= max ? ok(n) : fail(`${n} is outside ${min}-${max}`);
}

export function parseYesNo(text: string): ValueResult<boolean> {
  const word = text.toLowerCase();
  if (word === 'yes' || word === 'y') return ok(true);
  if (word === 'no' || word === 'n') return ok(false);
  return fail(`"${text}" is not yes or no`);
}

/** Returns the keyword as the table spells it, whatever case was typed. */
export function parseKeyword(text: string, values: readonly string[]): ValueResult<string> {
  const found = values.find((v) => v.toLowerCase() === text.toLowerCase());
  return found === undefined ? fail(`"${text}" is not one of ${values.join(', ')}`) : ok(found);
}

const PROTOCOLS: readonly (readonly [ProtocolName, number])[] = [
  ['ANY', 0],
  ['ICMP', 1],
  ['TCP', 6],
  ['UDP', 17],
  ['RAW', 255],
];

export function parseProtocol(text: string): ValueResult<ProtocolValue> {
  const named = PROTOCOLS.find(([name]) => name === text.toUpperCase());
  if (named) return ok({ name: named[0], number: named[1] });
  const n = parseInteger(text, 0, 255);
  if (!n.ok) return n;
  const known = PROTOCOLS.find(([, num]) => num === n.value);
  return ok({ name: known ? known[0] : null, number: n.value });
}

export function parseValue(type: ParamType, text: string): ValueResult<unknown> {
  switch (type.kind) {
    case 'string':
      return ok(text);
    case 'integer':
      return parseInteger(text, type.min, type.max);
    case 'yesno':
      return parseYesNo(text);
    case 'enum':
      return parseKeyword(text, type.values);
    case 'address':
      return parseAddress(text, type.forms);
    case 'mask':
      return parseMask(text);
    case 'port':
      return parseInteger(text, 0, 65535);
    case 'protocol':
      return parseProtocol(text);
    case 'flag':
      return fail('a flag takes no value');
    case 'custom':
      return type.parse(text);
  }
}
