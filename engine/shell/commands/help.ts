import { printed, type ShellCommand, type ShellContext, type ShellResult } from '../command.js';

/**
 * HELP reads the same command table the shell dispatches from, so every command the lab
 * offers is listed once, in cmd.exe's layout.
 */
export function helpCommand(table: () => readonly ShellCommand[]): ShellCommand {
  return {
    name: 'help',
    summary: 'Provides Help information for Windows commands.',
    usage: 'Provides help information for Windows commands.\n\nHELP [command]\n\n    command - displays help information on that command.',
    builtIn: true,
    run(ctx: ShellContext, args: string): ShellResult {
      const topic = args.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const available = table().filter((c) => !c.versions || c.versions.includes(ctx.host.version));
      if (topic === '/?') return printed(this.usage);
      if (topic === '') {
        const rows = [...available]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => `${c.name.toUpperCase().padEnd(15)}${c.summary}`);
        return printed('For more information on a specific command, type HELP command-name', ...rows);
      }
      const found = available.find((c) => c.name === topic);
      if (found?.builtIn) return printed(found.usage);
      return printed(`This command is not supported by the help utility.  Try "${topic} /?".`);
    },
  };
}
