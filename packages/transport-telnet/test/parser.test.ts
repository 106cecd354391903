import { describe, expect, it } from 'vitest';
import { TelnetParser, type TelnetEvent } from '../src/index.js';

const IAC = 255, DO = 253, WILL = 251, SB = 250, SE = 240, NOP = 241;

function parse(parser: TelnetParser, ...chunks: number[][]): TelnetEvent[] {
  const events: TelnetEvent[] = [];
  for (const c of chunks) parser.feed(Uint8Array.from(c), (e) => events.push(e));
  return events;
}

const simplify = (events: TelnetEvent[]) =>
  events.map((e) => (e.type === 'data' ? { type: 'data', bytes: Array.from(e.bytes) } : e.type === 'subnegotiation' ? { ...e, data: Array.from(e.data) } : e));

describe('TelnetParser', () => {
  it('splits data around commands in stream order', () => {
    const events = simplify(parse(new TelnetParser(), [0x61, IAC, WILL, 1, 0x62, IAC, NOP, 0x63]));
    expect(events).toEqual([
      { type: 'data', bytes: [0x61] },
      { type: 'negotiate', command: WILL, option: 1 },
      { type: 'data', bytes: [0x62] },
      { type: 'command', command: NOP },
      { type: 'data', bytes: [0x63] },
    ]);
  });

  it('undoes IAC IAC in data and inside a subnegotiation, across chunks', () => {
    const events = simplify(parse(new TelnetParser(), [0x61, IAC], [IAC, IAC, SB, 31, 0, IAC], [IAC, 0, 24, IAC], [SE]));
    expect(events).toEqual([
      { type: 'data', bytes: [0x61] },
      { type: 'data', bytes: [0xff] },
      { type: 'subnegotiation', option: 31, data: [0, 0xff, 0, 24] },
    ]);
  });

  it('CR NUL -> CR, CR LF kept, even when the NUL comes in the next chunk', () => {
    const events = simplify(parse(new TelnetParser(), [0x61, 13], [0, 0x62, 13, 10, 0]));
    expect(events).toEqual([
      { type: 'data', bytes: [0x61, 13] },
      { type: 'data', bytes: [0x62, 13, 10, 0] },
    ]);
  });

  it('keeps CR NUL when the peer sends BINARY', () => {
    const p = new TelnetParser();
    p.binary = true;
    expect(simplify(parse(p, [13, 0]))).toEqual([{ type: 'data', bytes: [13, 0] }]);
  });

  it('reports IAC + non-command as a violation and drops both bytes', () => {
    const events = simplify(parse(new TelnetParser(), [0x61, IAC, 0x41, 0x62]));
    expect(events.map((e) => e.type)).toEqual(['data', 'violation', 'data']);
    expect(events[1]).toMatchObject({ reason: 'bad-command' });
  });

  it('an IAC command inside SB aborts the SB and is then handled', () => {
    const events = simplify(parse(new TelnetParser(), [IAC, SB, 24, 1, IAC, DO, 3, 0x7a]));
    expect(events).toEqual([
      { type: 'violation', reason: 'subnegotiation-aborted', detail: expect.any(String) },
      { type: 'negotiate', command: DO, option: 3 },
      { type: 'data', bytes: [0x7a] },
    ]);
  });

  it('an overlong SB becomes a violation and the parser returns to data', () => {
    const p = new TelnetParser(4);
    const events = simplify(parse(p, [IAC, SB, 24, 1, 2, 3, 4, 5, 6]));
    expect(events).toEqual([
      { type: 'violation', reason: 'subnegotiation-too-long', detail: expect.stringContaining('4 bytes') },
      { type: 'data', bytes: [6] },
    ]);
  });
});
