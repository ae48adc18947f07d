/** Which netsh a host has: the ipsec helper ships with Server 2003 only (reference §7.1). */
import { NETSH_ROOT } from '../contexts/index.js';
import type { NetshContext } from '../grammar.js';
import type { WindowsVersion } from '../../model/windows-version.js';

/**
 * XP and 2000 have netsh but no `ipsec` context, so `netsh ipsec …` there is "The following
 * command was not found"; everything else our tables hold works the same.
 */
const ROOT_WITHOUT_IPSEC: NetshContext = {
  ...NETSH_ROOT,
  subcontexts: NETSH_ROOT.subcontexts.filter((context) => context.name !== 'ipsec'),
};

export function netshRootFor(version: WindowsVersion): NetshContext {
  return version === '2003' ? NETSH_ROOT : ROOT_WITHOUT_IPSEC;
}
