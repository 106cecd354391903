// Protocol-level logins against a real OpenSSH sshd: password, none, keys with and
// without passphrase (ed25519, RSA), ssh-agent, and failures that say what was tried.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, isNetxError, LoginFailure, PrivateKey } from '@netx/core';
import { SshTransport, type SshTransportOptions } from '../src/index.js';
import { startAgent, type TestAgent } from './helpers/agent.js';
import { authContext, createSession } from './helpers/session.js';
import { EMPTY_USER, generateKey, startSshd, TEST_USER, type KeyPair, type Sshd } from './helpers/sshd.js';

let sshd: Sshd;
let keys: Record<'plain' | 'ed25519pw' | 'rsapw' | 'agentKey' | 'stranger', KeyPair>;
let keyDir: string;

beforeAll(async () => {
  sshd = await startSshd({ banner: 'Authorized access only. netx test banner.\n' });
  keyDir = mkdtempSync(join(tmpdir(), 'netx-keys-'));
  keys = {
    plain: generateKey(keyDir, 'id_plain', 'ed25519'),
    ed25519pw: generateKey(keyDir, 'id_ed25519_pw', 'ed25519', 'key-pass-1'),
    rsapw: generateKey(keyDir, 'id_rsa_pw', 'rsa', 'key-pass-2'),
    agentKey: generateKey(keyDir, 'id_agent', 'ed25519'),
    stranger: generateKey(keyDir, 'id_stranger', 'ed25519'),
  };
  for (const k of [keys.plain, keys.ed25519pw, keys.rsapw, keys.agentKey]) sshd.authorize(TEST_USER.name, k.publicLine);
});

afterAll(async () => {
  await sshd?.stop();
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
});

async function login(account: Account, options: SshTransportOptions = {}) {
  const transport = new SshTransport({ agent: false, ...options });
  const session = createSession({ host: sshd.host, port: sshd.port });
  await transport.connect(session);
  const ctx = authContext();
  try {
    await transport.protocolAuthenticate(account, ctx);
  } catch (err) {
    await transport.close(true);
    throw err;
  }
  return { transport, session, ctx };
}

async function expectCli(t: Awaited<ReturnType<typeof login>>) {
  await t.session.expect(/r1>$/);
  await t.transport.write(new TextEncoder().encode('show version\r'));
  const out = await t.session.expect(/r1>$/);
  expect(out).toContain('Cisco IOS Software');
  await t.transport.close();
}

const debugText = (t: { session: { debugLines(): string[] } }) => t.session.debugLines().join('\n');

describe('SshTransport logins against OpenSSH sshd', () => {
  it('p1: password', async () => {
    const t = await login(new Account({ name: TEST_USER.name, password: TEST_USER.password }));
    expect(t.transport.isProtocolAuthenticated()).toBe(true);
    expect(debugText(t)).toMatch(/trying password/);
    expect(debugText(t)).toMatch(/logged in as "netxtest" with password/);
    expect(debugText(t)).not.toContain(TEST_USER.password);
    await expectCli(t);
  });

  it('p2: none, for an account with an empty password (PermitEmptyPasswords)', async () => {
    const t = await login(new Account({ name: EMPTY_USER.name }));
    expect(debugText(t)).toMatch(/logged in as "netxnone" with none/);
    await expectCli(t);
  });

  it('p4: ed25519 key without passphrase', async () => {
    const t = await login(new Account({ name: TEST_USER.name, key: PrivateKey.fromFile(keys.plain.privatePath) }));
    expect(debugText(t)).toMatch(/logged in as "netxtest" with publickey/);
    await expectCli(t);
  });

  it('p5: ed25519 and RSA keys with passphrase', async () => {
    for (const [k, pass] of [[keys.ed25519pw, 'key-pass-1'], [keys.rsapw, 'key-pass-2']] as const) {
      const t = await login(new Account({ name: TEST_USER.name, key: PrivateKey.fromFile(k.privatePath, pass) }));
      expect(debugText(t)).toMatch(/decrypted with its passphrase/);
      expect(debugText(t)).toMatch(/with publickey/);
      expect(debugText(t)).not.toContain(pass);
      await expectCli(t);
    }
  });

  it('never uses the account password as key passphrase; falls back to password with a clear line', async () => {
    // The password equals the key passphrase: a silent reuse would log in with the key.
    const account = new Account({ name: TEST_USER.name, password: TEST_USER.password, key: PrivateKey.fromString(readFileSync(keys.ed25519pw.privatePath)) });
    const t = await login(account);
    expect(debugText(t)).toMatch(/skipping publickey: the key is encrypted and account\.key has no passphrase/);
    expect(debugText(t)).toMatch(/with password/);
    await expectCli(t);
  });

  it('a wrong key passphrase is reported, then password is tried', async () => {
    const account = new Account({ name: TEST_USER.name, password: TEST_USER.password, key: PrivateKey.fromFile(keys.rsapw.privatePath, 'wrong') });
    const t = await login(account);
    expect(debugText(t)).toMatch(/skipping publickey: the key passphrase is wrong/);
    expect(debugText(t)).toMatch(/with password/);
    await t.transport.close();
  });

  it('a key the server does not know falls back to the password', async () => {
    const account = new Account({ name: TEST_USER.name, password: TEST_USER.password, key: PrivateKey.fromFile(keys.stranger.privatePath) });
    const t = await login(account);
    expect(debugText(t)).toMatch(/publickey rejected/);
    expect(debugText(t)).toMatch(/with password/);
    await t.transport.close();
  });

  describe('ssh-agent', () => {
    let agent: TestAgent;
    beforeAll(async () => {
      agent = await startAgent();
      agent.add(keys.agentKey.privatePath);
    });
    afterAll(async () => agent?.stop());

    it('logs in with a key held by ssh-agent (agent: socket path)', async () => {
      const t = await login(new Account({ name: TEST_USER.name }), { agent: agent.socket });
      expect(debugText(t)).toMatch(/trying agent/);
      expect(debugText(t)).toMatch(/with agent/);
      await expectCli(t);
    });

    it('agent: true uses SSH_AUTH_SOCK; agent: false ignores it', async () => {
      const saved = process.env['SSH_AUTH_SOCK'];
      process.env['SSH_AUTH_SOCK'] = agent.socket;
      try {
        const t = await login(new Account({ name: TEST_USER.name }), { agent: true });
        expect(debugText(t)).toMatch(/with agent/);
        await t.transport.close();
        const err = await login(new Account({ name: TEST_USER.name }), { agent: false }).catch((e: unknown) => e);
        expect(isNetxError(err)).toBe(true);
        expect(err).toBeInstanceOf(LoginFailure);
      } finally {
        if (saved === undefined) delete process.env['SSH_AUTH_SOCK'];
        else process.env['SSH_AUTH_SOCK'] = saved;
      }
    });
  });

  it('a wrong password fails with LoginFailure naming what was tried and offered, never the password', async () => {
    const err = (await login(new Account({ name: TEST_USER.name, password: 'not-the-password' })).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(LoginFailure);
    expect(err.message).toContain('127.0.0.1');
    expect(err.message).toMatch(/Tried: none, password\./);
    expect(err.message).toMatch(/The server offers: publickey, password\./);
    expect(err.message).not.toContain('not-the-password');
  });

  it('the auth banner and the server version are available', async () => {
    const t = await login(new Account({ name: TEST_USER.name, password: TEST_USER.password }));
    expect(t.transport.getBanner()).toBe('Authorized access only. netx test banner.\n');
    expect(t.transport.getRemoteVersion()).toMatch(/^SSH-2\.0-OpenSSH_9\.\S+/);
    await t.transport.close();
  });
});
