/** `netsh ipsec static show ...`, exportpolicy, importpolicy and dump (reference §2.8, §2.9). */
import { command, INT_MAX, p } from '../params.js';
import { formatDefault, levelDefault, resolvednsDefault, wideDefault } from './common.js';

export const showAll = command({
  id: 'static.show.all',
  verb: 'show',
  object: 'all',
  description: 'Displays details of all policies and related information.',
  purpose: 'Shows every policy, filter list and filter action in the store.',
  params: [formatDefault, wideDefault],
  examples: ['show all format=table wide=no'],
});

export const showPolicy = command({
  id: 'static.show.policy',
  verb: 'show',
  object: 'policy',
  description: 'Displays policy details.',
  purpose: 'Shows one policy or all of them.',
  params: [
    p.string('name', 'Name of the policy to show.', { group: 'target', names: 'policy' }),
    p.flag('all', 'Shows every policy.', 'target'),
    levelDefault,
    formatDefault,
    wideDefault,
  ],
  remarks: ['level=verbose adds the security methods and every rule.'],
  examples: ['show policy name="Branch Office" level=verbose', 'show policy all format=table'],
});

export const showFilterlist = command({
  id: 'static.show.filterlist',
  verb: 'show',
  object: 'filterlist',
  description: 'Displays filter list details.',
  purpose: 'Shows one filter list, the filter list of a rule, or all of them.',
  params: [
    p.string('name', 'Name of the filter list to show.', { group: 'target', names: 'filterlist' }),
    p.string('rule', 'Shows the filter list this rule uses.', { group: 'target', names: 'rule' }),
    p.flag('all', 'Shows every filter list.', 'target'),
    levelDefault,
    formatDefault,
    resolvednsDefault,
    wideDefault,
  ],
  examples: ['show filterlist name="Web Traffic" level=verbose', 'show filterlist all'],
});

export const showFilteraction = command({
  id: 'static.show.filteraction',
  verb: 'show',
  object: 'filteraction',
  description: 'Displays filter action details.',
  purpose: 'Shows one filter action, the filter action of a rule, or all of them.',
  params: [
    p.string('name', 'Name of the filter action to show.', { group: 'target', names: 'filteraction' }),
    p.string('rule', 'Shows the filter action this rule uses.', { group: 'target', names: 'rule' }),
    p.flag('all', 'Shows every filter action.', 'target'),
    levelDefault,
    formatDefault,
    wideDefault,
  ],
  examples: ['show filteraction name="Require ESP"', 'show filteraction all level=verbose'],
});

export const showRule = command({
  id: 'static.show.rule',
  verb: 'show',
  object: 'rule',
  description: 'Displays rule details.',
  purpose: 'Shows rules of a policy.',
  params: [
    p.string('name', 'Name of the rule to show.', { group: 'target', names: 'rule' }),
    p.integer('id', 1, INT_MAX, 'Number of the rule to show.', { group: 'target' }),
    p.flag('all', 'Shows every rule of the policy.', 'target'),
    p.flag('default', 'Shows the default response rule.', 'target'),
    p.string('policy', 'Policy that holds the rules.', { required: true, names: 'policy' }),
    p.keyword('type', ['tunnel', 'transport'] as const, 'Shows only tunnel or only transport rules.'),
    levelDefault,
    formatDefault,
    wideDefault,
  ],
  examples: ['show rule all policy="Branch Office" level=verbose', 'show rule default "Branch Office"'],
});

export const showGpoassignedpolicy = command({
  id: 'static.show.gpoassignedpolicy',
  verb: 'show',
  object: 'gpoassignedpolicy',
  description: 'Displays details of a group assigned policy.',
  purpose: 'Shows the policy that Group Policy assigns to this computer.',
  params: [p.string('name', 'Group Policy object to look at; the local one if left out.')],
  examples: ['show gpoassignedpolicy', 'show gpoassignedpolicy name="IPSec OU Policy"'],
});

export const showStore = command({
  id: 'static.show.store',
  verb: 'show',
  object: 'store',
  description: 'Displays the current policy store.',
  purpose: 'Shows which policy store the static commands work on.',
  params: [],
  examples: ['show store'],
});

export const exportPolicy = command({
  id: 'static.exportpolicy',
  verb: 'exportpolicy',
  description: 'Exports all the policies from the policy store.',
  purpose: 'Writes every policy of the current store to a file.',
  params: [p.string('file', 'File to write; .ipsec is added when there is no extension.', { required: true })],
  examples: ['exportpolicy file=c:\\policies\\branch.ipsec'],
});

export const importPolicy = command({
  id: 'static.importpolicy',
  verb: 'importpolicy',
  description: 'Imports the policies from a file to the policy store.',
  purpose: 'Adds the policies in a file to the current store.',
  params: [p.string('file', 'File to read, as written by exportpolicy.', { required: true })],
  examples: ['importpolicy c:\\policies\\branch.ipsec'],
});

export const staticDump = command({
  id: 'static.dump',
  verb: 'dump',
  description: 'Displays a configuration script.',
  purpose: 'Prints a script that recreates the current policy store.',
  params: [],
  examples: ['dump'],
});

export const STATIC_SHOW = [showAll, showFilteraction, showFilterlist, showGpoassignedpolicy, showPolicy, showRule, showStore] as const;
export const STATIC_OTHER = [exportPolicy, importPolicy, staticDump] as const;
