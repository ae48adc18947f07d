import { fail, ok, type Result } from './result.js';
import type { AuthMethod } from './types.js';

/*
 * The `rootca=` value: `"<certificate> certmap:(yes|no) excludecaname:(yes|no)"`, all in one
 * pair of double quotes, inner quotes written `\'` (netsh-ipsec-2003.md §2.5). Both flags
 * default to no [R].
 */

export type CertificateAuth = Extract<AuthMethod, { kind: 'certificate' }>;

const FLAG = /\s+(certmap|excludecaname):(\S*)$/i;

function yesNo(text: string): boolean | null {
  const t = text.toLowerCase();
  if (t === 'yes' || t === 'y') return true;
  if (t === 'no' || t === 'n') return false;
  return null;
}

export function parseRootCa(text: string): Result<CertificateAuth> {
  let rest = ` ${text.trim()}`;
  const flags: { certmap?: boolean; excludecaname?: boolean } = {};
  for (let m = FLAG.exec(rest); m; m = FLAG.exec(rest)) {
    const tag = (m[1] ?? '').toLowerCase() as 'certmap' | 'excludecaname';
    const value = yesNo(m[2] ?? '');
    if (value === null) return fail(`"${m[2] ?? ''}" is not a valid value for ${tag}: use yes or no.`);
    if (flags[tag] !== undefined) return fail(`${tag} is given more than once.`);
    flags[tag] = value;
    rest = rest.slice(0, m.index);
  }
  const rootCa = rest.trim().replace(/\\'/g, '"');
  if (rootCa === '') return fail('The root certification authority name cannot be empty.');
  return ok({ kind: 'certificate', rootCa, certmap: flags.certmap ?? false, excludeCaName: flags.excludecaname ?? false });
}

/** Back to the `rootca=` value (without the outer quotes). */
export function formatRootCa(method: CertificateAuth): string {
  const name = method.rootCa.replace(/"/g, "\\'");
  return `${name} certmap:${method.certmap ? 'yes' : 'no'} excludecaname:${method.excludeCaName ? 'yes' : 'no'}`;
}

/** The label listings use for a method [R §4.3]. */
export function authMethodLabel(method: AuthMethod): string {
  switch (method.kind) {
    case 'kerberos':
      return 'Kerberos';
    case 'psk':
      return 'Preshared Key';
    case 'certificate':
      return 'Root CA';
  }
}
