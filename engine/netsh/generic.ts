/**
 * The verbs netsh itself offers in every context, as data like the helper tables. Descriptions
 * are netsh's own [R: recalled from XP/2003 netsh, not in the reference's captures].
 */

export type GenericAction = 'up' | 'help' | 'exit' | 'pushd' | 'popd' | 'exec';

export interface GenericVerb {
  readonly name: string;
  readonly description: string;
  readonly action: GenericAction;
  /** `every`: listed in each context's help (the helper registers it); `root`: listed at netsh> only. */
  readonly listed: 'every' | 'root' | 'never';
  /** What `exec ?` and a malformed use print. */
  readonly usage: readonly string[];
}

const EXIT_USAGE = ['Usage: exit', '', 'Remarks: Leaves netsh.'];

export const GENERIC_VERBS: readonly GenericVerb[] = [
  { name: '..', description: 'Goes up one context level.', action: 'up', listed: 'never', usage: ['Usage: ..', '', 'Remarks: Returns to the parent context.'] },
  { name: '?', description: 'Displays a list of commands.', action: 'help', listed: 'every', usage: ['Usage: ?'] },
  { name: 'bye', description: 'Exits the program.', action: 'exit', listed: 'root', usage: EXIT_USAGE },
  { name: 'exec', description: 'Runs a script file.', action: 'exec', listed: 'root', usage: ['Usage: exec <ScriptFile>', '', 'Remarks: Loads the script file and runs the commands in it.'] },
  { name: 'exit', description: 'Exits the program.', action: 'exit', listed: 'root', usage: EXIT_USAGE },
  { name: 'help', description: 'Displays a list of commands.', action: 'help', listed: 'every', usage: ['Usage: help'] },
  { name: 'popd', description: 'Pops a context from the stack.', action: 'popd', listed: 'root', usage: ['Usage: popd', '', 'Remarks: Returns to the context saved by the last pushd.'] },
  { name: 'pushd', description: 'Pushes current context on stack.', action: 'pushd', listed: 'root', usage: ['Usage: pushd [command]', '', 'Remarks: Saves the current context, then runs the command (often a context name).'] },
  { name: 'quit', description: 'Exits the program.', action: 'exit', listed: 'root', usage: EXIT_USAGE },
];
