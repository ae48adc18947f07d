/** The session data netsh keeps between lines, and what the caller supplies to it. */
import type { NetshContext, ObjectKind } from './grammar.js';
import type { NetshRequest } from './requests.js';

/** What the layer owning the stores answers for one request: nothing on success, else its error text. */
export interface Performed {
  readonly output: string;
  readonly failed: boolean;
}

/** Plain JSON, so a console can store it and replay reproduces it. */
export interface NetshSession {
  /** Context words from the root: [] is `netsh>`, ['ipsec', 'static'] is `netsh ipsec static>`. */
  readonly path: readonly string[];
  /** Contexts saved by `pushd`, most recent last. */
  readonly stack: readonly (readonly string[])[];
}

/** Everything outside netsh that it reads. All optional: a missing reader behaves as "no such thing". */
export interface NetshDeps {
  /** Text of a script for `exec` and `netsh -f`; undefined when the file does not exist. */
  readFile?(path: string): string | undefined;
  /** Names of existing objects, for tab completion. */
  objectNames?(kind: ObjectKind): readonly string[];
  /**
   * Carries out a validated request the moment it parses, so the output of a script (an
   * ERR IPsec line, a show listing) lands between the lines that caused it. Without it,
   * requests are only collected in NetshLineResult.requests.
   */
  perform?(request: NetshRequest): Performed;
  /** The context tree; the real netsh tables when absent (tests pass small ones). */
  readonly root?: NetshContext;
}

export function initialSession(path: readonly string[] = []): NetshSession {
  return { path: [...path], stack: [] };
}

/** `netsh>` at the root, `netsh ipsec static>` inside. */
export function netshPrompt(session: NetshSession): string {
  return ['netsh', ...session.path].join(' ') + '>';
}
