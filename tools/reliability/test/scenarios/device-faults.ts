// Cells whose fault the device simulator scripts (its `faults` and command
// handlers): what the device does wrong once the connection is up.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ManualClock } from '@netx/core/testing';
import { LIMITS } from '../../src/matrix.js';
import { atLimit, settled, type Settled } from '../helpers/clock.js';
import { admin, type Client, type Harness } from '../helpers/harness.js';
import { nextTurn, settleWithin, track, until } from '../helpers/wait.js';
import { streamingCommand } from './streaming.js';

async function connectAndLogin(c: Client, port: number): Promise<void> {
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  await settleWithin(c.conn.login(admin()), 'login()');
}

export async function peerClosesMidCommand(h: Harness): Promise<Settled> {
  const { port } = await h.fleet({ faults: { dropMidCommand: { command: 'show version', afterBytes: 200 } } });
  const c = h.client();
  await connectAndLogin(c, port);
  const outcome = await settleWithin(settled(c.conn.execute('show version')), 'execute() to end with the cut connection');
  if ('error' in outcome) {
    const err = outcome.error as { reason?: string; response?: string };
    expect(['closed', 'reset']).toContain(err.reason);
    expect(err.response, 'the output received before the cut').toContain('Cisco IOS Software');
  }
  return outcome;
}

export async function silentPeer(h: Harness): Promise<Settled> {
  const { port } = await h.fleet({ faults: { hang: true } });
  const c = h.client();
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  return atLimit(c.clock, c.conn.login(admin()), LIMITS.timeout, 'login()');
}

/**
 * The device's clock and the client's move in lockstep, one drip (10 ms) per byte:
 * a byte leaves the device, the client receives it, then the client's clock moves.
 * So data comes every 10 ms of session time, the 500 ms inactivity limit never
 * passes, and only the deadline can end the call.
 */
export async function dripWithDeadline(h: Harness): Promise<Settled> {
  const device = new ManualClock();
  const { port } = await h.fleet({ faults: { drip: LIMITS.drip } }, { clock: device });
  const c = h.client();
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  // The login drips too; only the device's clock moves, so no client limit can pass.
  const login = track(c.conn.login(admin()));
  await until(() => {
    if (device.pending() > 0) device.advance(LIMITS.drip);
    return login.settled;
  }, 'login() through the drip');
  await login.promise;
  const start = c.clock.now();
  const call = c.conn.execute('show running-config', { deadline: LIMITS.dripDeadline, timeout: LIMITS.dripTimeout });
  const t = track(call);
  const outcome = settled(call);
  while (c.clock.now() - start < LIMITS.dripDeadline) {
    expect(t.settled, `execute() settled after ${c.clock.now() - start} ms of session time, before its deadline`).toBe(false);
    await until(() => device.pending() > 0, `the device to have a byte to drip (${c.clock.now() - start} ms into the command)`);
    const before = c.received();
    device.advance(LIMITS.drip);
    await until(() => c.received() > before, 'the client to receive the next dripped byte');
    await c.clock.advanceAsync(LIMITS.drip);
  }
  await until(() => t.settled, `execute() to settle at its deadline (${LIMITS.dripDeadline} ms of session time)`);
  return outcome;
}

export async function output100MbNoPrompt(h: Harness): Promise<Settled> {
  const cmd = streamingCommand(LIMITS.output);
  const { port } = await h.fleet({ overrides: { commands: { 'show tech-support': cmd.handler } } });
  const c = h.client();
  cmd.follow(c);
  h.defer(() => cmd.stop());
  await connectAndLogin(c, port);
  const outcome = await settleWithin(settled(c.conn.execute('show tech-support')), 'execute() to fail at maxBufferSize', 60_000);
  // Memory stays bounded: the buffer holds at most maxBufferSize, and more output
  // with no wait pending (the device keeps talking) trims it again.
  expect(c.conn.getBuffer().length).toBeLessThanOrEqual(LIMITS.maxBufferSize);
  expect(c.received()).toBeGreaterThan(LIMITS.maxBufferSize);
  const more = c.received() + LIMITS.maxBufferSize / 2 + 1024 * 1024;
  await until(() => c.received() >= more || cmd.done(), 'the device to send 9 MiB more after the error', 60_000);
  expect(c.conn.getBuffer().length).toBeLessThanOrEqual(LIMITS.maxBufferSize);
  if ('error' in outcome) expect(String((outcome.error as { response?: string }).response ?? '').length).toBeLessThanOrEqual(LIMITS.errorTail);
  return outcome;
}

export async function line10Mb(h: Harness): Promise<Settled> {
  const line = `BEGIN${'x'.repeat(LIMITS.line - 8)}END`;
  const { port } = await h.fleet({ overrides: { commands: { 'show long-line': () => `${line}\n` } } });
  const c = h.client();
  await connectAndLogin(c, port);
  const outcome = await settleWithin(settled(c.conn.execute('show long-line')), 'execute() of the 10 MB line', 60_000);
  if ('value' in outcome) {
    const response = (outcome.value as { response: string }).response;
    expect(response.length).toBeGreaterThanOrEqual(line.length);
    expect(response.includes(line), 'the whole line is in the response').toBe(true);
  }
  return outcome;
}

export async function garbageFlood(h: Harness): Promise<Settled> {
  const { port } = await h.fleet({ faults: { garbage: { bytes: LIMITS.garbage, only: true } } });
  const c = h.client();
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  // The limit is judged once all the noise is in (each chunk restarts the inactivity limit).
  const outcome = await atLimit(c.clock, c.conn.login(admin()), LIMITS.timeout, 'login()', () => c.received() >= LIMITS.garbage);
  expect(c.received()).toBe(LIMITS.garbage);
  if ('error' in outcome) expect(String((outcome.error as { response?: string }).response ?? '').length).toBeLessThanOrEqual(LIMITS.errorTail);
  return outcome;
}

export async function loginLoop(h: Harness): Promise<Settled> {
  const { port } = await h.fleet({ faults: { loginLoop: true } });
  const c = h.client();
  await settleWithin(c.conn.connect('127.0.0.1', port), 'connect()');
  return settleWithin(settled(c.conn.login(admin())), 'login() to give up');
}

export async function hostKeyChanged(h: Harness): Promise<Settled> {
  const { fleet, port } = await h.fleet({ faults: { changedHostKey: true } });
  const knownHosts = join(h.tempDir(), 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${fleet.hostKey.publicKey}\n`);
  const c = h.client({ ssh: { hostKeyPolicy: 'strict', knownHostsPath: knownHosts } });
  return settleWithin(settled(c.conn.connect('127.0.0.1', port)), 'connect() to check the host key');
}

/** Logged in to a device whose `show slow` answers only when the cell ends; `execute()` is pending once the echo is back. */
async function pendingExecute(h: Harness, opts: { signal?: AbortSignal } = {}): Promise<{ c: Client; call: Promise<Settled> }> {
  let answer: (text: string) => void = () => undefined;
  const slow = () => new Promise<string>((resolve) => (answer = resolve));
  h.defer(() => answer('too late\n'));
  const { fleet, port } = await h.fleet({ overrides: { commands: { 'show slow': slow } } });
  const c = h.client();
  await connectAndLogin(c, port);
  const before = c.received();
  const call = settled(c.conn.execute('show slow', opts));
  await until(() => c.received() > before, 'the echo of the command (the device is now delaying its answer)');
  await nextTurn();
  expect(fleet.connections).toBe(1);
  return { c, call };
}

export async function closeDuringWait(h: Harness): Promise<Settled> {
  const { c, call } = await pendingExecute(h);
  await settleWithin(c.conn.close(), 'close() during the wait');
  return settleWithin(call, 'execute() to end after close()');
}

export async function abortSignal(h: Harness): Promise<Settled> {
  const abort = new AbortController();
  const { call } = await pendingExecute(h, { signal: abort.signal });
  abort.abort();
  const outcome = await settleWithin(call, 'execute() to end after abort()');
  // The abort alone closes the session: the device sees the connection go without close().
  await until(() => h.openConnections() === 0, 'the device to see the connection closed by the abort');
  return outcome;
}
