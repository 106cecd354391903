// Connect/close lifecycle and the state errors around it.
import { ErrorCodes, type ConnectionError } from '@netx/core';
import { describeError, expectNetxError, failureOf } from './assertions.js';
import { defineGroup, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

const CAPABILITY_KEYS = ['protocolAuth', 'banner', 'remoteVersion', 'windowSize', 'keepalive', 'binarySafe', 'peerClose'] as const;

export function lifecycleTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'lifecycle', shared, (ctx) => {
    const { expect } = api;

    ctx.test('lifecycle.shape', 'declares kind, defaultPort and every capability, and is idle before connect()', undefined, async (scope) => {
      const t = scope.transport();
      expect(typeof t.kind === 'string' && t.kind.length > 0, 'kind must be a non-empty string').toBe(true);
      expect(Number.isInteger(t.defaultPort) && t.defaultPort > 0 && t.defaultPort <= 65535, `defaultPort must be a TCP port, got ${t.defaultPort}`).toBe(true);
      for (const key of CAPABILITY_KEYS) {
        expect(typeof t.capabilities[key], `capabilities.${key} must be a boolean`).toBe('boolean');
      }
      if (t.capabilities.protocolAuth) expect(typeof t.protocolAuthenticate, 'capabilities.protocolAuth needs protocolAuthenticate()').toBe('function');
      if (t.capabilities.windowSize) expect(typeof t.resize, 'capabilities.windowSize needs resize()').toBe('function');
      expect(t.isProtocolAuthenticated(), 'isProtocolAuthenticated() before connect()').toBe(false);
      expect(typeof t.isDummy()).toBe('boolean');
      expect(() => t.getBanner(), 'getBanner() before connect() must not throw').not.toThrow();
      expect(() => t.getRemoteVersion(), 'getRemoteVersion() before connect() must not throw').not.toThrow();
    });

    ctx.test('lifecycle.connect-close', 'connects, closes, and calls onClose() exactly once without an error', undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      await ctx.bounded(transport.close(), 'close()');
      recorder.markClosedByClient();
      await ctx.bounded(conn.closed, 'the device side seeing the client close');
      expect(recorder.closes.length, 'onClose() calls after close()').toBe(1);
      expect(recorder.closes[0], `onClose() after the client's own close must carry no error, got ${describeError(recorder.closes[0])}`).toBeUndefined();
      expect(recorder.violations).toEqual([]);
    });

    ctx.test('lifecycle.write-before-connect', 'write() before connect() fails with StateError', undefined, async (scope) => {
      const t = scope.transport();
      const err = await failureOf(ctx, 'write() before connect()', () => t.write(new Uint8Array([0x61])));
      expectNetxError(expect, err, ErrorCodes.STATE, 'write() before connect()');
    });

    ctx.test('lifecycle.write-after-close', "write() after close() fails with ConnectionError reason 'closed'", undefined, async (scope) => {
      const { transport } = await scope.open();
      await ctx.bounded(transport.close(), 'close()');
      const err = await failureOf(ctx, 'write() after close()', () => transport.write(new Uint8Array([0x61])));
      expectNetxError(expect, err, ErrorCodes.CONNECTION, 'write() after close()');
      expect((err as ConnectionError).reason, 'ConnectionError.reason').toBe('closed');
    });

    ctx.test('lifecycle.double-close', 'close() is idempotent: concurrent, repeated and forced closes all resolve', undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      await ctx.bounded(Promise.all([transport.close(), transport.close()]), 'two concurrent close() calls');
      await ctx.bounded(transport.close(), 'a third close()');
      await ctx.bounded(transport.close(true), 'close(true) after close()');
      await ctx.bounded(conn.closed, 'the device side seeing the client close');
      expect(recorder.closes.length, 'onClose() calls after several close() calls').toBe(1);
    });

    ctx.test('lifecycle.close-before-connect', 'close() before connect() resolves; the transport then refuses connect() with StateError', undefined, async (scope) => {
      const t = scope.transport();
      await ctx.bounded(Promise.resolve().then(() => t.close()), 'close() before connect()');
      const peer = ctx.peer();
      const err = await failureOf(ctx, 'connect() after close()', () => t.connect(ctx.newSession(peer.host, peer.port).session));
      expectNetxError(expect, err, ErrorCodes.STATE, 'connect() after close()');
    });

    ctx.test('lifecycle.connect-twice', 'a second connect() on an open transport fails with StateError and leaves the connection usable', undefined, async (scope) => {
      const { transport, conn } = await scope.open();
      const peer = ctx.peer();
      const err = await failureOf(ctx, 'a second connect()', () => transport.connect(ctx.newSession(peer.host, peer.port).session));
      expectNetxError(expect, err, ErrorCodes.STATE, 'a second connect()');
      await ctx.bounded(transport.write(new TextEncoder().encode('ok')), 'write() after the refused second connect()');
      expect(new TextDecoder().decode(await conn.read(2, ctx.waitMs))).toBe('ok');
    });
  });
}
