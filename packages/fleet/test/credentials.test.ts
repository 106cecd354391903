// Credential sources: environment, prompt (once per account), files that must be
// private, key files, ssh-agent, and a chain of them.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { isNetxError } from '@netx/core';
import { agentAccounts, chainAccounts, envAccounts, fileAccounts, promptAccounts, readKeyFile, type FleetAccountContext } from '../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'netx-fleet-cred-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string, mode: number): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  chmodSync(p, mode);
  return p;
}

async function credentialError(p: Promise<unknown> | (() => unknown)): Promise<Error> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(isNetxError(err, 'NETX_CREDENTIALS')).toBe(true);
    return err as Error;
  }
  throw new Error('expected a CredentialError');
}

const ctx = (over: Partial<FleetAccountContext> = {}): FleetAccountContext => ({ host: 'r1', purpose: 'login', ...over });

describe('envAccounts', () => {
  it('reads NETX_PASSWORD and NETX_ENABLE_PASSWORD; the user comes from the host, else NETX_USERNAME', async () => {
    const f = envAccounts({ env: { NETX_PASSWORD: 'pw', NETX_ENABLE_PASSWORD: 'en', NETX_USERNAME: 'ops' } });
    const a = await f.create(ctx({ username: 'admin' }));
    expect([a.name, a.password, a.authorizationPassword]).toEqual(['admin', 'pw', 'en']);
    expect((await f.create(ctx())).name).toBe('ops');
    const noEnable = await envAccounts({ env: { NETX_PASSWORD: 'pw' }, defaultUsername: 'me' }).create(ctx());
    expect([noEnable.name, noEnable.authorizationPassword]).toEqual(['me', 'pw']);
  });

  it('says which variable is missing', async () => {
    const err = await credentialError(envAccounts({ env: {} }).create(ctx({ username: 'a' })));
    expect(err.message).toBe('NETX_PASSWORD is not set; export it (or use a prompt or a credentials file).');
    const noUser = await credentialError(envAccounts({ env: { NETX_PASSWORD: 'x' } }).create(ctx()));
    expect(noUser.message).toContain('No user name for r1: put it in the URL (ssh://user@host)');
  });
});

describe('promptAccounts', () => {
  it('asks once per distinct account, with hidden input, however many hosts ask at once', async () => {
    const questions: { q: string; hidden: boolean }[] = [];
    const f = promptAccounts({
      enable: true,
      ask: async (q, { hidden }) => {
        questions.push({ q, hidden });
        await new Promise((r) => setImmediate(r));
        return q.startsWith('Enable') ? '' : `pw-of-${q.split(' ')[2]}`;
      },
    });
    const accounts = await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => f.create(ctx({ host: `r${i}`, username: 'admin' }))),
      ...Array.from({ length: 5 }, (_, i) => f.create(ctx({ host: `s${i}`, username: 'ops' }))),
      f.create(ctx({ host: 'x', username: 'admin', account: 'core' })),
    ]);
    expect(questions).toEqual([
      { q: 'Password for admin: ', hidden: true },
      { q: 'Password for ops: ', hidden: true },
      { q: 'Password for admin (account core): ', hidden: true },
      { q: 'Enable password for admin (empty: the same): ', hidden: true },
      { q: 'Enable password for ops (empty: the same): ', hidden: true },
      { q: 'Enable password for admin (account core) (empty: the same): ', hidden: true },
    ]);
    expect(accounts[0]).toBe(accounts[9]);
    expect(accounts[0]!.password).toBe('pw-of-admin:');
    expect(accounts[0]!.authorizationPassword).toBe('pw-of-admin:'); // empty enable answer: the login password
    expect(accounts[10]!.name).toBe('ops');
  });
});

describe('fileAccounts', () => {
  const text = [
    'default: { username: admin, password: default-pw }',
    'accounts:',
    '  core: { username: netops, password: core-pw, enable: core-en }',
    '  backup: { password: backup-pw }',
    'hosts:',
    '  r9: { username: r9user, password: r9-pw }',
  ].join('\n');

  it('refuses a file that group or others may read, saying why and what to run', async () => {
    const p = file('creds-open.yaml', text, 0o644);
    const err = await credentialError(() => fileAccounts(p));
    expect(err.message).toBe(`Refusing the credentials file ${p}: its mode is 0644, so its group may read or change it. Run "chmod 600 ${p}" and try again.`);
    const other = file('creds-other.yaml', text, 0o604);
    expect((await credentialError(() => fileAccounts(other))).message).toContain('its mode is 0604, so other users may read or change it');
  });

  it('looks up hosts, then the named account, then the user, then the default', async () => {
    const f = fileAccounts(file('creds.yaml', text, 0o600));
    const r9 = await f.create(ctx({ host: 'r9', account: 'core' }));
    expect([r9.name, r9.password]).toEqual(['r9user', 'r9-pw']);
    const core = await f.create(ctx({ account: 'core' }));
    expect([core.name, core.password, core.authorizationPassword]).toEqual(['netops', 'core-pw', 'core-en']);
    const byUser = await f.create(ctx({ username: 'backup' }));
    expect([byUser.name, byUser.password]).toEqual(['backup', 'backup-pw']);
    const dflt = await f.create(ctx({ host: 'other' }));
    expect([dflt.name, dflt.password]).toEqual(['admin', 'default-pw']);
  });

  it('reports syntax errors with the line, and unknown keys, without the secrets', async () => {
    const bad = file('bad.yaml', 'default:\n  username: a\n   password: [sekret\n', 0o600);
    const syntax = await credentialError(() => fileAccounts(bad));
    expect(syntax.message).toMatch(new RegExp(`^${bad}:2: syntax error in the credentials file: [^\n]+$`));
    expect(syntax.message).not.toContain('sekret');
    const typo = file('typo.yaml', 'default: { username: a, pasword: sekret }\n', 0o600);
    const err = await credentialError(() => fileAccounts(typo));
    expect(err.message).toContain('default has an unknown key "pasword"');
    expect(err.message).not.toContain('sekret');
  });

  it('a missing file', async () => {
    const err = await credentialError(() => fileAccounts(join(dir, 'nope.yaml')));
    expect(err.message).toBe(`Cannot read the credentials file ${join(dir, 'nope.yaml')}: no such file.`);
  });
});

describe('key files', () => {
  const keyPath = join(dir, 'id_ed25519');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyPath]);

  it('reads a private key file', () => {
    chmodSync(keyPath, 0o600);
    expect(readKeyFile(keyPath).data.length).toBeGreaterThan(100);
  });

  it('refuses unreadable, unprotected or wrong files, saying which and why', async () => {
    chmodSync(keyPath, 0o640);
    expect((await credentialError(() => readKeyFile(keyPath))).message).toBe(
      `Refusing the key file ${keyPath}: its mode is 0640, so its group may read or change it. Run "chmod 600 ${keyPath}" and try again.`,
    );
    chmodSync(keyPath, 0o600);
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    expect((await credentialError(() => readKeyFile(sub))).message).toBe(`Cannot read the key file ${sub}: it is not a regular file.`);
    expect((await credentialError(() => readKeyFile(join(dir, 'missing')))).message).toBe(`Cannot read the key file ${join(dir, 'missing')}: no such file.`);
    const pub = file('id.pub', 'ssh-ed25519 AAAA test', 0o600);
    expect((await credentialError(() => readKeyFile(pub))).message).toBe(`The key file ${pub} holds no OpenSSH or PEM private key; give the private key (not the .pub file).`);
  });

  it('a credentials entry with a keyFile gives an account with the key', async () => {
    const f = fileAccounts(file('keyed.yaml', `default: { username: a, keyFile: ${keyPath} }\n`, 0o600));
    const a = await f.create(ctx());
    expect(a.key?.data.length).toBeGreaterThan(100);
    expect(a.password).toBeUndefined();
  });
});

describe('agentAccounts and chainAccounts', () => {
  it('agent: needs SSH_AUTH_SOCK, gives an account without a password', async () => {
    expect((await credentialError(agentAccounts({ env: {} }).create(ctx({ username: 'a' })))).message).toContain('SSH_AUTH_SOCK is not set');
    const a = await agentAccounts({ env: { SSH_AUTH_SOCK: '/tmp/agent.sock' } }).create(ctx({ username: 'a' }));
    expect([a.name, a.password, a.key]).toEqual(['a', undefined, undefined]);
  });

  it('chain: the first source that has credentials wins; all reasons when none has', async () => {
    const f = chainAccounts(envAccounts({ env: {} }), agentAccounts({ env: { SSH_AUTH_SOCK: '/s' } }));
    expect((await f.create(ctx({ username: 'u' }))).name).toBe('u');
    const none = chainAccounts(envAccounts({ env: {} }), agentAccounts({ env: {} }));
    const err = await credentialError(none.create(ctx({ username: 'u' })));
    expect(err.message).toBe('No credentials for r1:\n- NETX_PASSWORD is not set; export it (or use a prompt or a credentials file).\n- ssh-agent: SSH_AUTH_SOCK is not set; start ssh-agent and ssh-add your key (or give a password).');
  });
});
