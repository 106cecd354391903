// Assertion helpers shared by the groups; messages say what the transport did wrong.
import { isNetxError, type NetxErrorCode } from '@netx/core';
import type { ExpectStatic } from 'vitest';
import { describeByteDifference } from '../bytes.js';
import { DeadlineError } from '../deadline.js';
import type { KitContext } from './context.js';

export function describeError(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return `${err.name}${code === undefined ? '' : ` [${String(code)}]`}: ${err.message}`;
  }
  return `a non-Error value (${String(err)})`;
}

/** The error `fn` fails with (sync throw or rejection); fails the test if it succeeds or hangs. */
export async function failureOf(ctx: KitContext, what: string, fn: () => unknown): Promise<unknown> {
  let outcome: { ok: true } | { ok: false; error: unknown };
  try {
    await ctx.bounded(Promise.resolve().then(fn), what);
    outcome = { ok: true };
  } catch (error) {
    if (error instanceof DeadlineError) throw error;
    outcome = { ok: false, error };
  }
  if (outcome.ok) ctx.api.expect.fail(`${ctx.target.name}: ${what} succeeded; it must fail.`);
  return (outcome as { error: unknown }).error;
}

export function expectNetxError(expect: ExpectStatic, err: unknown, code: NetxErrorCode, what: string): void {
  expect(isNetxError(err, code), `${what}: expected a NetxError with code ${code}, got ${describeError(err)}`).toBe(true);
}

export function expectSameBytes(expect: ExpectStatic, actual: Uint8Array, expected: Uint8Array, what: string): void {
  const diff = describeByteDifference(actual, expected);
  expect(diff, `${what}: ${diff}`).toBeUndefined();
}
