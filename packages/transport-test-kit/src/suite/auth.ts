// Protocol-level login (SSH): good credentials open the stream, bad ones fail
// with LoginFailure, and no password ever shows up in messages or debug lines.
import { Account, ErrorCodes, type NetxError } from '@netx/core';
import { expectNetxError, failureOf } from './assertions.js';
import { defineGroup, needs, type KitContext } from './context.js';
import type { KitApi, TransportTarget } from './types.js';

export function protocolAuthTests(api: KitApi, target: TransportTarget, shared?: KitContext): void {
  defineGroup(api, target, 'protocol auth', shared, (ctx) => {
    const { expect } = api;
    const gate = needs('protocolAuth');
    const badAccount = () => {
      const good = ctx.account();
      return target.badAccount ?? new Account({ name: good.name, password: `netx-kit-wrong-${good.name.length}-Zq7!` });
    };
    const secretsOf = (account: Account) => [account.password, account.authorizationPassword, account.key?.passphrase].filter((s): s is string => !!s && s.length >= 3);

    ctx.test('auth.before-connect', 'protocolAuthenticate() before connect() fails with StateError', gate, async (scope) => {
      const t = scope.transport();
      const err = await failureOf(ctx, 'protocolAuthenticate() before connect()', () => t.protocolAuthenticate!(ctx.account(), ctx.authContext()));
      expectNetxError(expect, err, ErrorCodes.STATE, 'protocolAuthenticate() before connect()');
    });

    ctx.test('auth.good-account', "the target's account logs in; data then flows both ways; no secret in debug lines", gate, async (scope) => {
      const peer = ctx.peer();
      const t = scope.transport();
      const { recorder, session } = ctx.newSession(peer.host, peer.port);
      await ctx.bounded(t.connect(session), 'connect()');
      expect(t.isProtocolAuthenticated(), 'isProtocolAuthenticated() before protocolAuthenticate()').toBe(false);
      const authDebug: string[] = [];
      await ctx.bounded(t.protocolAuthenticate!(ctx.account(), ctx.authContext(authDebug)), 'protocolAuthenticate() with the good account');
      expect(t.isProtocolAuthenticated(), 'isProtocolAuthenticated() after a successful login').toBe(true);
      const conn = await ctx.claimConnection(recorder);
      await ctx.bounded(t.write(new TextEncoder().encode('hi')), 'write()');
      expect(new TextDecoder().decode(await conn.read(2, ctx.waitMs))).toBe('hi');
      await conn.write('yo');
      expect(new TextDecoder().decode(await recorder.waitForBytes(2, ctx.waitMs))).toBe('yo');
      for (const secret of secretsOf(ctx.account())) {
        const leaks = [...recorder.debugLines, ...authDebug].filter((line) => line.includes(secret));
        expect(leaks, 'debug lines must never contain a password').toEqual([]);
      }
    });

    ctx.test('auth.bad-password', 'a wrong password fails with LoginFailure whose message holds no secret', gate, async (scope) => {
      const peer = ctx.peer();
      const t = scope.transport();
      const { recorder, session } = ctx.newSession(peer.host, peer.port);
      await ctx.bounded(t.connect(session), 'connect()');
      const bad = badAccount();
      const authDebug: string[] = [];
      const err = await failureOf(ctx, 'protocolAuthenticate() with a wrong password', () => t.protocolAuthenticate!(bad, ctx.authContext(authDebug)));
      expectNetxError(expect, err, ErrorCodes.LOGIN_FAILED, 'protocolAuthenticate() with a wrong password');
      expect(t.isProtocolAuthenticated(), 'isProtocolAuthenticated() after a refused login').toBe(false);
      for (const secret of secretsOf(bad)) {
        expect((err as NetxError).message, 'LoginFailure message must not contain the password').not.toContain(secret);
        const leaks = [...recorder.debugLines, ...authDebug].filter((line) => line.includes(secret));
        expect(leaks, 'debug lines must never contain a password').toEqual([]);
      }
    });
  });
}
