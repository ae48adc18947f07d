import { parseArgs } from 'node:util';
import { appVersion } from '../project.js';
import { UserError } from '../protocol/rpc.js';
import { testCommand, validateCommand } from './commands.js';

/* `ipsec-lab validate PACK` and `ipsec-lab test PACK`, ready for service/cli.ts's command table. */

export const PACK_USAGE = `  validate PACK                     check a lesson pack (a folder or a .zip): every problem
                                    as file:line:column: message; exit 1 on errors
  test PACK [--seeds 1,2,3]         prove every lesson of a pack: each check fails at the start,
                                    the solution completes every step, every mutant fails`;

function onePack(command: string, positionals: readonly string[]): string {
  const [pack] = positionals;
  if (!pack || positionals.length > 1) throw new UserError(`${command} needs one PACK: a pack folder or a .zip file.`);
  return pack;
}

export async function validatePackCli(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const { code, output } = await validateCommand(onePack('validate', positionals), { appVersion: appVersion() });
  process.stdout.write(output);
  return code;
}

export async function testPackCli(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { seeds: { type: 'string' } } });
  const seeds = (values.seeds ?? '1').split(',').map((s) => Number(s.trim()));
  if (seeds.some((s) => !Number.isSafeInteger(s) || s < 0)) throw new UserError('--seeds takes whole numbers separated by commas, such as 1,2,3.');
  const { code, output } = await testCommand(onePack('test', positionals), { appVersion: appVersion(), seeds });
  process.stdout.write(output);
  return code;
}
