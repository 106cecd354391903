import { describe, expect, it } from 'vitest';
import { ALL_PAGERS, pagers, stripAnsi } from '../src/index.js';

const { ASA_MORE, DASH_MORE, JUNOS_MORE, LESS_END, MORE, MORE_OR_QUIT, MORE_WITH_KEYS, PROCURVE_MORE, SMARTAX_CR, SMARTAX_MORE, SROS_MORE, TMSH_LESS, VRP_MORE } =
  pagers;

// [text as received (pager last), rule that must match it]
const seen: [string, typeof MORE][] = [
  ['line 24\r\n--More--', MORE],
  ['line 24\r\n --More-- ', MORE],
  ['line 24\r\n\x1b[7m--More--\x1b[27m', MORE],
  ['line 24\r\n\x1b[7m--More--\x1b[m ', MORE],
  ['line 24\r\n-- More --', MORE],
  ['line 24\r\n--more--', MORE],
  ['line 24\r\n--More--(42%)', MORE],
  ['line 24\r\n--More-- or (q)uit', MORE_OR_QUIT],
  ['line 24\r\n--More--, next page: Space, next line: Return key, quit: Control-c', MORE_WITH_KEYS],
  ['line 24\r\n-- MORE --, next page: Space, next line: Enter, quit: Control-C', PROCURVE_MORE],
  ['line 24\r\n---(more)---', JUNOS_MORE],
  ['line 24\r\n---(more 50%)---', JUNOS_MORE],
  ['line 24\r\n---(less 21%)---', TMSH_LESS],
  ['line 24\r\n---- More ----', VRP_MORE],
  ['line 24\r\n  ---- More ----', VRP_MORE],
  ['line 24\r\n  ---- More ----\x1b[42D', VRP_MORE],
  ["line 24\r\n---- More ( Press 'Q' to break ) ----", SMARTAX_MORE],
  ['display ont info\r\n{ <cr>|ont<K>|port<K> }:', SMARTAX_CR],
  ['line 24\r\n<--- More --->', ASA_MORE],
  ['line 24\r\n---- More', DASH_MORE],
  ['line 24\r\nPress any key to continue (Q to quit)', SROS_MORE],
  ['line 24\r\n(END)', LESS_END],
];

describe('pager rules', () => {
  it.each(seen)('%j is answered by its rule', (text, rule) => {
    const m = rule.pattern.exec(text);
    expect(m).not.toBeNull();
    // The whole pager (with its blanks and ANSI) is what the engine strips.
    expect(text.slice(0, m!.index).endsWith('\n')).toBe(true);
    expect(stripAnsi(m![0]).trim().length).toBeGreaterThan(0);
  });

  it.each(seen)('ALL_PAGERS answers %j with the right key', (text, rule) => {
    const first = ALL_PAGERS.find((r) => r.pattern.test(text));
    expect(first?.answer).toBe(rule.answer);
  });

  it('only counts a pager that is the last thing received', () => {
    for (const [text] of seen) {
      for (const r of ALL_PAGERS) expect(r.pattern.test(`${text}\r\nmore output`)).toBe(false);
    }
  });

  it('does not answer output that merely mentions more', () => {
    const outputs = ['show more', 'description --More-- link', 'Press any key', 'END', 'no more\r\n', 'router#'];
    for (const o of outputs) for (const r of ALL_PAGERS) expect(r.pattern.test(o), `${r.pattern} on ${o}`).toBe(false);
  });

  it('the most specific rule comes first in ALL_PAGERS', () => {
    const smartax = "---- More ( Press 'Q' to break ) ----";
    expect(ALL_PAGERS.find((r) => r.pattern.test(smartax))).toBe(SMARTAX_MORE);
    expect(ALL_PAGERS.find((r) => r.pattern.test('--More-- or (q)uit'))).toBe(MORE_OR_QUIT);
  });
});

describe('stripAnsi', () => {
  it('removes colours, bracketed paste, titles and a half-received sequence', () => {
    expect(stripAnsi('\x1b[?2004h\x1b]0;user@host: ~\x07\x1b[01;32muser@host\x1b[00m:\x1b[01;34m~\x1b[00m$ ')).toBe('user@host:~$ ');
    expect(stripAnsi('A:srl# \x1b[')).toBe('A:srl# ');
    expect(stripAnsi('A:srl# \x1b[1')).toBe('A:srl# ');
    expect(stripAnsi('A:srl# \x1b')).toBe('A:srl# ');
    expect(stripAnsi('\x1b(B\x1b[mplain\x1b7\x1b8')).toBe('plain');
    expect(stripAnsi('no escapes here')).toBe('no escapes here');
  });
});
