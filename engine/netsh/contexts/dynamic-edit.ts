/** `netsh ipsec dynamic add|set|delete ...` (reference §3.1). Changes the live SPD, lost at service restart. */
import { command, INT_MAX, p } from '../params.js';
import {
  actionInbound,
  actionInboundDefault,
  actionOutbound,
  actionOutboundDefault,
  AUTH_REMARK,
  conntypeDefault,
  conntypeRequired,
  dstaddrRequired,
  dstmask,
  dstportDefault,
  dstportRequired,
  HOST_ADDRESS,
  kerberos,
  mirroredDefault,
  mirroredRequired,
  protocolDefault,
  protocolRequired,
  psk,
  rootca,
  srcaddrRequired,
  srcmask,
  srcportDefault,
  srcportRequired,
} from './common.js';
import { MM_OFFERS, QM_OFFERS } from './custom-types.js';
import { MM_REMARK, QM_REMARK } from './static-add.js';

const PFS_GROUPS = ['GRP1', 'GRP2', 'GRP3', 'GRPMM', 'NOPFS'] as const;
const PFS_HELP = 'Quick mode PFS: GRP1, GRP2 or GRP3 (Diffie-Hellman group),\nGRPMM (the main mode group) or NOPFS.';
const tunneldst = p.address('tunneldstaddress', HOST_ADDRESS, 'Tunnel endpoint address; leave out for transport mode.');

export const addMmpolicy = command({
  id: 'dynamic.add.mmpolicy',
  verb: 'add',
  object: 'mmpolicy',
  description: 'Adds a main mode policy to SPD.',
  purpose: 'Adds a main mode policy to the SPD.',
  params: [
    p.string('name', 'Name of the new main mode policy.', { required: true }),
    p.integer('qmpermm', 0, INT_MAX, 'Quick mode sessions per main mode; 0 means no limit.\nDefault: 0.', { default: 0 }),
    p.integer('mmlifetime', 1, INT_MAX, 'Main mode lifetime in minutes. Default: 480.', { default: 480 }),
    p.integer('softsaexpirationtime', 1, INT_MAX, 'Seconds an idle soft association lives.'),
    p.custom('mmsecmethods', MM_OFFERS, 'Security methods offered in main mode, most preferred first.'),
  ],
  remarks: [MM_REMARK],
  examples: ['add mmpolicy name=MM1 mmsec="3DES-SHA1-2 DES-MD5-1"'],
});

export const addQmpolicy = command({
  id: 'dynamic.add.qmpolicy',
  verb: 'add',
  object: 'qmpolicy',
  description: 'Adds a quick mode policy to SPD.',
  purpose: 'Adds a quick mode policy to the SPD.',
  params: [
    p.string('name', 'Name of the new quick mode policy.', { required: true }),
    p.yesno('soft', 'yes: talk in the clear to computers that do not use IPSec.\nDefault: no.', { default: false }),
    p.keyword('pfsgroup', PFS_GROUPS, `${PFS_HELP} Default: NOPFS.`, { default: 'NOPFS' }),
    p.custom('qmsecmethods', QM_OFFERS, 'Security methods offered in quick mode, most preferred first.'),
  ],
  remarks: [QM_REMARK],
  examples: ['add qmpolicy name=QM1 pfsgroup=GRP2 qmsec="ESP[3DES,SHA1]:100000k/3600s"'],
});

export const addRule = command({
  id: 'dynamic.add.rule',
  verb: 'add',
  object: 'rule',
  description: 'Adds a rule and associated filters to SPD.',
  purpose: 'Adds a rule to the SPD, with its main mode and quick mode filters.',
  params: [
    srcaddrRequired,
    dstaddrRequired,
    p.string('mmpolicy', 'Main mode policy the rule uses.', { required: true, names: 'mmpolicy' }),
    p.string('qmpolicy', 'Quick mode policy the rule uses; needed when an action\nis negotiate.', { names: 'qmpolicy' }),
    protocolDefault,
    srcportDefault,
    dstportDefault,
    mirroredDefault,
    conntypeDefault,
    actionInboundDefault,
    actionOutboundDefault,
    srcmask,
    dstmask,
    tunneldst,
    kerberos,
    psk,
    rootca,
  ],
  remarks: [AUTH_REMARK],
  examples: [
    'add rule srcaddr=me dstaddr=192.168.1.20 mmpolicy=MM1 qmpolicy=QM1 protocol=TCP dstport=445',
    'add rule 10.0.0.5 any MM1 actioninbound=block actionoutbound=block',
  ],
});

export const setMmpolicy = command({
  id: 'dynamic.set.mmpolicy',
  verb: 'set',
  object: 'mmpolicy',
  description: 'Modifies a main mode policy in SPD.',
  purpose: 'Changes a main mode policy in the SPD.',
  params: [
    p.string('name', 'Main mode policy to change.', { required: true, names: 'mmpolicy' }),
    p.integer('qmpermm', 0, INT_MAX, 'Quick mode sessions per main mode; 0 means no limit.'),
    p.integer('mmlifetime', 1, INT_MAX, 'Main mode lifetime in minutes.'),
    p.integer('softsaexpirationtime', 1, INT_MAX, 'Seconds an idle soft association lives.'),
    p.custom('mmsecmethods', MM_OFFERS, 'Security methods offered in main mode, most preferred first.'),
  ],
  remarks: [MM_REMARK],
  examples: ['set mmpolicy MM1 mmlifetime=60'],
});

export const setQmpolicy = command({
  id: 'dynamic.set.qmpolicy',
  verb: 'set',
  object: 'qmpolicy',
  description: 'Modifies a quick mode policy in SPD.',
  purpose: 'Changes a quick mode policy in the SPD.',
  params: [
    p.string('name', 'Quick mode policy to change.', { required: true, names: 'qmpolicy' }),
    p.yesno('soft', 'yes: talk in the clear to computers that do not use IPSec.'),
    p.keyword('pfsgroup', PFS_GROUPS, PFS_HELP),
    p.custom('qmsecmethods', QM_OFFERS, 'Security methods offered in quick mode, most preferred first.'),
  ],
  remarks: [QM_REMARK],
  examples: ['set qmpolicy QM1 soft=yes'],
});

/** The fields that identify a dynamic rule; set rule and delete rule both start with them. [R: required-ness] */
const ruleIdentity = [
  srcaddrRequired,
  dstaddrRequired,
  protocolRequired,
  srcportRequired,
  dstportRequired,
  mirroredRequired,
  conntypeRequired,
  srcmask,
  dstmask,
  tunneldst,
] as const;

export const setRule = command({
  id: 'dynamic.set.rule',
  verb: 'set',
  object: 'rule',
  description: 'Modifies a rule and associated filters in SPD.',
  purpose: 'Changes the policies, actions or authentication of a rule in the SPD.',
  params: [
    ...ruleIdentity,
    p.string('mmpolicy', 'Main mode policy the rule uses.', { names: 'mmpolicy' }),
    p.string('qmpolicy', 'Quick mode policy the rule uses.', { names: 'qmpolicy' }),
    actionInbound,
    actionOutbound,
    kerberos,
    psk,
    rootca,
  ],
  remarks: ['The address, mask, protocol, port, mirrored, conntype and tunnel\nvalues only find the rule; they cannot be changed.', AUTH_REMARK],
  examples: ['set rule me 192.168.1.20 TCP 0 445 yes all qmpolicy=QM2'],
});

export const deleteMmpolicy = command({
  id: 'dynamic.delete.mmpolicy',
  verb: 'delete',
  object: 'mmpolicy',
  description: 'Deletes a main mode policy from SPD.',
  purpose: 'Deletes one main mode policy, or all of them, from the SPD.',
  params: [
    p.string('name', 'Main mode policy to delete.', { group: 'target', names: 'mmpolicy' }),
    p.flag('all', 'Deletes every main mode policy.', 'target'),
  ],
  remarks: ['A policy that a rule still uses cannot be deleted.'],
  examples: ['delete mmpolicy name=MM1', 'delete mmpolicy all'],
});

export const deleteQmpolicy = command({
  id: 'dynamic.delete.qmpolicy',
  verb: 'delete',
  object: 'qmpolicy',
  description: 'Deletes a quick mode policy from SPD.',
  purpose: 'Deletes one quick mode policy, or all of them, from the SPD.',
  params: [
    p.string('name', 'Quick mode policy to delete.', { group: 'target', names: 'qmpolicy' }),
    p.flag('all', 'Deletes every quick mode policy.', 'target'),
  ],
  remarks: ['A policy that a rule still uses cannot be deleted.'],
  examples: ['delete qmpolicy name=QM1', 'delete qmpolicy all'],
});

export const deleteRule = command({
  id: 'dynamic.delete.rule',
  verb: 'delete',
  object: 'rule',
  description: 'Deletes a rule and associated filters from SPD.',
  purpose: 'Deletes the rule with exactly these values from the SPD.',
  params: ruleIdentity,
  examples: ['delete rule me 192.168.1.20 TCP 0 445 yes all'],
});

export const deleteAll = command({
  id: 'dynamic.delete.all',
  verb: 'delete',
  object: 'all',
  description: 'Deletes all policies, filters, and actions from SPD.',
  purpose: 'Empties the SPD: every rule, filter and policy.',
  params: [],
  examples: ['delete all'],
});

export const DYNAMIC_EDIT = [
  addMmpolicy,
  addQmpolicy,
  addRule,
  deleteAll,
  deleteMmpolicy,
  deleteQmpolicy,
  deleteRule,
  setMmpolicy,
  setQmpolicy,
  setRule,
] as const;
