// Native failures map to typed NetxErrors.
import { ErrorCodes, type ConnectionError, type NetxError } from '@netx/core';
import { closedPort } from '../silent-peer.js';
import { expectNetxError, failureOf } from './assertions.js';
import { defineGroup, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

export function errorMappingTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'error mapping', shared, (ctx) => {
    const { expect } = api;

    ctx.test('errors.refused', "a closed port fails connect() with ConnectionError reason 'refused' naming the host", undefined, async (scope) => {
      const port = await closedPort();
      const t = scope.transport();
      const { session } = ctx.newSession('127.0.0.1', port);
      const err = await failureOf(ctx, `connect() to the closed port 127.0.0.1:${port}`, () => t.connect(session));
      expectNetxError(expect, err, ErrorCodes.CONNECTION, 'connect() to a closed port');
      expect((err as ConnectionError).reason, 'ConnectionError.reason').toBe('refused');
      expect((err as NetxError).message, 'the message names the host').toContain('127.0.0.1');
      expect((err as NetxError).host, 'error.host').toBe('127.0.0.1');
    });

    ctx.test('errors.abort', 'aborting the session signal during connect() fails it with AbortedError', undefined, async (scope) => {
      const silent = await ctx.silentPeer();
      const t = scope.transport();
      const controller = new AbortController();
      const { session } = ctx.newSession(silent.host, silent.port, { signal: controller.signal });
      let connecting: Promise<void>;
      try {
        connecting = t.connect(session);
      } catch (err) {
        connecting = Promise.reject(err);
      }
      // Abort before any I/O could finish, so even a bare TCP connect is still pending.
      controller.abort();
      const err = await failureOf(ctx, 'connect() aborted by its signal', () => connecting);
      expectNetxError(expect, err, ErrorCodes.ABORTED, 'connect() aborted by its signal');
    });
  });
}
