import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPromptText, createCodec, MATCH_WINDOW, pagers, TAIL_WINDOW } from '../src/index.js';
import { alignCleaned } from '../src/protocol/ansi.js';
import { anchorOf, findFirst } from '../src/protocol/matcher.js';
import { EraseFilter, findPager } from '../src/protocol/pager.js';
import { ReceiveBuffer } from '../src/protocol/receive-buffer.js';
import { Monitors } from '../src/protocol/monitors.js';
import { ConversationLog, SecretRedactor } from '../src/protocol/logging.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('codec', () => {
  it('decodes latin1 byte for byte (not windows-1252)', () => {
    const c = createCodec('latin1');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = c.decode(all);
    expect(text.length).toBe(256);
    for (let i = 0; i < 256; i++) expect(text.charCodeAt(i)).toBe(i);
    expect(Array.from(c.encode(text))).toEqual(Array.from(all));
    expect(createCodec('ISO-8859-1').encoding).toBe('latin1');
  });
  it('decodes a UTF-8 character split across chunks', () => {
    const c = createCodec('utf-8');
    const euro = Buffer.from('a€b', 'utf8'); // 61 e2 82 ac 62
    expect(c.decode(euro.subarray(0, 2))).toBe('a');
    expect(c.decode(euro.subarray(2, 3))).toBe('');
    expect(c.decode(euro.subarray(3))).toBe('€b');
    expect(Buffer.from(c.encode('€')).toString('hex')).toBe('e282ac');
  });
  it('flushes an incomplete character at the end', () => {
    const c = createCodec('utf8');
    expect(c.decode(bytes(0xe2, 0x82))).toBe('');
    expect(c.flush()).toBe('\ufffd');
  });
  it('encodes ASCII in encodings Node cannot encode, and says why otherwise', () => {
    const c = createCodec('windows-1252');
    expect(c.decode(bytes(0x80))).toBe('€');
    expect(Array.from(c.encode('ab'))).toEqual([0x61, 0x62]);
    expect(() => c.encode('€')).toThrow(/Cannot encode non-ASCII/);
  });
  it('rejects an unknown encoding', () => {
    expect(() => createCodec('klingon')).toThrow(/Unknown encoding/);
  });
});

describe('ReceiveBuffer', () => {
  it('slices across chunks, consumes and truncates', () => {
    const b = new ReceiveBuffer();
    for (const c of ['ab', 'cde', '', 'f', 'ghij']) b.append(c);
    expect(b.text()).toBe('abcdefghij');
    expect(b.slice(1, 7)).toBe('bcdefg');
    expect(b.tail(3)).toBe('hij');
    b.consume(3);
    expect(b.start).toBe(3);
    expect(b.text()).toBe('defghij');
    expect(b.slice(0, 5)).toBe('de');
    b.truncate(8);
    expect(b.text()).toBe('defgh');
    b.append('XY');
    expect(b.text()).toBe('defghXY');
    expect(b.end).toBe(10);
    b.clear();
    expect(b.length).toBe(0);
    b.append('z');
    expect(b.text()).toBe('z');
  });
  it('behaves like a plain string under any mix of operations (property)', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('append' as const), text: fc.string({ maxLength: 7 }) }),
      fc.record({ k: fc.constant('consume' as const), n: fc.nat(12) }),
      fc.record({ k: fc.constant('truncate' as const), n: fc.nat(12) }),
      fc.record({ k: fc.constant('slice' as const), a: fc.nat(40), b: fc.nat(40) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const b = new ReceiveBuffer();
        let model = '';
        let start = 0; // absolute offset of model[0]
        for (const o of ops) {
          if (o.k === 'append') {
            b.append(o.text);
            model += o.text;
          } else if (o.k === 'consume') {
            const to = Math.min(start + o.n, start + model.length);
            b.consume(to);
            model = model.slice(to - start);
            start = to;
          } else if (o.k === 'truncate') {
            const from = Math.max(start, start + model.length - o.n);
            b.truncate(from);
            model = model.slice(0, from - start);
          } else {
            const a = Math.min(o.a, o.b);
            const z = Math.max(o.a, o.b);
            expect(b.slice(a, z)).toBe(model.slice(Math.max(0, a - start), Math.max(0, z - start)));
          }
          expect(b.text()).toBe(model);
          expect(b.start).toBe(start);
          expect(b.end).toBe(start + model.length);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('compacts after many consumed chunks', () => {
    const b = new ReceiveBuffer();
    for (let i = 0; i < 5000; i++) b.append(String(i % 10));
    b.consume(4990);
    expect(b.text()).toBe('0123456789');
    b.append('x');
    expect(b.slice(4995)).toBe('56789x');
  });
});

describe('matcher', () => {
  const buf = (...chunks: string[]) => {
    const b = new ReceiveBuffer();
    for (const c of chunks) b.append(c);
    return b;
  };
  it('tries patterns in list order: the first pattern that matches anywhere wins', () => {
    const b = buf('alpha nmc beta Aug');
    const f = findFirst(b, [{ re: /Aug/ }, { re: /nmc/ }], { scannedTo: 0 });
    expect(f?.index).toBe(0);
    expect(f?.start).toBe(15);
    expect(f?.end).toBe(18);
  });
  it('classifies anchors', () => {
    expect(anchorOf(/a$/)).toBe('end');
    expect(anchorOf(/a\$/)).toBe('free');
    expect(anchorOf(/a$/m)).toBe('free');
    expect(anchorOf(/^a/)).toBe('start');
    expect(anchorOf(/a$|b/)).toBe('free');
    expect(anchorOf(/(a|b)$/)).toBe('end');
  });
  it('searches free patterns only after the scanned part (plus overlap)', () => {
    const b = buf('x'.repeat(3 * MATCH_WINDOW), 'needle', 'y'.repeat(3 * MATCH_WINDOW));
    expect(findFirst(b, [{ re: /needle/ }], { scannedTo: 0 })?.start).toBe(3 * MATCH_WINDOW);
    // Already scanned far past it: not found again (linear cost).
    expect(findFirst(b, [{ re: /needle/ }], { scannedTo: b.end })).toBeUndefined();
    // A match straddling the scanned boundary is found.
    expect(findFirst(b, [{ re: /needle/ }], { scannedTo: 3 * MATCH_WINDOW + 3 })?.start).toBe(3 * MATCH_WINDOW);
  });
  it('tries end-anchored patterns only at the tail, start-anchored only at the start', () => {
    const b = buf('start\r\n', 'z'.repeat(2 * MATCH_WINDOW), '\r\nhost# ');
    expect(findFirst(b, [{ re: /host# $/ }], { scannedTo: b.end })?.start).toBe(b.end - 6);
    // A pattern anchored at the end is not tried beyond the tail window.
    expect(findFirst(b, [{ re: new RegExp(`z{${TAIL_WINDOW}}\\r\\nhost# $`) }], { scannedTo: b.end })).toBeUndefined();
    expect(findFirst(b, [{ re: new RegExp(`z{${TAIL_WINDOW - 10}}\\r\\nhost# $`) }], { scannedTo: b.end })).toBeDefined();
    expect(findFirst(b, [{ re: /^start/ }], { scannedTo: b.end })?.start).toBe(0);
    b.consume(2);
    expect(findFirst(b, [{ re: /^art/ }], { scannedTo: b.end })?.start).toBe(2);
  });
  it('honours a per-pattern lower bound and disabled patterns', () => {
    const b = buf('failed before\r\nfailed after');
    expect(findFirst(b, [{ re: /failed/, from: 10 }], { scannedTo: 0 })?.start).toBe(15);
    expect(findFirst(b, [{ re: /failed/, disabled: true }], { scannedTo: 0 })).toBeUndefined();
  });
  it('maps a match in cleaned text back to the received text', () => {
    const b = buf('out\r\n\x1b[1;32mhost\x1b[0m# \x1b[');
    const f = findFirst(b, [{ re: /[\r\n]host# $/ }], { scannedTo: 0, clean: cleanPromptText });
    expect(f).toBeDefined();
    expect(b.slice(0, f!.start)).toBe('out\r');
    expect(f!.end).toBe(b.end);
  });
  it('aligns cleaned text from the end', () => {
    const map = alignCleaned('a\x1b[0mb', 'ab');
    expect(Array.from(map)).toEqual([0, 5, 6]);
  });
});

describe('cleanPromptText', () => {
  it('strips complete CSI/OSC sequences and a half-received one at the end', () => {
    expect(cleanPromptText('\x1b]0;title\x07host# ')).toBe('host# ');
    expect(cleanPromptText('host# \x1b[')).toBe('host# ');
    expect(cleanPromptText('host# \x1b[12')).toBe('host# ');
    expect(cleanPromptText('\x1b[?2004hhost# ')).toBe('host# ');
    expect(cleanPromptText('plain')).toBe('plain');
  });
});

describe('pager helpers', () => {
  it('finds a pager only at the very end', () => {
    expect(findPager('line\r\n --More-- ', [pagers.MORE])?.length).toBe(10);
    expect(findPager('--More-- then text', [pagers.MORE])).toBeUndefined();
    expect(findPager('x\r\n\x1b[7m--More--\x1b[27m', [pagers.MORE])?.length).toBe(17);
  });
  it('drops erase sequences after an answered pager, keeping indentation', () => {
    const f = new EraseFilter();
    expect(f.feed('untouched')).toBe('untouched');
    f.activate();
    expect(f.feed('\b\b\b\b   ')).toBe('');
    expect(f.feed('\b\b\b\b')).toBe('');
    expect(f.feed('  ip address 1\r\n')).toBe('  ip address 1\r\n');
    expect(f.isActive).toBe(false);
    f.activate();
    expect(f.feed('\r          \rnext')).toBe('next');
    f.activate();
    expect(f.feed('\r\x1b[K')).toBe('');
    expect(f.feed('line')).toBe('line');
    f.activate();
    expect(f.feed('\x1b[42D  x')).toBe('  x');
    f.activate();
    expect(f.feed('   ')).toBe('');
    expect(f.flush()).toBe('   ');
  });
  it('drops the rest of a pager prompt that arrives after the match, byte by byte', () => {
    const f = new EraseFilter();
    f.activate();
    const erase = ` ${'\b'.repeat(10)}${' '.repeat(10)}${'\b'.repeat(10)}Processor board\r\n`;
    expect([...erase].map((c) => f.feed(c)).join('')).toBe('Processor board\r\n');
    f.activate();
    expect([...'\x1b[27m\r\x1b[K  next'].map((c) => f.feed(c)).join('')).toBe('  next');
  });
});

describe('Monitors', () => {
  it('reports each match once, within the last `limit` characters, across chunks', () => {
    const m = new Monitors();
    const seen: [number, string][] = [];
    m.add([/alarm (\d)/, /panic/], (i, match) => seen.push([i, match[0]]), 20);
    m.feed('ala', fail);
    m.feed('rm 1 and panic', fail);
    m.feed(' ok', fail);
    m.feed('alarm 2', fail);
    expect(seen).toEqual([
      [0, 'alarm 1'],
      [1, 'panic'],
      [0, 'alarm 2'],
    ]);
  });
  it('unsubscribes, survives a throwing callback, checks the limit', () => {
    const m = new Monitors();
    const errors: unknown[] = [];
    const off = m.add([/x/], () => {
      throw new Error('boom');
    }, 5);
    m.feed('x', (e) => errors.push(e));
    expect(errors).toHaveLength(1);
    off();
    expect(m.size).toBe(0);
    expect(() => m.add([/x/], () => undefined, 0)).toThrow(RangeError);
  });
});

describe('SecretRedactor and ConversationLog', () => {
  it('masks a secret split across chunks', () => {
    const r = new SecretRedactor();
    r.add('hunter2');
    const out = ['pw: hun', 'ter', '2\r\nok hu', 'man'].map((c) => r.stream(c)).join('') + r.flush();
    expect(out).toBe('pw: ********\r\nok human');
    expect(r.redact('a hunter2 b hunter2')).toBe('a ******** b ********');
  });
  it('drops \\r for people', () => {
    const got: string[] = [];
    const log = new ConversationLog((t) => got.push(t), undefined, (t) => new Uint8Array(Buffer.from(t, 'latin1')), () => undefined);
    log.write('a\r\nb\r');
    log.write('\r');
    expect(got).toEqual(['a\nb']);
  });
});

function fail(err: unknown): never {
  throw err;
}
