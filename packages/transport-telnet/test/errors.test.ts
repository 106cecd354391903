// Connection failures map to netx errors and nothing waits forever.
import { describe, expect, it } from 'vitest';
import { AbortedError, ConnectionError, StateError, TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { TelnetTransport, TELNET_CAPABILITIES } from '../src/index.js';
import { createTestSession, latin1 } from './helpers/session.js';
import { freePort } from './helpers/telnetd.js';
import { startTelnetSim } from './helpers/telnet-sim.js';
import { startSilentPeer, withDeadline } from '@netx/transport-test-kit';

class ExposedTelnet extends TelnetTransport {
  map(err: unknown, during: string) {
    return this.mapError(err, during);
  }
}

describe('TelnetTransport errors', () => {
  it('maps unreachable and DNS failures (loopback cannot produce them; the mapping is checked directly)', () => {
    const t = new ExposedTelnet();
    const unreachable = t.map(Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' }), 'connect');
    expect(unreachable).toBeInstanceOf(ConnectionError);
    expect((unreachable as ConnectionError).reason).toBe('unreachable');
    const dns = t.map(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), 'connect');
    expect((dns as ConnectionError).reason).toBe('dns');
  });

  it('a closed port is ConnectionError reason refused', async () => {
    const port = await freePort();
    const t = new TelnetTransport();
    const s = createTestSession({ host: '127.0.0.1', port });
    const err = await t.connect(s).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as ConnectionError).reason).toBe('refused');
    expect((err as ConnectionError).message).toContain(`127.0.0.1:${port}`);
    expect(t.state).toBe('closed');
  });

  it('connect timeout comes from the session clock as TimeoutError', async () => {
    const sim = await startTelnetSim();
    try {
      const clock = new ManualClock();
      const t = new TelnetTransport();
      const s = createTestSession({ host: sim.host, port: sim.port, clock, connectTimeout: 5000 });
      const p = t.connect(s);
      clock.advance(5000); // before any socket event can run
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TimeoutError);
      expect((err as TimeoutError).operation).toBe('connect');
      expect(t.state).toBe('closed');
      expect(clock.pending()).toBe(0);
    } finally {
      await sim.stop();
    }
  });

  it('close() drops the socket after closeTimeout (session clock) when the peer stops reading', async () => {
    const peer = await startSilentPeer(); // accepts, never reads: the flush can never finish
    try {
      const clock = new ManualClock();
      const t = new TelnetTransport({ closeTimeout: 1000 });
      const s = createTestSession({ host: peer.host, port: peer.port, clock });
      await t.connect(s);
      // 16 MiB queued: more than the loopback socket buffers of both ends hold.
      void t.write(new Uint8Array(16 << 20).fill(0x61)).catch(() => undefined);
      let closed = false;
      const closing = t.close().then(() => (closed = true));
      for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
      expect(closed, 'close() resolved although the queue cannot be flushed').toBe(false);
      clock.advance(1000);
      await withDeadline(closing, 10_000, 'close() after closeTimeout passed on the session clock');
      expect(t.state).toBe('closed');
      expect(clock.pending()).toBe(0);
      expect(s.debugLines().join('\n')).toMatch(/not flushed within 1000 ms; dropping the socket/);
    } finally {
      await peer.stop();
    }
  });

  it('an aborted signal ends connect with AbortedError', async () => {
    const sim = await startTelnetSim();
    try {
      const t = new TelnetTransport();
      const ac = new AbortController();
      const s = { ...createTestSession({ host: sim.host, port: sim.port }), signal: ac.signal };
      const p = t.connect(s);
      ac.abort();
      await expect(p).rejects.toBeInstanceOf(AbortedError);
    } finally {
      await sim.stop();
    }
  });

  it('write before connect is a StateError; connect twice is a StateError', async () => {
    const t = new TelnetTransport();
    await expect(t.write(latin1('x'))).rejects.toBeInstanceOf(StateError);
    const port = await freePort();
    await t.connect(createTestSession({ host: '127.0.0.1', port })).catch(() => undefined);
    await expect(t.connect(createTestSession({ host: '127.0.0.1', port }))).rejects.toBeInstanceOf(StateError);
  });

  it('rejects a nonsensical maxSubnegotiation up front', () => {
    expect(() => new TelnetTransport({ maxSubnegotiation: 2 })).toThrow(/maxSubnegotiation/);
    expect(() => new TelnetTransport({ closeTimeout: -1 })).toThrow(/closeTimeout/);
  });

  it('declares what it can do', () => {
    const t = new TelnetTransport();
    expect(t.kind).toBe('telnet');
    expect(t.defaultPort).toBe(23);
    expect(t.capabilities).toBe(TELNET_CAPABILITIES);
    expect(t.capabilities.protocolAuth).toBe(false);
    expect(t.capabilities.windowSize).toBe(true);
    expect(t.isProtocolAuthenticated()).toBe(false);
    expect(t.getBanner()).toBeUndefined();
    expect(t.isDummy()).toBe(false);
  });
});
