/**
 * Constructors for table entries. They exist so the tables read as data while TypeScript still
 * infers each handler's argument object from the parameter list.
 */
import type {
  AddressForm,
  AddressValue,
  ArgsOf,
  CommandSpec,
  CustomType,
  HandlerContext,
  HandlerResult,
  ObjectKind,
  ParamSpec,
  ParamType,
  ProtocolValue,
} from './grammar.js';

interface Opts<T> {
  readonly required?: boolean;
  readonly default?: T;
  readonly repeatable?: boolean;
  readonly group?: string;
  readonly names?: ObjectKind;
  readonly syntax?: string;
}

type PresenceOf<O> = O extends { readonly required: true }
  ? 'required'
  : O extends { readonly default: unknown }
    ? 'defaulted'
    : O extends { readonly repeatable: true }
      ? 'repeated'
      : 'optional';

function make<T, const Tag extends string, const O extends Opts<T>>(
  tag: Tag,
  type: ParamType,
  help: string,
  opts: O | undefined,
): ParamSpec<T, Tag, PresenceOf<O>> {
  const o: Opts<T> = opts ?? {};
  const presence = o.required ? 'required' : o.default !== undefined ? 'defaulted' : o.repeatable ? 'repeated' : 'optional';
  return {
    tag,
    presence: presence as PresenceOf<O>,
    required: o.required === true,
    type,
    help: help.split('\n'),
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...(o.group !== undefined ? { group: o.group } : {}),
    ...(o.names !== undefined ? { names: o.names } : {}),
    ...(o.syntax !== undefined ? { syntax: o.syntax } : {}),
  };
}

/** The largest value a Win32 DWORD-backed setting takes that netsh shows as a signed int. */
export const INT_MAX = 2147483647;

export const p = {
  string<const Tag extends string, const O extends Opts<string> = Opts<never>>(tag: Tag, help: string, opts?: O) {
    return make<string, Tag, O>(tag, { kind: 'string' }, help, opts);
  },
  integer<const Tag extends string, const O extends Opts<number> = Opts<never>>(tag: Tag, min: number, max: number, help: string, opts?: O) {
    return make<number, Tag, O>(tag, { kind: 'integer', min, max }, help, opts);
  },
  yesno<const Tag extends string, const O extends Opts<boolean> = Opts<never>>(tag: Tag, help: string, opts?: O) {
    return make<boolean, Tag, O>(tag, { kind: 'yesno' }, help, opts);
  },
  keyword<const Tag extends string, const V extends readonly string[], const O extends Opts<V[number]> = Opts<never>>(
    tag: Tag,
    values: V,
    help: string,
    opts?: O,
  ) {
    return make<V[number], Tag, O>(tag, { kind: 'enum', values }, help, opts);
  },
  address<const Tag extends string, const O extends Opts<AddressValue> = Opts<never>>(
    tag: Tag,
    forms: readonly AddressForm[],
    help: string,
    opts?: O,
  ) {
    return make<AddressValue, Tag, O>(tag, { kind: 'address', forms }, help, opts);
  },
  mask<const Tag extends string, const O extends Opts<string> = Opts<never>>(tag: Tag, help: string, opts?: O) {
    return make<string, Tag, O>(tag, { kind: 'mask' }, help, opts);
  },
  port<const Tag extends string, const O extends Opts<number> = Opts<never>>(tag: Tag, help: string, opts?: O) {
    return make<number, Tag, O>(tag, { kind: 'port' }, help, opts);
  },
  protocol<const Tag extends string, const O extends Opts<ProtocolValue> = Opts<never>>(tag: Tag, help: string, opts?: O) {
    return make<ProtocolValue, Tag, O>(tag, { kind: 'protocol' }, help, opts);
  },
  custom<T, const Tag extends string, const O extends Opts<T> = Opts<never>>(tag: Tag, type: CustomType<T>, help: string, opts?: O) {
    return make<T, Tag, O>(tag, type, help, opts);
  },
  /** A bare word (`all`, `default`); `group` makes it one alternative of a required choice. */
  flag<const Tag extends string>(tag: Tag, help: string, group?: string): ParamSpec<boolean, Tag, 'flag'> {
    return { tag, presence: 'flag', required: false, type: { kind: 'flag' }, help: help.split('\n'), ...(group ? { group } : {}) };
  },
};

export const ANY_PROTOCOL: ProtocolValue = { name: 'ANY', number: 0 };

interface CommandInput<Id extends string, Ps extends readonly ParamSpec[]> {
  readonly id: Id;
  readonly verb: string;
  readonly object?: string;
  readonly description: string;
  readonly purpose: string;
  readonly params: Ps;
  readonly remarks?: readonly string[];
  readonly examples?: readonly string[];
  readonly check?: (args: ArgsOf<Ps>) => boolean;
  readonly handler?: (args: ArgsOf<Ps>, ctx: HandlerContext) => HandlerResult;
}

/**
 * Until the store is wired in, a command's effect is the validated request itself:
 * it prints nothing (successful netsh ipsec edits are silent) and hands the request on.
 */
function requestHandler<Id extends string, A>(id: Id): (args: A, ctx: HandlerContext) => HandlerResult {
  return (args, ctx) => ({ output: '', request: { command: id, args, given: ctx.given } });
}

export function command<const Id extends string, const Ps extends readonly ParamSpec[]>(
  input: CommandInput<Id, Ps>,
): CommandSpec<Id, ArgsOf<Ps>> {
  const handler = input.handler ?? requestHandler<Id, ArgsOf<Ps>>(input.id);
  const check = input.check;
  return {
    id: input.id,
    verb: input.verb,
    object: input.object ?? null,
    description: input.description,
    purpose: input.purpose,
    params: input.params,
    remarks: input.remarks ?? [],
    examples: input.examples ?? [],
    ...(check ? { check: (args: ArgsOf<Ps>) => check(args) } : {}),
    handler: (args, ctx) => handler(args, ctx),
  };
}
