import type { Action } from '../../engine/actions.js';
import type { IkeStats } from '../../engine/ike/types.js';
import type { TrafficRecord } from '../../engine/traffic/record.js';
import type { LabView } from '../../engine/views/lab-view.js';
import type { MonitorView } from '../../engine/views/monitor-view.js';
import type { LessonText } from '../../engine/lessons/markdown.js';
import type { LessonResult, LessonStateView, Mode } from '../../engine/lessons/runner/index.js';

export type { Action, IkeStats, LabView, MonitorView, TrafficRecord, LessonResult, LessonStateView, LessonText, Mode };

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

/** One lesson of a pack, for the lesson list. */
export interface PackLessonSummary {
  readonly id: string;
  readonly title: string;
  readonly mode: Mode;
  readonly summary: string | null;
  readonly steps: number;
}

/** A pack the student can open: built in, or imported into the app-data folder. */
export interface PackSummary {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  readonly source: 'built-in' | 'imported';
  readonly lessons: readonly PackLessonSummary[];
  /** Why the pack cannot be played (its first error), or null. */
  readonly problem: string | null;
}

/** The open lesson as the lesson pane shows it: steps, feedback, hints, score, time left. */
export interface LessonState extends LessonStateView {
  readonly pack: { readonly id: string; readonly title: string; readonly version: string };
  /** lesson.md: the introduction and one section per step (raw Markdown; sanitise to show). */
  readonly text: LessonText;
  /** One line the user should see once (progress that could not be read, time up), or null. */
  readonly notice: string | null;
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
  /** The IP Security Monitor of one host; an unknown host is refused with a message. */
  monitorView: { params: { host: string }; result: MonitorView };
  /** The counters of one host over simulated time, oldest first. */
  statsHistory: { params: { host: string }; result: StatsSample[] };
  /** Recent packets and how each was decided, optionally only between two hosts; newest last. */
  trafficLog: { params: { between?: [string, string]; limit?: number }; result: TrafficRecord[] };
  /** Built-in packs and imported ones. */
  listPacks: { params: Record<string, never>; result: PackSummary[] };
  /** Validates a pack folder or .zip and copies it into the app-data folder. */
  importPack: { params: { path: string }; result: PackSummary };
  /**
   * Replaces the lab with the lesson's world (resuming saved progress); consoles go on against
   * it. Mode: an exam lesson is always an exam. Seed: default the saved one, else a new one.
   */
  openLesson: { params: { pack: string; lesson: string; mode?: Mode; seed?: number }; result: LessonState };
  lessonState: { params: Record<string, never>; result: LessonState };
  /** Reveals the current step's next hint (logged; charged or refused in an exam). */
  revealHint: { params: Record<string, never>; result: LessonState };
  /** Back to the lesson's starting world; the log and hints taken stay. */
  resetLesson: { params: Record<string, never>; result: LessonState };
  /** Takes back the last action (the world is rebuilt by replay without it). */
  undoLast: { params: Record<string, never>; result: LessonState };
  /** Back to the world at the start of a step already reached. */
  restoreCheckpoint: { params: { step: string }; result: LessonState };
  /** The reference solution's lines, to show beside the student's work (never during an exam). */
  showSolution: { params: Record<string, never>; result: { lines: string[] } };
  /** Ends the lesson; the result is also saved with the progress. */
  finishLesson: { params: Record<string, never>; result: LessonResult };
}

/** Event name → payload, pushed from LabService to the UI. */
export interface LabEvents {
  consoleData: { consoleId: string; data: string };
  consoleExit: { consoleId: string; exitCode: number; reason: string };
  connectionLost: { message: string };
  /** A command from the desktop app's menu (Electron only) for the UI to carry out. */
  menuCommand: { command: 'open-pack' | 'import-pack' | 'export-results' };
  /** The lab changed (a command ran, the clock moved, a tool applied a change). */
  labChanged: { clock: number };
  /** The open lesson changed (an action, a hint, undo, reset, a new lesson). */
  lessonChanged: LessonState;
}

/** Every event, listed once, so bridges (the Electron preload) forward all of them. */
export const EVENT_NAMES = ['consoleData', 'consoleExit', 'connectionLost', 'labChanged', 'lessonChanged', 'menuCommand'] as const satisfies readonly (keyof LabEvents)[];

// Fails to compile if an event is added to LabEvents but not to EVENT_NAMES.
const EVERY_EVENT_LISTED: Record<Exclude<keyof LabEvents, (typeof EVENT_NAMES)[number]>, never> = {};
void EVERY_EVENT_LISTED;

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
  'listPacks',
  'importPack',
  'openLesson',
  'lessonState',
  'revealHint',
  'resetLesson',
  'undoLast',
  'restoreCheckpoint',
  'showSolution',
  'finishLesson',
];
