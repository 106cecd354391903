import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defineDriver } from '../src/index.js';
import { OsGuesser } from '../src/guess/os-guesser.js';
import { compileSignal, SIGNAL_OVERLAP } from '../src/guess/signal-scanner.js';

const ios = defineDriver({
  name: 'ios',
  guess: { protocol: [{ match: 'Cisco', score: 80 }], head: [{ match: 'User Access Verification', score: 60 }, { match: /user ?name: ?$/i, score: 30 }] },
});
const aix = defineDriver({ name: 'aix', guess: { head: [{ match: /[\r\n]Authorized Login: $/, score: 70 }, { match: /\bAIX\b/, score: 75 }] } });
const junos = defineDriver({ name: 'junos', guess: { head: [{ match: /\bjunos\b/i, score: 80 }] } });
const xr = defineDriver({ name: 'ios_xr', guess: { response: [{ match: /[\r\n\x00]RP\/\d+\/(?:RS?P)?\d+\/CPU\d+:[^#]+(?:\([^)]+\))?#$/, score: 95 }] } });
const fortios = defineDriver({ name: 'fortios', guess: { head: [{ match: /^[a-zA-Z0-9-_ .]+ (?:\$|#) $/, score: 50 }] } });
const drivers = [ios, aix, junos, xr, fortios];

function feedChunks(text: string, sizes: number[]): OsGuesser {
  const g = new OsGuesser(drivers);
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const n = Math.max(1, sizes[k++ % Math.max(1, sizes.length)] ?? 1);
    g.data(text.slice(i, i + n));
    i += n;
  }
  return g;
}

describe('OsGuesser', () => {
  it('is unknown before anything scored', () => {
    const g = new OsGuesser(drivers);
    expect(g.best()).toBe('unknown');
    g.data('hello\r\n');
    expect(g.best()).toBe('unknown');
  });

  it('scores the protocol greeting', () => {
    const g = new OsGuesser(drivers);
    g.protocolInfo('SSH-2.0-Cisco-1.25');
    expect(g.best()).toBe('ios');
    expect(g.bestScore()).toBe(80);
  });

  it('counts an end-anchored prompt that was followed by more text', () => {
    const g = new OsGuesser(drivers);
    g.data('\r\nAuthorized Login: root\r\nPassword: ');
    expect(g.best()).toBe('aix');
  });

  it('stops head signals after endHead, keeps response signals', () => {
    const g = new OsGuesser(drivers);
    g.endHead();
    g.data('this is junos\r\n');
    expect(g.best()).toBe('unknown');
    g.data('\r\nRP/0/RSP0/CPU0:router#');
    expect(g.best()).toBe('ios_xr');
  });

  it('honours ^ only at the very start', () => {
    expect(feedChunks('FGT # ', [100]).best()).toBe('fortios');
    expect(feedChunks('x\r\nFGT # ', [1]).best()).toBe('unknown');
  });

  it('breaks ties by the earliest match, then by driver order', () => {
    const a = defineDriver({ name: 'a', guess: { head: [{ match: 'zzz', score: 50 }] } });
    const b = defineDriver({ name: 'b', guess: { head: [{ match: 'yyy', score: 50 }] } });
    const g = new OsGuesser([a, b]);
    g.data('yyy then zzz');
    expect(g.best()).toBe('b');
    const h = new OsGuesser([a, b]);
    h.data('zzz then yyy');
    expect(h.best()).toBe('a');
  });

  it('gives the same answer and scores for any chunking', () => {
    const pieces = fc.constantFrom(
      'User Access Verification\r\n', 'Username: ', 'AIX', ' AIXY ', 'junos', 'JUNOS ', '\r\nAuthorized Login: ',
      '\r\nRP/0/RSP0/CPU0:r1#', 'FGT # ', 'x', '\r\n', ' ', 'Password: ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (parts, sizes) => {
        const text = parts.join('');
        const whole = feedChunks(text, [text.length || 1]);
        const chunked = feedChunks(text, sizes);
        const single = feedChunks(text, [1]);
        expect(chunked.scores()).toEqual(whole.scores());
        expect(single.scores()).toEqual(whole.scores());
      }),
      { numRuns: 300 },
    );
  });

  it('finds a match that straddles chunks far into a long stream', () => {
    const filler = 'x'.repeat(SIGNAL_OVERLAP * 3) + '\r\n';
    const g = feedChunks(`${filler}this runs jun` + `os today ${filler}`, [7, 1000, 3]);
    expect(g.best()).toBe('junos');
  });

  it('drops only a trailing unescaped $', () => {
    expect(compileSignal(/a\$/).re.source).toBe('a\\$');
    expect(compileSignal(/a$/).re.source).toBe('a');
    expect(compileSignal(/a\\$/).re.source).toBe('a\\\\');
    expect(compileSignal('a.b$').re.test('xa.b$')).toBe(true);
  });
});
