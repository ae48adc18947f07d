import { fail, ok, type Result } from '../result.js';
import {
  IPSEC_FILE_FORMAT,
  IPSEC_FILE_VERSION,
  type FileAuth,
  type FileDefaultRule,
  type FileFilter,
  type FileFilterAction,
  type FileFilterList,
  type FilePolicy,
  type FileRule,
  type PolicyFile,
} from './ipsec-file.js';

/*
 * Reads `.ipsec` text into a PolicyFile, checking shape only (types, known fields, sizes);
 * what the values mean is checked by the store operations in import.ts. The readers throw a
 * private ImportProblem so each stays one line per field; readPolicyFile turns any throw into
 * a failed Result, so nothing escapes to the caller.
 */

/** Limits against hostile files; far above any store a lab builds. */
export const IMPORT_LIMITS = {
  chars: 4 * 1024 * 1024,
  objects: 2_000,
  filtersPerList: 10_000,
  rulesPerPolicy: 1_000,
  methods: 64,
  text: 32_768,
} as const;

class ImportProblem extends Error {}

type Obj = Readonly<Record<string, unknown>>;

function problem(path: string, message: string): never {
  throw new ImportProblem(`${path}: ${message}`);
}

function object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) problem(path, 'expected an object.');
  const obj = value as Obj;
  const known = new Set([...required, ...optional]);
  const unknown = Object.keys(obj).find((k) => !known.has(k));
  if (unknown !== undefined) problem(path, `unknown field "${unknown}".`);
  const missing = required.find((k) => !Object.hasOwn(obj, k));
  if (missing !== undefined) problem(path, `missing field "${missing}".`);
  return obj;
}

function text(v: unknown, path: string): string {
  if (typeof v !== 'string') problem(path, 'expected a string.');
  if (v.length > IMPORT_LIMITS.text) problem(path, `text longer than ${IMPORT_LIMITS.text} characters.`);
  return v;
}

function str(o: Obj, key: string, path: string): string {
  return text(o[key], `${path}.${key}`);
}

function bool(o: Obj, key: string, path: string): boolean {
  const v = o[key];
  if (typeof v !== 'boolean') problem(`${path}.${key}`, 'expected true or false.');
  return v;
}

/** Range checks belong to the store operations; this only insists on a whole number. */
function int(o: Obj, key: string, path: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) problem(`${path}.${key}`, 'expected a whole number.');
  return v;
}

function oneOf<T extends string>(o: Obj, key: string, path: string, values: readonly T[]): T {
  const v = str(o, key, path);
  if (!(values as readonly string[]).includes(v)) problem(`${path}.${key}`, `expected one of ${values.join(', ')}.`);
  return v as T;
}

function list<T>(o: Obj, key: string, path: string, max: number, item: (v: unknown, p: string) => T): T[] {
  const v = o[key];
  if (!Array.isArray(v)) problem(`${path}.${key}`, 'expected a list.');
  if (v.length > max) problem(`${path}.${key}`, `more than ${max} entries.`);
  return v.map((entry, i) => item(entry, `${path}.${key}[${i}]`));
}

const strings = (o: Obj, key: string, path: string) => list(o, key, path, IMPORT_LIMITS.methods, text);

function filter(v: unknown, path: string): FileFilter {
  const keys = ['description', 'srcaddr', 'dstaddr', 'protocol', 'srcport', 'dstport', 'mirrored'];
  const o = object(v, path, keys, ['srcmask', 'dstmask', 'srcresolved', 'dstresolved']);
  const opt = (key: string) => (o[key] === undefined ? {} : { [key]: str(o, key, path) });
  const optList = (key: string) => (o[key] === undefined ? {} : { [key]: strings(o, key, path) });
  return {
    description: str(o, 'description', path),
    srcaddr: str(o, 'srcaddr', path),
    ...opt('srcmask'),
    ...optList('srcresolved'),
    dstaddr: str(o, 'dstaddr', path),
    ...opt('dstmask'),
    ...optList('dstresolved'),
    protocol: int(o, 'protocol', path),
    srcport: int(o, 'srcport', path),
    dstport: int(o, 'dstport', path),
    mirrored: bool(o, 'mirrored', path),
  };
}

function filterList(v: unknown, path: string): FileFilterList {
  const o = object(v, path, ['name', 'description', 'filters']);
  const filters = list(o, 'filters', path, IMPORT_LIMITS.filtersPerList, filter);
  return { name: str(o, 'name', path), description: str(o, 'description', path), filters };
}

function filterAction(v: unknown, path: string): FileFilterAction {
  const o = object(v, path, ['name', 'description', 'action', 'qmpfs', 'inpass', 'soft', 'qmsecmethods']);
  return {
    name: str(o, 'name', path),
    description: str(o, 'description', path),
    action: oneOf(o, 'action', path, ['permit', 'block', 'negotiate'] as const),
    qmpfs: bool(o, 'qmpfs', path),
    inpass: bool(o, 'inpass', path),
    soft: bool(o, 'soft', path),
    qmsecmethods: strings(o, 'qmsecmethods', path),
  };
}

/** The fields an auth entry takes depend on its method, so the method is read first. */
const AUTH_FIELDS = { kerberos: [], psk: ['key'], certificate: ['rootca', 'certmap', 'excludecaname'] } as const;

function auth(v: unknown, path: string): FileAuth {
  const loose = object(v, path, ['method'], ['key', 'rootca', 'certmap', 'excludecaname']);
  const method = oneOf(loose, 'method', path, ['kerberos', 'psk', 'certificate'] as const);
  const o = object(v, path, ['method', ...AUTH_FIELDS[method]]);
  if (method === 'kerberos') return { method };
  if (method === 'psk') return { method, key: str(o, 'key', path) };
  return { method, rootca: str(o, 'rootca', path), certmap: bool(o, 'certmap', path), excludecaname: bool(o, 'excludecaname', path) };
}

function rule(v: unknown, path: string): FileRule {
  const keys = ['name', 'description', 'filterlist', 'filteraction', 'tunnel', 'conntype', 'activate', 'auth'];
  const o = object(v, path, keys);
  return {
    name: str(o, 'name', path),
    description: str(o, 'description', path),
    filterlist: str(o, 'filterlist', path),
    filteraction: str(o, 'filteraction', path),
    tunnel: o.tunnel === null ? null : str(o, 'tunnel', path),
    conntype: oneOf(o, 'conntype', path, ['all', 'lan', 'dialup'] as const),
    activate: bool(o, 'activate', path),
    auth: list(o, 'auth', path, IMPORT_LIMITS.methods, auth),
  };
}

function defaultRule(v: unknown, path: string): FileDefaultRule {
  const o = object(v, path, ['activate', 'qmpfs', 'qmsecmethods', 'auth']);
  return {
    activate: bool(o, 'activate', path),
    qmpfs: bool(o, 'qmpfs', path),
    qmsecmethods: strings(o, 'qmsecmethods', path),
    auth: list(o, 'auth', path, IMPORT_LIMITS.methods, auth),
  };
}

function policy(v: unknown, path: string): FilePolicy {
  const keys = ['name', 'description', 'assigned', 'mmpfs', 'qmpermm', 'mmlifetime', 'pollinginterval', 'mmsecmethods', 'rules', 'defaultRule'];
  const o = object(v, path, keys);
  return {
    name: str(o, 'name', path),
    description: str(o, 'description', path),
    assigned: bool(o, 'assigned', path),
    mmpfs: bool(o, 'mmpfs', path),
    qmpermm: int(o, 'qmpermm', path),
    mmlifetime: int(o, 'mmlifetime', path),
    pollinginterval: int(o, 'pollinginterval', path),
    mmsecmethods: strings(o, 'mmsecmethods', path),
    rules: list(o, 'rules', path, IMPORT_LIMITS.rulesPerPolicy, rule),
    defaultRule: defaultRule(o.defaultRule, `${path}.defaultRule`),
  };
}

/** Format and version first, so a file from elsewhere is named as such, not as a field error. */
function header(value: unknown): Obj {
  const notOurs = `This is not an IPSec Lab policy file (expected "format": "${IPSEC_FILE_FORMAT}").`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportProblem(notOurs);
  const raw = value as Obj;
  if (raw.format !== IPSEC_FILE_FORMAT) throw new ImportProblem(notOurs);
  if (raw.version !== IPSEC_FILE_VERSION) {
    const seen = typeof raw.version === 'number' ? String(raw.version) : JSON.stringify(raw.version ?? null);
    throw new ImportProblem(`Unsupported policy file version ${seen}: this version of IPSec Lab reads version ${IPSEC_FILE_VERSION} only.`);
  }
  return object(value, 'file', ['format', 'version', 'filterLists', 'filterActions', 'policies']);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const detail = e instanceof Error ? ` (${e.message})` : '';
    throw new ImportProblem(`The file is not valid JSON${detail}.`);
  }
}

/** Text to a PolicyFile, or one sentence saying what is wrong and where. Never throws. */
export function readPolicyFile(text: string): Result<PolicyFile, string> {
  if (text.length > IMPORT_LIMITS.chars) {
    return fail(`The file is too large (${text.length} characters; the limit is ${IMPORT_LIMITS.chars}).`);
  }
  try {
    const o = header(parseJson(text.replace(/^\uFEFF/, '')));
    return ok({
      format: IPSEC_FILE_FORMAT,
      version: IPSEC_FILE_VERSION,
      filterLists: list(o, 'filterLists', 'file', IMPORT_LIMITS.objects, filterList),
      filterActions: list(o, 'filterActions', 'file', IMPORT_LIMITS.objects, filterAction),
      policies: list(o, 'policies', 'file', IMPORT_LIMITS.objects, policy),
    });
  } catch (e) {
    if (e instanceof ImportProblem) return fail(e.message);
    // A stack overflow on absurd nesting, or a bug: still an answer, not an exception.
    return fail(`The file could not be read${e instanceof Error ? ` (${e.message})` : ''}.`);
  }
}
