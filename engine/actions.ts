/**
 * Every change to a lab world is one of these plain, serialisable objects. The console, the
 * GUI and replay all produce them, so grading never cares which one the student used.
 */
export type Action =
  /** A line typed at a host's command prompt. */
  | { readonly type: 'command'; readonly host: string; readonly line: string }
  /** The simulated clock moves forward. */
  | { readonly type: 'advance'; readonly ms: number };

export type ActionType = Action['type'];
