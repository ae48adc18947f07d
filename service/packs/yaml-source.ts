import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { problem, type Path, type Problem } from '../../engine/lessons/index.js';
import { MAX_YAML_ALIASES } from './limits.js';

/** A parsed YAML file: its plain value, its problems, and where any path into it is written. */
export interface YamlSource {
  readonly value: unknown;
  /** True when the text is not valid YAML; `value` is then undefined. */
  readonly broken: boolean;
  readonly problems: readonly Problem[];
  readonly locate: (path: Path) => { line: number; column: number } | undefined;
}

/** The yaml library's message without its own position suffix and source excerpt. */
function cleanMessage(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

type YNode = unknown;

function childOf(node: YNode, key: string | number): { node: YNode; at: YNode } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
    // An entry is shown at its key, where the author typed the field's name.
    return pair ? { node: pair.value, at: pair.key } : undefined;
  }
  if (isSeq(node) && typeof key === 'number') {
    const item = node.items[key];
    return item === undefined ? undefined : { node: item, at: item };
  }
  return undefined;
}

function rangeStart(node: YNode): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function locator(doc: Document, counter: LineCounter) {
  return (path: Path) => {
    let node: YNode = doc.contents;
    let at: YNode = doc.contents;
    for (const key of path) {
      const next = childOf(node, key);
      if (!next) break;
      node = next.node;
      at = next.at;
    }
    const offset = rangeStart(at);
    if (offset === undefined) return undefined;
    const pos = counter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/**
 * Parses one YAML file with positions. YAML 1.2 core schema only: no custom tags, no code,
 * duplicate keys and several documents in one file are errors, aliases are capped.
 */
export function parseYamlSource(file: string, text: string): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true, uniqueKeys: true, strict: true, version: '1.2', schema: 'core' });
  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = e.linePos?.[0];
    return problem(file, pos ? { line: pos.line, column: pos.col } : { whole: true }, cleanMessage(e.message));
  });
  const locate = locator(doc, counter);
  if (problems.length) return { value: undefined, broken: true, problems, locate };
  try {
    return { value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }), broken: false, problems, locate };
  } catch (error) {
    const message = error instanceof ReferenceError ? `too many aliases (at most ${MAX_YAML_ALIASES})` : (error as Error).message;
    return { value: undefined, broken: true, problems: [problem(file, { whole: true }, message)], locate };
  }
}
