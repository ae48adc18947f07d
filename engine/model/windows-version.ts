/** The Windows releases a lab host can run; each answers as its own cmd.exe does. */
export type WindowsVersion = '2000' | 'XP' | '2003';

export const WINDOWS_VERSIONS: readonly WindowsVersion[] = ['2000', 'XP', '2003'];

interface VersionFacts {
  /** The line `ver` prints and cmd.exe's banner starts with. */
  readonly verLine: string;
  readonly copyright: string;
  readonly productName: string;
}

const FACTS: Record<WindowsVersion, VersionFacts> = {
  '2000': {
    verLine: 'Microsoft Windows 2000 [Version 5.00.2195]',
    copyright: '(C) Copyright 1985-2000 Microsoft Corp.',
    productName: 'Windows 2000 Server',
  },
  XP: {
    verLine: 'Microsoft Windows XP [Version 5.1.2600]',
    copyright: '(C) Copyright 1985-2001 Microsoft Corp.',
    productName: 'Windows XP Professional',
  },
  '2003': {
    verLine: 'Microsoft Windows [Version 5.2.3790]',
    copyright: '(C) Copyright 1985-2003 Microsoft Corp.',
    productName: 'Windows Server 2003',
  },
};

export function versionFacts(version: WindowsVersion): VersionFacts {
  return FACTS[version];
}

export function isWindowsVersion(value: unknown): value is WindowsVersion {
  return typeof value === 'string' && (WINDOWS_VERSIONS as readonly string[]).includes(value);
}
