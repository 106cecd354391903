// Against the real websockify (Debian package), bridging to the test device on TCP.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConnectionError, isNetxError, LoginFailure } from '@netx/core';
import { createTextSession } from '@netx/transport-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketSerialTransport } from '../src/index.js';
import { SHOW_VERSION, startSerialDevice, type SerialDevice } from './helpers/serial-device.js';
import { enable, enc, execute, login } from './helpers/dialog.js';
import { freePort } from './helpers/ports.js';
import { makeSelfSignedCert, type SelfSigned } from './helpers/tls.js';
import { startWebsockify, type Websockify } from './helpers/websockify.js';

let device: SerialDevice;
let plain: Websockify;
let cert: SelfSigned;
let secure: Websockify;
let basicAuth: Websockify;
let tokens: Websockify;

beforeAll(async () => {
  device = await startSerialDevice();
  const target = { host: '127.0.0.1', port: device.port };
  cert = makeSelfSignedCert();
  const tokenFile = join(cert.dir, 'tokens');
  writeFileSync(tokenFile, `abc: 127.0.0.1:${device.port}\n`);
  [plain, secure, basicAuth, tokens] = await Promise.all([
    startWebsockify({ target }),
    startWebsockify({ target, args: ['--cert', cert.certFile, '--key', cert.keyFile, '--ssl-only'] }),
    startWebsockify({ target, args: ['--auth-plugin', 'BasicHTTPAuth', '--auth-source', 'console:s3cret'] }),
    startWebsockify({ args: ['--token-plugin', 'TokenFile', '--token-source', tokenFile] }),
  ]);
});

afterAll(async () => {
  await Promise.all([plain, secure, basicAuth, tokens].map((w) => w?.stop()));
  await device?.stop();
  cert?.cleanup();
});

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('websockify (real) + raw framing', () => {
  it('wakes the silent console, logs in, executes and enables', async () => {
    const t = new WebSocketSerialTransport({ wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: plain.port });
    await t.connect(s);
    expect(await login(t, s)).toMatch(/r1>$/);
    const out = await execute(t, s, 'show version');
    expect(out).toContain(SHOW_VERSION.split('\n')[0]);
    expect(await enable(t, s, 'enable-pw')).toMatch(/r1#$/);
    expect(await execute(t, s, 'show nonsense')).toContain("% Invalid input detected at '^' marker.");
    await t.close();
    expect(await s.closed).toBeUndefined();
  });

  it('with wakeUp off, the console answers the first byte we write', async () => {
    const t = new WebSocketSerialTransport();
    const s = createTextSession({ host: '127.0.0.1', port: plain.port });
    await t.connect(s);
    // The device greets only after it received a byte (that nothing is sent unasked is in simulator.test.ts).
    await t.write(enc('\r'));
    await s.expect(/Username: $/);
    await t.close();
  });

  it('reports a refused login as text from the device (no protocol-level auth)', async () => {
    const t = new WebSocketSerialTransport({ wakeUp: '\r' });
    const s = createTextSession({ host: '127.0.0.1', port: plain.port });
    await t.connect(s);
    expect(t.capabilities.protocolAuth).toBe(false);
    expect(await login(t, s, 'admin', 'wrong')).toMatch(/% Login invalid\r\nUsername: $/);
    await t.close(true);
  });

  it('treats the device hanging up as a clean close by the peer', async () => {
    const t = new WebSocketSerialTransport({ wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: plain.port });
    await t.connect(s);
    await login(t, s);
    await t.write(enc('exit\r'));
    expect(await s.closed).toBeUndefined();
    expect(t.state).not.toBe('open');
    await expect(t.write(enc('x'))).rejects.toSatisfy((e) => isNetxError(e, 'NETX_CONNECTION'));
  });

  it('closes politely with code 1000 (no 1005 echo error)', async () => {
    const t = new WebSocketSerialTransport({ wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: plain.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    await t.close();
    expect(await s.closed).toBeUndefined();
    expect(s.debugLines().join('\n')).not.toMatch(/no close frame from the peer/);
    expect(s.debugLines().join('\n')).not.toMatch(/error while closing/);
  });

  it('passes bytes through both ways in binary frames', async () => {
    const t = new WebSocketSerialTransport({ wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: plain.port });
    await t.connect(s);
    await login(t, s);
    // latin1 bytes above 0x7f echo back unchanged from the device's line editor.
    await t.write(new Uint8Array([0x65, 0x63, 0x68, 0x6f, 0x20, 0xe9, 0xff, 0x0d]));
    const out = await s.expect(/r1>$/);
    expect(out).toContain('echo \u00e9\u00ff');
    await t.close();
  });

  it('maps a refused port to ConnectionError reason refused', async () => {
    const port = await freePort();
    const t = new WebSocketSerialTransport();
    const err = await t.connect(createTextSession({ host: '127.0.0.1', port })).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('refused');
  });
});

describe('websockify (real) + wss with a self-signed certificate from openssl', () => {
  it('connects when the certificate is trusted through tls.ca', async () => {
    const t = new WebSocketSerialTransport({ secure: true, wakeUp: true, tls: { ca: cert.cert } });
    const s = createTextSession({ host: '127.0.0.1', port: secure.port });
    await t.connect(s);
    await login(t, s);
    expect(await execute(t, s, 'show version')).toContain('Version 15.7(3)M8');
    await t.close();
  });

  it('checks tls.servername against the certificate', async () => {
    const t = new WebSocketSerialTransport({ secure: true, wakeUp: true, tls: { ca: cert.cert, servername: 'localhost' } });
    const s = createTextSession({ host: '127.0.0.1', port: secure.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    await t.close();
    const wrong = new WebSocketSerialTransport({ secure: true, tls: { ca: cert.cert, servername: 'other.example' } });
    const err = await wrong.connect(createTextSession({ host: '127.0.0.1', port: secure.port })).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('tls');
  });

  it('refuses an untrusted certificate with ConnectionError reason tls', async () => {
    const t = new WebSocketSerialTransport({ secure: true });
    const err = await t.connect(createTextSession({ host: '127.0.0.1', port: secure.port })).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('tls');
    expect((err as Error).message).toMatch(/tls\.ca/);
  });

  it('accepts it with rejectUnauthorized false', async () => {
    const t = new WebSocketSerialTransport({ secure: true, wakeUp: true, tls: { rejectUnauthorized: false } });
    const s = createTextSession({ host: '127.0.0.1', port: secure.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    await t.close();
  });
});

describe('websockify (real) auth and token plugins', () => {
  it('sends custom headers: BasicHTTPAuth lets the right Authorization through', async () => {
    const t = new WebSocketSerialTransport({ wakeUp: true, headers: { Authorization: basic('console', 's3cret') } });
    const s = createTextSession({ host: '127.0.0.1', port: basicAuth.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    await t.close();
  });

  it('maps HTTP 401 on upgrade to LoginFailure naming the headers', async () => {
    for (const headers of [{}, { Authorization: basic('console', 'wrong') }] as Array<Record<string, string>>) {
      const t = new WebSocketSerialTransport({ headers });
      const err = await t.connect(createTextSession({ host: '127.0.0.1', port: basicAuth.port })).catch((e) => e);
      expect(err).toBeInstanceOf(LoginFailure);
      expect((err as Error).message).toMatch(/HTTP 401.*headers or token were refused/);
      expect((err as Error).message).not.toContain('wrong');
    }
  });

  it('maps HTTP 403 (malformed Authorization) to LoginFailure', async () => {
    const t = new WebSocketSerialTransport({ headers: { Authorization: 'Bearer xyz' } });
    const err = await t.connect(createTextSession({ host: '127.0.0.1', port: basicAuth.port })).catch((e) => e);
    expect(err).toBeInstanceOf(LoginFailure);
    expect((err as Error).message).toMatch(/HTTP 403/);
  });

  it('puts path and query into the URL: the TokenFile plugin picks the target from ?token=', async () => {
    const t = new WebSocketSerialTransport({ path: '/websockify?token=abc', wakeUp: true });
    const s = createTextSession({ host: '127.0.0.1', port: tokens.port });
    await t.connect(s);
    await s.expect(/Username: $/);
    await t.close();
    // An unknown token: websockify hangs up on the upgrade request.
    const bad = new WebSocketSerialTransport({ path: '/websockify?token=nope' });
    const badSession = createTextSession({ host: '127.0.0.1', port: tokens.port });
    const err = await bad.connect(badSession).catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('handshake');
    expect((err as Error).message).toMatch(/token/);
    // A failed connect rejects; it never also reports onClose.
    expect(badSession.isClosed()).toBe(false);
  });
});
