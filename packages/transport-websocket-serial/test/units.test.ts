// Pure parts: framings, URL building, close-code mapping, keepalive on a ManualClock.
import { ConnectionError, LoginFailure, ProtocolError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { describe, expect, it } from 'vitest';
import { isPeerCloseQuirk, mapCloseCode, mapUpgradeRefused } from '../src/close-codes.js';
import { buildUrl, urlHost } from '../src/url.js';
import { rawFraming, resolveFraming, ttydAuthToken, ttydFraming, WebSocketSerialTransport, type Framing } from '../src/index.js';

const dec = (f: Uint8Array | string) => (typeof f === 'string' ? f : Buffer.from(f).toString('latin1'));
const ctx = { host: 'h', port: 1, framing: 'ttyd', policyCloseMeansAuth: true };

describe('ttyd framing', () => {
  it('opens with the JSON init message', () => {
    const [init, ...rest] = ttydFraming.open({ columns: 100, rows: 30, termType: 'xterm', authToken: 'dG9rZW4=' });
    expect(rest).toEqual([]);
    expect(JSON.parse(dec(init!))).toEqual({ AuthToken: 'dG9rZW4=', columns: 100, rows: 30 });
    expect(JSON.parse(dec(ttydFraming.open({ columns: 80, rows: 24, termType: 'dumb' })[0]!)).AuthToken).toBe('');
  });

  it("prefixes input with '0' and resize with '1'", () => {
    expect(dec(ttydFraming.encodeInput(new Uint8Array([0x00, 0x41, 0xff])))).toBe('0\x00A\xff');
    expect(dec(ttydFraming.encodeResize!(132, 43))).toBe('1{"columns":132,"rows":43}');
  });

  it("decodes '0' output and ignores '1' title and '2' preferences", () => {
    expect(ttydFraming.decode(Buffer.from('0r1>'), true)).toEqual({ kind: 'data', bytes: Buffer.from('r1>') });
    expect(ttydFraming.decode(Buffer.from('0'), true)).toEqual({ kind: 'data', bytes: Buffer.alloc(0) });
    expect(ttydFraming.decode(Buffer.from('1title'), true).kind).toBe('ignore');
    expect(ttydFraming.decode(Buffer.from('2{}'), false).kind).toBe('ignore');
  });

  it('rejects empty and unknown messages with ProtocolError', () => {
    expect(() => ttydFraming.decode(Buffer.alloc(0), true)).toThrow(ProtocolError);
    expect(() => ttydFraming.decode(Buffer.from('Xyz'), true)).toThrow(/0x58/);
  });

  it('makes the token ttyd hands out for -c user:pass', () => {
    expect(ttydAuthToken('user', 'pass')).toBe('dXNlcjpwYXNz');
  });
});

describe('raw framing', () => {
  it('is the bytes both ways, text frames as their UTF-8 bytes', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    expect(rawFraming.encodeInput(bytes)).toBe(bytes);
    expect(rawFraming.decode(Buffer.from('\u00e9', 'utf8'), false)).toEqual({ kind: 'data', bytes: Buffer.from([0xc3, 0xa9]) });
    expect(rawFraming.open({ columns: 80, rows: 24, termType: 'dumb' })).toEqual([]);
  });
});

describe('capabilities come from the framing', () => {
  it('raw: no window size; ttyd: window size; a custom framing decides for itself', () => {
    expect(new WebSocketSerialTransport().capabilities).toMatchObject({ windowSize: false, binarySafe: true, keepalive: true, protocolAuth: false, peerClose: true });
    expect(new WebSocketSerialTransport({ framing: 'ttyd' }).capabilities.windowSize).toBe(true);
    const textOnly: Framing = { ...rawFraming, name: 'text', binarySafe: false, windowSize: true, encodeResize: (c, r) => `resize ${c} ${r}` };
    expect(new WebSocketSerialTransport({ framing: textOnly }).capabilities).toMatchObject({ windowSize: true, binarySafe: false });
    expect(new WebSocketSerialTransport({ keepaliveInterval: 0 }).capabilities.keepalive).toBe(false);
  });

  it('default ports: 80/443 for raw, 7681 for ttyd', () => {
    expect(new WebSocketSerialTransport().defaultPort).toBe(80);
    expect(new WebSocketSerialTransport({ secure: true }).defaultPort).toBe(443);
    expect(new WebSocketSerialTransport({ framing: 'ttyd' }).defaultPort).toBe(7681);
  });

  it('rejects unknown framings and bad numbers', () => {
    expect(() => resolveFraming('kubernetes' as 'raw')).toThrow(/Unknown WebSocket framing "kubernetes"/);
    expect(() => new WebSocketSerialTransport({ keepaliveInterval: -1 })).toThrow(TypeError);
    expect(() => new WebSocketSerialTransport({ keepaliveMaxMissed: 0 })).toThrow(/keepaliveMaxMissed must be at least 1/);
    expect(() => new WebSocketSerialTransport({ keepaliveCountMax: 0 })).toThrow(/keepaliveCountMax must be at least 1/);
    // The deprecated name still works; the new one wins when both are given.
    expect(() => new WebSocketSerialTransport({ keepaliveCountMax: 2, keepaliveMaxMissed: 0 })).not.toThrow();
  });
});

describe('URLs', () => {
  it('brackets IPv6 literals and keeps path and query', () => {
    expect(urlHost('::1')).toBe('[::1]');
    expect(urlHost('[::1]')).toBe('[::1]');
    expect(urlHost('127.0.0.1')).toBe('127.0.0.1');
    expect(buildUrl('::1', 6080, false, '/ws?token=abc').href).toBe('ws://[::1]:6080/ws?token=abc');
    expect(buildUrl('console.lab', 443, true, 'serial/3').href).toBe('wss://console.lab/serial/3');
    expect(buildUrl('fe80::1', 8443, true, '/').href).toBe('wss://[fe80::1]:8443/');
  });

  it('refuses a fragment', () => {
    expect(() => buildUrl('h', 1, false, '/ws#x')).toThrow(/fragment/);
  });
});

describe('close codes', () => {
  it('maps codes to clean closes and errors', () => {
    expect(mapCloseCode(1000, '', ctx)).toBeUndefined();
    expect(mapCloseCode(1001, '', ctx)).toBeUndefined();
    expect(mapCloseCode(1005, '', ctx)).toBeUndefined();
    expect(mapCloseCode(1006, '', ctx)).toMatchObject({ reason: 'reset' });
    expect(mapCloseCode(1008, '', ctx)).toBeInstanceOf(LoginFailure);
    expect(mapCloseCode(1008, '', { ...ctx, policyCloseMeansAuth: false })).toBeInstanceOf(ConnectionError);
    expect(mapCloseCode(1003, 'bad', ctx)).toBeInstanceOf(ProtocolError);
    expect(mapCloseCode(4000, 'custom', ctx)?.message).toMatch(/code 4000 \(custom\)/);
  });

  it('maps refused upgrades', () => {
    expect(mapUpgradeRefused(401, { ...ctx, path: '/ws' })).toBeInstanceOf(LoginFailure);
    expect(mapUpgradeRefused(403, { ...ctx, path: '/ws' })).toBeInstanceOf(LoginFailure);
    expect(mapUpgradeRefused(502, { ...ctx, path: '/ws' })).toMatchObject({ reason: 'handshake' });
  });

  it("recognises ws's error for websockify's echoed 1005", () => {
    const err = Object.assign(new RangeError('Invalid WebSocket frame: invalid status code 1005'), { code: 'WS_ERR_INVALID_CLOSE_CODE' });
    expect(isPeerCloseQuirk(err)).toBe(true);
    expect(isPeerCloseQuirk(Object.assign(new RangeError('Invalid WebSocket frame: invalid status code 999'), { code: 'WS_ERR_INVALID_CLOSE_CODE' }))).toBe(false);
  });
});
