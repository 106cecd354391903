// AbortSignal on every step of a Protocol over WebSocketSerialTransport, against the
// real websockify bridging to the test device on TCP, reached through a TCP tap that
// sees every client connection close: connect (a server that never answers the
// upgrade), login, execute, expect, and the session's own signal. Each step rejects
// with AbortedError, the transport is closed, the tap saw the close, and the process
// holds no more sockets or timers than before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Protocol } from '@netx/core';
import { abortStepTests, startTcpTap, type TcpTap } from '@netx/transport-test-kit';
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

describe('AbortSignal over WebSocket serial (real websockify)', () => {
  abortStepTests({ it, expect }, {
    open,
    tap: () => tap,
    silent: () => silent, // a server that never answers the upgrade
    login: (conn, signal) => conn.login(account, signal ? { signal } : {}),
    loginShows: /Password: $/,
    command: 'show version',
    commandShows: /show version/,
  });
});
