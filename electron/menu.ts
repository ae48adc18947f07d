/**
 * The application menu: File, View and Help, as a desktop tool offers them. Commands the
 * renderer carries out are sent to it as `menuCommand` events on the lab channel.
 */
import { app, dialog, Menu, nativeTheme, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export type MenuCommand = 'open-pack' | 'import-pack' | 'export-results';

function about(win: BrowserWindow): void {
  const versions = [
    `IPSec Lab ${app.getVersion()}`,
    `Electron ${process.versions.electron ?? ''}`,
    `Chromium ${process.versions.chrome ?? ''}`,
    `Node.js ${process.versions.node}`,
  ].join('\n');
  void dialog.showMessageBox(win, { type: 'info', title: 'About IPSec Lab', message: 'IPSec Lab', detail: `An offline trainer for Windows Server 2003 IPSec administration.\n\n${versions}` });
}

function zoom(win: BrowserWindow, step: number | null): void {
  const contents = win.webContents;
  contents.setZoomLevel(step === null ? 0 : Math.max(-3, Math.min(4, contents.getZoomLevel() + step)));
}

export function buildMenu(win: BrowserWindow, send: (command: MenuCommand) => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        { label: '&Open Pack…', accelerator: 'CmdOrCtrl+O', click: () => send('open-pack') },
        { label: '&Import Pack…', accelerator: 'CmdOrCtrl+I', click: () => send('import-pack') },
        { label: '&Export Results…', accelerator: 'CmdOrCtrl+E', click: () => send('export-results') },
        { type: 'separator' },
        { role: 'quit', label: 'E&xit' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Zoom &In', accelerator: 'CmdOrCtrl+=', click: () => zoom(win, 0.5) },
        { label: 'Zoom &Out', accelerator: 'CmdOrCtrl+-', click: () => zoom(win, -0.5) },
        { label: '&Actual Size', accelerator: 'CmdOrCtrl+0', click: () => zoom(win, null) },
        { type: 'separator' },
        {
          label: '&Theme',
          submenu: (['system', 'light', 'dark'] as const).map((source) => ({
            label: source === 'system' ? 'Follow &System' : source === 'light' ? '&Light' : '&Dark',
            type: 'radio' as const,
            checked: nativeTheme.themeSource === source,
            click: () => {
              nativeTheme.themeSource = source;
            },
          })),
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: '&Help', submenu: [{ label: '&About IPSec Lab', click: () => about(win) }] },
  ];
  return Menu.buildFromTemplate(template);
}
