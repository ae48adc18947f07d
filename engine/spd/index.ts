/* Public surface of the dynamic SPD model (`netsh ipsec dynamic`). */
export type * from './types.js';
export { CONFIG_PROPERTIES, isInboundPassthrough, negotiates } from './types.js';
export * from './errors.js';
export * from './config.js';
export { createSpd, defaultMmPolicy, defaultQmPolicy, effectiveMmPolicy, effectiveQmPolicy, findMmPolicy, findQmPolicy, mmFilterOf } from './lookup.js';
export type { RuleKey, SpdResult } from './lookup.js';
export * from './ops-policy.js';
export * from './ops-rule.js';
export * from './labels.js';
export * from './layout.js';
export * from './format.js';
export * from './specific.js';
export * from './show-policy.js';
export * from './show-filter.js';
export * from './show-rule.js';
export * from './show-config.js';
export * from './show-all.js';
