import { userInfo } from 'node:os';
import { join } from 'node:path';
import { labView, monitorView, nextGpRefresh, type Action, type Lab } from '../engine/index.js';
import type { LabInfo, LabMethods, LabView, MonitorView } from './protocol/lab-api.js';
import { StatsHistory, trafficBetween } from './lab-history.js';
import { checkedAction } from './action-check.js';
import { serveRpc, type Connection, type Handlers } from './protocol/endpoint.js';
import { UserError, type Channel } from './protocol/rpc.js';
import { ConsoleEndpoint } from './console/endpoint.js';
import { PtyConsole } from './console/pty-console.js';
import { record, text, whole } from './params.js';
import { appVersion, cliCommand, projectRoot } from './project.js';
import { openLab, ShellHost } from './shell-host.js';
import { appDataDir } from './lessons/app-data.js';
import { lessonHandlers } from './lessons/handlers.js';
import { LessonHost } from './lessons/lesson-host.js';

export interface LabServiceOptions {
  readonly labId?: string;
  /** Where internal errors are reported; the user only ever sees one line. */
  readonly log?: (message: string) => void;
  /** The app-data folder (progress, imported packs); default appDataDir(). */
  readonly home?: string;
  /** Wall clock in ms, for exam timers; default Date.now. */
  readonly now?: () => number;
}

function studentName(): string {
  try {
    return userInfo().username || 'student';
  } catch {
    return 'student';
  }
}

const MAX_CONSOLES = 32;

/**
 * Owns one lab session, the command prompt consoles attached to it, and the RPC surface every
 * transport serves. The UI, the console clients and tests all go through `connect`.
 */
export class LabService {
  private readonly consoles = new Map<string, { console: PtyConsole; owner: Connection }>();
  private readonly connections = new Set<Connection>();
  private history = new StatsHistory();
  private sampledLab: Lab;
  private nextConsole = 1;
  readonly lessons: LessonHost;

  private constructor(
    readonly shells: ShellHost,
    readonly endpoint: ConsoleEndpoint,
    private readonly log: (message: string) => void,
    options: LabServiceOptions,
  ) {
    this.sampledLab = shells.lab;
    const lessonOptions = { home: options.home ?? appDataDir(), builtInDir: join(projectRoot(), 'lessons'), appVersion: appVersion(), student: studentName(), now: options.now ?? Date.now };
    this.lessons = new LessonHost(shells, lessonOptions, (state) => {
      for (const connection of this.connections) connection.emit('lessonChanged', state);
    });
  }

  static async start(options: LabServiceOptions = {}): Promise<LabService> {
    const shells = new ShellHost(openLab(options.labId));
    const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
    // Consoles can only attach once the service exists; the endpoint is made first to hand it in.
    const ref: { service?: LabService } = {};
    const endpoint = await ConsoleEndpoint.listen((channel) => ref.service?.connect(channel));
    ref.service = new LabService(shells, endpoint, log, options);
    const service = ref.service;
    service.history.sample(shells.lab.world);
    shells.onChange(() => service.broadcastChange());
    return service;
  }

  /** Serves the LabApi on one channel; its consoles end when the channel closes. */
  connect(channel: Channel): Connection {
    const connection = serveRpc(channel, this.handlers(), (error) =>
      this.log(`ipsec-lab: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    );
    this.connections.add(connection);
    connection.onClose(() => {
      this.connections.delete(connection);
      for (const [id, entry] of this.consoles) if (entry.owner === connection) this.closeConsole(id);
    });
    return connection;
  }

  info(): LabInfo {
    const lab = this.shells.lab;
    return {
      appVersion: appVersion(),
      labId: lab.spec.id,
      labTitle: lab.spec.title,
      hosts: lab.hosts().map((name) => ({ name, version: lab.host(name)?.version ?? '' })),
    };
  }

  private monitor(host: string): MonitorView {
    const view = monitorView(this.shells.lab.world, host);
    if (!view) throw new UserError(`There is no host named ${host} in this lab.`);
    return view;
  }

  private broadcastChange(): void {
    // A new lab (a lesson opened, undo or reset rebuilt it) starts its charts afresh.
    if (this.shells.lab !== this.sampledLab) {
      this.sampledLab = this.shells.lab;
      this.history = new StatsHistory();
    }
    this.history.sample(this.shells.lab.world);
    const clock = this.shells.lab.world.clock;
    for (const connection of this.connections) connection.emit('labChanged', { clock });
  }

  private advance(params: unknown): LabView {
    const p = record(params);
    const world = this.shells.lab.world;
    const due = p.to === 'next-gp-refresh' ? nextGpRefresh(world) : null;
    if (p.to === 'next-gp-refresh' && due === null) throw new UserError('No computer in this lab refreshes Group Policy.');
    const ms = due !== null ? Math.max(0, due - world.clock) : whole(p.ms, 'time to advance', 0, 366 * 86_400_000);
    return this.applied({ type: 'advance', ms });
  }

  private applied(action: Action): LabView {
    const outcome = this.shells.apply(action);
    if (!outcome.ok) throw new UserError(outcome.error);
    return labView(this.shells.lab.world);
  }

  close(): void {
    for (const id of [...this.consoles.keys()]) this.closeConsole(id);
    this.endpoint.close();
  }

  private handlers(): Handlers {
    return {
      info: () => this.info(),
      openConsole: (p, connection) => this.openConsole(p, connection),
      writeConsole: (p) => nothing(this.consoleOf(p.consoleId).write(text(p.data, 'input', 65_536))),
      resizeConsole: (p) => nothing(this.consoleOf(p.consoleId).resize(...size(p))),
      ackConsole: (p) => nothing(this.consoleOf(p.consoleId).ack(whole(p.chars, 'acknowledged count', 0, 1e9))),
      closeConsole: (p) => nothing(this.closeConsole(text(p.consoleId, 'console id'))),
      openShell: (p) => this.shells.open(text(record(p).host, 'host name', 64)),
      runShell: (p) => this.shells.run(text(record(p).host, 'host name', 64), text(record(p).line, 'command line')),
      completeShell: (p) => this.shells.complete(text(record(p).host, 'host name', 64), text(record(p).line, 'command line')),
      labView: () => labView(this.shells.lab.world),
      advanceClock: (p) => this.advance(p),
      applyAction: (p) => this.applied(checkedAction(record(p).action)),
      monitorView: (p) => this.monitor(text(record(p).host, 'host name', 64)),
      statsHistory: (p) => this.history.of(this.monitor(text(record(p).host, 'host name', 64)).host),
      trafficLog: (p) => trafficBetween(this.shells.lab.world.trafficLog, record(p).between, record(p).limit),
      ...lessonHandlers(this.lessons),
    };
  }

  private openConsole(params: LabMethods['openConsole']['params'], owner: Connection): { consoleId: string } {
    const host = this.shells.open(text(record(params).host, 'host name', 64)).host;
    if (this.consoles.size >= MAX_CONSOLES) throw new UserError('Too many command prompts are open; close one first.');
    const consoleId = `console-${this.nextConsole++}`;
    const [cols, rows] = size(params);
    const cli = cliCommand();
    const program = {
      file: cli.file,
      args: [...cli.args, 'shell', '--attach', this.endpoint.path, '--host', host],
      env: { ...inheritedEnv(), ...cli.env, IPSEC_LAB_TOKEN: this.endpoint.token, TERM: 'xterm-256color' },
    };
    const pty = new PtyConsole(program, { cols, rows }, {
      data: (data) => owner.emit('consoleData', { consoleId, data }),
      exit: (exitCode) => {
        this.consoles.delete(consoleId);
        owner.emit('consoleExit', { consoleId, exitCode, reason: exitCode === 0 ? 'exit' : 'error' });
      },
    });
    this.consoles.set(consoleId, { console: pty, owner });
    return { consoleId };
  }

  private consoleOf(id: unknown): PtyConsole {
    const entry = typeof id === 'string' ? this.consoles.get(id) : undefined;
    if (!entry) throw new UserError('That command prompt has closed.');
    return entry.console;
  }

  private closeConsole(id: string): void {
    this.consoles.get(id)?.console.kill();
    this.consoles.delete(id);
  }
}

/** Requests that only do something answer null. */
function nothing(_done: void): null {
  return null;
}

function size(params: unknown): [number, number] {
  const p = record(params);
  return [whole(p.cols, 'terminal width', 2, 1000), whole(p.rows, 'terminal height', 1, 500)];
}

/** The console program needs PATH and the like, but never the app's own secrets. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('IPSEC_LAB_')) env[key] = value;
  }
  return env;
}
