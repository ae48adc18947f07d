/* Public surface of `netsh ipsec static show …`, exportpolicy and importpolicy. */
export { showAll, type ShowAllLayout } from './all.js';
export { showFilterAction } from './actions.js';
export { showFilterList, type FilterListLayout } from './filters.js';
export { showGpoAssignedPolicy, showStore, type GpoAssignedFacts, type PolicyRef } from './gpo.js';
export { directoryPolicyDn, localPolicyDn, objectGuid } from './guid.js';
export { importPolicyFile, importPolicyStore, type ImportOutcome, type ImportSummary } from './import.js';
export type { ImportCounts } from './import-merge.js';
export { IMPORT_LIMITS, readPolicyFile } from './import-read.js';
export { exportPolicyStore, IPSEC_FILE_FORMAT, IPSEC_FILE_VERSION, toPolicyFile, type PolicyFile } from './ipsec-file.js';
export { showText, type ShowContext, type ShowFormat, type ShowLayout, type ShowLevel, type ShowResult } from './options.js';
export { showPolicy, type PolicyTarget } from './policies.js';
export { showRule, type RuleQuery, type RuleTarget } from './rules.js';
export type { ObjectTarget } from './targets.js';
