// execute() waits before it sends, the blanks of a prompt read byte by byte
// belong to the prompt, and the per-chunk path creates no timers.
import { describe, expect, it } from 'vitest';
import { ConnectionError, StateError, TimeoutError } from '../src/index.js';
import { chunkBy, cli, FakeTransport } from './helpers/fake-transport.js';
import { caught, connected, settle } from './helpers/setup.js';

describe('blanks after a prompt read byte by byte', () => {
  const prompt = '\r\nbox# ';

  it('the blank of `box# ` goes with the prompt, not into the next response', async () => {
    const { conn } = await connected({ greeting: `welcome${prompt}`, onLine: cli(prompt, { 'show x': 'x is up' }), chunker: chunkBy([1]) });
    await conn.expectPrompt();
    expect((await conn.execute('show x')).response).toBe('show x\r\nx is up\r');
    expect((await conn.execute('show x')).response).toBe('show x\r\nx is up\r');
    await settle();
    expect(conn.getBuffer()).toBe('');
  });

  it('gives the same responses for byte-wise and whole output', async () => {
    const run = async (sizes: number[]) => {
      const { conn } = await connected({ greeting: `hi${prompt}`, onLine: cli(prompt, { a: 'one', b: 'two\r\nthree' }), chunker: chunkBy(sizes) });
      await conn.expectPrompt();
      const out = [(await conn.execute('a')).response, (await conn.execute('b')).response];
      await settle();
      return [...out, conn.getBuffer()];
    };
    const whole = await run([1_000_000]);
    expect(whole).toEqual(['a\r\none\r', 'b\r\ntwo\r\nthree\r', '']);
    expect(await run([1])).toEqual(whole);
    expect(await run([2, 5, 1])).toEqual(whole);
  });

  it('keeps blanks the matched pattern does not take', async () => {
    const { conn, t } = await connected({ chunker: chunkBy([1]) });
    const p = conn.expect(/box#/);
    t.out('box# rest');
    await p;
    await settle();
    // /box#/ on the whole text also leaves ` rest`.
    expect(conn.getBuffer()).toBe(' rest');
  });

  it('takes the blank even when it comes in the same chunk as the next output', async () => {
    const { conn, t } = await connected();
    const p = conn.expectPrompt();
    t.out('\r\nbox#');
    await p;
    t.out(' more');
    await settle();
    expect(conn.getBuffer()).toBe('more');
  });

  it('does not take blanks after text that was not matched at the very end', async () => {
    const { conn, t } = await connected();
    const p = conn.expect(/box#/);
    t.out('box#\r\n');
    await p;
    t.out('  indented');
    await settle();
    expect(conn.getBuffer()).toBe('\r\n  indented');
  });
});

describe('execute() waits, then sends', () => {
  it('refuses to send while another wait is pending', async () => {
    const { conn, t } = await connected();
    const pending = caught(conn.expect('never'));
    await expect(conn.execute('reload')).rejects.toBeInstanceOf(StateError);
    expect(t.written).toBe('');
    conn.cancelExpect();
    await pending;
  });

  it('a failed write rejects execute() and leaves no wait behind', async () => {
    const { conn, t } = await connected({ onLine: cli('\r\nr1#', { 'show clock': '12:00' }) });
    t.options.onWrite = (text) => {
      if (text.startsWith('boom')) throw new ConnectionError('reset', 'write failed: connection reset by the peer');
    };
    const err = await caught(conn.execute('boom'));
    expect(err).toBeInstanceOf(ConnectionError);
    expect((err as Error).message).toMatch(/connection reset/);
    // The engine is free again: a normal command works.
    expect((await conn.execute('show clock')).response).toBe('show clock\r\n12:00\r');
  });

  it('the answer counts even when it arrives before the write call returns', async () => {
    // A device that answers synchronously, inside the write.
    const { conn, t } = await connected();
    t.options.onWrite = (text, dev) => {
      if (text === 'fast\r') dev.outBytes(new Uint8Array(Buffer.from('fast\r\nok\r\nr1#', 'latin1')));
    };
    expect((await conn.execute('fast')).response).toBe('fast\r\nok\r');
  });
});

describe('the inactivity timer on the per-chunk path', () => {
  it('chunks do not create timers; the limit still counts from the last chunk', async () => {
    const { conn, t, clock } = await connected({}, { timeout: 1000, deadline: 0 });
    const p = caught(conn.expect('END'));
    await settle();
    const timers = clock.pending();
    for (let i = 0; i < 50; i++) {
      clock.advance(100);
      t.out('.');
      await settle();
    }
    expect(clock.pending()).toBe(timers);
    clock.advance(999);
    await settle();
    clock.advance(1);
    const err = await p;
    expect(err).toBeInstanceOf(TimeoutError);
    expect(clock.pending()).toBe(0);
  });
});

it('FakeTransport stays the reference device of these tests', () => {
  expect(new FakeTransport().kind).toBe('fake');
});
