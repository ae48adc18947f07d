/**
 * The window's size and position, remembered between runs in the user's app-data folder.
 * A missing or corrupt file just means the default size; it is never an error.
 */
import { app, screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const DEFAULT = { width: 1100, height: 720 };

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function isRectangle(value: unknown): value is Rectangle {
  const r = value as Partial<Rectangle> | null;
  return !!r && [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** The saved bounds if they still fit on a connected display; otherwise the default size. */
export function savedBounds(): Partial<Rectangle> & { width: number; height: number } {
  try {
    const saved: unknown = JSON.parse(readFileSync(stateFile(), 'utf8'));
    if (!isRectangle(saved) || saved.width < 480 || saved.height < 320) return DEFAULT;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return saved.x < a.x + a.width && saved.x + saved.width > a.x && saved.y < a.y + a.height && saved.y + saved.height > a.y;
    });
    return visible ? saved : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

/** Saves the bounds whenever the window settles after a move or resize (temp file, then rename). */
export function rememberBounds(win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const file = stateFile();
    const temp = `${file}.${process.pid}.tmp`;
    void writeFile(temp, JSON.stringify(win.getNormalBounds()))
      .then(() => rename(temp, file))
      .catch(() => {});
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
