import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's IPSec Lab folder (progress, imported packs): IPSEC_LAB_HOME when set (tests, or a
 * portable install), else the platform's per-user application data folder.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.IPSEC_LAB_HOME) return env.IPSEC_LAB_HOME;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'IPSec Lab');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'IPSec Lab');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'ipsec-lab');
}
