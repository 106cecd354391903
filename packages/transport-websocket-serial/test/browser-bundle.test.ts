// The transport's browser path: bundled for the browser it pulls in neither `ws` nor
// any `node:*` module and refers to no Node global (the `#ws-dialer` import resolves
// to the module without ws unless the "node" condition is set).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url));
const NODE_GLOBALS = ['Buffer', 'process', 'global', 'require', '__dirname', '__filename', 'setImmediate'];
const marker = (name: string) => `__netx_node_global_${name}__`;

async function bundle(platform: 'browser' | 'node', external: string[] = []) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform,
    format: 'esm',
    conditions: ['@netx/source'],
    define: Object.fromEntries(NODE_GLOBALS.map((name) => [name, marker(name)])),
    logLevel: 'silent',
    external,
  });
  const inputs = Object.keys(result.metafile.inputs);
  const externals = Object.values(result.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path));
  return { code: result.outputFiles[0]!.text, inputs, external: externals };
}

describe('@netx/transport-websocket-serial bundled for the browser', () => {
  it('has no ws, no node:* import and no Node global', async () => {
    const { code, inputs, external } = await bundle('browser');
    expect(external).toEqual([]);
    expect(inputs.filter((p) => /node_modules\/(\.pnpm\/)?ws|^node:/.test(p))).toEqual([]);
    expect(inputs.some((p) => p.endsWith('src/wire/no-ws.ts'))).toBe(true);
    expect(inputs.some((p) => p.endsWith('src/wire/ws-wire.ts'))).toBe(false);
    expect(NODE_GLOBALS.filter((name) => code.includes(marker(name)))).toEqual([]);
  });

  it('on Node the ws dialer is there, and ws is loaded only by a dynamic import', async () => {
    const { code, inputs } = await bundle('node', ['ws']);
    expect(inputs.some((p) => p.endsWith('src/wire/ws-wire.ts'))).toBe(true);
    expect(code).toMatch(/import\("ws"\)/);
    expect(code).not.toMatch(/from "ws"/);
  });
});
