// AbortSignal on every step of a Protocol over TelnetTransport, against a real
// busybox telnetd running the test device (a virtual IOS router, transport-ssh/test/device;
// Username: + Password:), reached through a TCP tap that sees every client connection close:
// connect, login, execute, expect, and the session's own signal. Each step rejects
// with AbortedError, the transport is closed, the tap saw the close, and the process
// holds no more sockets or timers than before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, Account, Protocol } from '@netx/core';
import { abortWhenSeen, expectAbortedStep, liveResources, startTcpTap, whenResourcesBackTo, withDeadline, type TcpTap } from '@netx/transport-test-kit';
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

async function loggedIn() {
  const s = open();
  await s.conn.connect(tap.host, tap.port);
  await s.conn.login(account);
  return s;
}

describe('AbortSignal over Telnet (busybox telnetd)', () => {
  it('connect(): aborted while the TCP connection is still being made', async () => {
    const baseline = liveResources();
    const s = open();
    const ac = new AbortController();
    const step = s.conn.connect(tap.host, tap.port, { signal: ac.signal });
    // Telnet is open once TCP is: the abort has to come before that, in this same turn.
    expect(s.transport.state).toBe('opening');
    ac.abort();
    await expectAbortedStep(expect, step, s, tap, baseline);
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
