// ProxyJump chains through real sshds: two hops, host keys checked on every hop,
// and failures (unknown hop key, hop login, unreachable target) naming the hop.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ConnectionError, HostKeyError, LoginFailure } from '@netx/core';
import { SshTransport, type JumpHost } from '../src/index.js';
import { authContext, createSession } from './helpers/session.js';
import { startKbdServer } from './helpers/kbd-server.js';
import { ttyDeviceCommand } from './device/tty-device.js';
import { freePort, startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

let bastion: Sshd;
let device: Sshd;
let dir: string;
let knownHosts: string;
const account = new Account({ name: TEST_USER.name, password: TEST_USER.password });

beforeAll(async () => {
  [bastion, device] = await Promise.all([startSshd(), startSshd({ forceCommand: ttyDeviceCommand({ hostname: 'r2' }) })]);
  dir = mkdtempSync(join(tmpdir(), 'netx-jump-'));
  knownHosts = join(dir, 'known_hosts');
  const line = (s: Sshd) => `[127.0.0.1]:${s.port} ssh-ed25519 ${s.hostKeys.ed25519.blob.toString('base64')}`;
  writeFileSync(knownHosts, `${line(bastion)}\n${line(device)}\n`);
});
afterAll(async () => {
  await Promise.all([bastion?.stop(), device?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const hop = (extra: Partial<JumpHost> = {}): JumpHost => ({ host: '127.0.0.1', port: bastion.port, account, ...extra });

async function open(jumpHosts: JumpHost[], port = device.port) {
  const transport = new SshTransport({ agent: false, knownHostsPath: knownHosts, jumpHosts });
  const session = createSession({ host: '127.0.0.1', port, verifyFingerprint: true });
  await transport.connect(session);
  return { transport, session };
}

describe('jumpHosts (ProxyJump)', () => {
  it('reaches the device through a chain of two jump hosts, checking every host key', async () => {
    const { transport, session } = await open([hop(), hop()]);
    await transport.protocolAuthenticate(account, authContext());
    await session.expect(/r2>$/);
    await transport.write(new TextEncoder().encode('show version\r'));
    expect(await session.expect(/r2>$/)).toContain('r2 uptime is');
    const lines = session.debugLines().join('\n');
    expect(lines.match(/logging into jump host 127\.0\.0\.1:\d+/g)).toHaveLength(2);
    expect(lines.match(/host key of \[127\.0\.0\.1\]:\d+ matches/g)).toHaveLength(3);
    expect(transport.getRemoteVersion()).toMatch(/^SSH-2\.0-OpenSSH/);
    await transport.close();
    expect(await session.closed).toBeUndefined();
  });

  it('an unknown jump host key fails with HostKeyError for that hop', async () => {
    const err = await open([hop({ knownHostsPath: join(dir, 'empty_known_hosts') })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostKeyError);
    expect((err as HostKeyError).problem).toBe('unknown');
    expect((err as Error).message).toContain(`[127.0.0.1]:${bastion.port}`);
  });

  it('a jump host that refuses the login fails with LoginFailure naming it', async () => {
    const err = await open([hop({ account: new Account({ name: TEST_USER.name, password: 'wrong' }) })]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toContain(`127.0.0.1:${bastion.port}`);
    expect((err as Error).message).not.toContain('wrong');
  });

  it('a target the jump host cannot reach fails with ConnectionError "refused"', async () => {
    const closed = await freePort();
    const err = await open([hop()], closed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('refused');
    expect((err as Error).message).toContain(`Jump host 127.0.0.1:${bastion.port}`);
    expect((err as Error).message).toContain(`127.0.0.1:${closed}`);
  });
});

describe('jump host asking for a one-time password (in-repo simulator as the hop)', () => {
  const otpRound = [{ prompt: 'Verification code: ', expect: '492817' }];

  it('answers the hop’s question through its requestOtp option and reaches the device', async () => {
    const kbd = await startKbdServer({ rounds: [otpRound], forwarding: true });
    try {
      const asked: [string, string][] = [];
      const { transport, session } = await open([
        {
          host: kbd.host,
          port: kbd.port,
          account: new Account({ name: 'ops' }),
          verifyFingerprint: false,
          requestOtp: async (prompt, hopLabel) => {
            asked.push([prompt, hopLabel]);
            return '492817';
          },
        },
      ]);
      expect(asked).toEqual([['Verification code: ', `127.0.0.1:${kbd.port}`]]);
      expect(kbd.answers).toEqual(['492817']);
      await transport.protocolAuthenticate(account, authContext());
      await session.expect(/r2>$/);
      await transport.write(new TextEncoder().encode('show version\r'));
      expect(await session.expect(/r2>$/)).toContain('r2 uptime is');
      await transport.close();
    } finally {
      await kbd.stop();
    }
  });

  it('without requestOtp, the hop’s question fails the connect with LoginFailure saying what to add', async () => {
    const kbd = await startKbdServer({ rounds: [otpRound], forwarding: true });
    try {
      const err = await open([{ host: kbd.host, port: kbd.port, account: new Account({ name: 'ops' }), verifyFingerprint: false }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LoginFailure);
      expect((err as Error).message).toContain(`127.0.0.1:${kbd.port}`);
      expect((err as Error).message).toContain('requestOtp');
      expect(kbd.answers).toEqual([]);
    } finally {
      await kbd.stop();
    }
  });
});
