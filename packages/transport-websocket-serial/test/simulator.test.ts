// Against the in-repo WebSocket consoles (ttyd framing and raw), bridging to the test device on TCP (helpers/serial-device.ts).
import os from 'node:os';
import { ConnectionError, ErrorCodes, LoginFailure, ProtocolError, TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { WebSocketServer, type WebSocket } from 'ws';
import { createTextSession } from '@netx/transport-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ttydAuthToken, WebSocketSerialTransport } from '../src/index.js';
import { startSerialDevice, type SerialDevice } from './helpers/serial-device.js';
import { enable, enc, execute, login } from './helpers/dialog.js';
import { frame, startScriptedServer, type ScriptedServer } from './helpers/scripted-server.js';
import { makeSelfSignedCert } from './helpers/tls.js';
import { startWsConsole, type WsConsole } from './helpers/ws-console.js';

let device: SerialDevice;
const stops: Array<() => Promise<void>> = [];
const token = ttydAuthToken('console', 'c0nsole');

beforeAll(async () => {
  device = await startSerialDevice();
});
afterEach(async () => {
  await Promise.all(stops.splice(0).map((s) => s()));
});
afterAll(async () => {
  await device?.stop();
});

async function ttyd(extra: Partial<Parameters<typeof startWsConsole>[0]> = {}): Promise<WsConsole> {
  const c = await startWsConsole({ framing: 'ttyd', target: { host: '127.0.0.1', port: device.port }, authToken: token, ...extra });
  stops.push(c.stop);
  return c;
}
async function raw(extra: Partial<Parameters<typeof startWsConsole>[0]> = {}): Promise<WsConsole> {
  const c = await startWsConsole({ framing: 'raw', target: { host: '127.0.0.1', port: device.port }, ...extra });
  stops.push(c.stop);
  return c;
}
async function scripted(options?: Parameters<typeof startScriptedServer>[0]): Promise<ScriptedServer> {
  const s = await startScriptedServer(options);
  stops.push(s.stop);
  return s;
}
/** A bare ws server whose sockets the test drives. */
async function bareWs(options: { handleProtocols?: () => false } = {}): Promise<{ port: number; next(): Promise<WebSocket> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, ...options });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const waiting: Array<(ws: WebSocket) => void> = [];
  const ready: WebSocket[] = [];
  wss.on('connection', (ws) => {
    ws.on('error', () => undefined);
    const w = waiting.shift();
    if (w) w(ws);
    else ready.push(ws);
  });
  stops.push(
    () =>
      new Promise<void>((r) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => r());
      }),
  );
  return {
    port: (wss.address() as { port: number }).port,
    next: () => {
      const ws = ready.shift();
      return ws ? Promise.resolve(ws) : new Promise((r) => waiting.push(r));
    },
  };
}

describe('ttyd framing against the ttyd simulator', () => {
  it('sends the AuthToken and window size first, logs in, executes and enables', async () => {
    const sim = await ttyd();
    const t = new WebSocketSerialTransport({ framing: 'ttyd', authToken: token, wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port, columns: 132, rows: 40 });
    await t.connect(s);
    expect(await login(t, s)).toMatch(/r1>$/);
    expect(sim.inits).toEqual([{ AuthToken: token, columns: 132, rows: 40 }]);
    expect(sim.upgrades[0]?.url).toBe('/ws');
    expect(sim.upgrades[0]?.headers['sec-websocket-protocol']).toBe('tty');
    expect(await execute(t, s, 'show version')).toContain('Version 15.7(3)M8');
    expect(await enable(t, s, 'enable-pw')).toMatch(/r1#$/);
    // The title and preferences messages were ignored, not shown as output.
    expect(s.text()).not.toContain('netx-sim');
    expect(s.text()).not.toContain('fontSize');
    expect(s.debugLines().some((l) => /ignored window title/.test(l))).toBe(true);
    await t.close();
    expect(await s.closed).toBeUndefined();
  });

  it('sends resize as a ttyd RESIZE_TERMINAL message', async () => {
    const sim = await ttyd();
    const t = new WebSocketSerialTransport({ framing: 'ttyd', authToken: token, wakeUp: true });
    expect(t.capabilities.windowSize).toBe(true);
    const s = createTextSession({ host: '127.0.0.1', port: sim.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    t.resize(200, 60);
    // The next round trip proves the resize (sent before it) arrived.
    await t.write(enc('admin\r'));
    await s.expect(/Password: $/);
    expect(sim.resizes).toEqual([{ columns: 200, rows: 60 }]);
    await t.close();
  });

  it('maps a refused AuthToken (1008 policy violation) to LoginFailure naming the AuthToken', async () => {
    const sim = await ttyd();
    const t = new WebSocketSerialTransport({ framing: 'ttyd', authToken: ttydAuthToken('console', 'wrong') });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port });
    await t.connect(s);
    const err = await s.closed;
    expect(err).toBeInstanceOf(LoginFailure);
    expect(err?.message).toMatch(/AuthToken \(1008 policy violation\)/);
    expect(err?.message).not.toContain(ttydAuthToken('console', 'wrong'));
    await expect(t.write(enc('x'))).rejects.toBeInstanceOf(ConnectionError);
  });

  it('reports a device hang-up as a clean close', async () => {
    const sim = await ttyd();
    const t = new WebSocketSerialTransport({ framing: 'ttyd', authToken: token, wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port });
    await t.connect(s);
    await login(t, s);
    await t.write(enc('logout\r'));
    expect(await s.closed).toBeUndefined();
  });

  it('fails with a handshake error when the server does not speak the tty sub-protocol', async () => {
    // A server that selects no sub-protocol (a plain byte bridge, say).
    const bare = await bareWs({ handleProtocols: () => false });
    const t = new WebSocketSerialTransport({ framing: 'ttyd' });
    const err = await t.connect(createTextSession({ host: '127.0.0.1', port: bare.port })).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('handshake');
    expect((err as Error).message).toMatch(/did not accept the ttyd sub-protocol/);
  });

  it('turns an unknown ttyd command byte into ProtocolError', async () => {
    const server = await scripted({ protocol: 'tty' });
    const t = new WebSocketSerialTransport({ framing: 'ttyd' });
    const s = createTextSession({ host: '127.0.0.1', port: server.port });
    await t.connect(s);
    const sock = await server.nextUpgraded();
    sock.write(frame(0x2, enc('0hello')));
    sock.write(frame(0x2, enc('9what')));
    const err = await s.closed;
    expect(s.text()).toBe('hello');
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err?.message).toMatch(/unknown command byte 0x39/);
  });

  it('the raw framing against a ttyd server fails visibly, not silently', async () => {
    const sim = await ttyd({ authToken: undefined });
    const t = new WebSocketSerialTransport({ framing: 'raw', subprotocols: ['tty'], wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port });
    await t.connect(s);
    const err = await s.closed;
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err?.message).toMatch(/1003/);
  });
});

describe('raw framing against the raw simulator', () => {
  it('sends custom headers and path with query on the upgrade', async () => {
    const sim = await raw({ requireHeader: { name: 'Authorization', value: 'Bearer t0k' }, path: '/console/3?token=abc' });
    const t = new WebSocketSerialTransport({ path: '/console/3?token=abc', headers: { Authorization: 'Bearer t0k', 'X-Console': 'port3' }, wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    expect(sim.upgrades[0]?.url).toBe('/console/3?token=abc');
    expect(sim.upgrades[0]?.headers['x-console']).toBe('port3');
    expect(sim.upgrades[0]?.headers['sec-websocket-protocol']).toBeUndefined();
    await t.close();
  });

  it('maps HTTP 401 to LoginFailure and 404 to a handshake error naming the path', async () => {
    const sim = await raw({ requireHeader: { name: 'Authorization', value: 'Bearer t0k' }, path: '/ok' });
    const noAuth = await new WebSocketSerialTransport({ path: '/ok' }).connect(createTextSession({ host: '127.0.0.1', port: sim.port })).catch((e) => e);
    expect(noAuth).toBeInstanceOf(LoginFailure);
    expect(noAuth.message).toMatch(/HTTP 401/);
    const wrongPath = await new WebSocketSerialTransport({ path: '/nope' }).connect(createTextSession({ host: '127.0.0.1', port: sim.port })).catch((e) => e);
    expect(wrongPath).toBeInstanceOf(ConnectionError);
    expect(wrongPath.reason).toBe('handshake');
    expect(wrongPath.message).toMatch(/"\/nope" \(HTTP 404\)/);
  });

  it('connects to an IPv6 literal host ([::1])', async () => {
    const hasV6 = Object.values(os.networkInterfaces()).some((l) => l?.some((a) => a.address === '::1'));
    if (!hasV6) throw new Error('This machine has no ::1 loopback; the IPv6 test needs it.');
    const sim = await raw({ host: '::1' });
    const t = new WebSocketSerialTransport({ wakeUp: true });
    const s = createTextSession({ host: '::1', port: sim.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    expect(sim.upgrades[0]?.headers.host).toBe(`[::1]:${sim.port}`);
    expect(s.debugLines()[0]).toContain(`ws://[::1]:${sim.port}/`);
    await t.close();
  });

  it('does wss:// to a server with an openssl self-signed certificate', async () => {
    const cert = makeSelfSignedCert();
    stops.push(async () => cert.cleanup());
    const sim = await raw({ tls: { cert: cert.cert, key: cert.key } });
    const t = new WebSocketSerialTransport({ secure: true, tls: { ca: cert.cert }, wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port });
    await t.connect(s);
    expect(await login(t, s)).toMatch(/r1>$/);
    await t.close();
    const untrusted = await new WebSocketSerialTransport({ secure: true }).connect(createTextSession({ host: '127.0.0.1', port: sim.port })).catch((e) => e);
    expect(untrusted).toBeInstanceOf(ConnectionError);
    expect(untrusted.reason).toBe('tls');
  });

  it('accepts text frames on receive as their UTF-8 bytes', async () => {
    const bare = await bareWs();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: bare.port });
    await t.connect(s);
    const peer = await bare.next();
    peer.send('gr\u00fc\u00df r1>', { binary: false });
    peer.send(Buffer.from([0x00, 0xff, 0x80]), { binary: true });
    await s.expect(/\x80$/);
    expect(Buffer.from(s.bytes())).toEqual(Buffer.concat([Buffer.from('gr\u00fc\u00df r1>', 'utf8'), Buffer.from([0x00, 0xff, 0x80])]));
    await t.close();
  });

  it('wakeUp: nothing is sent unless asked; true sends CR; a string is sent as given', async () => {
    const bare = await bareWs();
    const firstMessage = async (wakeUp: boolean | string | undefined, thenWrite?: string) => {
      const t = new WebSocketSerialTransport(wakeUp === undefined ? {} : { wakeUp });
      await t.connect(createTextSession({ host: '127.0.0.1', port: bare.port }));
      const peer = await bare.next();
      const got = new Promise<string>((r) => peer.once('message', (d: Buffer) => r(d.toString('latin1'))));
      if (thenWrite !== undefined) await t.write(enc(thenWrite));
      const first = await got;
      await t.close();
      return first;
    };
    // With wakeUp off the first message the peer sees is our own later write.
    expect(await firstMessage(undefined, 'A')).toBe('A');
    expect(await firstMessage(false, 'B')).toBe('B');
    expect(await firstMessage(true)).toBe('\r');
    expect(await firstMessage('\r\n')).toBe('\r\n');
  });

  it('writes every byte value in binary frames', async () => {
    const bare = await bareWs();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: bare.port });
    await t.connect(s);
    const peer = await bare.next();
    const got = new Promise<{ data: Buffer; isBinary: boolean }>((r) => peer.once('message', (data: Buffer, isBinary) => r({ data, isBinary })));
    const all = new Uint8Array(256).map((_, i) => i);
    await t.write(all);
    const { data, isBinary } = await got;
    expect(isBinary).toBe(true);
    expect(new Uint8Array(data)).toEqual(all);
    await t.close();
  });
});

describe('close codes and bad frames', () => {
  async function closedWith(act: (peer: WebSocket) => void) {
    const bare = await bareWs();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: bare.port });
    await t.connect(s);
    act(await bare.next());
    return s.closed;
  }

  it('1000 and 1001 are clean closes', async () => {
    expect(await closedWith((p) => p.close(1000))).toBeUndefined();
    expect(await closedWith((p) => p.close(1001, 'going away'))).toBeUndefined();
  });

  it('a close frame without a status code (1005) is the peer closing', async () => {
    expect(await closedWith((p) => p.close())).toBeUndefined();
  });

  it("websockify's echoed 1005 close frame ('invalid status code 1005') is the peer closing", async () => {
    const server = await scripted();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: server.port });
    await t.connect(s);
    const sock = await server.nextUpgraded();
    sock.write(frame(0x8, new Uint8Array([0x03, 0xed])));
    expect(await s.closed).toBeUndefined();
    expect(s.debugLines().join('\n')).toMatch(/closed by the peer \(close code 1005\)/);
  });

  it('1006 (socket dropped without a close frame) is ConnectionError reset', async () => {
    const err = await closedWith((p) => p.terminate());
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('reset');
  });

  it('1008 on the raw framing is a ConnectionError about policy, 1011 a ConnectionError with the code', async () => {
    const policy = await closedWith((p) => p.close(1008, 'no such port'));
    expect(policy).toBeInstanceOf(ConnectionError);
    expect(policy?.message).toMatch(/policy violation \(1008\) \(no such port\)/);
    const internal = await closedWith((p) => p.close(1011, 'serial port busy'));
    expect(internal).toBeInstanceOf(ConnectionError);
    expect(internal?.message).toMatch(/code 1011 \(serial port busy\)/);
  });

  it('a reserved opcode is a ProtocolError', async () => {
    const server = await scripted();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: server.port });
    await t.connect(s);
    (await server.nextUpgraded()).write(frame(0x3, enc('x')));
    const err = await s.closed;
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err?.message).toMatch(/bad WebSocket frame/);
  });

  it('a text frame with invalid UTF-8 is a ProtocolError', async () => {
    const server = await scripted();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: server.port });
    await t.connect(s);
    (await server.nextUpgraded()).write(frame(0x1, new Uint8Array([0xc3, 0x28])));
    expect(await s.closed).toBeInstanceOf(ProtocolError);
  });

  it('a masked server frame is a ProtocolError', async () => {
    const server = await scripted();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: server.port });
    await t.connect(s);
    (await server.nextUpgraded()).write(Buffer.from([0x82, 0x81, 1, 2, 3, 4, 0x41 ^ 1]));
    expect(await s.closed).toBeInstanceOf(ProtocolError);
  });
});

describe('timers on the Clock', () => {
  it('times out a connect whose upgrade is never answered (connect timeout via the Clock)', async () => {
    const server = await scripted({ answerUpgrade: false });
    const clock = new ManualClock();
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: server.port, clock, connectTimeout: 5000 });
    const pending = t.connect(s).catch((e) => e);
    // Let the TCP connect and the request go out, then move the clock past the timeout.
    await new Promise<void>((r) => setImmediate(r));
    clock.advance(4999);
    clock.advance(1);
    const err = await pending;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).operation).toBe('connect');
    expect(t.state).toBe('closed');
  });

  it('keeps a live peer: every ping gets a pong and nothing closes', async () => {
    const sim = await raw();
    const clock = new ManualClock();
    const t = new WebSocketSerialTransport({ keepaliveInterval: 1000, keepaliveCountMax: 2 });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port, clock });
    await t.connect(s);
    for (let i = 1; i <= 5; i++) {
      clock.advance(1000);
      // Wait (bounded, on real I/O) for this ping's pong before moving the clock again.
      await s.waitForDebug(/: pong$/, i);
    }
    expect(sim.pings()).toBe(5);
    expect(s.isClosed()).toBe(false);
    await t.close();
  });

  it('declares a peer that answers no pings dead with TimeoutError (keepalive), like every transport', async () => {
    const sim = await raw({ autoPong: false });
    const clock = new ManualClock();
    // keepaliveMaxMissed: the deprecated name of keepaliveCountMax still works.
    const t = new WebSocketSerialTransport({ keepaliveInterval: 1000, keepaliveMaxMissed: 3 });
    const s = createTextSession({ host: '127.0.0.1', port: sim.port, clock });
    await t.connect(s);
    for (let i = 1; i <= 3; i++) {
      clock.advance(1000);
      expect(s.isClosed()).toBe(false);
    }
    clock.advance(1000);
    const err = await s.closed;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err?.code).toBe(ErrorCodes.TIMEOUT);
    expect((err as TimeoutError).operation).toBe('keepalive');
    expect(err?.message).toMatch(/answered none of 3 keepalive pings \(WebSocket ping\) and sent nothing for 4000 ms/);
  });
});
