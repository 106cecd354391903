// AbortSignal on every step of a Protocol over WebSocketSerialTransport, against the
// real websockify bridging to the test device on TCP, reached through a TCP tap that
// sees every client connection close: connect (a server that never answers the
// upgrade), login, execute, expect, and the session's own signal. Each step rejects
// with AbortedError, the transport is closed, the tap saw the close, and the process
// holds no more sockets or timers than before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, Account, Protocol } from '@netx/core';
import { abortWhenSeen, expectAbortedStep, liveResources, startTcpTap, whenResourcesBackTo, withDeadline, type TcpTap } from '@netx/transport-test-kit';
import { WebSocketSerialTransport } from '../src/index.js';
import { startSerialDevice, type SerialDevice } from './helpers/serial-device.js';
import { startWebsockify, type Websockify } from './helpers/websockify.js';

const account = new Account({ name: 'admin', password: 'secret' });

let device: SerialDevice;
let websockify: Websockify;
let tap: TcpTap;
let silent: TcpTap;
beforeAll(async () => {
  device = await startSerialDevice();
  websockify = await startWebsockify({ target: { host: '127.0.0.1', port: device.port } });
  tap = await startTcpTap({ host: '127.0.0.1', port: websockify.port });
  silent = await startTcpTap();
});
afterAll(async () => {
  await tap?.stop();
  await silent?.stop();
  await websockify?.stop();
  await device?.stop();
});

function open(options: { signal?: AbortSignal } = {}) {
  const transport = new WebSocketSerialTransport({ wakeUp: true });
  const conn = new Protocol({ transport, timeout: 10_000, connectTimeout: 10_000, stderr: () => undefined, ...options });
  return { conn, transport };
}

async function loggedIn() {
  const s = open();
  await s.conn.connect(tap.host, tap.port);
  await s.conn.login(account);
  return s;
}

describe('AbortSignal over WebSocket serial (real websockify)', () => {
  it('connect(): aborted while the server has not answered the upgrade', async () => {
    const baseline = liveResources();
    const s = open();
    const ac = new AbortController();
    const step = s.conn.connect(silent.host, silent.port, { signal: ac.signal });
    await silent.whenAccepted(1);
    ac.abort();
    await expectAbortedStep(expect, step, s, silent, baseline);
  });

  it('login(): aborted when the device asks for the password', async () => {
    const baseline = liveResources();
    const s = open();
    await s.conn.connect(tap.host, tap.port);
    const ac = new AbortController();
    abortWhenSeen(s.conn, /Password: $/, ac);
    await expectAbortedStep(expect, s.conn.login(account, { signal: ac.signal }), s, tap, baseline);
    expect(s.conn.isAppAuthenticated()).toBe(false);
  });

  it('execute(): aborted when the echo of the command comes back', async () => {
    const baseline = liveResources();
    const s = await loggedIn();
    const ac = new AbortController();
    abortWhenSeen(s.conn, /show version/, ac);
    await expectAbortedStep(expect, s.conn.execute('show version', { signal: ac.signal }), s, tap, baseline);
  });

  it('expect(): aborted while nothing matches', async () => {
    const baseline = liveResources();
    const s = await loggedIn();
    const ac = new AbortController();
    const step = s.conn.expect('never printed', { signal: ac.signal });
    ac.abort();
    await expectAbortedStep(expect, step, s, tap, baseline);
  });

  it("the session's signal (ProtocolOptions.signal) ends a logged-in session between steps", async () => {
    const baseline = liveResources();
    const ac = new AbortController();
    const s = open({ signal: ac.signal });
    await s.conn.connect(tap.host, tap.port);
    await s.conn.login(account);
    ac.abort();
    await expect(s.conn.execute('show version')).rejects.toBeInstanceOf(AbortedError);
    await withDeadline(s.conn.close(), 10_000, 'close() after the abort');
    expect(s.transport.state).toBe('closed');
    await tap.whenAllClosed();
    await whenResourcesBackTo(baseline);
  });
});
