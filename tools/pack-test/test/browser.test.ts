// The headless-browser harness (src/browser.ts) works here: a page bundled with esbuild
// is served from 127.0.0.1, opened in Debian's chromium (headless, as root, --no-sandbox)
// through puppeteer-core, and talks to a WebSocket server on 127.0.0.1 with the
// browser's own WebSocket — what the browser console example will need.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { bundlePage, launchChromium, serveDir, type HeadlessBrowser, type StaticServer } from '../src/browser.js';

const PAGE = fileURLToPath(new URL('../fixtures/browser/page.ts', import.meta.url));

describe('headless chromium harness', () => {
  let dir: string;
  let site: StaticServer;
  let chromium: HeadlessBrowser;
  let wss: WebSocketServer;
  let answer: Promise<string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'netx-browser-'));
    await bundlePage(PAGE, dir, { title: 'netx harness' });
    site = await serveDir(dir);
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    answer = new Promise((resolve) => {
      wss.on('connection', (socket) => {
        socket.once('message', (data) => resolve(String(data)));
        socket.send('hello from 127.0.0.1');
      });
    });
    chromium = await launchChromium();
  });

  afterAll(async () => {
    await chromium?.close();
    await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the bundled page; the page and a loopback WebSocket server exchange messages', async () => {
    const address = wss.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const { page, log } = await chromium.open(`${site.url}?ws=ws://127.0.0.1:${port}`);
    expect(await page.title()).toBe('netx harness');
    // A string: evaluated in the page (this file is typechecked without the DOM library).
    await page.waitForFunction("document.getElementById('out').textContent.includes('received:')", { timeout: 30_000 }).catch(() => {
      throw new Error(`the page showed nothing; its log: ${log().join(' | ') || '(empty)'}`);
    });
    expect(await page.$eval('#out', (el) => el.textContent)).toContain('received: hello from 127.0.0.1');
    expect(await answer).toBe('page got: hello from 127.0.0.1');
    expect(log().filter((l) => l.startsWith('pageerror'))).toEqual([]);
    await page.close();
  });
});
