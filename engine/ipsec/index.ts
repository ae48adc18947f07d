/* Public surface of the IPSec policy store model. */
export type * from './types.js';
export { isDefaultRuleActive } from './types.js';
export * from './constants.js';
export * from './result.js';
export * from './errors.js';
export * from './ipv4.js';
export * from './address.js';
export * from './offers.js';
export * from './auth.js';
export * from './filter.js';
export * from './defaults.js';
export * from './store-ops.js';
export { findFilterAction, findFilterList, findPolicy, findRule, filterActionById, filterListById, standardRules } from './store-lookup.js';
export * from './traffic.js';
export * from './exemptions.js';
export * from './matching.js';
