/*
 * A small schema language for pack files. The pack model is written once in it: the validator
 * (validate.ts) checks parsed YAML against it, the JSON Schema shipped in schema/ is emitted
 * from it (json-schema.ts), and the TypeScript types are derived from it with `Infer`.
 */

interface Described {
  /** Shown in editors (JSON Schema `description`) and in the authoring guide. */
  readonly doc?: string;
}

export interface StringSpec extends Described {
  readonly kind: 'string';
  /** An anchored regular expression; also emitted into the JSON Schema. */
  readonly pattern?: string;
  /** What the pattern means, for the error message ("a semantic version such as 1.0.0"). */
  readonly expected?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** May hold `{{variable}}` placeholders; patterns are checked after substitution. */
  readonly templated?: boolean;
}

export interface EnumSpec extends Described {
  readonly kind: 'enum';
  readonly values: readonly (string | number)[];
}

export interface IntSpec extends Described {
  readonly kind: 'int';
  readonly min?: number;
  readonly max?: number;
}

export interface BoolSpec extends Described {
  readonly kind: 'bool';
}

export interface NullableSpec extends Described {
  readonly kind: 'nullable';
  readonly inner: Spec;
}

export interface ArraySpec extends Described {
  readonly kind: 'array';
  readonly items: Spec;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface PropSpec {
  readonly spec: Spec;
  readonly optional: boolean;
}

export interface ObjectSpec extends Described {
  readonly kind: 'object';
  readonly props: Readonly<Record<string, PropSpec>>;
}

/** A map with free keys (variable names), each value of one shape. */
export interface RecordSpec extends Described {
  readonly kind: 'record';
  readonly values: Spec;
  readonly keyPattern: string;
  readonly maxProps?: number;
}

/** Alternatives told apart by their JSON type (a string or an object, say). */
export interface UnionSpec extends Described {
  readonly kind: 'union';
  readonly alternatives: readonly Spec[];
}

/** An object with shared fields and exactly one of several keys: how a check names its predicate. */
export interface OneKeySpec extends Described {
  readonly kind: 'one-key';
  readonly common: Readonly<Record<string, PropSpec>>;
  readonly keys: Readonly<Record<string, Spec>>;
}

/** A named definition, so recursive shapes (checks inside all/any/not) can refer to themselves. */
export interface RefSpec extends Described {
  readonly kind: 'ref';
  readonly name: string;
  readonly target: () => Spec;
}

export type Spec = StringSpec | EnumSpec | IntSpec | BoolSpec | NullableSpec | ArraySpec | ObjectSpec | RecordSpec | UnionSpec | OneKeySpec | RefSpec;

/** A spec carrying the TypeScript type of the values it accepts (a phantom field, never set). */
export type Node<T> = Spec & { readonly __type: T };

export type Infer<N> = N extends Node<infer T> ? T : never;

/** Marks an object property as optional. */
export interface Optional<T> {
  readonly optional: Node<T>;
}

export type Props = Readonly<Record<string, Node<unknown> | Optional<unknown>>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type RequiredPart<P extends Props> = { readonly [K in keyof P as P[K] extends Optional<unknown> ? never : K]: Infer<P[K]> };
type OptionalPart<P extends Props> = {
  readonly [K in keyof P as P[K] extends Optional<unknown> ? K : never]?: P[K] extends Optional<infer T> ? T : never;
};
export type ObjectOf<P extends Props> = Simplify<RequiredPart<P> & OptionalPart<P>>;

const typed = <T>(spec: Spec): Node<T> => spec as Node<T>;

export function str(options: Omit<StringSpec, 'kind'> = {}): Node<string> {
  return typed({ kind: 'string', ...options });
}

export function oneOf<const V extends readonly (string | number)[]>(values: V, doc?: string): Node<V[number]> {
  return typed({ kind: 'enum', values, ...(doc ? { doc } : {}) });
}

export function int(options: Omit<IntSpec, 'kind'> = {}): Node<number> {
  return typed({ kind: 'int', ...options });
}

export function bool(doc?: string): Node<boolean> {
  return typed({ kind: 'bool', ...(doc ? { doc } : {}) });
}

export function nullable<T>(inner: Node<T>, doc?: string): Node<T | null> {
  return typed({ kind: 'nullable', inner, ...(doc ? { doc } : {}) });
}

export function list<T>(items: Node<T>, options: Omit<ArraySpec, 'kind' | 'items'> = {}): Node<readonly T[]> {
  return typed({ kind: 'array', items, ...options });
}

export function opt<T>(node: Node<T>): Optional<T> {
  return { optional: node };
}

export function propSpecs(props: Props): Record<string, PropSpec> {
  const out: Record<string, PropSpec> = {};
  for (const [key, p] of Object.entries(props)) out[key] = 'optional' in p ? { spec: p.optional, optional: true } : { spec: p, optional: false };
  return out;
}

export function obj<const P extends Props>(props: P, doc?: string): Node<ObjectOf<P>> {
  return typed({ kind: 'object', props: propSpecs(props), ...(doc ? { doc } : {}) });
}

export function record<T>(values: Node<T>, keyPattern: string, options: { doc?: string; maxProps?: number } = {}): Node<Readonly<Record<string, T>>> {
  return typed({ kind: 'record', values, keyPattern, ...options });
}

export function union<const N extends readonly Node<unknown>[]>(alternatives: N, doc?: string): Node<Infer<N[number]>> {
  return typed({ kind: 'union', alternatives, ...(doc ? { doc } : {}) });
}

/** One of `keys` plus the `common` fields; the value type is given by the caller (it may be recursive). */
export function oneKey<T>(common: Props, keys: Readonly<Record<string, Node<unknown>>>, doc?: string): Node<T> {
  return typed({ kind: 'one-key', common: propSpecs(common), keys, ...(doc ? { doc } : {}) });
}

export function ref<T>(name: string, target: () => Node<T>): Node<T> {
  return typed({ kind: 'ref', name, target });
}
