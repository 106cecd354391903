// AbortSignal on every step of a Protocol over SshTransport, against a real sshd
// (the test device, a virtual IOS, with an app-level login behind it) reached through a TCP tap
// that sees every client connection close: connect (a server that never sends its
// SSH identification), login, execute, expect, and the session's own signal. Each
// step rejects with AbortedError, the transport is closed, the tap saw the close,
// and the process holds no more sockets or timers than before.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, Account, Protocol } from '@netx/core';
import { abortWhenSeen, expectAbortedStep, liveResources, startTcpTap, whenResourcesBackTo, withDeadline, type TcpTap } from '@netx/transport-test-kit';
import { SshTransport } from '../src/index.js';
import { ttyDeviceCommand } from './device/tty-device.js';
import { startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

const sshAccount = new Account({ name: TEST_USER.name, password: TEST_USER.password });
const appAccount = new Account({ name: 'admin', password: 'app-pw-7' });

let sshd: Sshd;
let tap: TcpTap;
let silent: TcpTap;
let dir: string;
beforeAll(async () => {
  sshd = await startSshd({ forceCommand: ttyDeviceCommand({ login: 'username+password', username: 'admin', password: 'app-pw-7' }) });
  tap = await startTcpTap({ host: sshd.host, port: sshd.port });
  silent = await startTcpTap();
  dir = mkdtempSync(join(tmpdir(), 'netx-abort-'));
});
afterAll(async () => {
  await tap?.stop();
  await silent?.stop();
  await sshd?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function open(options: { signal?: AbortSignal } = {}) {
  const transport = new SshTransport({ agent: false, knownHostsPath: join(dir, 'known_hosts'), hostKeyPolicy: 'accept-new' });
  const conn = new Protocol({ transport, driver: 'generic', timeout: 10_000, connectTimeout: 10_000, stderr: () => undefined, ...options });
  return { conn, transport };
}

async function loggedIn() {
  const s = open();
  await s.conn.connect(tap.host, tap.port);
  await s.conn.login(sshAccount, { appAccount });
  return s;
}

describe('AbortSignal over SSH (real sshd)', () => {
  it('connect(): aborted while the server has not sent its identification', async () => {
    const baseline = liveResources();
    const s = open();
    const ac = new AbortController();
    const step = s.conn.connect(silent.host, silent.port, { signal: ac.signal });
    await silent.whenAccepted(1);
    ac.abort();
    await expectAbortedStep(expect, step, s, silent, baseline);
  });

  it('login(): aborted when the device asks for the user name', async () => {
    const baseline = liveResources();
    const s = open();
    await s.conn.connect(tap.host, tap.port);
    const ac = new AbortController();
    abortWhenSeen(s.conn, /Username: $/, ac);
    await expectAbortedStep(expect, s.conn.login(sshAccount, { appAccount, signal: ac.signal }), s, tap, baseline);
    expect(s.conn.isAppAuthenticated()).toBe(false);
  });

  it('execute(): aborted while the output arrives', async () => {
    const baseline = liveResources();
    const s = await loggedIn();
    const ac = new AbortController();
    abortWhenSeen(s.conn, /show lines/, ac);
    await expectAbortedStep(expect, s.conn.execute('show lines 50000', { signal: ac.signal }), s, tap, baseline);
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
    await s.conn.login(sshAccount, { appAccount });
    ac.abort();
    await expect(s.conn.execute('show version')).rejects.toBeInstanceOf(AbortedError);
    await withDeadline(s.conn.close(), 10_000, 'close() after the abort');
    expect(s.transport.state).toBe('closed');
    await tap.whenAllClosed();
    await whenResourcesBackTo(baseline);
  });
});
