// The runner against in-process virtual devices (@netx/transport-dummy) on a
// ManualClock: records, concurrency, failures by code, retries and backoff,
// per-host deadline, abort, session logs and secrets, writers.
import { getEventListeners } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Account, type AccountFactory } from '@netx/core';
import { flushMicrotasks, ManualClock } from '@netx/core/testing';
import { allDrivers } from '@netx/drivers';
import { buildInventory, envAccounts, runFleet, writeJson, writeNdjson, type FleetOptions, type HostResult, type InventoryData, type Job, type TransportFactory } from '../src/index.js';
import { counting, dummyFactory, echoingDevice, IOS_USER, ios, junos, type Counter } from './helpers/lab.js';

const accounts = envAccounts({ env: { NETX_PASSWORD: IOS_USER.password, NETX_ENABLE_PASSWORD: IOS_USER.enable } });
const tmp = mkdtempSync(join(tmpdir(), 'netx-fleet-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function setup(devices: Parameters<typeof dummyFactory>[0], hosts: InventoryData['hosts'], extra: Partial<FleetOptions> = {}) {
  const counter = counting(dummyFactory(devices));
  const clock = new ManualClock();
  const inv = buildInventory({ defaults: { username: IOS_USER.name }, hosts });
  const opts: FleetOptions = { transports: { dummy: counter.factory }, accounts, drivers: allDrivers, clock, ...extra };
  return { counter, clock, inv, start: (job: Job) => runFleet(inv, job, opts) };
}

/** Lets the run make progress until `cond` holds (bounded). */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await flushMicrotasks(5);
  if (!cond()) throw new Error(`gave up waiting for ${what}`);
}

const byHost = (rs: readonly HostResult[]) => Object.fromEntries(rs.map((r) => [r.host, r]));

describe('runFleet on virtual devices', () => {
  it('runs the commands on every host and reports each one with driver, outputs and timings', async () => {
    const { counter, start } = setup({ r1: ios('r1'), r2: ios('r2'), j1: junos('j1') }, { r1: 'dummy://r1', r2: 'dummy://r2', j1: 'dummy://j1' });
    const run = start({ commands: ['show version'], autoInit: true, enable: true });
    const seen: string[] = [];
    for await (const r of run) seen.push(r.host);
    const { results, summary } = await run.collect();
    expect(seen.sort()).toEqual(['j1', 'r1', 'r2']);
    expect(summary).toEqual({ total: 3, ok: 3, failed: 0, aborted: 0, durationMs: 0, errors: {} });
    const r = byHost(results);
    expect(r.r1).toMatchObject({ host: 'r1', url: 'dummy://admin@r1', ok: true, started: true, driver: 'ios', attempts: 1, timings: { startedAt: 0, connectMs: 0, loginMs: 0, totalMs: 0 } });
    expect(r.r1!.outputs.map((o) => o.command)).toEqual(['show version']);
    expect(r.r1!.outputs[0]!.output.split('\n')[0]).toBe('Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc2)');
    expect(r.r1!.outputs[0]!.output).not.toContain('--More--');
    expect(r.j1).toMatchObject({ ok: true, driver: 'junos' });
    expect(r.j1!.outputs[0]!.output).toMatch(/^Hostname: j1\nModel: /);
    expect(r.r1!.error).toBeUndefined();
    expect(counter.open()).toBe(0);
    expect(counter.closes.every(([, force]) => !force)).toBe(true);
  });

  it('never has more sessions open than the concurrency limit', async () => {
    const names = Array.from({ length: 7 }, (_, i) => `r${i}`);
    const { counter, start } = setup(Object.fromEntries(names.map((n) => [n, ios(n)])), Object.fromEntries(names.map((n) => [n, `dummy://${n}`])), { concurrency: 3 });
    const { summary } = await start({ commands: ['show clock'] }).collect();
    expect(summary.ok).toBe(7);
    expect(counter.maxOpen()).toBe(3);
    expect(counter.open()).toBe(0);
  });

  it('reports each failure with its code and message; the other hosts still succeed', async () => {
    const wrongFor = (host: string): AccountFactory => ({
      create: async (ctx) => (ctx.host === host ? new Account({ name: IOS_USER.name, password: 'wrong-pw' }) : accounts.create(ctx)),
    });
    const { counter, start } = setup(
      { ok: ios('ok'), bad: ios('bad'), pw: ios('pw') },
      { ok: 'dummy://ok', ghost: 'dummy://ghost', ftp: 'ftp://ok', drv: { url: 'dummy://ok', driver: 'nosuch' }, pw: 'dummy://pw', bad: 'dummy://bad' },
      { accounts: wrongFor('pw') },
    );
    const { results, summary } = await start({ commands: ['show clock', 'show nonsense', 'show version'] }).collect();
    const r = byHost(results);
    expect(r.ghost!.error).toMatchObject({ code: 'NETX_CONNECTION', name: 'ConnectionError' });
    expect(r.ftp!.error).toEqual({ code: 'NETX_UNKNOWN_SCHEME', name: 'UnknownSchemeError', message: 'No transport for ftp:// URLs; known: dummy://. Use one of those or give the runner a transport for "ftp".' });
    expect(r.drv!.error!.code).toBe('NETX_UNKNOWN_DRIVER');
    expect(r.drv!.error!.message).toMatch(/^Unknown driver "nosuch"; known drivers: generic, /);
    expect(r.pw!.error).toMatchObject({ code: 'NETX_LOGIN_FAILED', name: 'LoginFailure' });
    expect(r.pw!.error!.message).not.toContain('wrong-pw');
    // The device rejects the second command: its answer is kept, the third never runs.
    expect(r.ok).toMatchObject({ ok: false, error: { code: 'NETX_INVALID_COMMAND' } });
    expect(r.ok!.outputs.map((o) => [o.command, o.error])).toEqual([
      ['show clock', undefined],
      ['show nonsense', 'NETX_INVALID_COMMAND'],
    ]);
    expect(r.ok!.outputs[1]!.output).toContain("% Invalid input detected at '^' marker.");
    expect(summary).toMatchObject({ total: 6, ok: 0, failed: 6, errors: { NETX_CONNECTION: 1, NETX_UNKNOWN_SCHEME: 1, NETX_UNKNOWN_DRIVER: 1, NETX_LOGIN_FAILED: 1, NETX_INVALID_COMMAND: 2 } });
    expect(counter.open()).toBe(0);
  });

  it('runs a task function with the connection and the host; a plain Error becomes NETX_JOB', async () => {
    const { start } = setup({ r1: ios('r1'), r2: ios('r2') }, { r1: { url: 'dummy://r1', data: { role: 'core' } }, r2: 'dummy://r2' });
    const { results } = await start({
      enable: true,
      task: async (conn, host, ctx) => {
        if (host.name === 'r2') throw new Error('r2 is not wanted');
        const { response } = await conn.execute('show clock', { signal: ctx.signal });
        return { role: host.data.role, authorized: conn.isAppAuthorized(), lines: response.split('\n').length, attempt: ctx.attempt };
      },
    }).collect();
    const r = byHost(results);
    expect(r.r1).toMatchObject({ ok: true, result: { role: 'core', authorized: true, lines: 2, attempt: 1 }, outputs: [] });
    expect(r.r2).toMatchObject({ ok: false, error: { code: 'NETX_JOB', name: 'Error', message: 'r2 is not wanted' } });
  });

  it('hands each output to the parse hook with the driver name; a parser error is kept per output', async () => {
    const calls: string[] = [];
    const { start } = setup(
      { r1: ios('r1') },
      { r1: 'dummy://r1' },
      {
        parse: (platform, command, text) => {
          calls.push(`${platform}|${command}|${text.split('\n')[0]}`);
          if (command === 'show clock') throw new Error('no template fits');
          return command === 'show version' ? [{ version: /Version ([^,]+),/.exec(text)?.[1] }] : undefined;
        },
      },
    );
    const { results } = await start({ commands: ['show version', 'show clock', 'show ip interface brief'], parse: true, autoInit: true }).collect();
    expect(calls[0]).toBe('ios|show version|Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc2)');
    const [version, clock, brief] = results[0]!.outputs;
    expect(version!.parsed).toEqual([{ version: '15.7(3)M8' }]);
    expect(clock).toMatchObject({ parseError: 'no template fits' });
    expect(clock!.parsed).toBeUndefined();
    expect(brief!.parsed).toBeUndefined();
    expect(results[0]!.ok).toBe(true);
  });
});

describe('retries, deadline, abort', () => {
  it('retries connection errors with doubling backoff on the clock; never retries a login failure', async () => {
    const { counter, clock, start } = setup({ r1: ios('r1') }, { ghost: 'dummy://ghost' }, { retries: 2, retryDelay: 1000 });
    const run = start({ commands: ['show clock'] });
    await until(() => counter.connects() === 1, 'the first attempt');
    await clock.advanceAsync(999);
    expect(counter.connects()).toBe(1);
    await clock.advanceAsync(1);
    await until(() => counter.connects() === 2, 'the second attempt');
    await clock.advanceAsync(1999);
    expect(counter.connects()).toBe(2);
    await clock.advanceAsync(1);
    const { results } = await run.collect();
    expect(counter.connects()).toBe(3);
    expect(results[0]).toMatchObject({ ok: false, attempts: 3, error: { code: 'NETX_CONNECTION' }, timings: { totalMs: 3000 } });

    const login = setup({ r1: ios('r1') }, { r1: 'dummy://r1' }, { retries: 3, accounts: { create: async () => new Account({ name: 'admin', password: 'nope' }) } });
    const failed = await login.start({ commands: ['show clock'] }).collect();
    expect(failed.results[0]).toMatchObject({ attempts: 1, error: { code: 'NETX_LOGIN_FAILED' } });
  });

  it('ends a host at its deadline (NETX_TIMEOUT, phase named) and closes its session', async () => {
    const { counter, clock, start } = setup({ slow: ios('slow', { responseDelay: 60_000 }), fast: ios('fast') }, { slow: 'dummy://slow', fast: 'dummy://fast' }, { hostDeadline: 5_000, timeout: 120_000 });
    const run = start({ commands: ['show clock'] });
    await until(() => run.progress().done === 1, 'the fast host');
    await clock.advanceAsync(5_000, 1_000);
    const { results, summary } = await run.collect();
    const r = byHost(results);
    expect(r.fast!.ok).toBe(true);
    expect(r.slow!.error).toEqual({ code: 'NETX_TIMEOUT', name: 'TimeoutError', message: 'slow did not finish within its deadline of 5000 ms (it was in the commands phase).' });
    expect(r.slow!.timings.totalMs).toBe(5_000);
    expect(summary.errors).toEqual({ NETX_TIMEOUT: 1 });
    expect(counter.open()).toBe(0);
  });

  it('an abort closes the running sessions politely, keeps finished hosts, reports the rest as not started', async () => {
    const devices = { done: ios('done'), s1: ios('s1', { responseDelay: 60_000 }), s2: ios('s2', { responseDelay: 60_000 }), later: ios('later') };
    const ctl = new AbortController();
    const { counter, start } = setup(devices, { done: 'dummy://done', s1: 'dummy://s1', s2: 'dummy://s2', later: 'dummy://later' }, { concurrency: 2, signal: ctl.signal });
    const run = start({ commands: ['show clock'] });
    await until(() => run.progress().done === 1 && run.progress().running === 2 && counter.open() === 2, 'two hosts waiting for output');
    ctl.abort();
    const { results, summary } = await run.collect();
    const r = byHost(results);
    expect(r.done).toMatchObject({ ok: true, started: true });
    expect(r.s1).toMatchObject({ ok: false, started: true, error: { code: 'NETX_ABORTED', message: 'The run was stopped while s1 was in the commands phase.' } });
    expect(r.s2!.error!.code).toBe('NETX_ABORTED');
    expect(r.later).toMatchObject({ ok: false, started: false, attempts: 0, error: { code: 'NETX_ABORTED' } });
    expect(summary).toMatchObject({ total: 4, ok: 1, failed: 3, aborted: 3 });
    expect(counter.open()).toBe(0);
    for (const h of ['s1', 's2']) expect(counter.closes.find(([name]) => name === h)).toEqual([h, false]);
  });
});

describe('many hosts at once', () => {
  it("puts one listener on the caller's signal however many hosts run, and the abort still reaches each", async () => {
    const names = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const ctl = new AbortController();
    const devices = Object.fromEntries(names.map((n) => [n, ios(n, { responseDelay: 60_000 })]));
    const { counter, start } = setup(devices, Object.fromEntries(names.map((n) => [n, `dummy://${n}`])), { concurrency: 30, signal: ctl.signal });
    const run = start({ commands: ['show clock'] });
    await until(() => run.progress().running === 30 && counter.open() === 30, 'thirty hosts waiting for output');
    // Node warns (MaxListenersExceededWarning) past 10 listeners on one signal.
    expect(getEventListeners(ctl.signal, 'abort')).toHaveLength(1);
    ctl.abort();
    const { summary } = await run.collect();
    expect(summary).toMatchObject({ total: 30, failed: 30, aborted: 30 });
    expect(counter.open()).toBe(0);
    expect(getEventListeners(ctl.signal, 'abort')).toHaveLength(0);
  });
});

describe('the connect gate', () => {
  /** A lab of `n` slow-to-connect devices, and how many hosts are inside connect() right now / at most. */
  function connecting(n: number, connectDelay: number, extra: Partial<FleetOptions>) {
    const names = Array.from({ length: n }, (_, i) => `c${i}`);
    const lab = setup(Object.fromEntries(names.map((h) => [h, ios(h, { connectDelay })])), Object.fromEntries(names.map((h) => [h, `dummy://${h}`])), { concurrency: n, ...extra });
    let now = 0;
    let most = 0;
    let connected = 0;
    const inner = lab.counter.factory;
    const factory: TransportFactory = (host) => {
      const t = inner(host);
      const connect = t.connect.bind(t);
      t.connect = async (session) => {
        most = Math.max(most, ++now);
        try {
          await connect(session);
          connected++;
        } finally {
          now--;
        }
      };
      return t;
    };
    const opts: FleetOptions = { transports: { dummy: factory }, accounts, drivers: allDrivers, clock: lab.clock, concurrency: n, ...extra };
    return { ...lab, start: (job: Job) => runFleet(lab.inv, job, opts), inside: () => now, most: () => most, connected: () => connected };
  }

  it('lets at most connectConcurrency hosts connect at once, the others wait their turn', async () => {
    const lab = connecting(6, 100, { connectConcurrency: 2 });
    const run = lab.start({ commands: ['show clock'] });
    await until(() => lab.inside() === 2, 'two hosts connecting');
    expect(run.progress().running).toBe(6);
    for (let round = 1; round <= 3; round++) {
      lab.clock.advance(100);
      await until(() => lab.connected() === 2 * round && lab.inside() === (round < 3 ? 2 : 0), `round ${round} of connects`);
    }
    const { summary } = await run.collect();
    expect(summary).toMatchObject({ total: 6, ok: 6 });
    expect(lab.most()).toBe(2);
  });

  it('a host still connecting after 1 s frees its place, so dead addresses do not stall the run', async () => {
    const lab = connecting(6, 60_000, { connectConcurrency: 2, connectTimeout: 120_000 });
    const run = lab.start({ commands: ['show clock'] });
    await until(() => lab.inside() === 2, 'two hosts connecting');
    lab.clock.advance(999);
    await flushMicrotasks(20);
    expect(lab.inside()).toBe(2);
    lab.clock.advance(1);
    await until(() => lab.inside() === 4, 'two more after 1 s');
    lab.clock.advance(1_000);
    await until(() => lab.inside() === 6, 'all six after 2 s');
    lab.clock.advance(60_000);
    expect((await run.collect()).summary).toMatchObject({ total: 6, ok: 6 });
  });

  it('an abort reaches the hosts waiting at the gate: they never connect', async () => {
    const ctl = new AbortController();
    const lab = connecting(5, 60_000, { connectConcurrency: 1, signal: ctl.signal, connectTimeout: 120_000 });
    const run = lab.start({ commands: ['show clock'] });
    await until(() => lab.inside() === 1 && run.progress().running === 5, 'one host connecting, four waiting');
    ctl.abort();
    const { results, summary } = await run.collect();
    expect(summary).toMatchObject({ total: 5, failed: 5, aborted: 5 });
    expect(lab.counter.connects()).toBe(1);
    for (const r of results) expect(r.error!.message).toBe(`The run was stopped while ${r.host} was in the connect phase.`);
  });
});

describe('session logs, secrets and writers', () => {
  it('writes one private log per host without the password; results never hold it', async () => {
    const logDir = join(tmp, 'logs');
    const { start } = setup({ e1: echoingDevice('e1') }, { 'e1/x': 'dummy://e1' }, { logDir });
    const { results } = await start({ commands: ['show secret', 'show version'] }).collect();
    const r = results[0]!;
    expect(r.ok).toBe(true);
    expect(r.logFile).toBe(join(logDir, 'e1_x.log'));
    expect(r.outputs[0]!.output).toBe('the secret is ********');
    expect(JSON.stringify(results)).not.toContain(IOS_USER.password);
    const log = readFileSync(r.logFile!, 'utf8');
    expect(log.split('\n')[0]).toBe('# netx fleet: e1/x dummy://admin@e1 attempt 1');
    expect(log).toContain('Version 1.0');
    expect(log).toContain('Password: ');
    expect(log).not.toContain(IOS_USER.password);
    expect(statSync(r.logFile!).mode & 0o777).toBe(0o600);
  });

  it('NDJSON: one host record per line as hosts finish, then the summary; JSON: one document', async () => {
    const { start } = setup({ r1: ios('r1') }, { r1: 'dummy://r1', ghost: 'dummy://ghost' });
    let text = '';
    const summary = await writeNdjson(start({ commands: ['show clock'] }), { write: (t) => (text += t) });
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['host', 'host', 'summary']);
    expect(lines.slice(0, 2).map((l) => [l.host, l.ok]).sort()).toEqual([
      ['ghost', false],
      ['r1', true],
    ]);
    expect(lines[2]).toEqual({ type: 'summary', ...summary });

    let json = '';
    await writeJson(start({ commands: ['show clock'] }), { write: (t) => (json += t) }, ['r1', 'ghost']);
    const doc = JSON.parse(json) as { results: HostResult[]; summary: unknown };
    expect(doc.results.map((r) => r.host)).toEqual(['r1', 'ghost']);
    expect(doc.summary).toMatchObject({ total: 2, ok: 1, failed: 1 });
  });

  it('bad jobs and options fail at once', () => {
    const { inv } = setup({}, { r1: 'dummy://r1' });
    const opts: FleetOptions = { transports: {}, accounts };
    expect(() => runFleet(inv, {}, opts)).toThrow('The job has nothing to do: give commands, a command file with commands in it, or a task function.');
    expect(() => runFleet(inv, { commandFile: join(tmp, 'missing.txt') }, opts)).toThrow(`Cannot read the command file ${join(tmp, 'missing.txt')}: no such file.`);
    expect(() => runFleet(inv, { commands: ['x'] }, { ...opts, concurrency: 0 })).toThrow('concurrency must be an integer >= 1');
    expect(() => runFleet(inv, { commands: ['x'] }, { ...opts, connectConcurrency: 1.5 })).toThrow('connectConcurrency must be an integer >= 1');
    expect(() => runFleet(inv, { commands: ['x'] }, { ...opts, retries: -1 })).toThrow('retries must be a number >= 0');
  });
});
