/**
 * Electron main: one window, the renderer served from dist/ over app://lab/, and a
 * MessagePort to LabService. Everything else the page might ask for is refused.
 */
import { app, BrowserWindow, Menu, MessageChannelMain, protocol, session } from 'electron';
import type { Connection } from '../service/protocol/endpoint.js';
import { buildMenu } from './menu.js';
import { rememberBounds, savedBounds } from './window-state.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../service/browser/server.js';
import { readStatic } from '../service/browser/static-files.js';
import { LabService } from '../service/lab-service.js';
import { mainPortChannel } from './port-channel.js';

const SCHEME = 'app';
const ORIGIN = `${SCHEME}://lab`;
const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.join(app.getAppPath(), 'dist');

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The built renderer over app://lab/, read by the same code and with the same headers as browser mode. */
async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const file = url.host === 'lab' && request.method === 'GET' ? await readStatic(distDir, url.pathname) : null;
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
  });
}

function lockDown(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${ORIGIN}/`) || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  lockDown();
  protocol.handle(SCHEME, serveApp);

  const service = await LabService.start({});
  let closing = false;
  app.on('before-quit', () => {
    if (closing) return;
    closing = true;
    void Promise.resolve(service.close()).catch(() => {});
  });
  app.on('window-all-closed', () => app.quit());

  const win = new BrowserWindow({
    ...savedBounds(),
    minWidth: 480,
    minHeight: 320,
    title: 'IPSec Lab',
    backgroundColor: '#1b1e24',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  rememberBounds(win);
  let current: Connection | null = null;
  Menu.setApplicationMenu(buildMenu(win, (command) => current?.emit('menuCommand', { command })));
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Each load (including a reload) gets a fresh port; the old one closes with its page.
  win.webContents.on('did-finish-load', () => {
    const { port1, port2 } = new MessageChannelMain();
    current = service.connect(mainPortChannel(port1));
    win.webContents.postMessage('lab-port', null, [port2]);
  });
  await win.loadURL(`${ORIGIN}/index.html`);
}

main().catch((error: unknown) => {
  console.error(`IPSec Lab could not start: ${error instanceof Error ? error.message : String(error)}`);
  app.exit(1);
});
