// The codec's server role on its own, and a client-role codec talking to a
// server-role codec in memory: the same negotiator code on both ends.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TelnetCodec, type TelnetCodecOptions } from '../src/index.js';

const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240;
const ECHO = 1, SGA = 3, TTYPE = 24, NAWS = 31, NEW_ENVIRON = 39;

const server = (o: Partial<TelnetCodecOptions> = {}) => new TelnetCodec({ role: 'server', termType: 'unknown', columns: 80, rows: 24, ...o });
const client = (o: Partial<TelnetCodecOptions> = {}) => new TelnetCodec({ termType: 'xterm', columns: 132, rows: 50, ...o });
const flat = (chunks: Uint8Array[]) => chunks.flatMap((c) => Array.from(c));
const text = (chunks: Uint8Array[]) => Buffer.from(flat(chunks)).toString('latin1');

/** Carries bytes both ways until neither side has anything to say; returns the data each side received. */
function converse(a: TelnetCodec, b: TelnetCodec, first: { a?: Uint8Array[]; b?: Uint8Array[] }, split = (bytes: Uint8Array[]) => bytes) {
  let toB = first.a ?? [];
  let toA = first.b ?? [];
  const got = { a: [] as Uint8Array[], b: [] as Uint8Array[] };
  // Bounded: RFC 1143 guarantees a finite exchange; 50 rounds is far more than it needs.
  for (let round = 0; round < 50 && (toA.length > 0 || toB.length > 0); round++) {
    const nextToA: Uint8Array[] = [];
    const nextToB: Uint8Array[] = [];
    for (const c of split(toB)) {
      const r = b.receive(c);
      got.b.push(...r.data);
      nextToA.push(...r.replies);
    }
    for (const c of split(toA)) {
      const r = a.receive(c);
      got.a.push(...r.data);
      nextToB.push(...r.replies);
    }
    toA = nextToA;
    toB = nextToB;
  }
  if (toA.length > 0 || toB.length > 0) throw new Error('the two codecs never went quiet');
  return got;
}

describe('TelnetCodec server role', () => {
  it('offers WILL ECHO and WILL SGA and asks DO TTYPE and DO NAWS at start', () => {
    expect(flat(server().start())).toEqual([IAC, WILL, ECHO, IAC, WILL, SGA, IAC, DO, TTYPE, IAC, DO, NAWS]);
    expect(client().start()).toEqual([]);
  });

  it('asks TTYPE SEND once the client agrees, then reads TTYPE IS and NAWS into terminal', () => {
    const s = server();
    s.start();
    expect(flat(s.receive(Uint8Array.of(IAC, WILL, TTYPE)).replies)).toEqual([IAC, SB, TTYPE, 1, IAC, SE]);
    const name = [...Buffer.from('VT220')];
    const r = s.receive(Uint8Array.of(IAC, SB, TTYPE, 0, ...name, IAC, SE, IAC, WILL, NAWS, IAC, SB, NAWS, 0, 200, 0, 60, IAC, SE));
    expect(r.terminalChanged).toBe(true);
    expect(r.replies).toEqual([]);
    expect(s.terminal).toEqual({ type: 'VT220', columns: 200, rows: 60 });
  });

  it('ignores TTYPE IS and NAWS the client never agreed to, and a NAWS of the wrong length', () => {
    const s = server();
    const r = s.receive(Uint8Array.of(IAC, SB, TTYPE, 0, 0x78, IAC, SE, IAC, SB, NAWS, 0, 1, 0, 1, IAC, SE));
    expect(r.terminalChanged).toBeUndefined();
    s.receive(Uint8Array.of(IAC, WILL, NAWS));
    expect(s.receive(Uint8Array.of(IAC, SB, NAWS, 0, 1, 0, IAC, SE)).terminalChanged).toBeUndefined();
    expect(s.terminal).toEqual({ type: 'unknown', columns: 80, rows: 24 });
  });

  it('refuses everything else: DO TTYPE, DO NAWS, WILL ECHO, NEW-ENVIRON, unknown options', () => {
    const s = server();
    expect(flat(s.receive(Uint8Array.of(IAC, DO, TTYPE, IAC, DO, NAWS, IAC, WILL, ECHO, IAC, WILL, NEW_ENVIRON, IAC, DO, 200)).replies)).toEqual([
      IAC, WONT, TTYPE, IAC, WONT, NAWS, IAC, DONT, ECHO, IAC, DONT, NEW_ENVIRON, IAC, WONT, 200,
    ]);
  });

  it('passes CR NUL as CR and CR LF unchanged from the client, and pads a bare CR it sends', () => {
    const s = server();
    expect(text(s.receive(Buffer.from('show ver\r\0sh clock\r\n')).data)).toBe('show ver\rsh clock\r\n');
    expect(Array.from(s.encode(Buffer.from('a\rb\r\n')))).toEqual([0x61, 13, 0, 0x62, 13, 10]);
  });

  it('never sends NAWS itself on resize, and checks its role', () => {
    const s = server();
    s.receive(Uint8Array.of(IAC, WILL, NAWS));
    expect(s.resize(100, 40)).toEqual([]);
    expect(() => server({ role: 'peer' as never })).toThrow(/role must be 'client' or 'server'/);
  });
});

describe('a client-role codec talking to a server-role codec', () => {
  it('agree on ECHO, SGA, TTYPE and NAWS; the server learns the terminal; data passes both ways', () => {
    const s = server();
    const c = client();
    converse(c, s, { b: s.start() });
    expect([s.isEnabled('local', ECHO), s.isEnabled('local', SGA), s.isEnabled('remote', TTYPE), s.isEnabled('remote', NAWS)]).toEqual([true, true, true, true]);
    expect([c.isEnabled('remote', ECHO), c.isEnabled('remote', SGA), c.isEnabled('local', TTYPE), c.isEnabled('local', NAWS)]).toEqual([true, true, true, true]);
    expect(s.terminal).toEqual({ type: 'xterm', columns: 132, rows: 50 });
    const got = converse(c, s, { a: [c.encode(Buffer.from('enable\r'))], b: [s.encode(Buffer.from('Password: \xff\r\n', 'latin1'))] });
    expect(text(got.b)).toBe('enable\r');
    expect(text(got.a)).toBe('Password: \xff\r\n');
  });

  it('a client resize reaches the server as NAWS', () => {
    const s = server();
    const c = client();
    converse(c, s, { b: s.start() });
    const sent = c.resize(90, 30);
    const r = s.receive(sent[0]!);
    expect(r.terminalChanged).toBe(true);
    expect(s.terminal).toMatchObject({ columns: 90, rows: 30 });
  });

  it('with BINARY on both sides, CR NUL is data and nothing is padded', () => {
    const s = server({ binary: true });
    const c = client({ binary: true });
    converse(c, s, { a: c.start(), b: s.start() });
    expect(s.binarySend && s.binaryReceive && c.binarySend && c.binaryReceive).toBe(true);
    const got = converse(c, s, { a: [c.encode(Uint8Array.of(13, 0, 0x41))] });
    expect(flat(got.b)).toEqual([13, 0, 0x41]);
  });

  it('reach the same state however the wire is chunked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.boolean(), (size, binary) => {
        const s = server({ binary });
        const c = client({ binary });
        const split = (chunks: Uint8Array[]) => {
          const all = Uint8Array.from(flat(chunks));
          const out: Uint8Array[] = [];
          for (let i = 0; i < all.length; i += size) out.push(all.subarray(i, i + size));
          return out;
        };
        converse(c, s, { a: c.start(), b: s.start() }, split);
        expect(s.terminal).toEqual({ type: 'xterm', columns: 132, rows: 50 });
        expect(s.isEnabled('local', ECHO) && c.isEnabled('remote', ECHO)).toBe(true);
        expect(s.binaryReceive).toBe(binary);
      }),
      { numRuns: 40 },
    );
  });
});
