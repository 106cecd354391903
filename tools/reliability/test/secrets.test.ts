// No secret anywhere: sessions log in with known passwords, enable passwords, a key
// passphrase and an S/Key password at debug level 5 with a log file and stdout/stderr
// callbacks, run commands, fail a login, an SSH key, an enable and a wait; then every
// byte they wrote (log file, callbacks, the process's own stdout/stderr, every file in
// their folder) and every error in every printed form is searched for each secret
// and for the S/Key answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, otp, PrivateKey } from '@netx/core';
import { Fleet } from '@netx/device-sim';
import type { TransportKind } from '../src/matrix.js';
import { atLimit } from './helpers/clock.js';
import { Harness, type Client } from './helpers/harness.js';
import { rejection, settleWithin } from './helpers/wait.js';

const USER = 'netops';
const SECRETS = {
  password: 'Pw-Login-7f3k9q',
  enable: 'En-Able-2q8x4v',
  passphrase: 'Key-Phrase-5m1z8r',
  skeyPassword: 'Skey-Secret-9w4t6p',
  wrongPassword: 'Wrong-Pass-3h6j2k',
  wrongEnable: 'Wrong-Enable-8d1c5n',
  wrongPassphrase: 'Wrong-Phrase-4g7b0s',
};
// The simulator's S/Key challenge is `s/key 99 abc123`: this is what netx answers with.
const SKEY_ANSWER = otp(SECRETS.skeyPassword, 'abc123', 99);

/** Every place a secret could end up, and its text. */
const written: Array<{ where: string; text: string }> = [];
const errors: unknown[] = [];
const harnesses = new Map<TransportKind, Harness>();
let fleet: Fleet;
let dir: string;
let key: { private: string; public: string };
const restore: (() => void)[] = [];

/** Captures what anything writes to the process's stdout and stderr meanwhile (and still prints it). */
function captureProcessOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      written.push({ where: stream === process.stdout ? 'process.stdout' : 'process.stderr', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1') });
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
}

function harness(kind: TransportKind): Harness {
  let h = harnesses.get(kind);
  if (!h) harnesses.set(kind, (h = new Harness(kind)));
  return h;
}

/** A Protocol at debug level 5 with the shared log file and capturing callbacks. */
function client(kind: TransportKind, extra: Parameters<Harness['client']>[0] = {}): Client {
  const label = `${kind} #${written.length}`;
  return harness(kind).client({
    debug: 5,
    logfile: join(dir, 'session.log'),
    stdout: (text) => written.push({ where: `stdout callback (${label})`, text }),
    stderr: (line) => written.push({ where: `stderr callback (${label})`, text: line }),
    ...extra,
  });
}

function portOf(name: string, proto: 'ssh' | 'telnet' | 'ws'): number {
  const d = fleet.device(name)!;
  return fleet.ports.get(d.index)![proto]!;
}

async function session(c: Client, port: number, account: Account, commands: string[]): Promise<void> {
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  await settleWithin(c.conn.login(account), 'login()');
  for (const cmd of commands) await settleWithin(c.conn.execute(cmd), `execute(${cmd})`);
  await settleWithin(c.conn.close(), 'close()');
}

async function failing(c: Client, port: number, account: Account, what: string): Promise<unknown> {
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  const err = await rejection(c.conn.login(account), what);
  await settleWithin(c.conn.close(), 'close()');
  return err;
}

beforeAll(async () => {
  dir = harness('telnet').tempDir();
  key = ssh2.utils.generateKeyPairSync('ecdsa', { bits: 256, passphrase: SECRETS.passphrase, cipher: 'aes256-ctr', rounds: 4, comment: 'netx-reliability' });
  let answer: (text: string) => void = () => undefined;
  fleet = await Fleet.start({
    devices: [
      { name: 'r1', profile: 'ios', username: USER, password: SECRETS.password, enablePassword: SECRETS.enable, authorizedKeys: [key.public], ports: { ssh: 0, telnet: 0, ws: 0 }, overrides: { commands: { 'show slow': () => new Promise<string>((resolve) => (answer = resolve)) } } },
      { name: 'otp1', profile: 'ios', loginStyle: 'skey', username: USER, password: SECRETS.skeyPassword, enablePassword: SECRETS.enable, ports: { telnet: 0 } },
    ],
  });
  restore.push(() => answer(''));
  captureProcessOutput();
}, 60_000);

afterAll(async () => {
  for (const fn of restore.splice(0)) fn();
  for (const h of harnesses.values()) await h.abandon();
  await fleet?.close();
});

describe('secrets', () => {
  it('sessions over telnet, SSH (key with passphrase), WebSocket and S/Key run at debug level 5, with failures', async () => {
    await session(client('telnet'), portOf('r1', 'telnet'), new Account({ name: USER, password: SECRETS.password, password2: SECRETS.enable }), ['show version', 'show running-config']);
    await session(client('ssh'), portOf('r1', 'ssh'), new Account({ name: USER, key: PrivateKey.fromString(key.private, SECRETS.passphrase), password2: SECRETS.enable }), ['show version']);
    await session(client('ws-raw'), portOf('r1', 'ws'), new Account({ name: USER, password: SECRETS.password, password2: SECRETS.enable }), ['show clock']);
    await session(client('telnet'), portOf('otp1', 'telnet'), new Account({ name: USER, password: SECRETS.skeyPassword, password2: SECRETS.enable }), ['show clock']);

    errors.push(await failing(client('telnet'), portOf('r1', 'telnet'), new Account({ name: USER, password: SECRETS.wrongPassword, password2: SECRETS.enable }), 'login() with a wrong password'));
    errors.push(await failing(client('telnet'), portOf('r1', 'telnet'), new Account({ name: USER, password: SECRETS.password, password2: SECRETS.wrongEnable }), 'login() with a wrong enable password'));
    errors.push(await failing(client('ssh'), portOf('r1', 'ssh'), new Account({ name: USER, key: PrivateKey.fromString(key.private, SECRETS.wrongPassphrase) }), 'login() with a wrong key passphrase'));

    // A wait that times out (the device never answers `show slow`), on the session clock.
    const c = client('ssh');
    await settleWithin(c.conn.connect('127.0.0.1', portOf('r1', 'ssh')), 'connect()');
    await settleWithin(c.conn.login(new Account({ name: USER, password: SECRETS.password, password2: SECRETS.enable })), 'login()');
    const before = c.received();
    // The limit is judged once the echo is in (data restarts the inactivity limit).
    const timedOut = await atLimit(c.clock, c.conn.execute('show slow', { timeout: 1_000 }), 1_000, 'execute(show slow)', () => c.received() >= before + 'show slow\r\n'.length);
    errors.push('error' in timedOut ? timedOut.error : new Error('execute(show slow) did not time out'));
    await settleWithin(c.conn.close(), 'close()');

    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['NETX_LOGIN_FAILED', 'NETX_LOGIN_FAILED', 'NETX_LOGIN_FAILED', 'NETX_TIMEOUT']);
  });

  it('what was written is real: the log file and callbacks hold the conversation, the debug lines every byte', () => {
    const log = readFileSync(join(dir, 'session.log'), 'latin1');
    expect(log).toContain('Cisco IOS Software');
    expect(log).toContain('s/key 99 abc123');
    const debug = written.filter((w) => w.where.startsWith('stderr callback')).map((w) => w.text).join('\n');
    expect(debug).toMatch(/\[5\] recv /);
    expect(debug).toMatch(/send \[secret\]/);
    expect(debug).toMatch(/with publickey/);
    expect(written.some((w) => w.where.startsWith('stdout callback') && w.text.includes('r1#'))).toBe(true);
  });

  it('no secret and no S/Key answer in any byte written or in any form of any error', () => {
    const places = [...written];
    for (const name of readdirSync(dir)) places.push({ where: `file ${name}`, text: readFileSync(join(dir, name), 'latin1') });
    for (const [i, err] of errors.entries()) {
      const e = err as Error;
      places.push(
        { where: `error ${i} message`, text: e.message },
        { where: `error ${i} stack`, text: String(e.stack) },
        { where: `error ${i} JSON`, text: JSON.stringify(err) },
        { where: `error ${i} String()`, text: String(err) },
        { where: `error ${i} util.inspect`, text: inspect(err, { depth: 10 }) },
      );
    }
    const needles = [...Object.entries(SECRETS), ['skeyAnswer', SKEY_ANSWER] as const];
    const leaks = places.flatMap((p) => needles.filter(([, s]) => p.text.toLowerCase().includes(s.toLowerCase())).map(([name]) => `${name} in ${p.where}`));
    expect(leaks).toEqual([]);
    // The search itself works: a text holding a secret is found.
    expect(`x${SECRETS.enable}x`.toLowerCase().includes(SECRETS.enable.toLowerCase())).toBe(true);
    expect(places.length).toBeGreaterThan(50);
  });
});
