// Checks for cancellation tests of a transport under @netx/core's Protocol: abort a
// step at a point where it surely still runs, then check the whole way out (the
// step's error, the transport closed, the far side saw the close, no socket or
// timer left, later calls refused).
import { AbortedError, StateError, type Protocol, type Transport } from '@netx/core';
import type { ExpectStatic } from 'vitest';
import { withDeadline } from './deadline.js';
import { whenResourcesBackTo, type TcpTap } from './tcp-tap.js';

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
