/** `netsh ipsec static add ...` (reference §2.1-2.5). */
import { command, INT_MAX, p } from '../params.js';
import {
  AUTH_REMARK,
  conntypeDefault,
  dstaddrRequired,
  dstmask,
  dstportDefault,
  HOST_ADDRESS,
  kerberos,
  mirroredDefault,
  protocolDefault,
  psk,
  rootca,
  srcaddrRequired,
  srcmask,
  srcportDefault,
} from './common.js';
import { MM_OFFERS, QM_OFFERS } from './custom-types.js';

export const QM_REMARK =
  'Each qmsecmethods offer is ESP[ConfAlg,AuthAlg], AH[HashAlg] or\nAH[HashAlg]+ESP[ConfAlg,AuthAlg], optionally followed by :Nk/Ns\n(lifetime in kilobytes and seconds). ConfAlg is DES, 3DES or None;\nAuthAlg is MD5, SHA1 or None; HashAlg is MD5 or SHA1. DES and MD5\nare there for older computers only.';
export const MM_REMARK =
  'Each mmsecmethods entry is ConfAlg-HashAlg-GroupNum: ConfAlg is\nDES or 3DES, HashAlg is MD5 or SHA1, GroupNum is 1 (Low),\n2 (Medium) or 3 (High, 2048 bits).';

export const addFilterlist = command({
  id: 'static.add.filterlist',
  verb: 'add',
  object: 'filterlist',
  description: 'Creates an empty filter list.',
  purpose: 'Creates a filter list with no filters in it.',
  params: [p.string('name', 'Name of the new filter list.', { required: true }), p.string('description', 'Text describing the filter list.')],
  remarks: ['Put filters in it with "add filter".'],
  examples: ['add filterlist "Web Traffic" description="HTTP to this server"'],
});

export const addFilter = command({
  id: 'static.add.filter',
  verb: 'add',
  object: 'filter',
  description: 'Adds a filter to filter list.',
  purpose: 'Adds a filter to a filter list.',
  params: [
    p.string('filterlist', 'Filter list that receives the filter.', { required: true, names: 'filterlist' }),
    srcaddrRequired,
    dstaddrRequired,
    p.string('description', 'Text describing the filter.'),
    protocolDefault,
    mirroredDefault,
    srcmask,
    dstmask,
    srcportDefault,
    dstportDefault,
  ],
  remarks: [
    'A filter list that does not exist yet is created.',
    'When one address is a server keyword, the other must be me.',
    'Without a mask, a single address or me uses 255.255.255.255\nand any uses 0.0.0.0.',
  ],
  examples: [
    'add filter filterlist="Web Traffic" srcaddr=any dstaddr=me protocol=TCP dstport=80',
    'add filter "LAN" 192.168.10.0 me srcmask=24',
  ],
});

export const addFilteraction = command({
  id: 'static.add.filteraction',
  verb: 'add',
  object: 'filteraction',
  description: 'Creates a filter action.',
  purpose: 'Creates a filter action: permit, block, or negotiate security.',
  params: [
    p.string('name', 'Name of the new filter action.', { required: true }),
    p.string('description', 'Text describing the filter action.'),
    p.yesno('qmpfs', 'yes: use session key perfect forward secrecy. Default: no.', { default: false }),
    p.yesno('inpass', 'yes: accept unsecured traffic in, but always answer\nsecured. Default: no.', { default: false }),
    p.yesno('soft', 'yes: talk in the clear to computers that do not use IPSec.\nDefault: no.', { default: false }),
    p.keyword('action', ['permit', 'block', 'negotiate'] as const, 'What the filter action does. Default: negotiate.', { default: 'negotiate' }),
    p.custom('qmsecmethods', QM_OFFERS, 'Security methods offered in quick mode, most preferred first.'),
  ],
  remarks: ['qmsecmethods is only used when action is negotiate.', QM_REMARK],
  examples: [
    'add filteraction name="Require ESP" action=negotiate qmsec="ESP[3DES,SHA1]:100000k/3600s"',
    'add filteraction "Fall Back to Clear" action=negotiate soft=yes',
  ],
});

export const addPolicy = command({
  id: 'static.add.policy',
  verb: 'add',
  object: 'policy',
  description: 'Creates a policy with a default response rule.',
  purpose: 'Creates a policy that holds only the default response rule.',
  params: [
    p.string('name', 'Name of the new policy.', { required: true }),
    p.string('description', 'Text describing the policy.'),
    p.yesno('mmpfs', 'yes: use master key perfect forward secrecy. Default: no.', { default: false }),
    p.integer('qmpermm', 0, INT_MAX, 'Quick mode sessions allowed per main mode before a new\nmain mode; 0 means no limit. Default: 0.', { default: 0 }),
    p.integer('mmlifetime', 1, INT_MAX, 'Main mode lifetime in minutes. Default: 480.', { default: 480 }),
    p.yesno('activatedefaultrule', 'yes: the default response rule is active. Default: yes.', { default: true }),
    p.integer('pollinginterval', 1, INT_MAX, 'Minutes between checks for changes to the policy.\nDefault: 180.', { default: 180 }),
    p.yesno('assign', 'yes: make this the assigned policy of the store. Default: no.', { default: false }),
    p.custom('mmsecmethods', MM_OFFERS, 'Security methods offered in main mode, most preferred first.'),
  ],
  remarks: [
    'With mmpfs=yes, qmpermm is set to 1.',
    'In the domain store assign does nothing: a Group Policy object\nassigns domain policies.',
    MM_REMARK,
  ],
  examples: ['add policy name="Branch Office" mmsec="3DES-SHA1-2 3DES-MD5-2" assign=yes'],
});

export const addRule = command({
  id: 'static.add.rule',
  verb: 'add',
  object: 'rule',
  description: 'Creates a rule for the specified policy.',
  purpose: 'Creates a rule that links a filter list and a filter action in a policy.',
  params: [
    p.string('name', 'Name of the new rule; unique in its policy.', { required: true }),
    p.string('policy', 'Policy the rule belongs to.', { required: true, names: 'policy' }),
    p.string('filterlist', 'Filter list the rule uses.', { required: true, names: 'filterlist' }),
    p.string('filteraction', 'Filter action the rule uses.', { required: true, names: 'filteraction' }),
    p.address('tunnel', HOST_ADDRESS, 'Tunnel endpoint address; leave out for transport mode.'),
    conntypeDefault,
    p.yesno('activate', 'yes: the rule is active. Default: yes.', { default: true }),
    p.string('description', 'Text describing the rule.'),
    kerberos,
    psk,
    rootca,
  ],
  remarks: ['The policy, filter list and filter action must exist already.', AUTH_REMARK, 'Without any method the rule uses Kerberos.'],
  examples: [
    'add rule name="Web" policy="Branch Office" filterlist="Web Traffic" filteraction="Require ESP" kerberos=yes',
    'add rule "Partner" "Branch Office" "Partner Traffic" "Require ESP" psk="our secret" tunnel=10.1.1.1',
  ],
});

export const STATIC_ADD = [addFilter, addFilteraction, addFilterlist, addPolicy, addRule] as const;
