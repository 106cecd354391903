// The main entry runs outside Node (issue #14): bundled for the browser it pulls in
// no `node:*` module and refers to no Node global, and it works in a context that
// has only what a browser or worker has.
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const src = (path: string) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));
// Node's globals that exist in no browser; esbuild's `define` replaces only free
// references to them (not properties such as `globalThis.setImmediate`).
const NODE_GLOBALS = ['Buffer', 'process', 'global', 'require', 'module', '__dirname', '__filename', 'setImmediate'];
const marker = (name: string) => `__netx_node_global_${name}__`;

async function bundle(entry: string, options: BuildOptions = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'browser',
    format: 'esm',
    conditions: ['@netx/source'],
    define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, marker(name)])),
    logLevel: 'silent',
    ...options,
  });
  return { code: result.outputFiles![0]!.text, metafile: result.metafile! };
}

function inputs(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs);
}

function externalImports(metafile: Metafile): string[] {
  return Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
}

describe('@netx/core main entry bundled for the browser', () => {
  it('imports no node:* module and refers to no Node global', async () => {
    const { code, metafile } = await bundle(src('index.ts'));
    expect(externalImports(metafile)).toEqual([]);
    expect(inputs(metafile).filter((p) => /^node:|(^|\/)node\//.test(p))).toEqual([]);
    // The "imports" map chose the neutral runtime, not the Node one.
    expect(inputs(metafile).some((p) => p.endsWith('src/runtime/neutral.ts'))).toBe(true);
    expect(inputs(metafile).some((p) => p.endsWith('src/runtime/node.ts'))).toBe(false);
    const leaked = NODE_GLOBALS.filter((name) => code.includes(marker(name)));
    expect(leaked).toEqual([]);
  });

  it('the check itself sees a Node global and a node: import (so a clean result means something)', async () => {
    const { code } = await bundle(src('runtime/node.ts'), { platform: 'node' });
    expect(code).toContain(marker('process'));
    const { metafile } = await bundle(src('runtime/node.ts'), { platform: 'node' });
    expect(externalImports(metafile)).toContain('node:fs');
  });

  it('on Node the same entry gets the file runtime (logfile, PrivateKey.fromFile)', async () => {
    const { metafile } = await bundle(src('index.ts'), { platform: 'node', define: {} });
    expect(inputs(metafile).some((p) => p.endsWith('src/runtime/node.ts'))).toBe(true);
    expect(externalImports(metafile).sort()).toEqual(['node:fs', 'node:fs/promises']);
  });

  it('logs in and runs a command in a context with only browser globals', async () => {
    const entry = fileURLToPath(new URL('./fixtures/neutral-session.ts', import.meta.url));
    const { code } = await bundle(entry, { format: 'iife', globalName: 'session', define: {} });
    const hostEncoder = new TextEncoder();
    const sandbox: Record<string, unknown> = {
      console: { error: () => undefined, log: () => undefined, warn: () => undefined },
      hostEncode: (text: string) => hostEncoder.encode(text),
      TextDecoder,
      URL,
      AbortController,
      AbortSignal,
      Event,
      EventTarget,
      DOMException,
      queueMicrotask,
      setTimeout,
      clearTimeout,
    };
    sandbox.globalThis = sandbox;
    const context = createContext(sandbox);
    // The context's own Uint8Array, as a browser's TextEncoder returns (host arrays fail `instanceof` there).
    runInContext('globalThis.TextEncoder = class TextEncoder { encode(text = "") { return new Uint8Array(hostEncode(text)); } };', context);
    runInContext(code, context, { timeout: 10_000 });
    expect(runInContext('typeof process + typeof Buffer + typeof require', context)).toBe('undefinedundefinedundefined');
    const result = await (runInContext('session.run()', context) as Promise<Record<string, unknown>>);
    expect(result.response).toBe('show version\r\nCisco IOS Software, Version 15.2 \x80\x85\x9f\xe9\r');
    expect(result.latin1RoundTrip).toBe(true);
    expect(result.debugLines).toBeGreaterThan(0);
    expect(result.logfile).toMatch(/^TypeError: logfile "\/tmp\/netx.log": this runtime has no file system; pass a LogSink as the logSink option/);
    expect(result.fromFile).toMatch(/^TypeError: PrivateKey.fromFile\(.*\): this runtime has no file system; .*PrivateKey.fromString\(\)/);
  });
});
