// The transport on the platform's WebSocket (the WHATWG API of browsers, workers and
// Node 22+) instead of ws: how the implementation is chosen, and real sessions over it.
// In this process (Node 20 has no global WebSocket) the WHATWG API comes from passing a
// class: ws's own WebSocket class has that API (addEventListener, binaryType
// 'arraybuffer'). A child Node with --experimental-websocket uses Node's real one.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ConnectionError, LoginFailure } from '@netx/core';
import { createTextSession } from '@netx/transport-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { ttydAuthToken, WebSocketSerialTransport, type WebSocketSerialOptions } from '../src/index.js';
import type { WebSocketConstructor } from '../src/wire/web-wire.js';
import { SHOW_VERSION, startSerialDevice, type SerialDevice } from './helpers/serial-device.js';
import { enc, execute, login } from './helpers/dialog.js';
import { freePort } from './helpers/ports.js';
import { startWebsockify, type Websockify } from './helpers/websockify.js';
import { startWsConsole } from './helpers/ws-console.js';

// ws's class as a WHATWG-style one (its constructor also takes an options object we never pass).
const WhatwgWebSocket = WebSocket as unknown as WebSocketConstructor;
const platform = (options: WebSocketSerialOptions = {}) => new WebSocketSerialTransport({ ...options, webSocket: WhatwgWebSocket });

let device: SerialDevice;
let bridge: Websockify;
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  device = await startSerialDevice();
  bridge = await startWebsockify({ target: { host: '127.0.0.1', port: device.port } });
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});
afterAll(async () => {
  await bridge?.stop();
  await device?.stop();
});

describe('choosing the WebSocket implementation', () => {
  it("'auto' on Node 20 (no global WebSocket) uses ws, with keepalive", () => {
    expect(typeof (globalThis as { WebSocket?: unknown }).WebSocket).toBe('undefined');
    expect(new WebSocketSerialTransport().capabilities.keepalive).toBe(true);
    expect(new WebSocketSerialTransport({ webSocket: 'ws' }).capabilities.keepalive).toBe(true);
  });

  it("'platform' where there is none, options the platform socket cannot honour, and unknown values are TypeErrors", () => {
    expect(() => new WebSocketSerialTransport({ webSocket: 'platform' })).toThrow(/this runtime has no WebSocket \(Node 20 has none\); use 'ws' or 'auto'/);
    expect(() => platform({ headers: { Authorization: 'Basic x' } })).toThrow(/headers need the ws package/);
    expect(() => platform({ tls: { rejectUnauthorized: false }, maxPayload: 10 })).toThrow(/tls, maxPayload need the ws package/);
    expect(() => new WebSocketSerialTransport({ webSocket: 'nope' as 'ws' })).toThrow(/webSocket must be 'auto', 'platform', 'ws' or a WebSocket class/);
    // An empty headers object asks for nothing.
    expect(() => platform({ headers: {} })).not.toThrow();
  });

  it('on the platform socket keepalive is off (it cannot ping)', () => {
    expect(platform().capabilities.keepalive).toBe(false);
    expect(platform({ keepaliveInterval: 1000 }).capabilities.keepalive).toBe(false);
  });
});

describe('a WHATWG-style WebSocket class (webSocket: WebSocketClass)', () => {
  it('through real websockify: wakes the console, logs in and executes; debug names the implementation', async () => {
    const t = platform({ wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: bridge.port });
    await t.connect(s);
    expect(await login(t, s)).toMatch(/r1>$/);
    expect(await execute(t, s, 'show version')).toContain(SHOW_VERSION.split('\n')[0]);
    expect(s.debugLines().some((l) => /opening ws:\/\/127\.0\.0\.1:\d+\/ \(framing raw, platform WebSocket\)/.test(l))).toBe(true);
    await t.close();
    expect(await s.closed).toBeUndefined();
  });

  it('ttyd: AuthToken and window size first, resize, and a refused AuthToken is LoginFailure', async () => {
    const token = ttydAuthToken('console', 'c0nsole');
    const sim = await startWsConsole({ framing: 'ttyd', target: { host: '127.0.0.1', port: device.port }, authToken: token });
    stops.push(sim.stop);
    const t = platform({ framing: 'ttyd', authToken: token, wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port, columns: 100, rows: 30 });
    await t.connect(s);
    expect(await login(t, s)).toMatch(/r1>$/);
    t.resize(120, 40);
    // The next round trip proves the resize (sent before it) arrived.
    expect(await execute(t, s, 'show version')).toContain('Version 15.7(3)M8');
    expect(sim.inits).toEqual([{ AuthToken: token, columns: 100, rows: 30 }]);
    expect(sim.resizes).toEqual([{ columns: 120, rows: 40 }]);
    await t.close();

    const refused = platform({ framing: 'ttyd', authToken: ttydAuthToken('console', 'wrong') });
    const s2 = createTextSession({ host: '127.0.0.1', port: sim.port });
    await refused.connect(s2);
    const err = await s2.closed;
    expect(err).toBeInstanceOf(LoginFailure);
    expect(err?.message).toMatch(/AuthToken \(1008 policy violation\)/);
  });

  it('carries all 256 byte values both ways; a text frame arrives as its UTF-8 bytes; close codes map as on ws', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    stops.push(() => new Promise<void>((r) => wss.close(() => r())));
    const received: Buffer[] = [];
    wss.on('connection', (peer) => {
      peer.on('message', (data: Buffer) => {
        received.push(data);
        peer.send(data, { binary: true });
        peer.send('é✓', { binary: false });
        peer.close(1011, 'server broke');
      });
    });
    const t = platform();
    const s = createTextSession({ host: '127.0.0.1', port: (wss.address() as { port: number }).port });
    await t.connect(s);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    await t.write(all);
    const err = await s.closed;
    expect([...received[0]!]).toEqual([...all]);
    expect([...s.bytes()]).toEqual([...all, ...new TextEncoder().encode('é✓')]);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err?.message).toMatch(/closed the WebSocket with code 1011 \(server broke\)/);
    await expect(t.write(enc('x'))).rejects.toBeInstanceOf(ConnectionError);
  });

  it('a port nobody listens on: ConnectionError saying the platform gives no reason', async () => {
    const port = await freePort();
    const t = platform();
    const err = await t.connect(createTextSession({ host: '127.0.0.1', port })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('other');
    expect((err as Error).message).toMatch(new RegExp(`Could not open the WebSocket to 127\\.0\\.0\\.1:${port}; the platform's WebSocket gives no reason`));
  });
});

describe("Node's own WebSocket (--experimental-websocket, as on Node 22+)", () => {
  it("'auto' picks it, keepalive is off, and a Protocol logs in through websockify and runs show version", async () => {
    const script = fileURLToPath(new URL('./fixtures/platform-login.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--experimental-websocket', '--no-warnings', '--conditions=@netx/source', '--import', 'tsx', script, String(bridge.port)],
      { cwd: fileURLToPath(new URL('..', import.meta.url)), timeout: 60_000 },
    );
    const result = JSON.parse(stdout) as { platformWebSocket: string; keepalive: boolean; response: string; debug: string[] };
    expect(result.platformWebSocket).toBe('function');
    expect(result.keepalive).toBe(false);
    expect(result.response).toContain(SHOW_VERSION.split('\n')[0]);
    expect(result.debug.some((l) => /framing raw, platform WebSocket/.test(l))).toBe(true);
  });
});
