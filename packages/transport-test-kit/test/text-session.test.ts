// createTextSession: the recording TransportSession transport packages use in
// their own tests. Fed by hand here, as a transport would call it.
import { describe, expect, it } from 'vitest';
import { ConnectionError } from '@netx/core';
import { createTextSession } from '../src/index.js';

const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('createTextSession', () => {
  it('expect() resolves with the text before the match and consumes through it, across chunks', async () => {
    const s = createTextSession({ host: 'h', port: 1 });
    const first = s.expect(/Password: /);
    s.onData(bytes('banner\r\nPass'));
    s.onData(bytes('word: r1>'));
    expect(await first).toBe('banner\r\n');
    expect(await s.expect(/r1>/)).toBe('');
    expect(s.text()).toBe('banner\r\nPassword: r1>');
    expect(Array.from(s.bytes()).length).toBe(s.text().length);
  });

  it('a /g pattern works the same on every call (lastIndex is reset)', async () => {
    const s = createTextSession({ host: 'h', port: 1 });
    s.onData(bytes('a1 a2 a3'));
    const re = /a\d/g;
    expect(await s.expect(re)).toBe('');
    expect(await s.expect(re)).toBe(' ');
    expect(await s.expect(re)).toBe(' ');
  });

  it('fails with what it waited for and what came when the connection closes, or the bound passes', async () => {
    const s = createTextSession({ host: 'h', port: 1, waitLimitMs: 50 });
    s.onData(bytes('partial output'));
    await expect(s.expect(/never/, 'the prompt')).rejects.toThrow(/the prompt.*partial output/s);
    const waiting = s.expect(/never/);
    s.onClose(new ConnectionError('reset', 'reset by peer'));
    await expect(waiting).rejects.toThrow(/closed \(reset by peer\)/);
    expect(await s.closed).toBeInstanceOf(ConnectionError);
    expect(s.isClosed()).toBe(true);
    expect(s.closeCalls()).toBe(1);
  });

  it('two waits at once both wake up', async () => {
    const s = createTextSession({ host: 'h', port: 1 });
    const a = s.expect(/x/);
    const b = s.expect(/x/);
    s.onData(bytes('x x'));
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
  });

  it('stores debug lines as `[level] message` by default, or bare with debugFormat: message', () => {
    const a = createTextSession({ host: 'h', port: 1 });
    const b = createTextSession({ host: 'h', port: 1, debugFormat: 'message' });
    a.debug(2, 'hello');
    b.debug(2, 'hello');
    expect(a.debugLines()).toEqual(['[2] hello']);
    expect(b.debugLines()).toEqual(['hello']);
  });

  it('waitForDebug() resolves once enough lines match, and fails with the count when the bound passes', async () => {
    const s = createTextSession({ host: 'h', port: 1 });
    const two = s.waitForDebug(/pong$/g, 2);
    s.debug(5, 'pong');
    s.debug(5, 'ping');
    s.debug(5, 'pong');
    await two;
    await expect(s.waitForDebug(/pong$/, 3, 50)).rejects.toThrow(/3 debug line\(s\) matching \/pong\$\/ after 50 ms; 2 so far/);
  });
});
