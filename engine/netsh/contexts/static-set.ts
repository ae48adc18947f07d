/** `netsh ipsec static set ...` (reference §2.6, §2.8). Nothing here has defaults: an absent tag leaves the value alone. */
import { command, INT_MAX, p } from '../params.js';
import { AUTH_REMARK, conntypeOptional, HOST_ADDRESS, kerberos, psk, rootca } from './common.js';
import { GUID, MM_OFFERS, QM_OFFERS } from './custom-types.js';
import { MM_REMARK, QM_REMARK } from './static-add.js';

const byNameOrGuid = (what: string, kind: 'policy' | 'filterlist' | 'filteraction') =>
  [
    p.string('name', `Name of the ${what} to change.`, { group: 'target', names: kind }),
    p.custom('guid', GUID, `GUID of the ${what} to change.`, { group: 'target' }),
    p.string('newname', `New name for the ${what}.`),
    p.string('description', `Text describing the ${what}.`),
  ] as const;

export const setPolicy = command({
  id: 'static.set.policy',
  verb: 'set',
  object: 'policy',
  description: 'Modifies a policy.',
  purpose: 'Changes the settings of a policy.',
  params: [
    ...byNameOrGuid('policy', 'policy'),
    p.yesno('mmpfs', 'yes: use master key perfect forward secrecy.'),
    p.integer('qmpermm', 0, INT_MAX, 'Quick mode sessions allowed per main mode; 0 means no limit.'),
    p.integer('mmlifetime', 1, INT_MAX, 'Main mode lifetime in minutes.'),
    p.yesno('activatedefaultrule', 'yes: the default response rule is active.'),
    p.integer('pollinginterval', 1, INT_MAX, 'Minutes between checks for changes to the policy.'),
    p.yesno('assign', 'yes: make this the assigned policy of the store.'),
    p.string('gponame', 'Group Policy object to assign the policy to (domain store).'),
    p.custom('mmsecmethods', MM_OFFERS, 'Security methods offered in main mode, most preferred first.'),
  ],
  remarks: ['With mmpfs=yes, qmpermm is set to 1.', 'In the domain store assign does nothing; use gponame.', MM_REMARK],
  examples: ['set policy name="Branch Office" assign=yes', 'set policy "Branch Office" newname="Head Office" pollinginterval=60'],
});

export const setFilterlist = command({
  id: 'static.set.filterlist',
  verb: 'set',
  object: 'filterlist',
  description: 'Modifies a filter list.',
  purpose: 'Renames a filter list or changes its description.',
  params: byNameOrGuid('filter list', 'filterlist'),
  examples: ['set filterlist "Web Traffic" newname="HTTP Traffic"'],
});

export const setFilteraction = command({
  id: 'static.set.filteraction',
  verb: 'set',
  object: 'filteraction',
  description: 'Modifies a filter action.',
  purpose: 'Changes the settings of a filter action.',
  params: [
    ...byNameOrGuid('filter action', 'filteraction'),
    p.yesno('qmpfs', 'yes: use session key perfect forward secrecy.'),
    p.yesno('inpass', 'yes: accept unsecured traffic in, but always answer secured.'),
    p.yesno('soft', 'yes: talk in the clear to computers that do not use IPSec.'),
    p.keyword('action', ['permit', 'block', 'negotiate'] as const, 'What the filter action does.'),
    p.custom('qmsecmethods', QM_OFFERS, 'Security methods offered in quick mode, most preferred first.'),
  ],
  remarks: ['qmsecmethods is only used when action is negotiate.', QM_REMARK],
  examples: ['set filteraction "Require ESP" soft=no qmsec="ESP[3DES,SHA1] ESP[3DES,MD5]"'],
});

export const setRule = command({
  id: 'static.set.rule',
  verb: 'set',
  object: 'rule',
  description: 'Modifies a rule.',
  purpose: 'Changes the settings of a rule in a policy.',
  params: [
    p.string('name', 'Name of the rule to change.', { group: 'target', names: 'rule' }),
    p.integer('id', 1, INT_MAX, 'Number of the rule to change, as "show rule" lists it.', { group: 'target' }),
    p.string('policy', 'Policy that holds the rule.', { required: true, names: 'policy' }),
    p.string('newname', 'New name for the rule.'),
    p.string('description', 'Text describing the rule.'),
    p.string('filterlist', 'Filter list the rule uses.', { names: 'filterlist' }),
    p.string('filteraction', 'Filter action the rule uses.', { names: 'filteraction' }),
    p.address('tunnel', HOST_ADDRESS, 'Tunnel endpoint address.'),
    conntypeOptional,
    p.yesno('activate', 'yes: the rule is active.'),
    kerberos,
    psk,
    rootca,
  ],
  remarks: ['The default response rule is changed with "set defaultrule".', AUTH_REMARK],
  examples: ['set rule name="Web" policy="Branch Office" activate=no', 'set rule id=2 policy="Branch Office" kerberos=no psk="new secret"'],
});

export const setDefaultrule = command({
  id: 'static.set.defaultrule',
  verb: 'set',
  object: 'defaultrule',
  description: 'Modifies the default response rule of a policy.',
  purpose: "Changes a policy's default response rule.",
  params: [
    p.string('policy', 'Policy whose default response rule changes.', { required: true, names: 'policy' }),
    p.yesno('qmpfs', 'yes: use session key perfect forward secrecy.'),
    p.yesno('activate', 'yes: the default response rule is active.'),
    p.custom('qmsecmethods', QM_OFFERS, 'Security methods offered in quick mode, most preferred first.'),
    kerberos,
    psk,
    rootca,
  ],
  remarks: ['The default response rule always negotiates; only its methods,\nPFS, authentication and activation can change.', AUTH_REMARK],
  examples: ['set defaultrule policy="Branch Office" activate=no'],
});

export const setStore = command({
  id: 'static.set.store',
  verb: 'set',
  object: 'store',
  description: 'Sets the current policy store.',
  purpose: 'Chooses the policy store the other static commands work on.',
  params: [
    p.keyword('location', ['local', 'persistent', 'domain'] as const, 'local: this computer; persistent: applied at startup\nwhatever else is assigned; domain: Active Directory.', {
      required: true,
    }),
    p.string('domain', 'Domain whose store to use; this computer\'s domain if left out.'),
  ],
  remarks: ['The choice lasts until netsh exits; netsh starts with the local store.'],
  examples: ['set store location=domain domain=contoso.com', 'set store local'],
});

export const setBatch = command({
  id: 'static.set.batch',
  verb: 'set',
  object: 'batch',
  description: 'Sets the batch update mode.',
  purpose: 'Queues store updates (enable) or writes them out (disable).',
  params: [p.keyword('mode', ['enable', 'disable'] as const, 'enable or disable batch updates.', { required: true })],
  remarks: ['Batch mode makes long scripts faster.'],
  examples: ['set batch enable'],
});

export const STATIC_SET = [setBatch, setDefaultrule, setFilteraction, setFilterlist, setPolicy, setRule, setStore] as const;
