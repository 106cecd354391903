// DummyTransport on its own: capabilities, protocol-level login, device lookup,
// connect timeout on the session clock, writes/resizes records, RawDevice peers.
import { describe, expect, it } from 'vitest';
import { Account, isNetxError, PrivateKey, type ProtocolAuthContext } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport, iosDevice, rawDevice, VirtualDevice } from '../src/index.js';
import { connect, makeClient, settle } from './helpers.js';

const authContext: ProtocolAuthContext = {
  clock: { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined },
  debug: () => undefined,
  requestOtp: () => Promise.reject(new Error('no OTP here')),
};

describe('DummyTransport', () => {
  it('declares what it can do', () => {
    const t = new DummyTransport({ device: new VirtualDevice() });
    expect(t.kind).toBe('dummy');
    expect(t.isDummy()).toBe(true);
    expect(t.capabilities).toEqual({ protocolAuth: false, banner: false, remoteVersion: false, windowSize: true, keepalive: false, binarySafe: true, peerClose: true });
    expect(t.defaultPort).toBe(23);
    const ssh = new DummyTransport({ device: new VirtualDevice({ remoteVersion: 'SSH-2.0-x', protocolBanner: 'hello' }), protocolLogin: { name: 'a', password: 'b' } });
    expect(ssh.capabilities).toMatchObject({ protocolAuth: true, banner: true, remoteVersion: true });
    expect(ssh.defaultPort).toBe(22);
  });

  it('needs a device', () => {
    expect(() => new DummyTransport({})).toThrow(/needs a device/);
  });

  it('returns the banner and remote version only while connected', async () => {
    const t = new DummyTransport({ device: new VirtualDevice({ remoteVersion: 'SSH-2.0-Cisco-1.25', protocolBanner: 'Authorized use only' }) });
    expect(t.capabilities.remoteVersion).toBe(true);
    expect(t.getBanner()).toBeUndefined();
    const c = await connect(t);
    expect(t.getRemoteVersion()).toBe('SSH-2.0-Cisco-1.25');
    expect(t.getBanner()).toBe('Authorized use only');
    await t.close();
    expect(t.getRemoteVersion()).toBeUndefined();
    expect(c.closed).toEqual({ error: undefined });
  });

  it('records what the client wrote and the window sizes', async () => {
    const device = new VirtualDevice({ hostname: 'h' });
    const t = new DummyTransport({ device });
    const c = await connect(t);
    await c.send('abc');
    await c.send('\xff\x00\r');
    t.resize(132, 50);
    expect(t.writes).toEqual(['abc', '\xff\x00\r']);
    expect(t.written).toBe('abc\xff\x00\r');
    expect(t.resizes).toEqual([
      { columns: 80, rows: 24 },
      { columns: 132, rows: 50 },
    ]);
    expect(device.sessions[0]?.terminal).toEqual({ type: 'dumb', columns: 132, rows: 50 });
  });

  it('refuses a host without a device, and picks devices by host:port or host', async () => {
    const a = new VirtualDevice({ hostname: 'a' });
    const b = new VirtualDevice({ hostname: 'b' });
    const t = () => new DummyTransport({ devices: { 'a:2001': a, b } });
    const err = await connect(t(), { host: 'c' }).catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_CONNECTION')).toBe(true);
    expect((err as { reason: string }).reason).toBe('refused');
    expect(await connect(t(), { host: 'a', port: 2001 }).then((c) => c.untilEnds('a> '))).toBe('\r\na> ');
    expect(await connect(t(), { host: 'b', port: 2001 }).then((c) => c.untilEnds('b> '))).toBe('\r\nb> ');
    await expect(connect(t(), { host: 'a', port: 1 })).rejects.toMatchObject({ reason: 'refused' });
  });

  it('times out on the session clock when the device never accepts', async () => {
    const clock = new ManualClock();
    const t = new DummyTransport({ device: new VirtualDevice({ connectDelay: Infinity }) });
    const c = makeClient(t, { clock, connectTimeout: 5000 });
    const pending = t.connect(c.session).catch((e: unknown) => e);
    await clock.advanceAsync(4999);
    expect(t.state).toBe('opening');
    await clock.advanceAsync(1);
    const err = await pending;
    expect(isNetxError(err, 'NETX_TIMEOUT')).toBe(true);
    expect(t.state).toBe('closed');
  });

  it('accepts after connectDelay on the session clock', async () => {
    const clock = new ManualClock();
    const t = new DummyTransport({ device: new VirtualDevice({ connectDelay: 300 }) });
    const c = makeClient(t, { clock, connectTimeout: 5000 });
    const pending = t.connect(c.session);
    await clock.advanceAsync(300);
    await pending;
    expect(t.state).toBe('open');
  });

  it('stops the device when the client closes', async () => {
    const device = new VirtualDevice({ hostname: 'h' });
    const t = new DummyTransport({ device });
    const c = await connect(t);
    await c.untilEnds('h> ');
    await t.close();
    expect(device.sessions[0]?.closed).toBe(true);
    await expect(c.send('x')).rejects.toMatchObject({ code: 'NETX_CONNECTION' });
  });
});

describe('DummyTransport protocolLogin (SSH-like)', () => {
  const make = () => new DummyTransport({ device: iosDevice({ loginStyle: 'none' }), protocolLogin: { name: 'netx', password: 'pw' } });

  it('lets no data flow before protocolAuthenticate', async () => {
    const t = make();
    const c = await connect(t);
    await settle();
    expect(c.text()).toBe('');
    await expect(c.send('x')).rejects.toMatchObject({ code: 'NETX_STATE' });
    expect(t.isProtocolAuthenticated()).toBe(false);
  });

  it('rejects a wrong account with LoginFailure, without the password in the message', async () => {
    const t = make();
    await connect(t);
    const err = await t.protocolAuthenticate(new Account({ name: 'netx', password: 'secret-guess' }), authContext).catch((e: unknown) => e);
    expect(isNetxError(err, 'NETX_LOGIN_FAILED')).toBe(true);
    expect((err as Error).message).not.toContain('secret-guess');
    await expect(t.protocolAuthenticate(new Account({ name: 'other', password: 'pw' }), authContext)).rejects.toMatchObject({ code: 'NETX_LOGIN_FAILED' });
    expect(t.isProtocolAuthenticated()).toBe(false);
  });

  it('starts the device after a good login', async () => {
    const t = make();
    const c = await connect(t);
    await t.protocolAuthenticate(new Account({ name: 'netx', password: 'pw' }), authContext);
    expect(t.isProtocolAuthenticated()).toBe(true);
    expect(await c.untilEnds('r1>')).toBe('\r\nr1>');
  });

  it('accepts a key with the same bytes', async () => {
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n';
    const key = PrivateKey.fromString(pem);
    const t = new DummyTransport({ device: new VirtualDevice({ hostname: 'h' }), protocolLogin: { name: 'netx', key } });
    const c = await connect(t);
    await t.protocolAuthenticate(new Account({ name: 'netx', key: PrivateKey.fromString(pem) }), authContext);
    await c.untilEnds('h> ');
  });
});

describe('RawDevice (the raw profile)', () => {
  it('hands each connection to the test: read exactly, write raw bytes, close, reset', async () => {
    const device = rawDevice();
    const t = new DummyTransport({ device });
    const c = await connect(t);
    const peer = await device.nextConnection();
    const all = new Uint8Array(256).map((_, i) => i);
    await t.write(all);
    expect(await peer.read(256)).toEqual(all);
    await peer.write(all);
    expect(Buffer.from(c.text(), 'latin1')).toEqual(Buffer.from(all));
    await peer.write('é');
    expect(c.chunks.at(-1)).toBe('\xc3\xa9');
    await peer.close();
    expect(c.closed).toEqual({ error: undefined });
    await peer.closed;

    const t2 = new DummyTransport({ device });
    const c2 = await connect(t2);
    const peer2 = await device.nextConnection();
    await peer2.reset();
    expect(c2.closed?.error).toMatchObject({ code: 'NETX_CONNECTION', reason: 'reset' });
  });

  it('bounds read() on the session clock and resolves closed when the client leaves', async () => {
    const clock = new ManualClock();
    const device = rawDevice({ readTimeout: 1000 });
    const t = new DummyTransport({ device });
    await connect(t, { clock });
    const peer = await device.nextConnection();
    const read = peer.read(4).catch((e: unknown) => e);
    await t.write(new Uint8Array([1, 2]));
    await clock.advanceAsync(1000);
    expect(String(await read)).toMatch(/only 2 bytes arrived/);
    await t.close();
    await peer.closed;
  });
});
