// A TransportSession for tests: the kit's text session (bytes, bounded expect,
// debug lines, the close), debug lines stored as the bare message.
import { createTextSession, type TextSession, type TextSessionInit } from '@netx/transport-test-kit';

export type TestSession = TextSession;

/** waitLimitMs: upper bound for one expect(); a failing test must end, not hang. */
export type TestSessionInit = Omit<TextSessionInit, 'verifyFingerprint' | 'debugFormat'>;

export function createTestSession(init: TestSessionInit): TestSession {
  return createTextSession({ ...init, debugFormat: 'message' });
}

export const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
