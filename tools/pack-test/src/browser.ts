// Headless Chromium for tests: bundle a page with esbuild, serve it from 127.0.0.1 and
// open it in Debian's chromium driven by puppeteer-core (no browser download). Runs as
// root, hence --no-sandbox. Nothing is skipped: without chromium, ensureChromium() throws
// and says how to install it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const CHROMIUM = '/usr/bin/chromium';

export function ensureChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; tools/scripts/bootstrap.sh --system does it).`);
  }
  return CHROMIUM;
}

export interface BundleOptions {
  /** Page title. Default 'netx'. */
  title?: string;
  /** Extra export conditions, e.g. ['@netx/source'] to bundle the workspace's TypeScript sources. */
  conditions?: string[];
}

/** Bundles `entry` (TS or JS, ESM) for the browser into `outdir`/app.js with an index.html that loads it. */
export async function bundlePage(entry: string, outdir: string, options: BundleOptions = {}): Promise<string> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [entry],
    outfile: join(outdir, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'silent',
    conditions: options.conditions ?? [],
  });
  const html = `<!doctype html>\n<meta charset="utf-8">\n<title>${options.title ?? 'netx'}</title>\n<pre id="out"></pre>\n<script type="module" src="app.js"></script>\n`;
  writeFileSync(join(outdir, 'index.html'), html);
  return outdir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };

export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the files of `dir` (GET only, no listing) on 127.0.0.1 with a free port. */
export async function serveDir(dir: string): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (req.method !== 'GET' || !file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface OpenedPage {
  readonly page: Page;
  /** Uncaught errors and console messages of the page, for failure messages. */
  log(): string[];
}

export interface HeadlessBrowser {
  readonly browser: Browser;
  open(url: string): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** Starts headless chromium (new headless mode, no sandbox: the tests run as root). */
export async function launchChromium(): Promise<HeadlessBrowser> {
  const browser = await puppeteer.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    timeout: 60_000,
  });
  return {
    browser,
    async open(url) {
      const page = await browser.newPage();
      const lines: string[] = [];
      page.on('console', (m) => lines.push(`console.${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => lines.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
      await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
      return { page, log: () => [...lines] };
    },
    close: () => browser.close(),
  };
}
