/** `netsh ipsec dynamic show ...` and dump (reference §3.3). [R: parameter sets recalled] */
import { command, p } from '../params.js';
import {
  actionInbound,
  actionOutbound,
  dstaddrOptional,
  dstmask,
  dstportOptional,
  formatDefault,
  protocolOptional,
  resolvednsDefault,
  srcaddrOptional,
  srcmask,
  srcportOptional,
} from './common.js';

const FILTER_TYPE = ['generic', 'specific'] as const;
const filterType = p.keyword('type', FILTER_TYPE, 'generic filters as configured, or specific filters with\naddresses expanded. Default: generic.', { default: 'generic' });

export const showAll = command({
  id: 'dynamic.show.all',
  verb: 'show',
  object: 'all',
  description: 'Displays policies, filters, SAs, and statistics from SPD.',
  purpose: 'Shows the whole SPD: settings, policies, filters, SAs and statistics.',
  params: [resolvednsDefault],
  examples: ['show all resolvedns=yes'],
});

const policyShow = <const O extends 'mmpolicy' | 'qmpolicy'>(object: O, mode: string) =>
  command({
    id: `dynamic.show.${object}`,
    verb: 'show',
    object,
    description: `Displays ${mode} mode policy details from SPD.`,
    purpose: `Shows one ${mode} mode policy of the SPD, or all of them.`,
    params: [
      p.string('name', `${mode === 'main' ? 'Main' : 'Quick'} mode policy to show.`, { group: 'target', names: object }),
      p.flag('all', `Shows every ${mode} mode policy.`, 'target'),
    ],
    examples: [`show ${object} all`],
  });

export const showMmpolicy = policyShow('mmpolicy', 'main');
export const showQmpolicy = policyShow('qmpolicy', 'quick');

export const showMmfilter = command({
  id: 'dynamic.show.mmfilter',
  verb: 'show',
  object: 'mmfilter',
  description: 'Displays main mode filter details from SPD.',
  purpose: 'Shows main mode filters of the SPD.',
  params: [
    p.string('name', 'Main mode filter to show.', { group: 'target' }),
    p.flag('all', 'Shows every main mode filter.', 'target'),
    filterType,
    srcaddrOptional,
    dstaddrOptional,
    srcmask,
    dstmask,
    resolvednsDefault,
  ],
  examples: ['show mmfilter all type=specific'],
});

export const showQmfilter = command({
  id: 'dynamic.show.qmfilter',
  verb: 'show',
  object: 'qmfilter',
  description: 'Displays quick mode filter details from SPD.',
  purpose: 'Shows quick mode filters of the SPD.',
  params: [
    p.string('name', 'Quick mode filter to show.', { group: 'target' }),
    p.flag('all', 'Shows every quick mode filter.', 'target'),
    filterType,
    srcaddrOptional,
    dstaddrOptional,
    srcmask,
    dstmask,
    protocolOptional,
    srcportOptional,
    dstportOptional,
    actionInbound,
    actionOutbound,
    resolvednsDefault,
  ],
  examples: ['show qmfilter all', 'show qmfilter name="SMB Filter" type=specific'],
});

export const showRule = command({
  id: 'dynamic.show.rule',
  verb: 'show',
  object: 'rule',
  description: 'Displays rule details from SPD.',
  purpose: 'Shows the rules of the SPD, optionally only those matching the values given.',
  params: [
    p.keyword('type', ['tunnel', 'transport'] as const, 'Shows only tunnel or only transport rules.'),
    srcaddrOptional,
    dstaddrOptional,
    srcmask,
    dstmask,
    protocolOptional,
    srcportOptional,
    dstportOptional,
    resolvednsDefault,
  ],
  examples: ['show rule', 'show rule type=transport srcaddr=me'],
});

export const showStats = command({
  id: 'dynamic.show.stats',
  verb: 'show',
  object: 'stats',
  description: 'Displays IKE and IPsec statistics from SPD.',
  purpose: 'Shows the IKE main mode and IPsec quick mode counters.',
  params: [p.keyword('type', ['ike', 'ipsec'] as const, 'ike or ipsec counters only; both when left out.')],
  examples: ['show stats', 'show stats type=ike'],
});

const saAll = p.flag('all', 'Shows every security association.');

export const showMmsas = command({
  id: 'dynamic.show.mmsas',
  verb: 'show',
  object: 'mmsas',
  description: 'Displays main mode security associations from SPD.',
  purpose: 'Shows main mode security associations, all or those between the addresses given.',
  params: [saAll, srcaddrOptional, dstaddrOptional, formatDefault, resolvednsDefault],
  examples: ['show mmsas all', 'show mmsas dstaddr=192.168.1.20 format=table'],
});

export const showQmsas = command({
  id: 'dynamic.show.qmsas',
  verb: 'show',
  object: 'qmsas',
  description: 'Displays quick mode security associations from SPD.',
  purpose: 'Shows quick mode security associations, all or those matching the values given.',
  params: [saAll, srcaddrOptional, dstaddrOptional, protocolOptional, formatDefault, resolvednsDefault],
  examples: ['show qmsas all', 'show qmsas dstaddr=192.168.1.20 protocol=TCP'],
});

export const dynamicDump = command({
  id: 'dynamic.dump',
  verb: 'dump',
  description: 'Displays a configuration script.',
  purpose: 'Prints a script of the dynamic configuration.',
  params: [],
  examples: ['dump'],
});

export const DYNAMIC_SHOW = [showAll, showMmfilter, showMmpolicy, showMmsas, showQmfilter, showQmpolicy, showQmsas, showRule, showStats] as const;
