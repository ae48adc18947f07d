import type { Action } from '../../engine/actions.js';
import type { IkeStats } from '../../engine/ike/types.js';
import type { TrafficRecord } from '../../engine/traffic/record.js';
import type { LabView } from '../../engine/views/lab-view.js';
import type { MonitorView } from '../../engine/views/monitor-view.js';

export type { Action, IkeStats, LabView, MonitorView, TrafficRecord };

/** One sample of a host's counters, taken after a change to the lab, for charts over simulated time. */
export interface StatsSample {
  readonly clock: number;
  readonly stats: IkeStats;
}

/**
 * The typed surface between the UI (or a console client) and LabService. Every method is one
 * message on the channel; `window.lab` in the renderer has exactly these methods.
 */
export interface HostSummary {
  readonly name: string;
  readonly version: string;
}

export interface LabInfo {
  readonly appVersion: string;
  readonly labId: string;
  readonly labTitle: string;
  readonly hosts: readonly HostSummary[];
}

export interface ConsoleSize {
  readonly cols: number;
  readonly rows: number;
}

/** What a console client needs to draw a fresh command prompt window. */
export interface ShellOpening {
  readonly host: string;
  readonly banner: string;
  readonly prompt: string;
}

/** One line run at a host's prompt, as the console client shows it. */
export interface ShellReply {
  readonly output: string;
  readonly clear: boolean;
  readonly exit: boolean;
  readonly prompt: string;
}

/** Request name → parameters and result. The one definition both ends are typed from. */
export interface LabMethods {
  info: { params: Record<string, never>; result: LabInfo };
  openConsole: { params: { host: string } & ConsoleSize; result: { consoleId: string } };
  writeConsole: { params: { consoleId: string; data: string }; result: null };
  resizeConsole: { params: { consoleId: string } & ConsoleSize; result: null };
  /** Flow control: the UI has rendered this many characters of the console's output. */
  ackConsole: { params: { consoleId: string; chars: number }; result: null };
  closeConsole: { params: { consoleId: string }; result: null };
  openShell: { params: { host: string }; result: ShellOpening };
  runShell: { params: { host: string; line: string }; result: ShellReply };
  completeShell: { params: { host: string; line: string }; result: string[] };
  /** The whole lab for the network view, the clock and the tools. */
  labView: { params: Record<string, never>; result: LabView };
  /** Moves the simulated clock: by `ms`, or to the next background Group Policy refresh. */
  advanceClock: { params: { ms: number } | { to: 'next-gp-refresh' }; result: LabView };
  /** A change made in the GUI tools, as the same engine action netsh would produce. */
  applyAction: { params: { action: Action }; result: LabView };
  /** The IP Security Monitor of one host; null when the host does not exist. */
  monitorView: { params: { host: string }; result: MonitorView };
  /** The counters of one host over simulated time, oldest first. */
  statsHistory: { params: { host: string }; result: StatsSample[] };
  /** Recent packets and how each was decided, optionally only between two hosts; newest last. */
  trafficLog: { params: { between?: [string, string]; limit?: number }; result: TrafficRecord[] };
}

/** Event name → payload, pushed from LabService to the UI. */
export interface LabEvents {
  consoleData: { consoleId: string; data: string };
  consoleExit: { consoleId: string; exitCode: number; reason: string };
  connectionLost: { message: string };
  /** The lab changed (a command ran, the clock moved, a tool applied a change). */
  labChanged: { clock: number };
}

export type MethodName = keyof LabMethods;
export type EventName = keyof LabEvents;

/** The renderer's view: one async function per request, plus event subscription. */
export type LabApi = {
  [M in MethodName]: (params: LabMethods[M]['params']) => Promise<LabMethods[M]['result']>;
} & {
  on<E extends EventName>(event: E, listener: (data: LabEvents[E]) => void): () => void;
};

export const METHOD_NAMES: readonly MethodName[] = [
  'info',
  'openConsole',
  'writeConsole',
  'resizeConsole',
  'ackConsole',
  'closeConsole',
  'openShell',
  'runShell',
  'completeShell',
  'labView',
  'advanceClock',
  'applyAction',
  'monitorView',
  'statsHistory',
  'trafficLog',
];
