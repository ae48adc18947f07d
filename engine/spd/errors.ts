/**
 * SPD errors. Clashes with SPD objects are the Win32 codes 13000-13025 (netsh-ipsec-2003.md
 * §1.3; texts as in Microsoft's system error list [C:S13]) and print as their text alone [R].
 * Bad values reuse the store's `ERR IPsec[NNNNN] : …` errors (engine/ipsec/errors.ts).
 */
import { formatIpsecError, type IpsecError } from '../ipsec/errors.js';

export const SPD_WIN32_ERRORS = {
  'qm-policy-exists': { code: 13000, text: 'The specified quick mode policy already exists.' },
  'qm-policy-not-found': { code: 13001, text: 'The specified quick mode policy was not found.' },
  'qm-policy-in-use': { code: 13002, text: 'The specified quick mode policy is being used.' },
  'mm-policy-exists': { code: 13003, text: 'The specified main mode policy already exists.' },
  'mm-policy-not-found': { code: 13004, text: 'The specified main mode policy was not found.' },
  'mm-policy-in-use': { code: 13005, text: 'The specified main mode policy is being used.' },
  'mm-filter-exists': { code: 13006, text: 'The specified main mode filter already exists.' },
  'mm-filter-not-found': { code: 13007, text: 'The specified main mode filter was not found.' },
  'transport-filter-exists': { code: 13008, text: 'The specified transport mode filter already exists.' },
  'transport-filter-not-found': { code: 13009, text: 'The specified transport mode filter does not exist.' },
  'mm-auth-exists': { code: 13010, text: 'The specified main mode authentication list exists.' },
  'mm-auth-not-found': { code: 13011, text: 'The specified main mode authentication list was not found.' },
  'mm-auth-in-use': { code: 13012, text: 'The specified main mode authentication list is being used.' },
  'default-mm-policy-not-found': { code: 13013, text: 'The specified default main mode policy was not found.' },
  'default-mm-auth-not-found': { code: 13014, text: 'The specified default main mode authentication list was not found.' },
  'default-qm-policy-not-found': { code: 13015, text: 'The specified default quick mode policy was not found.' },
  'tunnel-filter-exists': { code: 13016, text: 'The specified tunnel mode filter exists.' },
  'tunnel-filter-not-found': { code: 13017, text: 'The specified tunnel mode filter was not found.' },
  'mm-filter-pending-deletion': { code: 13018, text: 'The Main Mode filter is pending deletion.' },
  'transport-filter-pending-deletion': { code: 13019, text: 'The transport filter is pending deletion.' },
  'tunnel-filter-pending-deletion': { code: 13020, text: 'The tunnel filter is pending deletion.' },
  'mm-policy-pending-deletion': { code: 13021, text: 'The Main Mode policy is pending deletion.' },
  'mm-auth-pending-deletion': { code: 13022, text: 'The Main Mode authentication bundle is pending deletion.' },
  'qm-policy-pending-deletion': { code: 13023, text: 'The Quick Mode policy is pending deletion.' },
  'mm-policy-pruned': {
    code: 13024,
    text: 'The Main Mode policy was successfully added, but some of the requested offers are not supported.',
  },
  'qm-policy-pruned': {
    code: 13025,
    text: 'The Quick Mode policy was successfully added, but some of the requested offers are not supported.',
  },
} as const;

export type SpdWin32Kind = keyof typeof SPD_WIN32_ERRORS;

export interface SpdWin32Error {
  readonly source: 'win32';
  readonly kind: SpdWin32Kind;
  readonly code: number;
  readonly message: string;
}

/** Win32 SPD clash, or a bad value reported the `ERR IPsec` way. */
export type SpdError = SpdWin32Error | IpsecError;

export function spdError(kind: SpdWin32Kind): SpdWin32Error {
  const entry = SPD_WIN32_ERRORS[kind];
  return { source: 'win32', kind, code: entry.code, message: entry.text };
}

export function isWin32Error(error: SpdError): error is SpdWin32Error {
  return 'source' in error;
}

/** The line netsh prints (without newline). */
export function formatSpdError(error: SpdError): string {
  return isWin32Error(error) ? error.message : formatIpsecError(error);
}
