// The fault matrix: one test per cell (case x transport) of src/matrix.ts. Each
// asserts the error class, code and fields the table gives, that it came within
// its bound (a limit on the session's ManualClock, or an event while that clock
// stood still), and that nothing is left afterwards. Cells in known-failures.json
// must fail (it.fails), so a fixed bug shows up as a failure until it is unlisted.
import { describe, expect, it } from 'vitest';
import * as core from '@netx/core';
import { knownFailures } from '../src/known-failures.js';
import { CASES, cells, describeOutcome, isNa, isOk, type Cell, type Outcome } from '../src/matrix.js';
import type { Settled } from './helpers/clock.js';
import { Harness } from './helpers/harness.js';
import * as conn from './scenarios/connection-faults.js';
import * as dev from './scenarios/device-faults.js';

const SCENARIOS: Record<string, (h: Harness) => Promise<Settled>> = {
  'peer-closes-mid-command': dev.peerClosesMidCommand,
  'silent-peer': dev.silentPeer,
  'drip-with-deadline': dev.dripWithDeadline,
  'output-100mb-no-prompt': dev.output100MbNoPrompt,
  'line-10mb': dev.line10Mb,
  'garbage-flood': dev.garbageFlood,
  'iac-flood': conn.iacFlood,
  'iac-endless-subnegotiation': conn.iacEndlessSubnegotiation,
  'handshake-unanswered': conn.handshakeUnanswered,
  'connect-refused': conn.connectRefused,
  'dns-failure': conn.dnsFailure,
  'tls-plain-peer': conn.tlsPlainPeer,
  'tls-self-signed': conn.tlsSelfSigned,
  'login-loop': dev.loginLoop,
  'host-key-changed': dev.hostKeyChanged,
  'close-during-wait': dev.closeDuringWait,
  'close-during-connect': conn.closeDuringConnect,
  'abort-signal': dev.abortSignal,
};

function expectOutcome(got: Settled, want: Outcome): void {
  if (isOk(want)) {
    if ('error' in got) throw new Error(`expected success (${want.ok}), got ${String(got.error)}`);
    return;
  }
  if (!('error' in got)) throw new Error(`expected ${describeOutcome(want)}, but the call succeeded`);
  const err = got.error as core.NetxError & Record<string, unknown>;
  const cls = (core as unknown as Record<string, new (...args: never[]) => unknown>)[want.error]!;
  expect(err, `${describeOutcome(want)}, got ${String(err)}`).toBeInstanceOf(cls);
  expect(err.code).toBe(want.code);
  expect(core.isNetxError(err, want.code as core.NetxErrorCode)).toBe(true);
  for (const [field, value] of Object.entries(want.fields ?? {})) expect(err[field], `${want.error}.${field}`).toBe(value);
}

async function runCell(cell: Cell): Promise<void> {
  const h = new Harness(cell.transport);
  try {
    const got = await SCENARIOS[cell.fault.id]!(h);
    expectOutcome(got, cell.outcome as Outcome);
    if ('event' in cell.fault.bound) h.expectClocksStill();
    await h.finish();
  } finally {
    await h.abandon();
  }
}

const known = knownFailures();

for (const fault of CASES) {
  describe(`fault matrix: ${fault.id}`, () => {
    for (const cell of cells().filter((c) => c.fault === fault && !isNa(c.outcome))) {
      const name = `${cell.key}: ${describeOutcome(cell.outcome)}`;
      const cause = known.get(cell.key);
      if (cause === undefined) it(name, () => runCell(cell), 120_000);
      else it.fails(`${name} [known failure: ${cause}]`, () => runCell(cell), 120_000);
    }
  });
}

describe('fault matrix: the table', () => {
  it('every case has a scenario and every scenario a case', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(CASES.map((c) => c.id).sort());
  });
  it('case ids are unique and every transport either runs or says why not', () => {
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
    for (const cell of cells()) if (isNa(cell.outcome)) expect(cell.outcome.na.length, cell.key).toBeGreaterThan(0);
  });
});
