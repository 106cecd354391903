// driverE2eScenario: the end-to-end check every driver package runs on a VirtualDevice
// (@netx/transport-dummy) through the core Protocol: log in, guess the OS, page a long
// output before and after autoInit, run the init commands in order, autoAppAuthorize.
import { Protocol, type Account, type Driver } from '@netx/core';
import { ManualClock, flushMicrotasks } from '@netx/core/testing';
import { DummyTransport, VirtualDevice, type CommandContext, type CommandResponse, type VirtualDeviceOptions } from '@netx/transport-dummy';
import type { expect as Expect, it as It } from 'vitest';

/** The vitest functions a scenario registers with (injected: vitest is a peer). */
export interface ScenarioTestApi {
  it: typeof It;
  expect: typeof Expect;
}

/** One virtual device and what the Protocol must do with it. */
export interface DriverScenario {
  /** The drivers the Protocol guesses among (usually the package's `drivers`). */
  drivers: Iterable<Driver>;
  /** The driver the Protocol must guess for this device. */
  driver: Driver;
  device: VirtualDeviceOptions;
  account: Account;
  /** A command whose output the device pages while its pager is on. */
  paged: { command: string; output: string };
  /** Device mode after login/autoAppAuthorize; undefined: the OS has no AAA step. */
  privilegedMode?: string;
  /** The driver runs its init commands while authorizing (adtran), so login already switched paging off. */
  initOnLogin?: boolean;
  /**
   * Whether autoInit switches the device's pager off. Default: the driver has init
   * commands. false for drivers whose init leaves paging on (hp_pro_curve sends only
   * an empty line): the pager must then still be answered after autoInit.
   */
  initTurnsPagingOff?: boolean;
  /** Test name suffix (default: the driver name only). */
  name?: string;
  /** Inactivity limit of each Protocol wait, in ManualClock ms. Default 30_000. */
  timeout?: number;
  /**
   * A known defect the scenario exposes: the test then passes only while the run fails
   * with a message containing `failsAt` (a step, e.g. 'the paged output after autoInit').
   * It fails once the defect is fixed (remove `knownIssue` then) or when the run breaks
   * somewhere else, so it stays as strict as a plain scenario up to that step.
   */
  knownIssue?: { failsAt: string; reason: string };
}

/** A 60-line output: longer than any default page, so a device with its pager on pages it. */
export const LONG_OUTPUT =
  Array.from({ length: 60 }, (_, i) => `line ${String(i + 1).padStart(2, '0')}  GigabitEthernet0/${i}  up  up`).join('\n') + '\n';

/** ManualClock ms the runner moves time by each time the link is idle and a step has not settled. */
const IDLE_STEP_MS = 1_000;
/** Hard bound of idle turns per step, whatever the Protocol's own limits do. */
const MAX_IDLE_TURNS = 2_000;

/**
 * A device command table that accepts every init command of `driver` (answering with
 * no output); `pagingOff`, when given, also switches the pager off. Throws when the
 * driver has no such init command, so a renamed command cannot go unnoticed.
 */
export function acceptInitCommands(driver: Driver, pagingOff?: string): Array<readonly [string, CommandResponse]> {
  if (pagingOff !== undefined && !driver.initCommands.includes(pagingOff)) {
    throw new Error(`${driver.name} has no init command ${JSON.stringify(pagingOff)}; pass one of ${JSON.stringify(driver.initCommands)}.`);
  }
  return driver.initCommands
    .filter((command) => command.trim() !== '')
    .map((command) => [
      command,
      (ctx: CommandContext) => {
        if (command === pagingOff) ctx.pager.enabled = false;
        return '';
      },
    ]);
}

const trimEnd = (text: string) => text.replace(/[\r\n]+$/, '');
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Awaits `promise` while moving `clock` forward whenever the link goes idle, so a wait
 * that never matches ends with the Protocol's TimeoutError (after `timeout` idle ms)
 * instead of hanging until the vitest timeout. Failures name the step and the driver.
 */
async function step<T>(who: string, label: string, clock: ManualClock, promise: Promise<T>, hint: string): Promise<T> {
  type Outcome = { ok: true; value: T } | { ok: false; error: unknown };
  let outcome: Outcome | undefined;
  const settled = (): Outcome | undefined => outcome;
  promise.then(
    (value) => void (outcome = { ok: true, value }),
    (error: unknown) => void (outcome = { ok: false, error }),
  );
  for (let turn = 0; turn < MAX_IDLE_TURNS; turn++) {
    await flushMicrotasks();
    const s = settled();
    if (s) {
      if (s.ok) return s.value;
      throw new Error(`${who}: ${label} failed: ${messageOf(s.error)}${hint ? ` ${hint}` : ''}`, { cause: s.error });
    }
    clock.advance(IDLE_STEP_MS);
  }
  throw new Error(`${who}: ${label} did not settle within ${MAX_IDLE_TURNS} idle turns (${MAX_IDLE_TURNS * IDLE_STEP_MS} clock ms).${hint ? ` ${hint}` : ''}`);
}

/**
 * Runs one scenario (no vitest registration): resolves when every check passed, rejects
 * with a message naming the driver and the failed step otherwise. `expect` is vitest's.
 */
export async function runDriverScenario(expect: typeof Expect, s: DriverScenario): Promise<void> {
  const who = `${s.driver.name} e2e`;
  const clock = new ManualClock();
  const device = new VirtualDevice(s.device);
  const transport = new DummyTransport({ device });
  const conn = new Protocol({ transport, drivers: s.drivers, clock, timeout: s.timeout ?? 30_000, stderr: () => undefined });
  const answers = new Set(s.driver.pagers.map((p) => p.answer));
  const pagerAnswersSent = () => transport.writes.filter((w) => answers.has(w)).length;
  const promptHint = `Does a prompt pattern of ${s.driver.name} match the device's prompt?`;
  const pagedHint = `Does a pager rule of ${s.driver.name} match the device's pager prompt, and a prompt pattern its prompt?`;
  const want = trimEnd(`${s.paged.command}\r\n${s.paged.output.replace(/\n/g, '\r\n')}`);
  const pagedWhole = async (when: string) => {
    const result = await step(who, `execute(${JSON.stringify(s.paged.command)}) ${when}`, clock, conn.execute(s.paged.command), pagedHint);
    expect(trimEnd(result.response), `${who}: the paged output ${when} should come back whole (pager prompts answered and stripped)`).toBe(want);
  };
  try {
    await step(who, 'connect()', clock, conn.connect('device'), '');
    await step(who, 'login()', clock, conn.login(s.account), promptHint);
    expect(conn.guessOs(), `${who}: guessOs() should name the driver from the device's banner/prompt`).toBe(s.driver.name);
    expect(conn.getDriver().name, `${who}: the driver in use after login`).toBe(s.driver.name);
    const session = device.sessions[0];
    if (!session) throw new Error(`${who}: the virtual device has no session after login.`);
    expect(session.loggedIn, `${who}: the device should report a completed login`).toBe(true);
    const initialMode = s.device.initialMode ?? 'user';
    const finalMode = s.privilegedMode ?? initialMode;
    expect(session.mode, `${who}: device mode after login`).toBe(finalMode);

    // Paged output comes back whole (pager prompts answered and stripped), before and after autoInit;
    // a driver whose init leaves the pager on keeps answering it.
    const pagingOff = s.initTurnsPagingOff ?? s.driver.initCommands.length > 0;
    expect(session.pager.enabled, `${who}: the device pager before autoInit`).toBe(!s.initOnLogin);
    await pagedWhole('before autoInit');
    if (!s.initOnLogin) expect(pagerAnswersSent(), `${who}: pager answers sent before autoInit`).toBeGreaterThanOrEqual(2);

    const commandsBefore = session.commands.length;
    const writesBefore = transport.writes.length;
    const initHint = `Does the device accept every init command of ${s.driver.name} (see acceptInitCommands), and a prompt pattern match its prompt?`;
    await step(who, 'autoInit()', clock, conn.autoInit(), initHint);
    // The device records non-blank lines only; a blank init command (hp_pro_curve's '\r\n') must show as a write.
    const typed = s.driver.initCommands.filter((c) => c.trim() !== '');
    expect(session.commands.slice(commandsBefore), `${who}: the init commands the device received, in order`).toEqual(typed);
    const writes = transport.writes.slice(writesBefore);
    for (const blank of s.driver.initCommands.filter((c) => c.trim() === '')) {
      expect(writes, `${who}: the blank init command ${JSON.stringify(blank)} should be sent`).toContain(`${blank}\r`);
    }
    expect(session.pager.enabled, `${who}: the device pager after autoInit`).toBe(!pagingOff);
    const answered = pagerAnswersSent();
    await pagedWhole('after autoInit');
    if (pagingOff) expect(pagerAnswersSent(), `${who}: no pager answers once paging is off`).toBe(answered);
    else expect(pagerAnswersSent(), `${who}: pager answers after autoInit (paging stays on)`).toBeGreaterThanOrEqual(answered + 2);

    // autoAppAuthorize: reaches (or stays in) the privileged mode; a no-op without AAA.
    const sent = session.commands.length;
    await step(who, 'autoAppAuthorize()', clock, conn.autoAppAuthorize(), promptHint);
    expect(session.mode, `${who}: device mode after autoAppAuthorize`).toBe(finalMode);
    if (s.privilegedMode === undefined) expect(session.commands.length, `${who}: autoAppAuthorize without AAA sends nothing`).toBe(sent);
    await pagedWhole('after autoAppAuthorize');
  } finally {
    await step(who, 'close(true)', clock, conn.close(true), '');
  }
}

/**
 * Registers one vitest test for `scenario`: the Protocol logs into the VirtualDevice,
 * guesses `scenario.driver`, gets the paged output whole before and after autoInit,
 * sees the init commands run in order, and autoAppAuthorize reaches `privilegedMode`.
 */
export function driverE2eScenario(api: ScenarioTestApi, scenario: DriverScenario): void {
  const title = `${scenario.driver.name}${scenario.name ? ` (${scenario.name})` : ''}: logs in, guesses the OS, pages, runs autoInit and autoAppAuthorize`;
  const issue = scenario.knownIssue;
  if (!issue) {
    api.it(title, () => runDriverScenario(api.expect, scenario));
    return;
  }
  api.it(`${title} [known issue: ${issue.reason}]`, async () => {
    const outcome = await runDriverScenario(api.expect, scenario).then(
      () => undefined,
      (err: unknown) => err,
    );
    if (outcome === undefined) {
      throw new Error(`${scenario.driver.name} e2e: the known issue (${issue.reason}) no longer shows: the scenario passes. Remove knownIssue from the scenario.`);
    }
    api.expect(messageOf(outcome), `${scenario.driver.name} e2e: the run should fail at the known issue's step, not elsewhere`).toContain(issue.failsAt);
  });
}
