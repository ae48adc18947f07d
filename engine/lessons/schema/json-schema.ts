import type { PropSpec, Spec } from './dsl.js';

/** What a `{{name}}` placeholder looks like; a templated string may hold one instead of matching its pattern. */
export const PLACEHOLDER_PATTERN = '\\{\\{\\s*[A-Za-z][A-Za-z0-9_]*\\s*\\}\\}';

export type JsonSchema = { readonly [key: string]: unknown };

export interface SchemaMeta {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/** Emits JSON Schema (draft 2020-12) for a spec, with named definitions under `$defs`. */
export function toJsonSchema(root: Spec, meta: SchemaMeta): JsonSchema {
  const defs: Record<string, JsonSchema> = {};
  const body = emit(root, defs);
  const head = { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: meta.id, title: meta.title, description: meta.description };
  const merged = { ...head, ...body, description: meta.description };
  return Object.keys(defs).length ? { ...merged, $defs: sortKeys(defs) } : merged;
}

function sortKeys(defs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(defs).sort(([a], [b]) => a.localeCompare(b)));
}

function described(spec: Spec, schema: JsonSchema): JsonSchema {
  return spec.doc ? { description: spec.doc, ...schema } : schema;
}

function emit(spec: Spec, defs: Record<string, JsonSchema>): JsonSchema {
  return described(spec, shape(spec, defs));
}

function properties(props: Readonly<Record<string, PropSpec>>, defs: Record<string, JsonSchema>): { properties: JsonSchema; required: string[] } {
  const out: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, prop] of Object.entries(props)) {
    out[key] = emit(prop.spec, defs);
    if (!prop.optional) required.push(key);
  }
  return { properties: out, required };
}

function shape(spec: Spec, defs: Record<string, JsonSchema>): JsonSchema {
  switch (spec.kind) {
    case 'string': {
      const base = { type: 'string', ...pick(spec, ['minLength', 'maxLength']) };
      if (!spec.pattern) return base;
      if (!spec.templated) return { ...base, pattern: spec.pattern };
      return { ...base, anyOf: [{ pattern: spec.pattern }, { pattern: PLACEHOLDER_PATTERN }] };
    }
    case 'enum':
      return { enum: spec.values };
    case 'int':
      return { type: 'integer', ...(spec.min !== undefined ? { minimum: spec.min } : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}) };
    case 'bool':
      return { type: 'boolean' };
    case 'nullable':
      return { anyOf: [emit(spec.inner, defs), { type: 'null' }] };
    case 'array':
      return { type: 'array', items: emit(spec.items, defs), ...pick(spec, ['minItems', 'maxItems']) };
    case 'object': {
      const { properties: props, required } = properties(spec.props, defs);
      return { type: 'object', properties: props, ...(required.length ? { required } : {}), additionalProperties: false };
    }
    case 'record':
      return { type: 'object', propertyNames: { pattern: spec.keyPattern }, additionalProperties: emit(spec.values, defs), ...pick(spec, ['maxProps']) };
    case 'union':
      return { anyOf: spec.alternatives.map((alt) => emit(alt, defs)) };
    case 'one-key': {
      const common = properties(spec.common, defs);
      const keyed = Object.fromEntries(Object.entries(spec.keys).map(([k, s]) => [k, emit(s, defs)]));
      return {
        type: 'object',
        properties: { ...common.properties, ...keyed },
        ...(common.required.length ? { required: common.required } : {}),
        additionalProperties: false,
        oneOf: Object.keys(spec.keys).map((k) => ({ required: [k] })),
      };
    }
    case 'ref':
      if (!(spec.name in defs)) {
        defs[spec.name] = {};
        defs[spec.name] = emit(spec.target(), defs);
      }
      return { $ref: `#/$defs/${spec.name}` };
  }
}

function pick(spec: Spec, keys: readonly string[]): JsonSchema {
  const source = spec as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (source[key] === undefined) continue;
    out[key === 'maxProps' ? 'maxProperties' : key] = source[key];
  }
  return out;
}
