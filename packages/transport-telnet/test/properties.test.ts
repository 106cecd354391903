// Property tests: chunking never changes what comes out, garbage never throws,
// encoding round-trips, and two negotiators always go quiet.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TelnetCodec, TelnetNegotiator, TelnetParser, encodeData, type Side } from '../src/index.js';

const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251, SB = 250, SE = 240, NOP = 241, GA = 249;
const OPTIONS = [0, 1, 3, 24, 31, 34, 39];

/** One piece of a stream a telnet server may send, with the data the client must see for it. */
interface Token {
  wire: number[];
  /** Data bytes before CR NUL folding; undefined for commands. */
  data?: number[];
}

const dataToken = fc
  .array(fc.oneof(fc.constantFrom(13, 10, 0, 0x41), fc.integer({ min: 0, max: 254 })), { minLength: 1, maxLength: 12 })
  .map((data): Token => ({ wire: data, data }));
const iacIac = fc.constant<Token>({ wire: [IAC, IAC], data: [IAC] });
const negotiation = fc
  .tuple(fc.constantFrom(WILL, WONT, DO, DONT), fc.constantFrom(...OPTIONS))
  .map(([c, o]): Token => ({ wire: [IAC, c, o] }));
const ttypeSend = fc.constant<Token>({ wire: [IAC, SB, 24, 1, IAC, SE] });
const nawsSb = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 })
  .map((d): Token => ({ wire: [IAC, SB, 31, ...d.flatMap((b) => (b === IAC ? [IAC, IAC] : [b])), IAC, SE] }));
const twoByte = fc.constantFrom(NOP, GA, 244, 246).map((c): Token => ({ wire: [IAC, c] }));
const token = fc.oneof(
  { weight: 4, arbitrary: dataToken },
  { weight: 1, arbitrary: iacIac },
  { weight: 3, arbitrary: negotiation },
  { weight: 1, arbitrary: ttypeSend },
  { weight: 1, arbitrary: nawsSb },
  { weight: 1, arbitrary: twoByte },
);

/** Cuts `bytes` at the given positions (any order, duplicates allowed). */
function chunk(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(bytes.subarray(prev, p));
    prev = p;
  }
  out.push(bytes.subarray(prev));
  return out;
}

function run(chunks: Uint8Array[], binary: boolean): { data: number[]; replies: number[]; violations: number } {
  const codec = new TelnetCodec({ termType: 'xterm', columns: 80, rows: 24, binary });
  const data: number[] = [];
  const replies: number[] = [];
  let violations = 0;
  for (const c of chunks) {
    const r = codec.receive(c);
    for (const d of r.data) data.push(...d);
    for (const d of r.replies) replies.push(...d);
    violations += r.violations.length;
  }
  return { data, replies, violations };
}

/** What the client must deliver: data tokens in order, CR NUL folded, commands in between reset CR. */
function expectedData(tokens: Token[]): number[] {
  const out: number[] = [];
  let afterCr = false;
  for (const t of tokens) {
    if (!t.data) {
      afterCr = false;
      continue;
    }
    if (t.wire[0] === IAC) {
      out.push(IAC);
      afterCr = false;
      continue;
    }
    for (const b of t.data) {
      if (b === 0 && afterCr) {
        afterCr = false;
        continue;
      }
      afterCr = b === 13;
      out.push(b);
    }
  }
  return out;
}

describe('properties', () => {
  it('any chunking of a negotiated stream yields the same data and the same replies', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (tokens, cuts, binary) => {
        const stream = Uint8Array.from(tokens.flatMap((t) => t.wire));
        const whole = run([stream], binary);
        const pieces = run(chunk(stream, cuts), binary);
        const bytewise = run(Array.from(stream, (b) => Uint8Array.of(b)), binary);
        expect(pieces).toEqual(whole);
        expect(bytewise).toEqual(whole);
        expect(whole.violations).toBe(0);
        if (!binary) expect(whole.data).toEqual(expectedData(tokens));
      }),
      { numRuns: 500 },
    );
  });

  it('fuzzed garbage never throws, and data never grows', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.integer({ min: 0, max: 64 }),
        (bytes, cuts, max) => {
          const codec = new TelnetCodec({ termType: 'vt100', columns: 80, rows: 24, binary: max % 2 === 0, maxSubnegotiation: max });
          let data = 0;
          for (const c of chunk(bytes, cuts)) {
            const r = codec.receive(c);
            for (const d of r.data) data += d.length;
          }
          expect(data).toBeLessThanOrEqual(bytes.length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the parser is chunking-independent on garbage too', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 20 }), (bytes, cuts) => {
        const collect = (chunks: Uint8Array[]) => {
          const p = new TelnetParser(16);
          const events: unknown[] = [];
          const data: number[] = [];
          for (const c of chunks)
            p.feed(c, (e) => {
              if (e.type === 'data') data.push(...e.bytes);
              else events.push(e.type === 'subnegotiation' ? { ...e, data: Array.from(e.data) } : e);
            });
          return { events, data };
        };
        expect(collect(chunk(bytes, cuts))).toEqual(collect([bytes]));
      }),
      { numRuns: 500 },
    );
  });

  it('encodeData then parsing gives the original bytes back (NVT and binary)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, binary) => {
        const parser = new TelnetParser();
        parser.binary = binary;
        const out: number[] = [];
        parser.feed(encodeData(bytes, binary), (e) => {
          if (e.type === 'data') out.push(...e.bytes);
          else throw new Error(`unexpected ${e.type}`);
        });
        expect(out).toEqual(Array.from(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('two Q-method negotiators always go quiet and agree on every option', () => {
    const op = fc.record({
      who: fc.constantFrom(0, 1),
      side: fc.constantFrom<Side>('local', 'remote'),
      option: fc.constantFrom(1, 3, 31),
      enable: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), fc.boolean(), fc.boolean(), (ops, aAccepts, bAccepts) => {
        const all = new Set([1, 3, 31]);
        const none = new Set<number>();
        const peers = [
          new TelnetNegotiator({ local: aAccepts ? all : none, remote: aAccepts ? all : none }),
          new TelnetNegotiator({ local: bAccepts ? all : none, remote: bAccepts ? all : none }),
        ] as const;
        const inbox: [number[][], number[][]] = [[], []];
        const post = (from: 0 | 1, replies: Uint8Array[]) => {
          for (const r of replies) inbox[from === 0 ? 1 : 0].push(Array.from(r));
        };
        let messages = 0;
        const pump = () => {
          for (let round = 0; round < 1000 && (inbox[0].length || inbox[1].length); round++) {
            for (const to of [0, 1] as const) {
              const msg = inbox[to].shift();
              if (!msg) continue;
              messages++;
              post(to, peers[to].receive(msg[1]!, msg[2]!).replies);
            }
          }
        };
        for (const o of ops) {
          const n = peers[o.who as 0 | 1];
          post(o.who as 0 | 1, (o.enable ? n.request(o.side, o.option) : n.release(o.side, o.option)).replies);
          if (o.option !== 31) pump(); // leave some requests crossing in flight
        }
        pump();
        expect(inbox[0].length + inbox[1].length).toBe(0);
        expect(messages).toBeLessThanOrEqual(ops.length * 4);
        for (const opt of [1, 3, 31]) {
          expect(peers[0].isEnabled('local', opt)).toBe(peers[1].isEnabled('remote', opt));
          expect(peers[0].isEnabled('remote', opt)).toBe(peers[1].isEnabled('local', opt));
        }
      }),
      { numRuns: 500 },
    );
  });
});
