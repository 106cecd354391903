// AbortSignal on every step of a Protocol over DummyTransport (a VirtualDevice, a
// ManualClock): connect (a device that never accepts), login, execute (a device
// that takes its time), expect, and the session's own signal. Each step rejects
// with AbortedError, the transport is closed, the device saw its session close, and
// no timer is left on the clock.
import { describe, expect, it } from 'vitest';
import { AbortedError, Account, Protocol, StateError } from '@netx/core';
import { flushMicrotasks, ManualClock } from '@netx/core/testing';
import { DummyTransport, VirtualDevice, type VirtualDeviceOptions } from '../src/index.js';

const account = new Account({ name: 'admin', password: 'secret' });

function open(device: Partial<VirtualDeviceOptions> = {}, options: { signal?: AbortSignal } = {}) {
  const clock = new ManualClock();
  const vd = new VirtualDevice({ hostname: 'r1', login: { style: 'username+password', username: 'admin', password: 'secret' }, ...device });
  const transport = new DummyTransport({ device: vd });
  const conn = new Protocol({ transport, clock, timeout: 10_000, stderr: () => undefined, ...options });
  return { conn, transport, clock, vd };
}

/** After an abort nothing is left on the clock: not the Protocol's timers, and not the device's own delays (cancelled when its session closes). */
async function expectAborted(step: Promise<unknown>, s: ReturnType<typeof open>) {
  const outcome = step.then(() => 'resolved', (e: unknown) => e);
  await flushMicrotasks();
  expect(await outcome).toBeInstanceOf(AbortedError);
  await s.conn.close();
  expect(s.transport.state).toBe('closed');
  for (const session of s.vd.sessions) expect(session.closed).toBe(true);
  expect(s.clock.pending()).toBe(0);
  s.clock.advance(10_000);
  await flushMicrotasks();
  expect(s.clock.pending()).toBe(0);
  await expect(s.conn.execute('show version')).rejects.toBeInstanceOf(StateError);
}

function abortWhen(conn: Protocol, re: RegExp, ac: AbortController): void {
  let seen = '';
  conn.on('dataReceived', (text) => {
    seen += text;
    if (re.test(seen)) ac.abort();
  });
}

describe('AbortSignal over DummyTransport', () => {
  it('connect(): aborted while the device does not accept', async () => {
    const s = open({ connectDelay: Infinity });
    const ac = new AbortController();
    const step = s.conn.connect('r1', 23, { signal: ac.signal });
    step.catch(() => undefined); // checked below
    await flushMicrotasks();
    expect(s.transport.state).toBe('opening');
    ac.abort();
    await expectAborted(step, s);
  });

  it('login(): aborted when the device asks for the password', async () => {
    const s = open();
    await s.conn.connect('r1');
    const ac = new AbortController();
    abortWhen(s.conn, /Password: ?$/, ac);
    await expectAborted(s.conn.login(account, { signal: ac.signal }), s);
    expect(s.conn.isAppAuthenticated()).toBe(false);
  });

  it('execute(): aborted while the device takes its time', async () => {
    const s = open({ responseDelay: 5000, commands: { 'show clock': '12:00' } });
    await s.conn.connect('r1');
    await s.conn.login(account);
    const ac = new AbortController();
    const step = s.conn.execute('show clock', { signal: ac.signal });
    step.catch(() => undefined); // checked below
    await flushMicrotasks();
    s.clock.advance(1000);
    ac.abort();
    await expectAborted(step, s);
  });

  it('expect(): aborted while nothing matches', async () => {
    const s = open();
    await s.conn.connect('r1');
    await s.conn.login(account);
    const ac = new AbortController();
    const step = s.conn.expect('never printed', { signal: ac.signal });
    ac.abort();
    await expectAborted(step, s);
  });

  it("the session's signal (ProtocolOptions.signal) ends a logged-in session between steps", async () => {
    const ac = new AbortController();
    const s = open({}, { signal: ac.signal });
    await s.conn.connect('r1');
    await s.conn.login(account);
    ac.abort();
    await expect(s.conn.execute('show version')).rejects.toBeInstanceOf(AbortedError);
    await s.conn.close();
    expect(s.transport.state).toBe('closed');
    expect(s.vd.sessions.every((x) => x.closed)).toBe(true);
    expect(s.clock.pending()).toBe(0);
  });
});
