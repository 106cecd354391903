// Host key verification against a real sshd: unknown, accept-new, changed, hashed,
// [host]:port, @revoked, a known RSA key preferred over the server's ed25519, and off.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, HostKeyError, isNetxError } from '@netx/core';
import { SshTransport, sha256Fingerprint, type SshTransportOptions } from '../src/index.js';
import { authContext, createSession } from './helpers/session.js';
import { generateKey, startSshd, TEST_USER, type Sshd } from './helpers/sshd.js';

let sshd: Sshd;
let dir: string;
let n = 0;
const account = new Account({ name: TEST_USER.name, password: TEST_USER.password });

beforeAll(async () => {
  sshd = await startSshd();
  dir = mkdtempSync(join(tmpdir(), 'netx-hostkeys-'));
});
afterAll(async () => {
  await sshd?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const name = () => `[127.0.0.1]:${sshd.port}`;
const pub = (blob: Buffer, type: string) => `${type} ${blob.toString('base64')}`;
const newFile = (content = '') => {
  const f = join(dir, `known_hosts_${++n}`);
  if (content !== '') writeFileSync(f, content);
  return f;
};

async function connect(options: SshTransportOptions, verifyFingerprint = true) {
  const transport = new SshTransport({ agent: false, ...options });
  const session = createSession({ host: sshd.host, port: sshd.port, verifyFingerprint });
  await transport.connect(session);
  return { transport, session };
}

async function connectError(options: SshTransportOptions): Promise<HostKeyError> {
  const err = await connect(options).then(
    async (t) => {
      await t.transport.close(true);
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(isNetxError(err)).toBe(true);
  expect(err).toBeInstanceOf(HostKeyError);
  return err as HostKeyError;
}

describe('host key verification (verifyFingerprint: true)', () => {
  it('an unknown key fails with HostKeyError "unknown", its SHA256 fingerprint and what to do', async () => {
    const file = newFile();
    const err = await connectError({ knownHostsPath: file });
    expect(err.problem).toBe('unknown');
    expect(err.fingerprint).toBe(sha256Fingerprint(sshd.hostKeys.ed25519.blob));
    expect(err.message).toContain(err.fingerprint!);
    expect(err.message).toContain(name());
    expect(err.message).toMatch(/ssh-keyscan -p \d+ 127\.0\.0\.1 >> /);
    expect(err.message).toMatch(/accept-new/);
    expect(existsSync(file)).toBe(false);
  });

  it("hostKeyPolicy 'accept-new' writes the entry in [host]:port form, which OpenSSH then finds", async () => {
    const file = newFile();
    const t = await connect({ knownHostsPath: file, hostKeyPolicy: 'accept-new' });
    await t.transport.protocolAuthenticate(account, authContext());
    await t.transport.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`${name()} ${pub(sshd.hostKeys.ed25519.blob, 'ssh-ed25519')}\n`);
    expect(execFileSync('ssh-keygen', ['-F', name(), '-f', file], { encoding: 'utf8' })).toContain('found');
    // The second connection, strict, finds it.
    const again = await connect({ knownHostsPath: file });
    expect(again.session.debugLines().join('\n')).toMatch(/matches .* line 1/);
    await again.transport.close(true);
  });

  it('accept-new with hashKnownHosts writes a hashed entry', async () => {
    const file = newFile();
    const t = await connect({ knownHostsPath: file, hostKeyPolicy: 'accept-new', hashKnownHosts: true });
    await t.transport.close(true);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('|1|')).toBe(true);
    expect(text).not.toContain('127.0.0.1');
    expect(execFileSync('ssh-keygen', ['-F', name(), '-f', file], { encoding: 'utf8' })).toContain('found');
  });

  it('a changed key fails with HostKeyError "changed", even under accept-new, and the file is left alone', async () => {
    const other = generateKey(dir, `other_${++n}`, 'ed25519');
    const content = `${name()} ${pub(other.blob, 'ssh-ed25519')}\n`;
    const file = newFile(content);
    for (const policy of ['strict', 'accept-new'] as const) {
      const err = await connectError({ knownHostsPath: file, hostKeyPolicy: policy });
      expect(err.problem).toBe('changed');
      expect(err.message).toContain('CHANGED');
      expect(err.message).toContain(`ssh-keygen -R '${name()}'`);
      expect(err.fingerprint).toBe(sha256Fingerprint(sshd.hostKeys.ed25519.blob));
    }
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('hashed entries (ssh-keygen -H) are matched', async () => {
    const file = newFile(`${name()} ${pub(sshd.hostKeys.ed25519.blob, 'ssh-ed25519')}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    expect(readFileSync(file, 'utf8')).not.toContain('127.0.0.1');
    const t = await connect({ knownHostsPath: file });
    await t.transport.protocolAuthenticate(account, authContext());
    await t.transport.close();
  });

  it('a bare "127.0.0.1" entry does not vouch for a non-22 port', async () => {
    const file = newFile(`127.0.0.1 ${pub(sshd.hostKeys.ed25519.blob, 'ssh-ed25519')}\n`);
    const err = await connectError({ knownHostsPath: file });
    expect(err.problem).toBe('unknown');
  });

  it('with only an RSA key on file, the client asks for the RSA host key and connects', async () => {
    const file = newFile(`${name()} ${pub(sshd.hostKeys.rsa.blob, 'ssh-rsa')}\n`);
    const t = await connect({ knownHostsPath: file });
    expect(t.session.debugLines().join('\n')).toMatch(/rsa-sha2-512|rsa-sha2-256/);
    await t.transport.close(true);
  });

  it('@revoked keys are refused (problem "rejected")', async () => {
    const file = newFile(
      `@revoked ${name()} ${pub(sshd.hostKeys.ed25519.blob, 'ssh-ed25519')}\n${name()} ${pub(sshd.hostKeys.ed25519.blob, 'ssh-ed25519')}\n`,
    );
    const err = await connectError({ knownHostsPath: file, hostKeyPolicy: 'accept-new' });
    expect(err.problem).toBe('rejected');
    expect(err.message).toMatch(/@revoked/);
  });

  it('verifyFingerprint false accepts any key and writes nothing', async () => {
    const other = generateKey(dir, `other_${++n}`, 'ed25519');
    const content = `${name()} ${pub(other.blob, 'ssh-ed25519')}\n`;
    const file = newFile(content);
    const t = await connect({ knownHostsPath: file }, false);
    await t.transport.protocolAuthenticate(account, authContext());
    await t.transport.close();
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});
