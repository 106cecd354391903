// SshTransport under @netx/core's Protocol: SSH login followed by an app-level
// Username:/Password: login on the device, commands, banner and server version,
// the peer dying mid-command, and one-time passwords asked during SSH login.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, ConnectionError, LoginFailure, Protocol, type AccountFactory } from '@netx/core';
import { SshTransport } from '../src/index.js';
import { startKbdServer, type KbdServer } from './helpers/kbd-server.js';
import { ttyDeviceCommand } from './device/tty-device.js';
import { startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

const sshAccount = new Account({ name: TEST_USER.name, password: TEST_USER.password });
const appAccount = new Account({ name: 'admin', password: 'app-pw-7', password2: 'en-secret-3' });

let sshd: Sshd;
let dir: string;
beforeAll(async () => {
  sshd = await startSshd({ banner: 'Lab router r1. Authorised use only.\n', forceCommand: ttyDeviceCommand({ login: 'username+password', username: 'admin', password: 'app-pw-7', enablePassword: 'en-secret-3' }) });
  dir = mkdtempSync(join(tmpdir(), 'netx-proto-'));
});
afterAll(async () => {
  await sshd?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function protocol(extra: Partial<ConstructorParameters<typeof Protocol>[0]> = {}) {
  const debug: string[] = [];
  const conn = new Protocol({
    transport: new SshTransport({ agent: false, knownHostsPath: join(dir, 'known_hosts'), hostKeyPolicy: 'accept-new' }),
    driver: 'generic',
    timeout: 10_000,
    connectTimeout: 10_000,
    debug: 5,
    stderr: (line) => debug.push(line),
    ...extra,
  });
  return { conn, debug };
}

describe('Protocol over SshTransport and a real sshd', () => {
  it('logs in over SSH, then at the device Username:/Password:, and runs commands', async () => {
    const { conn, debug } = protocol();
    await conn.connect(sshd.host, sshd.port);
    expect(conn.getRemoteVersion()).toMatch(/^SSH-2\.0-OpenSSH/);
    await conn.login(sshAccount, { appAccount });
    expect(conn.isProtocolAuthenticated()).toBe(true);
    expect(conn.isAppAuthenticated()).toBe(true);
    expect(conn.getBanner()).toBe('Lab router r1. Authorised use only.\n');
    const { response } = await conn.execute('show version');
    expect(response).toContain('Cisco IOS Software');
    expect(response.startsWith('show version')).toBe(true);
    const lines = await conn.execute('show lines 2000');
    expect(lines.response.match(/^line \d{7} /gm)).toHaveLength(2000);
    await conn.close();
    const all = debug.join('\n');
    expect(all).not.toContain(TEST_USER.password);
    expect(all).not.toContain('app-pw-7');
  });

  it('enable: appAuthorize() answers the device\'s Password: with password2', async () => {
    const { conn, debug } = protocol();
    let seen = '';
    conn.on('dataReceived', (text) => {
      seen += text;
    });
    await conn.connect(sshd.host, sshd.port);
    await conn.login(sshAccount, { appAccount });
    expect(seen).not.toContain('r1#');
    await conn.send('enable\r');
    await conn.appAuthorize(appAccount);
    expect(conn.isAppAuthorized()).toBe(true);
    expect(seen).toMatch(/Password: \r\nr1#$/);
    const { response } = await conn.execute('show term');
    expect(response).toContain('Type: "dumb"');
    expect(debug.join('\n')).not.toContain('en-secret-3');
    await conn.close();
  });

  it('a wrong app-level password is a LoginFailure from the device text', async () => {
    const { conn } = protocol();
    await conn.connect(sshd.host, sshd.port);
    const err = await conn.login(sshAccount, { appAccount: new Account({ name: 'admin', password: 'nope' }) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoginFailure);
    await conn.close(true);
  });

  it('the device dying mid-command ends the wait with ConnectionError carrying what arrived', async () => {
    const { conn } = protocol();
    await conn.connect(sshd.host, sshd.port);
    await conn.login(sshAccount, { appAccount });
    const err = (await conn.execute('show crash').catch((e: unknown) => e)) as ConnectionError;
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.response ?? '').toContain('Building configuration');
    await conn.close();
  });
});

describe('Protocol with one-time passwords during SSH login (ssh2 simulator)', () => {
  let sim: KbdServer;
  afterAll(async () => sim?.stop());

  it('an OATH passcode prompt is answered by the accountFactory (purpose "otp")', async () => {
    sim = await startKbdServer({ rounds: [[{ prompt: 'Password: ', expect: 'pw-9' }], [{ prompt: 'Verification code: ', expect: '424242' }]] });
    const asked: string[] = [];
    const accountFactory: AccountFactory = {
      create: async ({ purpose }) => {
        asked.push(purpose);
        return new Account({ name: 'otp', password: '424242' });
      },
    };
    const { conn } = protocol({ accountFactory, verifyFingerprint: false });
    await conn.connect(sim.host, sim.port);
    await conn.protocolAuthenticate(new Account({ name: 'u', password: 'pw-9' }));
    expect(asked).toEqual(['otp']);
    expect(sim.answers).toEqual(['pw-9', '424242']);
    await conn.close();
  });

  it('an S/Key challenge in the prompt is answered from the password (RFC 2289)', async () => {
    await sim?.stop();
    sim = await startKbdServer({ rounds: [[{ prompt: 'otp-md4 99 ab12cd\nS/Key Password: ', expect: 'KICK KID LOT FALL TERM LIVE' }]] });
    const { conn } = protocol({ verifyFingerprint: false });
    const seen: Array<[number, string]> = [];
    conn.on('otpRequested', (_account, seq, seed) => {
      seen.push([seq, seed]);
    });
    await conn.connect(sim.host, sim.port);
    await conn.protocolAuthenticate(new Account({ name: 'u', password: 'secretpw' }));
    expect(seen).toEqual([[99, 'ab12cd']]);
    await conn.close();
  });
});
