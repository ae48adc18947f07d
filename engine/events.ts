/** What the engine tells the UI and the grader happened; more kinds join as the simulation grows. */
export type LabEvent =
  | { readonly type: 'command-run'; readonly host: string; readonly line: string; readonly at: number }
  | { readonly type: 'clock-advanced'; readonly from: number; readonly to: number };
