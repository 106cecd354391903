import { describe, expect, it } from 'vitest';
import { TelnetNegotiator, type NegotiationResult } from '../src/index.js';

const IAC = 255, DONT = 254, DO = 253, WONT = 252, WILL = 251;
const ECHO = 1, SGA = 3, NAWS = 31;

const policy = { local: new Set([NAWS, SGA]), remote: new Set([ECHO, SGA]) };
const bytes = (r: NegotiationResult) => r.replies.map((b) => Array.from(b));

describe('TelnetNegotiator (RFC 1143 Q method)', () => {
  it('agrees to accepted options once and refuses others', () => {
    const n = new TelnetNegotiator(policy);
    expect(bytes(n.receive(WILL, ECHO))).toEqual([[IAC, DO, ECHO]]);
    expect(n.isEnabled('remote', ECHO)).toBe(true);
    expect(bytes(n.receive(WILL, ECHO))).toEqual([]);
    expect(bytes(n.receive(DO, NAWS))).toEqual([[IAC, WILL, NAWS]]);
    expect(bytes(n.receive(DO, NAWS))).toEqual([]);
    expect(bytes(n.receive(DO, ECHO))).toEqual([[IAC, WONT, ECHO]]);
    expect(bytes(n.receive(WILL, 200))).toEqual([[IAC, DONT, 200]]);
    // a refused option stays NO: a repeated offer is refused again (the peer's loop, not ours)
    expect(n.isEnabled('remote', 200)).toBe(false);
  });

  it('disables on WONT/DONT with one acknowledgement, none when already off', () => {
    const n = new TelnetNegotiator(policy);
    n.receive(WILL, SGA);
    const r = n.receive(WONT, SGA);
    expect(bytes(r)).toEqual([[IAC, DONT, SGA]]);
    expect(r.changes).toEqual([{ side: 'remote', option: SGA, enabled: false }]);
    expect(bytes(n.receive(WONT, SGA))).toEqual([]);
    expect(bytes(n.receive(DONT, NAWS))).toEqual([]);
  });

  it('our request answered positively is not answered again (WANTYES -> YES)', () => {
    const n = new TelnetNegotiator(policy);
    expect(bytes(n.request('remote', SGA))).toEqual([[IAC, DO, SGA]]);
    expect(bytes(n.request('remote', SGA))).toEqual([]);
    const r = n.receive(WILL, SGA);
    expect(bytes(r)).toEqual([]);
    expect(r.changes).toEqual([{ side: 'remote', option: SGA, enabled: true }]);
  });

  it('our request refused leaves the option off without a reply', () => {
    const n = new TelnetNegotiator(policy);
    n.request('local', SGA);
    expect(bytes(n.receive(DONT, SGA))).toEqual([]);
    expect(n.isEnabled('local', SGA)).toBe(false);
  });

  it('queue bit: enable while a disable is pending asks again after the peer agrees to disable', () => {
    const n = new TelnetNegotiator(policy);
    n.receive(WILL, SGA);
    expect(bytes(n.release('remote', SGA))).toEqual([[IAC, DONT, SGA]]);
    expect(bytes(n.request('remote', SGA))).toEqual([]); // queued
    expect(bytes(n.receive(WONT, SGA))).toEqual([[IAC, DO, SGA]]);
    expect(bytes(n.receive(WILL, SGA))).toEqual([]);
    expect(n.isEnabled('remote', SGA)).toBe(true);
  });

  it('queue bit: disable while an enable is pending sends DONT once the peer agrees', () => {
    const n = new TelnetNegotiator(policy);
    n.request('remote', ECHO);
    expect(bytes(n.release('remote', ECHO))).toEqual([]);
    expect(bytes(n.receive(WILL, ECHO))).toEqual([[IAC, DONT, ECHO]]);
    expect(bytes(n.receive(WONT, ECHO))).toEqual([]);
    expect(n.isEnabled('remote', ECHO)).toBe(false);
  });
});
