import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Protocol } from '../src/index.js';
import { connected, settle } from './helpers/setup.js';

describe('interact', () => {
  it('bridges input and output until the remote side closes; key handlers and window size', async () => {
    const { conn, t } = await connected({ greeting: 'router>', windowSize: true });
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 });
    const shown: string[] = [];
    output.on('data', (c: Buffer) => shown.push(c.toString('latin1')));
    const keys: Protocol[] = [];
    let done = false;
    const running = conn.interact({ input, output, keyHandlers: { '\x1d': (c) => void keys.push(c) }, handleWindowSize: true }).then(() => (done = true));
    await settle();
    input.write('show ver\r');
    input.write('a\x1db');
    await settle();
    expect(t.written).toBe('show ver\rab');
    expect(keys).toEqual([conn]);
    t.out('\r\nVersion 1\r\nrouter>');
    await settle();
    expect(shown.join('')).toBe('router>\r\nVersion 1\r\nrouter>');
    expect(t.resized).toEqual([[100, 30]]);
    output.columns = 120;
    output.emit('resize');
    expect(t.resized).toEqual([[100, 30], [120, 30]]);
    expect(done).toBe(false);
    t.hangUp();
    await running;
    expect(done).toBe(true);
    // Listeners are gone: more input goes nowhere.
    expect(input.listenerCount('data')).toBe(0);
  });
  it('does not resize where the transport cannot, or the output is no TTY', async () => {
    const { conn, t } = await connected({ windowSize: false });
    const input = new PassThrough();
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 100, rows: 30 });
    const running = conn.interact({ input, output, handleWindowSize: true });
    await settle();
    await conn.close();
    await running;
    expect(t.resized).toEqual([]);
  });
});
