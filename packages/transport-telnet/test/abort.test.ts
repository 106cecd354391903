// AbortSignal on every step of a Protocol over TelnetTransport, against a real
// busybox telnetd running the test device (a virtual IOS router, transport-ssh/test/device;
// Username: + Password:), reached through a TCP tap that sees every client connection close:
// connect, login, execute, expect, and the session's own signal. Each step rejects
// with AbortedError, the transport is closed, the tap saw the close, and the process
// holds no more sockets or timers than before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Protocol } from '@netx/core';
import { abortStepTests, startTcpTap, type TcpTap } from '@netx/transport-test-kit';
import { TelnetTransport } from '../src/index.js';
import { ttyDeviceProgram } from '../../transport-ssh/test/device/tty-device.js';
import { startTelnetd, type Telnetd } from './helpers/telnetd.js';

const account = new Account({ name: 'admin', password: 'secret' });

let telnetd: Telnetd;
let tap: TcpTap;
beforeAll(async () => {
  telnetd = await startTelnetd(ttyDeviceProgram({ hostname: 'netx-rtr1', login: 'username+password', username: 'admin', password: 'secret' }));
  tap = await startTcpTap({ host: telnetd.host, port: telnetd.port });
});
afterAll(async () => {
  await tap?.stop();
  await telnetd?.stop();
});

function open(options: { signal?: AbortSignal } = {}) {
  const transport = new TelnetTransport();
  const conn = new Protocol({ transport, timeout: 10_000, connectTimeout: 10_000, stderr: () => undefined, ...options });
  return { conn, transport };
}

describe('AbortSignal over Telnet (busybox telnetd)', () => {
  abortStepTests({ it, expect }, {
    open,
    tap: () => tap,
    // No silent server: Telnet is open as soon as TCP is, so connect() is aborted in the turn it starts.
    login: (conn, signal) => conn.login(account, signal ? { signal } : {}),
    loginShows: /Password: $/,
    command: 'show version',
    commandShows: /show version/,
  });
});
