/**
 * An ipseccmd / ipsecpol command line to an Invocation: the mode (dynamic, `-u`, static with
 * -w, query with `show`), then each flag's value in netsh's typed form. Every refusal is one
 * sentence from labels.ts; the caller prints it with the usage text.
 */
import type { ConnectionType } from '../ipsec/index.js';
import type { ValueResult } from '../netsh/index.js';
import { parseAddress } from '../netsh/address.js';
import { parseInteger } from '../netsh/values.js';
import { parseFilterSpec } from './filter-spec.js';
import { readFlags, single, type FlagName, type Flags } from './flags.js';
import { PROBLEM } from './labels.js';
import { parseAuth, parseMmMethods, parseNegotiation, parseRekey } from './methods.js';
import type { FilterSpec, Invocation, MainModeSpec, RuleSpec, ShowTopic, StaticSpec, StoreSpec, ToolProfile } from './types.js';

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (error: string): ValueResult<never> => ({ ok: false, error });

const TOPICS: readonly ShowTopic[] = ['filters', 'policies', 'auth', 'stats', 'sas'];
const STATIC_FLAGS: readonly FlagName[] = ['-p', '-r', '-x', '-y', '-o'];

/** `show filters policies …`: typed order, repeats dropped, `all` = every topic. */
function parseShow(words: readonly string[]): ValueResult<readonly ShowTopic[]> {
  if (words.length === 0) return fail(PROBLEM.showNothing);
  const topics: ShowTopic[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    const found = lower === 'all' ? TOPICS : TOPICS.filter((t) => t === lower);
    if (found.length === 0) return fail(PROBLEM.showTopic(word));
    for (const topic of found) if (!topics.includes(topic)) topics.push(topic);
  }
  return ok(topics);
}

function parseFilters(values: readonly string[] | undefined): ValueResult<readonly FilterSpec[]> {
  const specs: FilterSpec[] = [];
  for (const text of values ?? []) {
    const parsed = parseFilterSpec(text);
    if (!parsed.ok) return fail(PROBLEM.filter(text, parsed.error));
    specs.push(parsed.value);
  }
  return ok(specs);
}

function parseMainMode(flags: Flags, profile: ToolProfile): ValueResult<MainModeSpec> {
  const methods = flags.get('-1s');
  const offers = methods ? parseMmMethods(methods, profile.dhGroups) : ok(undefined);
  if (!offers.ok) return offers;
  const rekeyText = single(flags, '-1k');
  const rekey = rekeyText === undefined ? ok({ qmpermm: undefined, seconds: undefined }) : parseRekey(rekeyText);
  if (!rekey.ok) return rekey;
  const softText = single(flags, '-1e');
  const soft = softText === undefined ? ok(undefined) : parseInteger(softText, 1, 2147483647);
  if (!soft.ok) return fail(PROBLEM.softSa(softText ?? ''));
  const seconds = rekey.value.seconds;
  // The store keeps main mode lifetimes in minutes; ipseccmd takes seconds [R: rounded down, at least 1].
  const lifetime = seconds === undefined ? undefined : Math.max(1, Math.floor(seconds / 60));
  return ok({ offers: offers.value, qmpermm: rekey.value.qmpermm, lifetime, pfs: flags.has('-1p'), softSaSeconds: soft.value });
}

function conntype(flags: Flags): ValueResult<ConnectionType> {
  if (flags.has('-dialup') && flags.has('-lan')) return fail(PROBLEM.dialupAndLan);
  return ok(flags.has('-dialup') ? 'dialup' : flags.has('-lan') ? 'lan' : 'all');
}

function parseRule(flags: Flags, profile: ToolProfile): ValueResult<RuleSpec> {
  if (flags.has('-1f')) return fail(PROBLEM.noMmFilters);
  const filters = parseFilters(flags.get('-f'));
  if (!filters.ok) return filters;
  const negotiation = parseNegotiation(flags.get('-n') ?? []);
  if (!negotiation.ok) return negotiation;
  const authWords = flags.get('-a');
  const auth = authWords ? parseAuth(authWords) : ok(undefined);
  if (!auth.ok) return auth;
  const tunnelText = single(flags, '-t');
  const tunnel = tunnelText === undefined ? ok(undefined) : parseAddress(tunnelText, ['ip', 'dns']);
  if (!tunnel.ok) return fail(PROBLEM.tunnel(tunnelText ?? ''));
  const mainMode = parseMainMode(flags, profile);
  if (!mainMode.ok) return mainMode;
  const conn = conntype(flags);
  if (!conn.ok) return conn;
  return ok({ filters: filters.value, negotiation: negotiation.value, tunnel: tunnel.value, auth: auth.value, mainMode: mainMode.value, soft: flags.has('-soft'), conntype: conn.value });
}

function parseStore(text: string): ValueResult<StoreSpec> {
  const [kind = '', domain, ...rest] = text.split(':');
  if (rest.length > 0) return fail(PROBLEM.store(text));
  if (kind.toUpperCase() === 'REG' && domain === undefined) return ok({ location: 'local' });
  if (kind.toUpperCase() === 'DS' && domain !== '') return ok({ location: 'domain', domain });
  return fail(PROBLEM.store(text));
}

/** `-p Name[:Minutes]`: the last `:digits` is the polling interval. */
function parsePolicy(text: string): ValueResult<{ name: string; poll: number | undefined }> {
  const m = /^(.*):([^:]*)$/s.exec(text);
  if (!m || !/^\d*$/.test(m[2] ?? '')) return text.trim() === '' ? fail(PROBLEM.policyName) : ok({ name: text, poll: undefined });
  const poll = parseInteger(m[2] ?? '', 1, 71_582_788);
  if (!poll.ok) return fail(PROBLEM.pollInterval(m[2] ?? ''));
  return (m[1] ?? '').trim() === '' ? fail(PROBLEM.policyName) : ok({ name: m[1] ?? '', poll: poll.value });
}

function checkStatic(flags: Flags, rule: RuleSpec): string | null {
  if (!flags.has('-p')) return PROBLEM.needPolicy;
  // A static rule has one filter action, so its filters must agree on what happens.
  if (new Set(rule.filters.map((f) => f.kind)).size > 1) return PROBLEM.mixedFilters;
  if (flags.has('-x') && flags.has('-y')) return PROBLEM.assignBoth;
  if (flags.has('-o') && (flags.has('-f') || flags.has('-x') || flags.has('-y'))) return PROBLEM.deleteAlone;
  if (flags.has('-f') && !flags.has('-r')) return PROBLEM.needRule;
  if (flags.has('-r') && !flags.has('-f')) return PROBLEM.ruleNeedsFilters;
  return null;
}

function parseStatic(flags: Flags, ruleSpec: RuleSpec): ValueResult<StaticSpec> {
  const problem = checkStatic(flags, ruleSpec);
  if (problem) return fail(problem);
  const store = parseStore(single(flags, '-w') ?? '');
  if (!store.ok) return store;
  const policy = parsePolicy(single(flags, '-p') ?? '');
  if (!policy.ok) return policy;
  const rule = single(flags, '-r');
  if (rule !== undefined && rule.trim() === '') return fail(PROBLEM.ruleName);
  const assign = flags.has('-x') ? true : flags.has('-y') ? false : undefined;
  return ok({ store: store.value, policy: policy.value.name, pollInterval: policy.value.poll, rule, assign, remove: flags.has('-o') });
}

function parseModes(computer: string | null, flags: Flags, profile: ToolProfile): ValueResult<Invocation> {
  if (flags.has('-u')) return flags.size === 1 ? ok({ mode: 'delete-dynamic', computer }) : fail(PROBLEM.uAlone);
  const rule = parseRule(flags, profile);
  if (!rule.ok) return rule;
  const confirm = flags.has('-confirm');
  if (flags.has('-w')) {
    const spec = parseStatic(flags, rule.value);
    return spec.ok ? ok({ mode: 'static', computer, rule: rule.value, spec: spec.value, confirm }) : spec;
  }
  const misplaced = STATIC_FLAGS.find((f) => flags.has(f));
  if (misplaced) return fail(PROBLEM.staticOnly(misplaced));
  if (!flags.has('-f')) return fail(PROBLEM.needFilters);
  return ok({ mode: 'dynamic', computer, rule: rule.value, confirm });
}

/** Parses the words after the program name. */
export function parseInvocation(words: readonly string[], profile: ToolProfile): ValueResult<Invocation> {
  if (words.length === 1 && /^[-/]\?$/.test(words[0] ?? '')) return ok({ mode: 'help' });
  const first = words[0] ?? '';
  const computer = first.startsWith('\\\\') ? first.slice(2) : null;
  const rest = computer === null ? words : words.slice(1);
  if (rest.length === 0) return fail(PROBLEM.noArguments);
  if (rest[0]?.toLowerCase() === 'show') {
    if (!profile.queryMode) return fail(PROBLEM.noShowMode);
    const topics = parseShow(rest.slice(1));
    return topics.ok ? ok({ mode: 'show', computer, topics: topics.value }) : topics;
  }
  const flags = readFlags(rest);
  return flags.ok ? parseModes(computer, flags.value, profile) : flags;
}
