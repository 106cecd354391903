// The connect timeout runs on the session clock, so a ManualClock decides it.
import { ErrorCodes } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { expectNetxError, failureOf } from './assertions.js';
import { defineGroup, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

export function timeoutTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'timeouts', shared, (ctx) => {
    const { expect } = api;

    ctx.test('timeout.connect', 'connect() to a peer that never answers fails with TimeoutError when the session clock passes connectTimeout', undefined, async (scope) => {
      const silent = await ctx.silentPeer();
      const clock = new ManualClock();
      const connectTimeout = 5_000;
      const t = scope.transport();
      const { session } = ctx.newSession(silent.host, silent.port, { clock, connectTimeout });
      const state: { outcome: 'pending' | 'resolved' | 'rejected' } = { outcome: 'pending' };
      let connecting: Promise<void>;
      try {
        connecting = t.connect(session);
      } catch (err) {
        connecting = Promise.reject(err);
      }
      connecting.then(
        () => (state.outcome = 'resolved'),
        () => (state.outcome = 'rejected'),
      );
      // The timer is usually armed synchronously; otherwise wait (bounded) until it is.
      const deadline = Date.now() + ctx.waitMs;
      while (clock.pending() === 0 && state.outcome === 'pending' && Date.now() < deadline) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      expect(
        clock.pending() > 0 || state.outcome === 'rejected',
        `connect() to a silent peer ${state.outcome === 'resolved' ? 'resolved' : 'armed no timer on session.clock'}; connect timeouts must run on session.clock`,
      ).toBe(true);
      clock.advance(connectTimeout);
      const err = await failureOf(ctx, 'connect() after the session clock passed connectTimeout', () => connecting);
      expectNetxError(expect, err, ErrorCodes.TIMEOUT, 'connect() past connectTimeout');
      expect(clock.pending(), 'timers left on the session clock after the failed connect()').toBe(0);
      const after = await failureOf(ctx, 'write() after the timed-out connect()', () => t.write(new Uint8Array([0x61])));
      expect([ErrorCodes.STATE, ErrorCodes.CONNECTION], 'write() after a timed-out connect() fails with a StateError or ConnectionError').toContain(
        (after as { code?: unknown }).code,
      );
    });
  });
}
