/**
 * Every message netsh prints when a line fails, in one place so a capture from a real 2003
 * machine can correct them. Wording is netsh's own (reference §1.3); which of them a case
 * produces is [R] where §1.3 does not say (see `syntax`).
 */
import type { CommandSpec } from './grammar.js';
import type { GenericVerb } from './generic.js';
import { genericUsage, usageBlock } from './help.js';

export const MESSAGES = {
  notFound: (line: string) => `The following command was not found: ${line}.`,
  essential: ['One or more essential parameters were not entered.', 'Verify the required parameters, and reenter them.'],
  syntax: 'The syntax supplied for this command is not valid. Check help for the correct syntax.',
  parameterIncorrect: 'The parameter is incorrect.',
  fileNotFound: 'The system cannot find the file specified.',
  tooDeep: 'Recursion too deep; the stack overflowed.',
} as const;

/** Failures while binding a command's arguments. */
export type ArgsError =
  /** The command was typed with no parameters at all: the usage block alone. */
  | { readonly kind: 'usage'; readonly command: CommandSpec }
  /** Some but not all required tags: the essential-parameters lines, then the usage block. */
  | { readonly kind: 'missing'; readonly command: CommandSpec; readonly tags: readonly string[] }
  /** Unknown, ambiguous or repeated tag, or a word nothing takes. [R: §1.3 does not cover it] */
  | { readonly kind: 'syntax'; readonly command: CommandSpec; readonly detail: string }
  /** A value its type refuses. */
  | { readonly kind: 'badValue'; readonly command: CommandSpec; readonly tag: string; readonly detail: string };

export type NetshError =
  | ArgsError
  | { readonly kind: 'notFound'; readonly line: string }
  | { readonly kind: 'genericSyntax'; readonly verb: GenericVerb }
  | { readonly kind: 'fileNotFound'; readonly path: string }
  | { readonly kind: 'tooDeep' };

const lines = (...text: string[]) => text.map((l) => `${l}\n`).join('');

/** The text netsh prints for a failure, lines ended by "\n". */
export function renderError(error: NetshError): string {
  switch (error.kind) {
    case 'notFound':
      return lines(MESSAGES.notFound(error.line));
    case 'usage':
      return usageBlock(error.command);
    case 'missing':
      return lines(...MESSAGES.essential, MESSAGES.syntax) + usageBlock(error.command);
    case 'syntax':
      return lines(MESSAGES.syntax) + usageBlock(error.command);
    case 'badValue':
      return lines(MESSAGES.parameterIncorrect);
    case 'genericSyntax':
      return genericUsage(error.verb);
    case 'fileNotFound':
      return lines(MESSAGES.fileNotFound);
    case 'tooDeep':
      return lines(MESSAGES.tooDeep);
  }
}
