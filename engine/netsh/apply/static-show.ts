/**
 * `netsh ipsec static show …`, exportpolicy and importpolicy on the selected store, through
 * the layouts of engine/ipsec/show. A listing is the command's output; a missing object is
 * its `ERR IPsec[…]` line.
 */
import { ipsecError, type IpsecError } from '../../ipsec/index.js';
import {
  exportPolicyStore,
  importPolicyStore,
  showAll,
  showFilterAction,
  showFilterList,
  showGpoAssignedPolicy,
  showPolicy,
  showRule,
  showStore,
  showText,
  type ObjectTarget,
  type RuleTarget,
  type ShowContext,
  type ShowResult,
} from '../../ipsec/show/index.js';
import { PATH_ERRORS } from '../../model/files.js';
import type { NetshRequest, RequestArgs } from '../requests.js';
import type { Performed } from '../state.js';
import { gpoAssignedFacts } from './gpo-facts.js';
import type { Workspace } from './workspace.js';

export type StaticShow = Extract<NetshRequest, { command: `static.show.${string}` | 'static.exportpolicy' | 'static.importpolicy' }>;

const SHOWS = new Set<string>([
  'static.show.all',
  'static.show.policy',
  'static.show.filterlist',
  'static.show.filteraction',
  'static.show.rule',
  'static.show.gpoassignedpolicy',
  'static.show.store',
  'static.exportpolicy',
  'static.importpolicy',
]);

export function isStaticShow(request: NetshRequest): request is StaticShow {
  return SHOWS.has(request.command);
}

/** `resolvedns=yes`: a lab host's address back to its full DNS name. */
function reverseLookup(ws: Workspace, address: string): string | undefined {
  const host = Object.values(ws.world.hosts).find((h) => h.nic.address === address);
  return host && (host.domain ? `${host.name}.${host.domain}` : host.name);
}

function context(ws: Workspace): ShowContext {
  const selection = ws.selection;
  return {
    computerName: ws.host.name,
    ...(selection.location === 'domain' ? { domain: selection.domain } : {}),
    resolveDns: (address) => reverseLookup(ws, address),
  };
}

const shown = (result: ShowResult): Performed => ({ output: showText(result), failed: !result.ok });
const printedText = (text: string): Performed => ({ output: text, failed: false });
const line = (text: string): Performed => ({ output: `${text}\n`, failed: true });
const ipsecFailure = (error: IpsecError): Performed => shown({ ok: false, error });

function objectTarget(args: { readonly name?: string | undefined; readonly rule?: string | undefined }): ObjectTarget {
  if (args.name !== undefined) return { name: args.name };
  return args.rule !== undefined ? { rule: args.rule } : { all: true };
}

function ruleTarget(args: RequestArgs<'static.show.rule'>): RuleTarget {
  if (args.name !== undefined) return { name: args.name };
  if (args.id !== undefined) return { id: args.id };
  return args.default ? { default: true } : { all: true };
}

/** exportpolicy adds `.ipsec` when the name has no extension [R]. */
function withExtension(file: string): string {
  return /\.[^.\\/]*$/.test(file) ? file : `${file}.ipsec`;
}

function exportPolicy(ws: Workspace, file: string): Performed {
  const problem = ws.writeFile(withExtension(file), exportPolicyStore(ws.store()));
  return problem ? line(PATH_ERRORS[problem]) : printedText('');
}

function importPolicy(ws: Workspace, file: string): Performed {
  const text = ws.readFile(file);
  if (text === undefined) return line(PATH_ERRORS.noFile);
  const imported = importPolicyStore(ws.store(), text);
  // The show module reports what is wrong with the file; the code is ours [R].
  if (!imported.ok) return ipsecFailure(ipsecError('invalid-value', `The file "${file}" could not be imported: ${imported.error}`));
  ws.replaceStore(imported.value.store);
  return printedText('');
}

export function performStaticShow(ws: Workspace, request: StaticShow): Performed {
  const store = ws.store();
  const ctx = context(ws);
  switch (request.command) {
    case 'static.show.all':
      return printedText(showAll(store, request.args, ctx));
    case 'static.show.policy':
      return shown(showPolicy(store, request.args.name !== undefined ? { name: request.args.name } : { all: true }, request.args, ctx));
    case 'static.show.filterlist':
      return shown(showFilterList(store, objectTarget(request.args), request.args, ctx));
    case 'static.show.filteraction':
      return shown(showFilterAction(store, objectTarget(request.args), request.args, ctx));
    case 'static.show.rule': {
      const { policy, type } = request.args;
      return shown(showRule(store, { policy, rule: ruleTarget(request.args), ...(type ? { type } : {}) }, request.args, ctx));
    }
    case 'static.show.gpoassignedpolicy':
      return shown(showGpoAssignedPolicy(gpoAssignedFacts(ws, request.args.name)));
    case 'static.show.store':
      return printedText(showStore(store, ctx));
    case 'static.exportpolicy':
      return exportPolicy(ws, request.args.file);
    case 'static.importpolicy':
      return importPolicy(ws, request.args.file);
  }
}
