import { int, list, obj, oneKey, opt, str, type Infer, type Node } from '../schema/dsl.js';
import { SUBNET_PATTERN, text } from './common.js';

/*
 * Lab variables: values drawn per student from a seed, as Packet Tracer's Variable Manager
 * does, so neighbours cannot copy each other's addresses, names or keys. Every value is text,
 * substituted wherever `{{name}}` appears in the lab, the lessons and their solutions.
 */

const choice = list(str({ minLength: 1, maxLength: 200, pattern: '^[^\\n{}]*$', expected: 'one line without braces' }), {
  minItems: 1,
  maxItems: 100,
  doc: 'Pick one of these values.',
});

const address = obj(
  {
    subnet: str({ pattern: SUBNET_PATTERN, expected: 'a subnet such as 192.168.1.0/24', doc: 'Draw a host address in this subnet.' }),
    from: opt(int({ min: 1, max: 65534, doc: 'Lowest host number to draw (default 1).' })),
    to: opt(int({ min: 1, max: 65534, doc: 'Highest host number to draw (default: the last usable one).' })),
  },
  'An IPv4 address, different from every other drawn address and from every address the lab names.',
);

const secret = obj(
  { length: int({ min: 6, max: 64, doc: 'Characters (letters and digits).' }) },
  'A random key of letters and digits, such as a preshared key.',
);

const number = obj({ min: int({ min: 0 }), max: int({ min: 0 }) }, 'A whole number between min and max, as text.');

type Description = { readonly description?: string };
export type VariableDef = Description &
  (
    | { readonly choice: Infer<typeof choice> }
    | { readonly address: Infer<typeof address> }
    | { readonly secret: Infer<typeof secret> }
    | { readonly number: Infer<typeof number> }
  );

export const VariableNode: Node<VariableDef> = oneKey<VariableDef>(
  { description: opt(text('What the variable stands for.')) },
  { choice, address, secret, number },
  'A value drawn per student: choice, address, secret or number.',
);

/** The placeholder syntax, `{{ name }}`. */
export const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
export const VARIABLE_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]{0,39}$';
