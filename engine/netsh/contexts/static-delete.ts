/** `netsh ipsec static delete ...` (reference §2.7). */
import type { ObjectKind } from '../grammar.js';
import { command, INT_MAX, p } from '../params.js';
import {
  dstaddrRequired,
  dstmask,
  dstportDefault,
  mirroredDefault,
  protocolDefault,
  srcaddrRequired,
  srcmask,
  srcportDefault,
} from './common.js';

const nameOrAll = (what: string, kind: ObjectKind) =>
  [
    p.string('name', `Name of the ${what} to delete.`, { group: 'target', names: kind }),
    p.flag('all', `Deletes every ${what} in the store.`, 'target'),
  ] as const;

export const deletePolicy = command({
  id: 'static.delete.policy',
  verb: 'delete',
  object: 'policy',
  description: 'Deletes a policy and its rules.',
  purpose: 'Deletes a policy together with its rules.',
  params: nameOrAll('policy', 'policy'),
  remarks: ['The filter lists and filter actions the rules used are kept.'],
  examples: ['delete policy name="Branch Office"', 'delete policy all'],
});

export const deleteFilterlist = command({
  id: 'static.delete.filterlist',
  verb: 'delete',
  object: 'filterlist',
  description: 'Deletes a filter list.',
  purpose: 'Deletes a filter list and the filters in it.',
  params: nameOrAll('filter list', 'filterlist'),
  remarks: ['A filter list that a rule still uses cannot be deleted.'],
  examples: ['delete filterlist "Web Traffic"', 'delete filterlist all'],
});

export const deleteFilteraction = command({
  id: 'static.delete.filteraction',
  verb: 'delete',
  object: 'filteraction',
  description: 'Deletes a filter action.',
  purpose: 'Deletes a filter action.',
  params: nameOrAll('filter action', 'filteraction'),
  remarks: ['A filter action that a rule still uses cannot be deleted.'],
  examples: ['delete filteraction "Require ESP"', 'delete filteraction all'],
});

export const deleteFilter = command({
  id: 'static.delete.filter',
  verb: 'delete',
  object: 'filter',
  description: 'Deletes a filter from a filter list.',
  purpose: 'Deletes the filter that matches every value given.',
  params: [
    p.string('filterlist', 'Filter list that holds the filter.', { required: true, names: 'filterlist' }),
    srcaddrRequired,
    dstaddrRequired,
    protocolDefault,
    srcportDefault,
    dstportDefault,
    mirroredDefault,
    srcmask,
    dstmask,
  ],
  remarks: ['Values are matched the way "add filter" stored them, defaults included.'],
  examples: ['delete filter filterlist="Web Traffic" srcaddr=any dstaddr=me protocol=TCP dstport=80'],
});

export const deleteRule = command({
  id: 'static.delete.rule',
  verb: 'delete',
  object: 'rule',
  description: 'Deletes a rule from a policy.',
  purpose: 'Deletes one rule, or every rule, of a policy.',
  params: [
    p.string('name', 'Name of the rule to delete.', { group: 'target', names: 'rule' }),
    p.integer('id', 1, INT_MAX, 'Number of the rule to delete, as "show rule" lists it.', { group: 'target' }),
    p.flag('all', 'Deletes every rule of the policy except the default\nresponse rule.', 'target'),
    p.string('policy', 'Policy that holds the rule.', { required: true, names: 'policy' }),
  ],
  examples: ['delete rule name="Web" policy="Branch Office"', 'delete rule all "Branch Office"'],
});

export const deleteAll = command({
  id: 'static.delete.all',
  verb: 'delete',
  object: 'all',
  description: 'Deletes all policies, filter lists, and filter actions.',
  purpose: 'Deletes every policy, filter list and filter action in the store.',
  params: [],
  remarks: ['The example policies that ship with Windows go too.'],
  examples: ['delete all'],
});

export const STATIC_DELETE = [deleteAll, deleteFilter, deleteFilteraction, deleteFilterlist, deletePolicy, deleteRule] as const;
