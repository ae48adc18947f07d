/*
 * IKE status codes that Windows Server 2003 reports in event 547 and netsh (reference §1.3,
 * texts verbatim from the public Win32 error table [C:S13]; the mapping to causes is §6.2).
 */

export const IKE_ERRORS = {
  13801: 'IKE authentication credentials are unacceptable',
  13802: 'IKE security attributes are unacceptable',
  13804: 'General processing error',
  13805: 'Negotiation timed out',
  13806:
    'IKE failed to find valid machine certificate. Contact your Network Security Administrator about installing a valid certificate in the appropriate Certificate Store.',
  13813: 'No response from peer',
  13817: 'Certificate Revocation Check failed',
  13825: 'No policy configured',
  13827: 'Failed to authenticate using Kerberos',
  13843: 'Invalid payload received',
  13844: 'Soft SA loaded',
  13845: 'Soft SA torn down',
  13849: 'New policy invalidated SAs formed with old policy',
  13867: 'Error decrypting payload',
} as const;

export type IkeErrorCode = keyof typeof IKE_ERRORS;

export function ikeErrorText(code: IkeErrorCode): string {
  return IKE_ERRORS[code];
}
