import type { ArraySpec, EnumSpec, IntSpec, ObjectSpec, OneKeySpec, PropSpec, RecordSpec, Spec, StringSpec, UnionSpec } from './dsl.js';
import { closest } from './suggest.js';

/** Where in a parsed document a problem is: keys and list indexes from the root. */
export type Path = readonly (string | number)[];

export interface SchemaProblem {
  readonly path: Path;
  readonly message: string;
}

/** A file with more problems than this is reported up to here: the rest are usually echoes. */
export const MAX_PROBLEMS_PER_FILE = 50;

type Json = 'text' | 'number' | 'true/false' | 'a list' | 'a mapping' | 'null';

function jsonType(value: unknown): Json {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true/false';
    default:
      return 'a mapping';
  }
}

const isMapping = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON types a spec accepts, to choose a union's alternative. */
function accepts(spec: Spec): Json[] {
  switch (spec.kind) {
    case 'string':
      return ['text'];
    case 'enum':
      return [...new Set(spec.values.map((v) => (typeof v === 'number' ? 'number' : 'text') as Json))];
    case 'int':
      return ['number'];
    case 'bool':
      return ['true/false'];
    case 'nullable':
      return ['null', ...accepts(spec.inner)];
    case 'array':
      return ['a list'];
    case 'union':
      return spec.alternatives.flatMap(accepts);
    case 'ref':
      return accepts(spec.target());
    default:
      return ['a mapping'];
  }
}

/** Words for what a spec wants, used in "expected …, found …". */
export function describeSpec(spec: Spec): string {
  switch (spec.kind) {
    case 'string':
      return spec.expected ?? 'text';
    case 'enum':
      return `one of: ${spec.values.join(', ')}`;
    case 'int':
      return 'a whole number';
    case 'bool':
      return 'true or false';
    case 'nullable':
      return `${describeSpec(spec.inner)} or null`;
    case 'array':
      return 'a list';
    case 'union':
      return spec.alternatives.map(describeSpec).join(' or ');
    case 'ref':
      return describeSpec(spec.target());
    default:
      return 'a mapping (key: value)';
  }
}

/** Deeper than this, a document is refused rather than walked (checks nest through all/any/not). */
export const MAX_NESTING = 40;

class Walker {
  readonly problems: SchemaProblem[] = [];

  report(path: Path, message: string): void {
    if (this.problems.length < MAX_PROBLEMS_PER_FILE) this.problems.push({ path, message });
  }

  walk(spec: Spec, value: unknown, path: Path): void {
    if (path.length > MAX_NESTING) return this.report(path, `nested more than ${MAX_NESTING} levels deep`);
    switch (spec.kind) {
      case 'string':
        return this.string(spec, value, path);
      case 'enum':
        return this.enumeration(spec, value, path);
      case 'int':
        return this.int(spec, value, path);
      case 'bool':
        if (typeof value !== 'boolean') this.mismatch(spec, value, path);
        return;
      case 'nullable':
        if (value !== null) this.walk(spec.inner, value, path);
        return;
      case 'array':
        return this.array(spec, value, path);
      case 'object':
        return this.object(spec, value, path);
      case 'record':
        return this.record(spec, value, path);
      case 'union':
        return this.union(spec, value, path);
      case 'one-key':
        return this.oneKey(spec, value, path);
      case 'ref':
        return this.walk(spec.target(), value, path);
    }
  }

  private mismatch(spec: Spec, value: unknown, path: Path): void {
    const shown = typeof value === 'string' || typeof value === 'number' ? ` "${String(value)}"` : '';
    this.report(path, `expected ${describeSpec(spec)}, found ${jsonType(value)}${shown}`);
  }

  private enumeration(spec: EnumSpec, value: unknown, path: Path): void {
    if (spec.values.includes(value as string | number)) return;
    // YAML reads 2003 as a number; the model wants the text "2003".
    if (typeof value === 'number' && spec.values.includes(String(value))) {
      return this.report(path, `write "${value}" in quotes: this field takes text (${spec.values.join(', ')})`);
    }
    this.mismatch(spec, value, path);
  }

  private string(spec: StringSpec, value: unknown, path: Path): void {
    if (typeof value !== 'string') return this.mismatch(spec, value, path);
    if (spec.minLength !== undefined && value.length < spec.minLength) {
      return this.report(path, spec.minLength === 1 ? 'must not be empty' : `must be at least ${spec.minLength} characters long`);
    }
    if (spec.maxLength !== undefined && value.length > spec.maxLength) return this.report(path, `is longer than ${spec.maxLength} characters`);
    // A placeholder is checked once the variables are drawn.
    if (spec.templated && value.includes('{{')) return;
    if (spec.pattern && !new RegExp(spec.pattern).test(value)) this.report(path, `"${value}" is not ${spec.expected ?? 'valid here'}`);
  }

  private int(spec: IntSpec, value: unknown, path: Path): void {
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.mismatch(spec, value, path);
    const { min, max } = spec;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      this.report(path, `${value} is out of range: it must be ${min ?? '…'} to ${max ?? '…'}`);
    }
  }

  private array(spec: ArraySpec, value: unknown, path: Path): void {
    if (!Array.isArray(value)) return this.mismatch(spec, value, path);
    if (spec.minItems !== undefined && value.length < spec.minItems) this.report(path, `needs at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}`);
    if (spec.maxItems !== undefined && value.length > spec.maxItems) this.report(path, `has ${value.length} items; at most ${spec.maxItems} are allowed`);
    value.forEach((item, i) => this.walk(spec.items, item, [...path, i]));
  }

  private fields(props: Readonly<Record<string, PropSpec>>, value: Record<string, unknown>, path: Path, extra: readonly string[] = []): void {
    const known = [...Object.keys(props), ...extra];
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const near = closest(key, known);
      this.report([...path, key], `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}`);
    }
    for (const [key, prop] of Object.entries(props)) {
      if (value[key] === undefined) {
        if (!prop.optional) this.report(path, `missing required field "${key}"`);
        continue;
      }
      this.walk(prop.spec, value[key], [...path, key]);
    }
  }

  private object(spec: ObjectSpec, value: unknown, path: Path): void {
    if (!isMapping(value)) return this.mismatch(spec, value, path);
    this.fields(spec.props, value, path);
  }

  private record(spec: RecordSpec, value: unknown, path: Path): void {
    if (!isMapping(value)) return this.mismatch(spec, value, path);
    const keys = Object.keys(value);
    if (spec.maxProps !== undefined && keys.length > spec.maxProps) this.report(path, `has ${keys.length} entries; at most ${spec.maxProps} are allowed`);
    const pattern = new RegExp(spec.keyPattern);
    for (const key of keys) {
      if (!pattern.test(key)) this.report([...path, key], `"${key}" is not a valid name here (letters, digits and _, starting with a letter)`);
      this.walk(spec.values, value[key], [...path, key]);
    }
  }

  private union(spec: UnionSpec, value: unknown, path: Path): void {
    const type = jsonType(value);
    const candidates = spec.alternatives.filter((alt) => accepts(alt).includes(type));
    const [first] = candidates;
    if (!first) return this.mismatch(spec, value, path);
    for (const alt of candidates) {
      const trial = new Walker();
      trial.walk(alt, value, path);
      if (trial.problems.length === 0) return;
    }
    this.walk(first, value, path);
  }

  private oneKey(spec: OneKeySpec, value: unknown, path: Path): void {
    if (!isMapping(value)) return this.mismatch(spec, value, path);
    const keys = Object.keys(spec.keys);
    const present = keys.filter((k) => value[k] !== undefined);
    if (present.length === 0) {
      this.report(path, `expected exactly one of: ${keys.join(', ')}`);
    } else if (present.length > 1) {
      this.report(path, `expected exactly one of ${keys.join(', ')}; found ${present.map((k) => `"${k}"`).join(' and ')}`);
    }
    this.fields(spec.common, value, path, keys);
    for (const key of present) this.walk(spec.keys[key] as Spec, value[key], [...path, key]);
  }
}

/** Every way `value` differs from `spec`, each at its path; an empty list means it conforms. */
export function validateAgainst(spec: Spec, value: unknown, path: Path = []): SchemaProblem[] {
  const walker = new Walker();
  walker.walk(spec, value, path);
  return walker.problems;
}
