import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BrowserServer } from '../../service/browser/server.js';
import { LabService } from '../../service/lab-service.js';

let service: LabService;
let server: BrowserServer;
let base: string;
let token: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ipsec-lab-dist-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>IPSec Lab</title>');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'do not serve');
  service = await LabService.start();
  server = new BrowserServer(service, root);
  const url = new URL(await server.listen(0));
  base = `${url.protocol}//${url.host}`;
  token = url.hash.replace('#token=', '');
});

afterAll(async () => {
  await server.close();
  service.close();
});

function get(path: string, host?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, base);
    const req = request({ host: url.hostname, port: url.port, path, headers: host ? { host } : {} }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the RPC socket; resolves with the answer to `info`, or the HTTP status of the refusal. */
function openRpc(query: string, origin: string | undefined): Promise<string | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/rpc${query}`, origin ? { origin } : {});
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
    ws.on('open', () => ws.send(JSON.stringify({ kind: 'call', id: 1, method: 'info', params: {} })));
    ws.on('message', (data) => {
      resolve((JSON.parse(data.toString()) as { result: { labId: string } }).result.labId);
      ws.close();
    });
  });
}

describe('browser mode', () => {
  it('listens on 127.0.0.1 with a long random token in the URL', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("object-src 'none'");
  });

  it('never serves a file outside the app folder', async () => {
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/..%2fsecret.txt')).status).toBe(404);
  });

  it('refuses a request made under another host name (DNS rebinding)', async () => {
    expect((await get('/', 'evil.example:80')).status).toBe(421);
  });

  it('opens the lab channel for the right token and this origin', async () => {
    await expect(openRpc(`?token=${token}`, base)).resolves.toBe('two-hosts');
  });

  it('refuses a missing or wrong token', async () => {
    await expect(openRpc('', base)).resolves.toBe(401);
    await expect(openRpc('?token=wrong', base)).resolves.toBe(401);
    await expect(openRpc(`?token=${token.slice(0, -1)}x`, base)).resolves.toBe(401);
  });

  it('refuses a page from a foreign origin even with the token', async () => {
    await expect(openRpc(`?token=${token}`, 'http://evil.example')).resolves.toBe(403);
    await expect(openRpc(`?token=${token}`, undefined)).resolves.toBe(403);
  });

  it('keeps running after a garbage frame', async () => {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/rpc?token=${token}`, { origin: base });
    await new Promise((r) => ws.on('open', r));
    ws.send('not json at all');
    ws.send(JSON.stringify({ kind: 'call', id: 7, method: 'runShell', params: { host: 'SRV1', line: 42 } }));
    const reply = await new Promise<string>((r) => ws.on('message', (d) => r(d.toString())));
    expect(JSON.parse(reply)).toEqual({ kind: 'error', id: 7, message: 'The command line is missing.' });
    ws.close();
    await expect(openRpc(`?token=${token}`, base)).resolves.toBe('two-hosts');
  });
});
