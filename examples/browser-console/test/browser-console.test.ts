// The example end to end in a real browser: the page (bundled by scripts/build.ts with
// esbuild) runs in Debian's headless Chromium, connects through the real websockify to
// a simulated IOS device's console port, logs in, runs `show version` and shows it.
// The harness (serve, launch Chromium via puppeteer-core) is tools/pack-test's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage, launchChromium, serveDir, type HeadlessBrowser, type OpenedPage } from '../../../tools/pack-test/src/browser.js';
import { buildPage } from '../scripts/build.js';
import { DEVICE, startLab, type Lab } from './helpers/lab.js';

let dir: string;
let lab: Lab;
let chromium: HeadlessBrowser;
const laterStops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'netx-browser-console-'));
  lab = await startLab(join(dir, 'page'));
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium?.close();
  for (const stop of laterStops) await stop();
  await lab?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Fills the form, submits it and waits until the page says done or error. */
async function runOnPage(opened: OpenedPage, password: string, enable = ''): Promise<{ status: string; result: string; conversation: string }> {
  const { page, log } = opened;
  await page.type('#password', password);
  if (enable) await page.type('#enable', enable);
  await page.click('#run');
  // A string: evaluated in the page (the test is typechecked against Node, not the DOM).
  await page
    .waitForFunction("/^(done|error)/.test(document.getElementById('status').textContent)", { timeout: 60_000 })
    .catch(async () => {
      throw new Error(`the page never finished; status ${await page.$eval('#status', (el) => el.textContent)}; log: ${log().join(' | ') || '(empty)'}`);
    });
  const text = (id: string) => page.$eval(`#${id}`, (el) => el.textContent ?? '');
  return { status: await text('status'), result: await text('result'), conversation: await text('conversation') };
}

describe('examples/browser-console in headless Chromium', () => {
  it('the bundle holds core, the IOS driver and the transport, and no ws, node:* module or ws-dialer', async () => {
    const { metafile } = await buildPage(join(dir, 'inspect'));
    const inputs = Object.keys(metafile.inputs);
    for (const part of ['packages/core/src/index.ts', 'packages/drivers-cisco/src/ios.ts', 'packages/transport-websocket-serial/src/wire/web-wire.ts']) {
      expect(inputs.some((p) => p.endsWith(part))).toBe(true);
    }
    expect(inputs.filter((p) => /node_modules\/(\.pnpm\/)?ws[@/]|^node:|ws-wire\.ts$|runtime\/node\.ts$/.test(p))).toEqual([]);
  });

  it('logs into the device behind websockify, enables and shows show version', async () => {
    const opened = await chromium.open(lab.pageUrl);
    const { status, result, conversation } = await runOnPage(opened, DEVICE.password, DEVICE.enablePassword);
    expect(status, conversation).toBe('done');
    expect(result).toMatch(/^show version\n/);
    expect(result).toContain('Cisco IOS Software');
    expect(result).toMatch(/r1 uptime is/);
    // The conversation shows the login and the command, with the password masked.
    expect(conversation).toContain('Username: admin');
    expect(conversation).toMatch(/r1#/); // enabled
    expect(conversation).not.toContain(DEVICE.password);
    expect(conversation).not.toContain(DEVICE.enablePassword);
    expect(opened.log().filter((l) => l.startsWith('pageerror'))).toEqual([]);
    // The device saw a connection through websockify, on its raw console port.
    expect(lab.console.connections()).toBeGreaterThan(0);
    await opened.page.close();
  });

  it('a wrong password ends in LoginFailure on the page', async () => {
    const opened = await chromium.open(lab.pageUrl);
    const { status } = await runOnPage(opened, 'not-the-password');
    expect(status).toMatch(/^error: LoginFailure: /);
    expect(status).not.toContain('not-the-password');
    await opened.page.close();
  });

  it("core's latin1 codec is byte for byte in Chromium, whose windows-1252 decoder differs at 0x80..0x9f", async () => {
    const out = await bundlePage(fileURLToPath(new URL('./fixtures/codec-check.ts', import.meta.url)), join(dir, 'codec'), { conditions: ['@netx/source'] });
    const site = await serveDir(out);
    // Closed after Chromium (afterAll): the browser keeps its HTTP connections open until then.
    laterStops.push(site.close);
    const { page, log } = await chromium.open(site.url);
    await page.waitForFunction("document.getElementById('out').textContent.length > 0", { timeout: 20_000 }).catch(() => {
      throw new Error(`the codec page showed nothing; its log: ${log().join(' | ') || '(empty)'}`);
    });
    const report = JSON.parse(await page.$eval('#out', (el) => el.textContent ?? '')) as Record<string, unknown>;
    expect(report).toEqual({ nativeEuro: '€', decodedExact: true, encodedExact: true, hasBuffer: 'undefined', hasProcess: 'undefined' });
    await page.close();
  });
});
