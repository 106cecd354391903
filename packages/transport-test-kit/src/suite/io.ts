// Byte-exact I/O in both directions; chunking on either side must not matter.
import { ALL_BYTE_VALUES, concatBytes, patternBytes } from '../bytes.js';
import { expectSameBytes } from './assertions.js';
import { defineGroup, needs, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

const TEXT = 'netx contract: The quick brown fox jumps over the lazy dog 0123456789 !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
/** Every byte value, then the ones protocols like to rewrite (IAC IAC, CR NUL, CR LF, LF, XON/XOFF, ^C, ^D, ^Z). */
const BINARY = concatBytes([
  ALL_BYTE_VALUES,
  ALL_BYTE_VALUES.slice().reverse(),
  new Uint8Array([0xff, 0xff, 0x0d, 0x00, 0x0d, 0x0a, 0x0a, 0x11, 0x13, 0x03, 0x04, 0x1a, 0xff]),
]);
const MIB = 1 << 20;

export function ioTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'io', shared, (ctx) => {
    const { expect } = api;
    const enc = new TextEncoder();
    const large = () => patternBytes(target.largePayloadBytes ?? MIB, 0x5eed, !ctx.capabilities.binarySafe);

    ctx.test('io.text-to-device', 'printable ASCII written by the client reaches the device unchanged', undefined, async (scope) => {
      const { transport, conn } = await scope.open();
      const bytes = enc.encode(TEXT);
      await ctx.bounded(transport.write(bytes), 'write()');
      expectSameBytes(expect, await conn.read(bytes.length, ctx.waitMs), bytes, 'device received');
    });

    ctx.test('io.text-to-client', 'printable ASCII sent by the device reaches onData() unchanged', undefined, async (scope) => {
      const { recorder, conn } = await scope.open();
      await conn.write(TEXT);
      expectSameBytes(expect, await recorder.waitForBytes(TEXT.length, ctx.waitMs), enc.encode(TEXT), 'client received');
      expect(recorder.violations).toEqual([]);
    });

    ctx.test('io.binary-to-device', 'every byte value 0x00-0xff written by the client reaches the device unchanged', needs('binarySafe'), async (scope) => {
      const { transport, conn } = await scope.open();
      await ctx.bounded(transport.write(BINARY), 'write()');
      expectSameBytes(expect, await conn.read(BINARY.length, ctx.waitMs), BINARY, 'device received');
    });

    ctx.test('io.binary-to-client', 'every byte value 0x00-0xff sent by the device reaches onData() unchanged', needs('binarySafe'), async (scope) => {
      const { recorder, conn } = await scope.open();
      await conn.write(BINARY);
      expectSameBytes(expect, await recorder.waitForBytes(BINARY.length, ctx.waitMs), BINARY, 'client received');
    });

    ctx.test('io.large-to-device', 'a large payload (default 1 MiB) in one write() reaches the device unchanged', undefined, async (scope) => {
      const { transport, conn } = await scope.open();
      const payload = large();
      const written = ctx.bounded(transport.write(payload), 'write() of the large payload');
      const got = await conn.read(payload.length, ctx.waitMs * 2);
      await written;
      expectSameBytes(expect, got, payload, 'device received');
    });

    ctx.test('io.large-to-client', 'a large payload (default 1 MiB) from the device reaches onData() unchanged', undefined, async (scope) => {
      const { recorder, conn } = await scope.open();
      const payload = large();
      await conn.write(payload);
      expectSameBytes(expect, await recorder.waitForBytes(payload.length, ctx.waitMs * 2), payload, 'client received');
      expect(recorder.violations).toEqual([]);
    });

    ctx.test('io.many-small-writes', 'a thousand 1-byte writes, awaited one by one and then all at once, arrive in order', undefined, async (scope) => {
      const { transport, conn } = await scope.open();
      const payload = patternBytes(1000, 7, true);
      for (let i = 0; i < payload.length; i++) {
        await ctx.bounded(transport.write(payload.subarray(i, i + 1)), `write() #${i + 1} of 1000`);
      }
      expectSameBytes(expect, await conn.read(payload.length, ctx.waitMs), payload, 'device received after awaited writes');
      const again = patternBytes(1000, 8, true);
      await ctx.bounded(Promise.all(Array.from(again, (_, i) => transport.write(again.subarray(i, i + 1)))), '1000 concurrent write() calls');
      expectSameBytes(expect, await conn.read(again.length, ctx.waitMs), again, 'device received after concurrent writes');
    });

    ctx.test('io.chunking', 'how either side splits its writes does not change the byte stream', undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      const payload = patternBytes(5000, 99, !ctx.capabilities.binarySafe);
      // Device -> client in pieces of 1, 2, 3, ... bytes.
      for (let at = 0, size = 1; at < payload.length; at += size, size++) await conn.write(payload.slice(at, at + size));
      expectSameBytes(expect, await recorder.waitForBytes(payload.length, ctx.waitMs), payload, 'client received');
      // Client -> device in pieces of 1..97 bytes, a view into a larger buffer each time.
      for (let at = 0, size = 97; at < payload.length; at += size, size = (size * 31) % 97 || 1) {
        await ctx.bounded(transport.write(payload.subarray(at, at + size)), 'write()');
      }
      expectSameBytes(expect, await conn.read(payload.length, ctx.waitMs), payload, 'device received');
      expect(recorder.violations).toEqual([]);
    });

    ctx.test('io.full-duplex', 'both directions at once (256 KiB each, interleaved) neither deadlock nor mix', undefined, async (scope) => {
      const { transport, recorder, conn } = await scope.open();
      const up = patternBytes(256 * 1024, 11, !ctx.capabilities.binarySafe);
      const down = patternBytes(256 * 1024, 12, !ctx.capabilities.binarySafe);
      const piece = 4096;
      const sendUp = (async () => {
        for (let at = 0; at < up.length; at += piece) await transport.write(up.subarray(at, at + piece));
      })();
      const sendDown = (async () => {
        for (let at = 0; at < down.length; at += piece) await conn.write(down.subarray(at, at + piece));
      })();
      const readUp = conn.read(up.length, ctx.waitMs * 2);
      await ctx.bounded(Promise.all([sendUp, sendDown]), 'writing both directions at once');
      expectSameBytes(expect, await readUp, up, 'device received');
      expectSameBytes(expect, await recorder.waitForBytes(down.length, ctx.waitMs), down, 'client received');
    });
  });
}
