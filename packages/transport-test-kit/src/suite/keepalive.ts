// Keepalive: a peer that goes silent (a freeze proxy in front of the started peer) ends
// the session with TimeoutError('keepalive'), the same error on every transport. The
// keepalive runs on the session clock, so a ManualClock moves it; answers are events.
import { ErrorCodes, hasProtocolAuth, type TimeoutError } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { startFreezeProxy } from '../freeze-proxy.js';
import { expectNetxError } from './assertions.js';
import { defineGroup, needs, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

const INTERVAL = 1_000;
const COUNT_MAX = 2;
/** The base class's debug line for each answered ping (AbstractTransport keepalive). */
const ANSWERED = /keepalive: .+ answered$/;

export function keepaliveTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'keepalive', shared, (ctx) => {
    const { expect } = api;

    ctx.test('keepalive.dead-peer', `a peer that stops answering ends the session with TimeoutError (keepalive) after keepaliveCountMax pings on the session clock`, needs('keepalive'), async (scope) => {
      const setup = target.keepalive;
      expect(setup, `${target.name}: capabilities.keepalive is pinned true, so the target needs keepalive.createTransport()`).toBeDefined();
      const peer = ctx.peer();
      const proxy = await startFreezeProxy({ host: peer.host, port: peer.port });
      scope.onRelease(() => proxy.stop());
      const clock = new ManualClock();
      const transport = scope.track(setup!.createTransport({ interval: INTERVAL, countMax: COUNT_MAX }));
      const { recorder, session } = ctx.newSession(proxy.host, proxy.port, { clock });
      await ctx.bounded(transport.connect(session), 'connect() through the freeze proxy');
      if (hasProtocolAuth(transport)) await ctx.bounded(transport.protocolAuthenticate(ctx.account(), ctx.authContext()), 'protocolAuthenticate()');
      const conn = await ctx.claimConnection(recorder);
      // One ping answered while the path works: the peer is known to answer.
      clock.advance(INTERVAL);
      if (setup!.deviceAnswer) await conn.write(setup!.deviceAnswer);
      await recorder.waitForDebug(ANSWERED, ctx.waitMs, 'the answer to the first keepalive ping');
      proxy.freeze();
      for (let i = 0; i < COUNT_MAX; i++) clock.advance(INTERVAL);
      expect(recorder.closes, `the session ended before ${COUNT_MAX} pings went unanswered`).toEqual([]);
      clock.advance(INTERVAL);
      expect(recorder.closes.length, `onClose() calls after ${COUNT_MAX + 1} silent intervals on the session clock`).toBe(1);
      const err = recorder.closes[0];
      expectNetxError(expect, err, ErrorCodes.TIMEOUT, 'the keepalive giving up');
      expect((err as TimeoutError).operation, 'TimeoutError.operation').toBe('keepalive');
      expect((err as TimeoutError).ms, 'TimeoutError.ms: how long the peer was silent').toBe(INTERVAL * (COUNT_MAX + 1));
      expect(err!.message, 'the message names the peer').toContain(`${proxy.host}:${proxy.port}`);
      expect(recorder.violations).toEqual([]);
    });
  });
}
