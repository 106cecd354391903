// Keepalive: DO TIMING-MARK pings after keepaliveInterval of silence, on the
// session clock (a ManualClock here, the sockets are real). A server that answers
// and then falls silent is ended; one that never answers (busybox telnetd) is kept
// warm and never ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { TelnetTransport } from '../src/index.js';
import { ttyDeviceProgram } from '../../transport-ssh/test/device/tty-device.js';
import { createTestSession, latin1, type TestSession } from './helpers/session.js';
import { startTelnetSim, type SimPeer, type TelnetSim } from './helpers/telnet-sim.js';
import { startTelnetd, type Telnetd } from './helpers/telnetd.js';

const IAC = 255, DO = 253, WILL = 251, WONT = 252, TM = 6;
const PING = [IAC, DO, TM];
const INTERVAL = 1000;

let sim: TelnetSim;
beforeAll(async () => {
  sim = await startTelnetSim();
});
afterAll(async () => {
  await sim.stop();
});

async function open(options: ConstructorParameters<typeof TelnetTransport>[0] = {}): Promise<{ t: TelnetTransport; s: TestSession; peer: SimPeer; clock: ManualClock }> {
  const clock = new ManualClock();
  const t = new TelnetTransport({ keepaliveInterval: INTERVAL, ...options });
  const s = createTestSession({ host: sim.host, port: sim.port, clock });
  const peerP = sim.nextConnection();
  await t.connect(s);
  return { t, s, peer: await peerP, clock };
}

/** Occurrences of the ping in what the client sent. */
function pings(peer: SimPeer): number {
  const b = peer.received();
  let n = 0;
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === IAC && b[i + 1] === DO && b[i + 2] === TM) n++;
  return n;
}

let markers = 0;
/**
 * Client -> server round trip: a marker the client writes after whatever it has queued. Once the
 * server has it, every ping sent before it has arrived too (one ordered stream), so a count of
 * pings taken then is final for that moment of the clock.
 */
async function flushed(t: TelnetTransport, peer: SimPeer): Promise<void> {
  const marker = `<netx-marker-${++markers}>`;
  await t.write(latin1(marker));
  await peer.waitFor(marker);
}

/** The codec traces each TIMING-MARK answer the client processed (debug level 4). */
const ANSWER = /received (?:WILL|WONT) TIMING-MARK/;
const answersSeen = (s: TestSession) => s.debugLines().filter((l) => ANSWER.test(l)).length;

describe('telnet keepalive (DO TIMING-MARK)', () => {
  it('pings only after keepaliveInterval without anything from the server', async () => {
    const { t, s, peer, clock } = await open();
    clock.advance(INTERVAL - 1);
    await flushed(t, peer);
    expect(pings(peer)).toBe(0);
    await peer.write('banner\r\n'); // data restarts the quiet period
    await s.expect(/banner\r\n/);
    clock.advance(INTERVAL - 1);
    await flushed(t, peer);
    expect(pings(peer)).toBe(0);
    clock.advance(INTERVAL);
    await peer.waitFor(PING);
    expect(pings(peer)).toBe(1);
    await t.close();
  });

  it('a server that answered and then falls silent is ended after keepaliveCountMax pings', async () => {
    const { s, peer, clock } = await open({ keepaliveCountMax: 2 });
    clock.advance(INTERVAL);
    let at = await peer.waitFor(PING);
    await peer.write([IAC, WILL, TM]); // alive: it answers RFC 860 pings
    await s.waitForDebug(ANSWER, 1); // the answer reached the client
    for (let i = 0; i < 2; i++) {
      clock.advance(INTERVAL);
      at = await peer.waitFor(PING, at); // unanswered
    }
    expect(s.isClosed()).toBe(false);
    clock.advance(INTERVAL);
    const err = await s.closed;
    expect(err).toBeInstanceOf(TimeoutError);
    expect((err as TimeoutError).operation).toBe('keepalive');
    expect((err as TimeoutError).message).toContain(`${sim.host}:${sim.port}`);
    await peer.closed; // the socket is torn down
  });

  it('answers count as life: a server that keeps answering stays connected; answers never reach the data', async () => {
    const { t, s, peer, clock } = await open({ keepaliveCountMax: 1 });
    let at = 0;
    for (let i = 0; i < 6; i++) {
      clock.advance(INTERVAL);
      at = await peer.waitFor(PING, at);
      await peer.write(i % 2 ? [IAC, WONT, TM] : [IAC, WILL, TM]);
      await s.waitForDebug(ANSWER, i + 1);
    }
    expect(s.isClosed()).toBe(false);
    expect(pings(peer)).toBe(6); // each ping is a new question, the option never "stays on"
    await peer.write('still here\r\n');
    await s.expect(/still here\r\n/);
    expect(Array.from(s.bytes())).not.toContain(IAC);
    await t.close();
  });

  it('a server that never answers a ping is kept warm, not ended, and a debug line says so', async () => {
    const { t, s, peer, clock } = await open({ keepaliveCountMax: 1 });
    let at = 0;
    for (let i = 0; i < 5; i++) {
      clock.advance(INTERVAL);
      at = await peer.waitFor(PING, at);
    }
    expect(s.isClosed()).toBe(false);
    expect(s.debugLines().join('\n')).toMatch(/has not answered a TIMING-MARK/);
    await t.close();
  });

  it('stops pinging once closed (no timer left on the clock)', async () => {
    const { t, clock } = await open();
    await t.close();
    expect(clock.pending()).toBe(0);
  });

  it('rejects bad option values with a TypeError', () => {
    expect(() => new TelnetTransport({ keepaliveInterval: -1 })).toThrow(TypeError);
    expect(() => new TelnetTransport({ keepaliveCountMax: 0 })).toThrow(/keepaliveCountMax/);
  });
});

describe('telnet keepalive against busybox telnetd (which ignores TIMING-MARK)', () => {
  let d: Telnetd;
  beforeAll(async () => {
    d = await startTelnetd(ttyDeviceProgram({ hostname: 'netx-rtr1', login: 'password', password: 'secret' }));
  });
  afterAll(async () => {
    await d?.stop();
  });

  it('pings an idle session many times without ending it; the CLI still answers', async () => {
    const clock = new ManualClock();
    const t = new TelnetTransport({ keepaliveInterval: INTERVAL, keepaliveCountMax: 1 });
    const s = createTestSession({ host: d.host, port: d.port, clock, termType: 'vt100' });
    await t.connect(s);
    await s.expect(/Password: /);
    await t.write(latin1('secret\r'));
    await s.expect(/netx-rtr1>/);
    // Five unanswered pings in a row (nothing from the server in between).
    for (let i = 0; i < 5; i++) clock.advance(INTERVAL);
    expect(s.isClosed()).toBe(false);
    expect(s.debugLines().join('\n')).toMatch(/has not answered a TIMING-MARK/); // it was pinged
    // telnetd reads its socket in order: an answer to any ping would arrive before this output.
    await t.write(latin1('show version\r'));
    expect(await s.expect(/netx-rtr1>/)).toContain('uptime');
    expect(answersSeen(s), 'busybox telnetd answered a TIMING-MARK ping').toBe(0);
    expect(s.isClosed()).toBe(false);
    await t.close();
  });
});
