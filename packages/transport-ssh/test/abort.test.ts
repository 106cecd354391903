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
import { Account, Protocol } from '@netx/core';
import { abortStepTests, startTcpTap, type TcpTap } from '@netx/transport-test-kit';
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

describe('AbortSignal over SSH (real sshd)', () => {
  abortStepTests({ it, expect }, {
    open,
    tap: () => tap,
    silent: () => silent, // a server that never sends its SSH identification
    login: (conn, signal) => conn.login(sshAccount, { appAccount, ...(signal ? { signal } : {}) }),
    loginShows: /Username: $/,
    command: 'show lines 50000',
    commandShows: /show lines/,
  });
});
