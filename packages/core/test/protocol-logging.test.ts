import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Account, defineDriver, LoginFailure, PrivateKey, type DebugLevel } from '../src/index.js';
import { chunkBy } from './helpers/fake-transport.js';
import { loginDevice } from './helpers/login-device.js';
import { caught, connected, make } from './helpers/setup.js';

const iosLike = defineDriver({ name: 'ioslike', authorizeCommand: 'enable\r' });
const KEY = PrivateKey.fromString('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n', 'key-passphrase-9');

function capture(debug: DebugLevel, logfile?: string) {
  const out = { stdout: [] as string[], stderr: [] as string[] };
  const options = {
    debug,
    stdout: (t: string) => void out.stdout.push(t),
    stderr: (l: string) => void out.stderr.push(l),
    ...(logfile ? { logfile } : {}),
  };
  return { out, options };
}

describe('secrets never reach stdout, stderr or the log file', () => {
  it('a whole login at debug 5 with a device that echoes every secret, one byte per chunk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netx-core-'));
    const logfile = join(dir, 'session.log');
    const { out, options } = capture(5, logfile);
    const account = new Account({ name: 'admin', password: 'Pa55word!', password2: 'En4ble!!', key: KEY });
    const d = loginDevice({
      ask: ['username', 'password'], user: 'admin', password: 'Pa55word!', echo: true, echoSecrets: true,
      prompt: '\r\nrouter>', enable: { command: 'enable', password: 'En4ble!!', prompt: '\r\nrouter#' },
    });
    const { conn, t } = await connected({ ...d, echo: false, chunker: chunkBy([1, 2, 3]) }, { ...options, driver: iosLike });
    // The enable step echoes too.
    const realOnLine = d.onLine!;
    t.options.onLine = (line, dev) => {
      if (d.log.state === 'enable-password') dev.out(`${line}`);
      realOnLine(line, dev);
    };
    const raw: string[] = [];
    conn.on('dataReceived', (text) => void raw.push(text));
    await conn.login(account);
    await conn.close();
    // The device really echoed the secrets, split across chunks.
    expect(raw.join('')).toContain('Pa55word!');
    expect(raw.join('')).toContain('En4ble!!');
    expect(raw).not.toContain('Pa55word!');
    const everything = [...out.stdout, ...out.stderr, readFileSync(logfile, 'latin1')].join('\n');
    expect(out.stderr.length).toBeGreaterThan(10);
    expect(everything).toContain('router');
    for (const secret of ['Pa55word!', 'En4ble!!', 'key-passphrase-9']) {
      expect(everything).not.toContain(secret);
      // Not even a long piece of it.
      expect(everything).not.toContain(secret.slice(0, 6));
    }
    expect(everything).toContain('********');
  });
  it('OTP answers are masked too', async () => {
    const { out, options } = capture(5);
    const d = loginDevice({ ask: ['otp'], password: 'secretpw', otp: [99, 'ab12cd'], echo: true, echoSecrets: true, prompt: '\r\nr>' });
    const { conn } = await connected(d, options);
    await conn.login(new Account({ name: 'u', password: 'secretpw' }));
    const everything = [...out.stdout, ...out.stderr].join('\n');
    expect(everything).not.toContain('KICK KID LOT FALL TERM LIVE');
    expect(everything).not.toContain('secretpw');
  });
  it('error messages carry no secrets', async () => {
    const d = loginDevice({ ask: ['password'], password: 'x', echo: true, echoSecrets: true, failText: '\r\n% Login invalid\r\n', prompt: '\r\nr>' });
    const { conn } = await connected(d);
    const err = await caught(conn.login(new Account({ name: 'u', password: 'TopSecret1' })));
    expect(err).toBeInstanceOf(LoginFailure);
    expect(JSON.stringify({ m: (err as Error).message })).not.toContain('TopSecret1');
  });
});

describe('stdout, log file and debug levels', () => {
  it('stdout and the log file get the output without \\r; the log file is appended to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netx-core-'));
    const logfile = join(dir, 'a.log');
    writeFileSync(logfile, 'earlier session\n');
    const { out, options } = capture(0, logfile);
    const { conn, t } = await connected({ greeting: 'line1\r\nline2\r\nrouter>' }, options);
    await conn.expectPrompt();
    expect(conn.response).toBe('line1\r\nline2\r');
    await conn.close();
    expect(out.stdout.join('')).toBe('line1\nline2\nrouter>');
    expect(readFileSync(logfile, 'latin1')).toBe('earlier session\nline1\nline2\nrouter>');
    expect(out.stderr).toEqual([]);
    expect(t.written).toBe('');
  });
  it('the log file holds the device bytes in the connection encoding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netx-core-'));
    for (const encoding of ['latin1', 'utf-8']) {
      const logfile = join(dir, `${encoding}.log`);
      const { conn, t } = await connected({}, { logfile, encoding });
      const bytes = encoding === 'latin1' ? [0xe9, 0x0d, 0x0a, 0xff] : [0xc3, 0xa9, 0x0d, 0x0a];
      t.outBytes(new Uint8Array(bytes));
      await conn.close();
      expect(Array.from(readFileSync(logfile))).toEqual(bytes.filter((b) => b !== 0x0d));
    }
  });
  it('debug 1 reports the connection, 5 every byte', async () => {
    const one = capture(1);
    const a = await connected({ greeting: 'hi' }, one.options);
    await a.conn.close();
    expect(one.out.stderr.some((l) => l.includes('connecting over fake to r1.test:2323'))).toBe(true);
    expect(one.out.stderr.some((l) => l.includes('recv'))).toBe(false);
    const five = capture(5);
    const b = await connected({ greeting: 'hi\r\n' }, five.options);
    await b.conn.send('x');
    expect(five.out.stderr).toContain('netx r1.test [5] recv "hi\\r\\n"');
    expect(five.out.stderr).toContain('netx r1.test [5] send "x"');
  });
  it('writes debug lines to process.stderr by default', async () => {
    const { conn } = make({}, { debug: 1, stderr: undefined });
    const orig = process.stderr.write.bind(process.stderr);
    const lines: string[] = [];
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await conn.connect('r9.test');
    } finally {
      process.stderr.write = orig;
    }
    expect(lines.join('')).toContain('netx r9.test [1] connecting');
  });
});
