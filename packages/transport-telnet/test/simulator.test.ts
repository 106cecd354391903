// The transport against a scripted telnet server: every negotiation reply is
// checked on the wire, byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, isNetxError, ProtocolError } from '@netx/core';
import { TelnetTransport } from '../src/index.js';
import { createTestSession, latin1, type TestSession } from './helpers/session.js';
import { startTelnetSim, type SimPeer, type TelnetSim } from './helpers/telnet-sim.js';

const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240, NOP = 241;
const ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31, BINARY = 0;

let sim: TelnetSim;
beforeAll(async () => {
  sim = await startTelnetSim();
});
afterAll(async () => {
  await sim.stop();
});

async function open(init: Partial<Parameters<typeof createTestSession>[0]> = {}, options = {}): Promise<{ t: TelnetTransport; s: TestSession; peer: SimPeer }> {
  const t = new TelnetTransport(options);
  const s = createTestSession({ host: sim.host, port: sim.port, ...init });
  const peerP = sim.nextConnection();
  await t.connect(s);
  const peer = await peerP;
  return { t, s, peer };
}

describe('negotiation on the wire', () => {
  it('sends nothing on its own after connecting (the server leads)', async () => {
    const { t, s, peer } = await open();
    await peer.write('hello\r\n');
    await s.expect(/hello\r\n/);
    await t.write(latin1('x'));
    await peer.waitFor('x');
    expect(Array.from(peer.received())).toEqual([0x78]);
    await t.close();
  });

  it('answers TTYPE SEND with IS and the session termType', async () => {
    const { t, peer } = await open({ termType: 'vt100' });
    await peer.write([IAC, DO, TTYPE]);
    const afterWill = await peer.waitFor([IAC, WILL, TTYPE]);
    await peer.write([IAC, SB, TTYPE, 1, IAC, SE]);
    const end = await peer.waitFor([IAC, SB, TTYPE, 0, ...latin1('vt100'), IAC, SE], afterWill);
    expect(Array.from(peer.received().subarray(afterWill, end))).toEqual([IAC, SB, TTYPE, 0, 0x76, 0x74, 0x31, 0x30, 0x30, IAC, SE]);
    await t.close();
  });

  it('sends NAWS from the session size when agreed, and again on resize (IAC doubled inside SB)', async () => {
    const { t, peer } = await open({ columns: 132, rows: 50 });
    await peer.write([IAC, DO, NAWS]);
    const first = await peer.waitFor([IAC, WILL, NAWS, IAC, SB, NAWS, 0, 132, 0, 50, IAC, SE]);
    t.resize(255, 300);
    await peer.waitFor([IAC, SB, NAWS, 0, 255, 255, 1, 44, IAC, SE], first);
    await t.close();
  });

  it('accepts WILL ECHO, WILL SGA, DO SGA; refuses DO ECHO and unknown options', async () => {
    const { t, peer } = await open();
    await peer.write([IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, SGA, IAC, DO, ECHO, IAC, WILL, 39, IAC, DO, 34, IAC, WILL, BINARY]);
    await peer.waitFor([IAC, DONT, BINARY]);
    expect(Array.from(peer.received())).toEqual([
      IAC, DO, ECHO, IAC, DO, SGA, IAC, WILL, SGA, IAC, WONT, ECHO, IAC, DONT, 39, IAC, WONT, 34, IAC, DONT, BINARY,
    ]);
    await t.close();
  });

  it('answers all the negotiation of one received chunk in one write, in order', async () => {
    const { t, s, peer } = await open();
    const socket = (t as unknown as { socket: import('node:net').Socket }).socket;
    let writes = 0;
    let chunks = 0;
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    socket.write = ((...args: unknown[]) => (writes++, write(...args))) as typeof socket.write;
    socket.on('data', () => chunks++);
    const options = Array.from({ length: 100 }, (_, i) => 40 + i);
    await peer.write(options.flatMap((o) => [IAC, DO, o]));
    await peer.write('mark');
    await s.expect(/mark/);
    await peer.waitFor([IAC, WONT, 139]);
    expect(Array.from(peer.received())).toEqual(options.flatMap((o) => [IAC, WONT, o]));
    // One write per chunk that carried requests (the loopback may split the 300 bytes).
    expect(writes).toBeLessThanOrEqual(chunks);
    await t.close();
  });

  it('does not loop: repeated WILL/DO for options already on get no answer, WONT gets one DONT', async () => {
    const { t, s, peer } = await open();
    await peer.write([IAC, WILL, ECHO]);
    const at = await peer.waitFor([IAC, DO, ECHO]);
    await peer.write([IAC, WILL, ECHO, IAC, WILL, ECHO, IAC, WONT, ECHO, IAC, WONT, ECHO, IAC, WONT, 77]);
    // WONT for an option that is off needs no answer; the marker proves everything before it was handled.
    await peer.write('mark');
    await s.expect(/mark/);
    await t.write(latin1('|'));
    await peer.waitFor('|', at);
    expect(Array.from(peer.received().subarray(at))).toEqual([IAC, DONT, ECHO, 0x7c]);
    await t.close();
  });

  it('IAC in the middle of data, IAC IAC, split sequences across writes', async () => {
    const { t, s, peer } = await open();
    await peer.write([...latin1('abc'), IAC, NOP, ...latin1('def'), IAC, IAC, ...latin1('g'), IAC]);
    await peer.write([WILL]);
    await peer.write([SGA, ...latin1('h'), IAC, SB, TTYPE]);
    await peer.write([1, IAC]);
    await peer.write([SE, ...latin1('i\r\n')]);
    await s.expect(/i\r\n/);
    expect(Array.from(s.bytes())).toEqual([...latin1('abcdef'), 0xff, ...latin1('gh'), ...latin1('i\r\n')]);
    // WILL SGA answered; TTYPE SEND ignored because TTYPE was never agreed.
    await t.write(latin1('.'));
    await peer.waitFor('.');
    expect(Array.from(peer.received())).toEqual([IAC, DO, SGA, 0x2e]);
    await t.close();
  });

  it('receives CR NUL as CR and keeps CR LF', async () => {
    const { t, s, peer } = await open();
    await peer.write([...latin1('one\r'), 0, ...latin1('two\r\nthree\r')]);
    await peer.write([0, ...latin1('>')]);
    await s.expect(/>/);
    expect(s.text()).toBe('one\rtwo\r\nthree\r>');
    await t.close();
  });

  it('sends 0xFF as IAC IAC and a bare CR as CR NUL, CR LF unchanged', async () => {
    const { t, peer } = await open();
    await t.write(Uint8Array.from([0x61, 0xff, 0x62, 0x0d, 0x63, 0x0d, 0x0a, 0x64, 0x0d]));
    const end = await peer.waitFor([0x64, 0x0d, 0]);
    expect(Array.from(peer.received().subarray(0, end))).toEqual([0x61, 0xff, 0xff, 0x62, 0x0d, 0, 0x63, 0x0d, 0x0a, 0x64, 0x0d, 0]);
    await t.close();
  });

  it('binary option: asks for BINARY both ways; once agreed CR is sent bare and CR NUL received as is', async () => {
    const { t, s, peer } = await open({}, { binary: true });
    await peer.waitFor([IAC, WILL, BINARY, IAC, DO, BINARY]);
    await peer.write([IAC, DO, BINARY, IAC, WILL, BINARY, ...latin1('a\r'), 0, ...latin1('b')]);
    await s.expect(/b/);
    expect(Array.from(s.bytes())).toEqual([0x61, 0x0d, 0, 0x62]);
    await t.write(Uint8Array.from([0x0d, 0xff, 0x0d]));
    const end = await peer.waitFor([0x0d, 0xff, 0xff, 0x0d]);
    expect(end).toBe(10);
    await t.close();
  });

  it('survives garbage: random bytes, bad commands, aborted SB; data keeps flowing', async () => {
    const { t, s, peer } = await open();
    await peer.write([IAC, 7, 1, 2, 3, IAC, SB, NAWS, 9, 9, IAC, WILL, ECHO, 0xfe, 0x80, IAC, 244, ...latin1('ok>')]);
    await s.expect(/ok>/);
    expect(Array.from(s.bytes())).toEqual([1, 2, 3, 0xfe, 0x80, ...latin1('ok>')]);
    await peer.waitFor([IAC, DO, ECHO]);
    await t.write(latin1('still\r'));
    await peer.waitFor('still\r\0');
    await t.close();
  });

  it('ends with ProtocolError when a subnegotiation never ends', async () => {
    const { s, peer } = await open({}, { maxSubnegotiation: 64 });
    await peer.write([IAC, SB, TTYPE, ...new Uint8Array(100).fill(0x41)]);
    const err = await s.closed;
    expect(isNetxError(err)).toBe(true);
    expect(err).toBeInstanceOf(ProtocolError);
    expect(err?.message).toMatch(/maxSubnegotiation/);
    await peer.closed;
  });
});

describe('connection ends', () => {
  it('peer closing mid-command: onClose once without error, writes then fail with ConnectionError', async () => {
    const { t, s, peer } = await open();
    await t.write(latin1('show running-config\r'));
    await peer.waitFor('config\r\0');
    await peer.write('Building configuration...\r\n');
    await s.expect(/\.\.\.\r\n/);
    await peer.close();
    expect(await s.closed).toBeUndefined();
    expect(s.closeCalls()).toBe(1);
    const err = await t.write(latin1('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('closed');
  });

  it('peer reset: onClose with ConnectionError reason reset', async () => {
    const { s, peer } = await open();
    peer.reset();
    const err = await s.closed;
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('reset');
  });

  it('close() is polite, idempotent and reported once', async () => {
    const { t, s, peer } = await open();
    await Promise.all([t.close(), t.close()]);
    await t.close(true);
    await peer.closed;
    expect(await s.closed).toBeUndefined();
    expect(s.closeCalls()).toBe(1);
  });
});

describe('IPv6', () => {
  it('connects to ::1 given as a bare literal and as [::1]', async () => {
    const sim6 = await startTelnetSim('::1');
    try {
      for (const host of ['::1', '[::1]']) {
        const t = new TelnetTransport();
        const s = createTestSession({ host, port: sim6.port });
        const peerP = sim6.nextConnection();
        await t.connect(s);
        const peer = await peerP;
        await peer.write([IAC, DO, NAWS, ...latin1('v6>')]);
        await s.expect(/v6>/);
        await peer.waitFor([IAC, WILL, NAWS, IAC, SB, NAWS, 0, 80, 0, 24, IAC, SE]);
        await t.close();
      }
    } finally {
      await sim6.stop();
    }
  });
});
