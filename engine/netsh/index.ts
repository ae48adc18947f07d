/** The netsh emulator: table-driven contexts, the interactive session, cmd.exe entry and completion. */
export type {
  AddressForm,
  AddressValue,
  ArgsOf,
  CommandSpec,
  CustomType,
  GroupSpec,
  HandlerContext,
  HandlerResult,
  NetshContext,
  ObjectKind,
  ParamSpec,
  ParamType,
  ProtocolValue,
  Request,
  ServerKeyword,
  ValueResult,
} from './grammar.js';
export { initialSession, netshPrompt, type NetshDeps, type NetshSession, type Performed } from './state.js';
export { runNetshLine, type NetshLineResult } from './session.js';
export { runNetshCommandLine, NETSH_USAGE, type NetshRunResult } from './cmdline.js';
export { completeNetshLine, type Completion } from './complete.js';
export { parseNetshLine, type LineParse } from './parse.js';
export { tokenize, type Token } from './tokenize.js';
export { MESSAGES, renderError, type NetshError } from './errors.js';
export { contextList, groupList, usageBlock } from './help.js';
export { command, p } from './params.js';
export type { NetshCommandId, NetshRequest, RequestArgs } from './requests.js';
export { DYNAMIC_CONTEXT, NETSH_ROOT, STATIC_CONTEXT } from './contexts/index.js';
export { MM_OFFERS, QM_OFFERS, type RootCa } from './contexts/custom-types.js';
export { createApplier, LOCAL_STORE, NOT_AVAILABLE, type Applier } from './apply/index.js';
export { netshFromCmd, netshInConsole } from './console/run.js';
export { completeInNetsh, completeNetshArgs } from './console/complete.js';
export { netshRootFor } from './console/root.js';
