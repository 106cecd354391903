// Closing from either side: onClose() exactly once, nothing after it, no hang.
import { ErrorCodes, isNetxError } from '@netx/core';
import { patternBytes } from '../bytes.js';
import { describeError, expectNetxError, expectSameBytes, failureOf } from './assertions.js';
import { defineGroup, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

/** Lets already-queued I/O callbacks run, so a late onClose()/onData() would be seen. */
async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export function closeTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'close', shared, (ctx) => {
    const { expect } = api;

    ctx.test('close.by-client-while-receiving', 'close() while the device is still sending resolves; no onData() after it', undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      // Keep the device sending until the client is gone; its writes may then fail.
      const flood = (async () => {
        const chunk = patternBytes(16 * 1024, 3, !ctx.capabilities.binarySafe);
        for (let i = 0; i < 64; i++) await conn.write(chunk);
      })().catch(() => undefined);
      await recorder.waitForBytes(1, ctx.waitMs, 'the first bytes of the flood');
      await ctx.bounded(transport.close(), 'close() while data is arriving');
      recorder.markClosedByClient();
      await ctx.bounded(conn.closed, 'the device side seeing the client close');
      await ctx.bounded(flood, 'the device ending its flood');
      await settle();
      expect(recorder.closes.length, 'onClose() calls').toBe(1);
      expect(recorder.violations, 'callbacks after close').toEqual([]);
    });

    ctx.test('close.force', 'close(true) tears the connection down at once and calls onClose() once', undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      await ctx.bounded(transport.close(true), 'close(true)');
      recorder.markClosedByClient();
      await ctx.bounded(conn.closed, 'the device side seeing the client close');
      await settle();
      expect(recorder.closes.length, 'onClose() calls').toBe(1);
      expect(recorder.violations).toEqual([]);
    });

    ctx.test('close.by-peer', "the device hanging up calls onClose() once (no error where capabilities.peerClose); write() then fails with ConnectionError", undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      await conn.close();
      const error = await recorder.waitForClose(ctx.waitMs);
      if (ctx.capabilities.peerClose) {
        expect(error, `onClose() after a clean hang-up by the device must carry no error (capabilities.peerClose), got ${describeError(error)}`).toBeUndefined();
      } else if (error !== undefined) {
        expect(isNetxError(error), `onClose() error must be a NetxError, got ${describeError(error)}`).toBe(true);
      }
      const err = await failureOf(ctx, 'write() after the device hung up', () => transport.write(new Uint8Array([0x61])));
      expectNetxError(expect, err, ErrorCodes.CONNECTION, 'write() after the device hung up');
      await ctx.bounded(transport.close(), 'close() after the device hung up');
      await settle();
      expect(recorder.closes.length, 'onClose() calls after the hang-up and a close()').toBe(1);
      expect(recorder.violations).toEqual([]);
    });

    ctx.test('close.by-peer-after-data', 'bytes the device sent just before hanging up all arrive before onClose()', undefined, async (scope) => {
      const { recorder, conn } = await scope.open();
      const last = patternBytes(8 * 1024, 5, !ctx.capabilities.binarySafe);
      await conn.write(last);
      await conn.close();
      await recorder.waitForClose(ctx.waitMs);
      // Snapshot at onClose(): everything must be there already.
      expectSameBytes(expect, recorder.received(), last, 'received before onClose()');
      expect(recorder.violations).toEqual([]);
    });
  });
}
