import { describe, expect, it } from 'vitest';
import { ConnectionError, ErrorCodes, isNetxError, LoginFailure, NetxError, TimeoutError } from '../src/index.js';

describe('errors', () => {
  it('carry stable codes and names', () => {
    const e = new LoginFailure('nope', { host: 'r1' });
    expect(e.code).toBe(ErrorCodes.LOGIN_FAILED);
    expect(e.name).toBe('LoginFailure');
    expect(e.host).toBe('r1');
    expect(e).toBeInstanceOf(NetxError);
  });
  it('are recognised across copies by brand, not instanceof', () => {
    const foreign = Object.assign(Object.create(null), { [Symbol.for('netx:error')]: true, code: 'NETX_TIMEOUT' });
    expect(isNetxError(foreign)).toBe(true);
    expect(isNetxError(foreign, ErrorCodes.TIMEOUT)).toBe(true);
    expect(isNetxError(foreign, ErrorCodes.CONNECTION)).toBe(false);
    expect(isNetxError(new Error('x'))).toBe(false);
    expect(isNetxError(new TimeoutError('expect', 5, 'slow'), ErrorCodes.TIMEOUT)).toBe(true);
    expect(new ConnectionError('refused', 'r').reason).toBe('refused');
  });
});
