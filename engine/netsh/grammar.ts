/**
 * The types of netsh's grammar tables. Every context is one NetshContext; parsing, help,
 * usage blocks, the "essential parameters" errors and completion are all generated from these
 * objects, so a command exists exactly when its table entry does.
 */
import type { NetshDeps, NetshSession } from './state.js';

/** Names of store objects that completion can offer for a parameter (see NetshDeps.objectNames). */
export type ObjectKind = 'policy' | 'filterlist' | 'filteraction' | 'rule' | 'mmpolicy' | 'qmpolicy';

/** Result of parsing one value: the typed value, or why it was refused. */
export type ValueResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** Address spellings a parameter accepts; the reference allows different sets per tag. */
export type AddressForm = 'me' | 'any' | 'ip' | 'range' | 'dns' | 'server';
export type ServerKeyword = 'DNS' | 'WINS' | 'DHCP' | 'GATEWAY';

export type AddressValue =
  | { readonly kind: 'me' }
  | { readonly kind: 'any' }
  | { readonly kind: 'ip'; readonly ip: string }
  | { readonly kind: 'range'; readonly from: string; readonly to: string }
  | { readonly kind: 'dns'; readonly name: string }
  | { readonly kind: 'server'; readonly server: ServerKeyword };

export type ProtocolName = 'ANY' | 'ICMP' | 'TCP' | 'UDP' | 'RAW';

/** A protocol as both forms: `protocol=6` and `protocol=tcp` give the same value. */
export interface ProtocolValue {
  readonly name: ProtocolName | null;
  readonly number: number;
}

/** A value grammar that lives outside this module (offer lists, rootca, GUIDs). */
export interface CustomType<T = unknown> {
  readonly kind: 'custom';
  readonly name: string;
  /** How the usage block writes the value, e.g. `(neg#1 neg#2 ... neg#n)`. */
  readonly syntax: string;
  /** Keywords worth offering in tab completion. */
  readonly keywords?: readonly string[];
  parse(text: string): ValueResult<T>;
}

export type ParamType =
  | { readonly kind: 'string' }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'yesno' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'address'; readonly forms: readonly AddressForm[] }
  | { readonly kind: 'mask' }
  | { readonly kind: 'port' }
  | { readonly kind: 'protocol' }
  /** A bare word such as `all` or `default`, typed without `=`. */
  | { readonly kind: 'flag' }
  | CustomType;

/**
 * How a parameter's value reaches the handler:
 * required / defaulted → always present; optional → may be undefined;
 * repeated → an array in typed order (rootca); flag → boolean.
 */
export type Presence = 'required' | 'defaulted' | 'optional' | 'repeated' | 'flag';

export interface ParamSpec<T = unknown, Tag extends string = string, P extends Presence = Presence> {
  /** Lower-case tag as documented; any unique prefix is accepted. */
  readonly tag: Tag;
  readonly presence: P;
  readonly required: boolean;
  readonly type: ParamType;
  readonly default?: T;
  /** Lines of the `Tag  Value` table. */
  readonly help: readonly string[];
  /** Members of one group are alternatives (`name | guid`, `name | all`): exactly one must be given. */
  readonly group?: string;
  /** Existing objects completion may offer for this tag. */
  readonly names?: ObjectKind;
  /** Overrides the value part of the usage syntax. */
  readonly syntax?: string;
}

type ValueOf<P> =
  P extends ParamSpec<infer T, string, infer Pr>
    ? Pr extends 'required' | 'defaulted'
      ? T
      : Pr extends 'repeated'
        ? readonly T[]
        : Pr extends 'flag'
          ? boolean
          : T | undefined
    : never;

/** The typed argument object a command's handler receives. */
export type ArgsOf<Ps extends readonly ParamSpec[]> = { readonly [P in Ps[number] as P['tag']]: ValueOf<P> };

/** A validated command, as handed to the layer that owns the store. */
export interface Request<Id extends string = string, A = unknown> {
  readonly command: Id;
  readonly args: A;
  /** Canonical tags the user supplied, in typed order, repeats kept (auth-method preference). */
  readonly given: readonly string[];
}

export interface HandlerContext {
  readonly session: NetshSession;
  readonly deps: NetshDeps;
  readonly given: readonly string[];
}

/** What a handler returns. Handlers never print; the session concatenates `output`. */
export interface HandlerResult {
  readonly output: string;
  readonly request?: Request;
  readonly failed?: boolean;
}

export interface CommandSpec<Id extends string = string, A = unknown> {
  /** Stable id, e.g. `static.add.policy`; also the request's `command`. */
  readonly id: Id;
  /** First word: a group verb (`add`) or a command of its own (`exportpolicy`). */
  readonly verb: string;
  /** Second word for grouped commands (`policy`), null otherwise. */
  readonly object: string | null;
  /** One line for the `Commands in this context:` list. */
  readonly description: string;
  /** The indented line under the usage syntax. */
  readonly purpose: string;
  /** In documented order: untagged values fill them in this order. */
  readonly params: readonly ParamSpec[];
  readonly remarks: readonly string[];
  readonly examples: readonly string[];
  /** Cross-parameter validation; false prints `The parameter is incorrect.` */
  check?(args: A): boolean;
  handler(args: A, ctx: HandlerContext): HandlerResult;
}

/** A verb that groups commands (`add`, `show`) and its line in the context list. */
export interface GroupSpec {
  readonly verb: string;
  readonly description: string;
}

export interface NetshContext {
  readonly name: string;
  /** Words from the root, e.g. ['ipsec', 'static']; [] for netsh itself. */
  readonly path: readonly string[];
  /** Its line in the parent's list, e.g. "Changes to the `netsh ipsec static' context." */
  readonly description: string;
  readonly groups: readonly GroupSpec[];
  readonly commands: readonly CommandSpec[];
  readonly subcontexts: readonly NetshContext[];
}
