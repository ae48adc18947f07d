import { parseArgs } from 'node:util';
import { builtInLabIds, DEFAULT_LAB_ID } from '../engine/index.js';
import { BrowserServer } from './browser/server.js';
import { LabService } from './lab-service.js';
import { appVersion } from './project.js';
import { UserError } from './protocol/rpc.js';
import { localBackend, remoteBackend, runConsole } from './shell-client.js';
import { openLab, ShellHost } from './shell-host.js';
import { readTextFile, runScript, writeFileAtomic } from './script-runner.js';
import { PACK_USAGE, testPackCli, validatePackCli } from './packs/cli.js';
import { gradeCli, isLessonRun, LESSON_USAGE, runLessonCli } from './lessons/cli.js';

const USAGE = `Usage: ipsec-lab <command> [options]

Commands:
  shell [--lab LAB] [--host HOST]   a host's command prompt in this terminal
  run [--lab LAB] --script FILE [--state OUT.json]
                                    run "HOST> command" and "@advance 90m" lines; print the
                                    transcript; write the final world as JSON
${LESSON_USAGE}
${PACK_USAGE}
  serve [--port N] [--lab LAB]      the app in a browser, on 127.0.0.1 only
  help                              this text

Labs: ${builtInLabIds().join(', ')} (default ${DEFAULT_LAB_ID}). Default host: SRV1.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  shell: shellCommand,
  run: runCommand,
  validate: validatePackCli,
  test: testPackCli,
  grade: gradeCli,
  serve: serveCommand,
  help: async () => {
    console.log(USAGE);
    return 0;
  },
};

async function shellCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { lab: { type: 'string' }, host: { type: 'string' }, attach: { type: 'string' } },
  });
  const host = values.host ?? 'SRV1';
  if (values.attach) {
    const token = process.env.IPSEC_LAB_TOKEN ?? '';
    delete process.env.IPSEC_LAB_TOKEN;
    return runConsole(await remoteBackend(values.attach, token), host);
  }
  return runConsole(localBackend(new ShellHost(openLab(values.lab))), host);
}

async function runCommand(args: string[]): Promise<number> {
  if (isLessonRun(args)) return runLessonCli(args);
  const { values } = parseArgs({
    args,
    options: { lab: { type: 'string' }, script: { type: 'string' }, state: { type: 'string' } },
  });
  if (!values.script) throw new UserError('run needs --script FILE.');
  const lab = openLab(values.lab);
  process.stdout.write(runScript(lab, await readTextFile(values.script, 'script'), values.script));
  if (values.state) await writeFileAtomic(values.state, `${JSON.stringify(lab.world, null, 2)}\n`);
  return 0;
}

async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string' }, lab: { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError('--port takes a number from 0 to 65535.');
  const service = await LabService.start(values.lab ? { labId: values.lab } : {});
  const server = new BrowserServer(service);
  const url = await server.listen(port).catch((error: NodeJS.ErrnoException) => {
    service.close();
    throw new UserError(error.code === 'EADDRINUSE' ? `Port ${port} is already in use; try another --port.` : error.message);
  });
  console.log(`IPSec Lab is running at ${url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
  return new Promise((resolve) => {
    const stop = () => void server.close().then(() => (service.close(), resolve(0)));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/** Runs the command line; every expected failure is one line on stderr and a non-zero code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    console.log(appVersion());
    return 0;
  }
  const command = COMMANDS[name ?? 'help'] ?? (name === '--help' || name === '-h' ? COMMANDS.help : undefined);
  if (!command) {
    console.error(`ipsec-lab: "${name}" is not a command.\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (error) {
    const expected = error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`ipsec-lab: ${error instanceof Error ? error.message : String(error)}`);
    if (!expected && error instanceof Error && process.env.IPSEC_LAB_DEBUG) console.error(error.stack);
    return expected ? 2 : 1;
  }
}
