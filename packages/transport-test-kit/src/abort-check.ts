// Checks for cancellation tests of a transport under @netx/core's Protocol: abort a
// step at a point where it surely still runs, then check the whole way out (the
// step's error, the transport closed, the far side saw the close, no socket or
// timer left, later calls refused).
import { AbortedError, StateError, type Protocol, type Transport } from '@netx/core';
import type { ExpectStatic } from 'vitest';
import { withDeadline } from './deadline.js';
import type { KitIt } from './suite/types.js';
import { liveResources, whenResourcesBackTo, type TcpTap } from './tcp-tap.js';

/** Aborts `ac` once the text `conn` received matches `re`; it runs in the data handler, so the step is still running. */
export function abortWhenSeen(conn: Protocol, re: RegExp, ac: AbortController): void {
  let seen = '';
  conn.on('dataReceived', (text) => {
    seen += text;
    if (re.test(seen)) ac.abort();
  });
}

export interface AbortedSession {
  readonly conn: Protocol;
  readonly transport: Transport & { readonly state: string };
}

/**
 * `step` rejects with AbortedError; then close() settles, the transport is closed,
 * `seenBy` saw every client connection close, the process is back to `baseline`
 * (liveResources()), and a later execute() is a StateError.
 */
export async function expectAbortedStep(expect: ExpectStatic, step: Promise<unknown>, s: AbortedSession, seenBy: TcpTap, baseline: Record<string, number>): Promise<void> {
  const err = await withDeadline(step.then(() => 'resolved', (e: unknown) => e), 10_000, 'the aborted step settling');
  expect(err).toBeInstanceOf(AbortedError);
  await withDeadline(s.conn.close(), 10_000, 'close() after the abort');
  expect(s.transport.state).toBe('closed');
  await seenBy.whenAllClosed();
  await whenResourcesBackTo(baseline);
  await expect(s.conn.execute('show version')).rejects.toBeInstanceOf(StateError);
}

/** A transport under Protocol, against its real server reached through a tap. */
export interface AbortStepTarget {
  /** A Protocol over a new transport; `signal` is the session's (ProtocolOptions.signal). */
  open(options?: { signal?: AbortSignal }): AbortedSession;
  /** The tap in front of the real server; every session of these tests goes through it. */
  tap(): TcpTap;
  /**
   * How connect() is caught while it runs: a silent tap (a server that never speaks: SSH's
   * identification, the WebSocket upgrade), or none: aborted in the same turn as the call
   * (Telnet is open as soon as TCP is).
   */
  silent?(): TcpTap;
  /** The device's app-level login, with `signal` when given. */
  login(conn: Protocol, signal?: AbortSignal): Promise<void>;
  /** Text the device shows while login() runs: the abort is sent when it arrives. */
  readonly loginShows: RegExp;
  /** A command whose run the abort interrupts, and text that shows while it runs. */
  readonly command: string;
  readonly commandShows: RegExp;
}

/**
 * The abort test of each step (connect, login, execute, expect) and of the session's own
 * signal: each step rejects with AbortedError, the transport is closed, the tap saw the
 * close, and the process holds no more sockets or timers than before.
 */
export function abortStepTests({ it, expect }: { it: KitIt; expect: ExpectStatic }, t: AbortStepTarget): void {
  const loggedIn = async (signal?: AbortSignal) => {
    const s = t.open(signal ? { signal } : {});
    await s.conn.connect(t.tap().host, t.tap().port);
    await t.login(s.conn);
    return s;
  };

  it('connect(): aborted while it is still connecting', async () => {
    const baseline = liveResources();
    const s = t.open();
    const ac = new AbortController();
    const far = t.silent?.() ?? t.tap();
    const step = s.conn.connect(far.host, far.port, { signal: ac.signal });
    if (t.silent) await far.whenAccepted(far.accepted() + 1);
    else expect(s.transport.state, 'the transport, in the turn connect() was called').toBe('opening');
    ac.abort();
    await expectAbortedStep(expect, step, s, far, baseline);
  });

  it('login(): aborted in the middle of the dialogue', async () => {
    const baseline = liveResources();
    const s = t.open();
    await s.conn.connect(t.tap().host, t.tap().port);
    const ac = new AbortController();
    abortWhenSeen(s.conn, t.loginShows, ac);
    await expectAbortedStep(expect, t.login(s.conn, ac.signal), s, t.tap(), baseline);
    expect(s.conn.isAppAuthenticated()).toBe(false);
  });

  it('execute(): aborted while the command runs', async () => {
    const baseline = liveResources();
    const s = await loggedIn();
    const ac = new AbortController();
    abortWhenSeen(s.conn, t.commandShows, ac);
    await expectAbortedStep(expect, s.conn.execute(t.command, { signal: ac.signal }), s, t.tap(), baseline);
  });

  it('expect(): aborted while nothing matches', async () => {
    const baseline = liveResources();
    const s = await loggedIn();
    const ac = new AbortController();
    const step = s.conn.expect('never printed', { signal: ac.signal });
    ac.abort();
    await expectAbortedStep(expect, step, s, t.tap(), baseline);
  });

  it("the session's signal (ProtocolOptions.signal) ends a logged-in session between steps", async () => {
    const baseline = liveResources();
    const ac = new AbortController();
    const s = await loggedIn(ac.signal);
    ac.abort();
    await expect(s.conn.execute(t.command)).rejects.toBeInstanceOf(AbortedError);
    await withDeadline(s.conn.close(), 10_000, 'close() after the abort');
    expect(s.transport.state).toBe('closed');
    await t.tap().whenAllClosed();
    await whenResourcesBackTo(baseline);
  });
}
