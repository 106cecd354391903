// execute(cmd, { onData }) and stream(cmd): the response handed out as it arrives,
// only a bounded tail held, and the same text, pagers, errors and prompt as execute()
// (issue #13, item 6).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineDriver, InvalidCommandError, pagers, TAIL_WINDOW, type MatchResult } from '../src/index.js';
import type { FakeTransport } from './helpers/fake-transport.js';
import { caught, connected, settle } from './helpers/setup.js';

const box = defineDriver({
  name: 'box',
  prompt: /[\r\n][\w.\-]+[>#] ?$/,
  errorPrompt: [/^% ?Invalid input/, /^% ?Ambiguous command/],
  pagers: [pagers.MORE],
});

/** A device that pages: each `\f` in an output is a `--More--` the client must answer with a blank. */
function pagingDevice(outputs: Record<string, string>, chunker?: (text: string) => string[]) {
  let rest: string[] = [];
  const page = (dev: FakeTransport) => {
    const text = rest.shift()!;
    dev.out(`\b\b\b\b\b\b\b\b\b\b          \b\b\b\b\b\b\b\b\b\b${text}${rest.length > 0 ? ' --More-- ' : '\r\nr1#'}`);
  };
  return {
    greeting: '\r\nr1#',
    ...(chunker ? { chunker } : {}),
    onWrite: (text: string, dev: FakeTransport) => {
      if (text === ' ' && rest.length > 0) page(dev);
    },
    onLine: (line: string, dev: FakeTransport) => {
      const pages = (outputs[line] ?? '').split('\f');
      rest = pages.slice(1);
      dev.out(`${line}\r\n${pages[0]}${rest.length > 0 ? ' --More-- ' : '\r\nr1#'}`);
    },
  };
}
async function run(output: Record<string, string>, command: string, opts: { stream: boolean; chunker?: (t: string) => string[]; maxBufferSize?: number }) {
  const { conn, t } = await connected(pagingDevice(output, opts.chunker), { driver: box, ...(opts.maxBufferSize ? { maxBufferSize: opts.maxBufferSize } : {}) });
  await conn.expectPrompt();
  const chunks: string[] = [];
  let held = 0;
  let result: MatchResult | unknown;
  try {
    result = await conn.execute(command, opts.stream ? { onData: (c) => (chunks.push(c), (held = Math.max(held, conn.getBuffer().length))) } : {});
  } catch (err) {
    result = err;
  }
  await conn.close();
  return { chunks, text: chunks.join(''), result, held, written: t.written };
}

/** Pieces of at most `n` characters, as a link delivers a long output. */
const pieces = (n: number) => (t: string) => t.match(new RegExp(`[\\s\\S]{1,${n}}`, 'g')) ?? [];

const lines = (n: number, width = 40) => Array.from({ length: n }, (_, i) => `line ${String(i).padStart(4, '0')} ${'x'.repeat(width)}`).join('\r\n');

describe('execute(cmd, { onData })', () => {
  it('hands out the response in order, the same text execute() returns, and reports it as streamed', async () => {
    const out = { 'show tech': lines(400) };
    const plain = await run(out, 'show tech', { stream: false, chunker: pieces(1000) });
    const streamed = await run(out, 'show tech', { stream: true, chunker: pieces(1000) });
    expect(streamed.text).toBe((plain.result as MatchResult).response);
    expect(streamed.chunks.length).toBeGreaterThan(1);
    expect(streamed.result).toMatchObject({ response: '', streamed: streamed.text.length });
    expect((streamed.result as MatchResult).match[0]).toBe((plain.result as MatchResult).match[0]);
  });

  it('holds only a bounded tail while streaming (what a prompt or pager can still need, plus one chunk)', async () => {
    const chunk = 512;
    const r = await run({ 'show tech': lines(2000) }, 'show tech', { stream: true, chunker: pieces(chunk) });
    expect(r.text.length).toBeGreaterThan(80_000);
    expect(r.held).toBeLessThanOrEqual(TAIL_WINDOW + chunk);
  });

  it('needs no maxBufferSize for output far larger than it (execute() would hit BufferLimitError)', async () => {
    const out = { 'show tech': lines(3000) };
    const plain = await run(out, 'show tech', { stream: false, maxBufferSize: 8192, chunker: pieces(1000) });
    expect((plain.result as { code?: string }).code).toBe('NETX_BUFFER_LIMIT');
    const streamed = await run(out, 'show tech', { stream: true, maxBufferSize: 8192, chunker: pieces(1000) });
    expect((streamed.result as MatchResult).streamed).toBe(streamed.text.length);
    expect(streamed.text.endsWith(`line 2999 ${'x'.repeat(40)}\r`)).toBe(true);
  });

  it('answers pagers and leaves the pager prompts and their erase sequences out', async () => {
    const out = { 'show run': `${lines(30)}\f${lines(30)}\f${lines(5)}` };
    const plain = await run(out, 'show run', { stream: false });
    const streamed = await run(out, 'show run', { stream: true });
    expect(streamed.text).toBe((plain.result as MatchResult).response);
    expect(streamed.text).not.toMatch(/More|\x08/);
    expect(streamed.written).toBe('show run\r  ');
  });

  it('the prompt split across two chunks at every position: same text, never the prompt', async () => {
    const out = { 'show x': lines(30, 20) }; // more than the held tail, so streaming starts before the prompt
    const expected = ((await run(out, 'show x', { stream: false })).result as MatchResult).response;
    const whole = `show x\r\n${out['show x']}\r\nr1#`;
    for (let i = 1; i < whole.length; i++) {
      const r = await run(out, 'show x', { stream: true, chunker: (t) => (t === whole ? [t.slice(0, i), t.slice(i)] : [t]) });
      expect(r.text, `split at ${i}`).toBe(expected);
    }
  });

  it('a pager prompt split across two chunks at every position: answered, left out, same text', async () => {
    const out = { 'show y': `${lines(25, 20)}\f${lines(3, 20)}` };
    const expected = ((await run(out, 'show y', { stream: false })).result as MatchResult).response;
    const first = `show y\r\n${out['show y'].split('\f')[0]} --More-- `;
    for (let i = 1; i < first.length; i++) {
      const r = await run(out, 'show y', { stream: true, chunker: (t) => (t === first ? [t.slice(0, i), t.slice(i)] : [t]) });
      expect(r.text, `split at ${i}`).toBe(expected);
      expect(r.written).toBe('show y\r ');
    }
  });

  it('checks every line after the echo for command errors, a line cut between chunks included', async () => {
    const out = { 'show z': `${lines(50)}\r\n% Invalid input detected at '^' marker.\r\n${lines(3)}` };
    const at = `show z\r\n${out['show z']}`.indexOf('Invalid') + 3;
    const r = await run(out, 'show z', { stream: true, chunker: (t) => (t.startsWith('show z') ? [t.slice(0, at), t.slice(at)] : [t]) });
    expect(r.result).toBeInstanceOf(InvalidCommandError);
    const err = r.result as InvalidCommandError;
    expect(err.message).toContain('line 52 matched');
    expect(err.response.startsWith("% Invalid input detected at '^' marker.\r\n")).toBe(true);
    expect(r.text).toContain('line 0002'); // everything was handed out before the error
  });

  it('does not take the echo line for an error', async () => {
    const r = await run({ '% Invalid input': 'fine' }, '% Invalid input', { stream: true });
    expect(r.result).toMatchObject({ response: '', streamed: '% Invalid input\r\nfine\r'.length });
  });

  it('a throwing onData ends the call with its error', async () => {
    const { conn } = await connected(pagingDevice({ 'show tech': lines(100) }), { driver: box });
    await conn.expectPrompt();
    const err = await caught(
      conn.execute('show tech', {
        onData: () => {
          throw new Error('consumer failed');
        },
      }),
    );
    expect((err as Error).message).toBe('consumer failed');
    await conn.close();
  });

  it('rejects an onData that is not a function before sending anything', async () => {
    const { conn, t } = await connected(pagingDevice({}), { driver: box });
    await expect(conn.execute('show tech', { onData: 'no' as unknown as () => void })).rejects.toThrow(/onData must be a function/);
    await settle();
    expect(t.written).toBe('');
    await conn.close();
  });
});

describe('property: the streamed chunks joined are what execute() returns', () => {
  const outputLine = fc.oneof(
    fc.stringMatching(/^[a-z0-9 .:\/-]{0,60}$/),
    fc.constantFrom('% Invalid input', 'Gi0/1 is up', '', '   ', 'r1 uptime is 5 weeks'),
  );
  it('for any output and any chunking, errors too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(outputLine, { maxLength: 120 }), fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 6 }), async (outLines, sizes) => {
        const out = { show: outLines.join('\r\n') };
        const chunker = (t: string) => {
          const parts: string[] = [];
          for (let i = 0, k = 0; i < t.length; k++) {
            const n = sizes[k % sizes.length]!;
            parts.push(t.slice(i, i + n));
            i += n;
          }
          return parts;
        };
        const plain = await run(out, 'show', { stream: false, chunker });
        const streamed = await run(out, 'show', { stream: true, chunker });
        if (plain.result instanceof InvalidCommandError) {
          expect(streamed.result).toBeInstanceOf(InvalidCommandError);
          expect(streamed.text).toBe(plain.result.response);
          expect((streamed.result as Error).message.match(/line \d+/)?.[0]).toBe(plain.result.message.match(/line \d+/)?.[0]);
        } else {
          expect(streamed.text).toBe((plain.result as MatchResult).response);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('stream(cmd)', () => {
  it('yields the chunks, then result resolves with the prompt match', async () => {
    const { conn } = await connected(pagingDevice({ 'show tech': lines(300) }), { driver: box });
    await conn.expectPrompt();
    const s = conn.stream('show tech');
    let text = '';
    for await (const chunk of s) text += chunk;
    const r = await s.result;
    expect(text).toBe(`show tech\r\n${lines(300)}\r`);
    expect(r).toMatchObject({ response: '', streamed: text.length });
    expect((await conn.execute('show tech')).response).toBe(text); // the session goes on
    await conn.close();
  });

  it('throws the command error from the loop after the chunks, and rejects result', async () => {
    const { conn } = await connected(pagingDevice({ 'show bad': `${lines(40)}\r\n% Ambiguous command: "show bad"` }), { driver: box });
    await conn.expectPrompt();
    const s = conn.stream('show bad');
    let text = '';
    const err = await caught(
      (async () => {
        for await (const chunk of s) text += chunk;
      })(),
    );
    expect(err).toBeInstanceOf(InvalidCommandError);
    expect(text).toContain('% Ambiguous command');
    await expect(s.result).rejects.toBeInstanceOf(InvalidCommandError);
    await conn.close();
  });

  it('breaking out drops the rest; the command still runs to its prompt', async () => {
    const { conn } = await connected(pagingDevice({ 'show tech': lines(300) }), { driver: box });
    await conn.expectPrompt();
    const s = conn.stream('show tech');
    for await (const chunk of s) {
      expect(chunk.startsWith('show tech')).toBe(true);
      break;
    }
    expect((await s.result).streamed).toBe(`show tech\r\n${lines(300)}\r`.length);
    expect((await conn.execute('show tech')).response).toBe(`show tech\r\n${lines(300)}\r`);
    await conn.close();
  });
});
