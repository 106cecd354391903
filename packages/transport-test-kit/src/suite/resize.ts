// Window size changes: never throw, in any state, and never disturb the byte stream.
import { defineGroup, needs, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

export function resizeTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'resize', shared, (ctx) => {
    const { expect } = api;

    ctx.test('resize.any-state', 'resize() before connect, while open and after close never throws, and data still flows', needs('windowSize'), async (scope) => {
      const idle = scope.transport();
      expect(() => idle.resize!(100, 30), 'resize() before connect()').not.toThrow();
      const { transport, recorder, conn } = await scope.open({ columns: 80, rows: 24 });
      expect(() => transport.resize!(132, 43), 'resize(132, 43) while open').not.toThrow();
      expect(() => transport.resize!(80, 24), 'resize(80, 24) while open').not.toThrow();
      await ctx.bounded(transport.write(new TextEncoder().encode('after resize')), 'write() after resize()');
      expect(new TextDecoder().decode(await conn.read(12, ctx.waitMs))).toBe('after resize');
      await conn.write('still here');
      expect(new TextDecoder().decode(await recorder.waitForBytes(10, ctx.waitMs))).toBe('still here');
      await ctx.bounded(transport.close(), 'close()');
      expect(() => transport.resize!(100, 30), 'resize() after close()').not.toThrow();
    });
  });
}
