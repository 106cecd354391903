// The e2e scenario runner on a small driver made for it: it passes on a matching
// device, and fails fast, naming the step, where the driver and the device disagree.
import { describe, expect, it } from 'vitest';
import { Account, defineDriver, type Driver } from '@netx/core';
import type { VirtualDeviceOptions } from '@netx/transport-dummy';
import { acceptInitCommands, driverE2eScenario, LONG_OUTPUT, runDriverScenario, type DriverScenario, type ScenarioTestApi } from '../src/index.js';

const gamma = defineDriver({
  name: 'kit_gamma',
  usernamePrompt: /[\r\n]Username: ?$/,
  passwordPrompt: /[\r\n]Password: ?$/,
  prompt: /[\r\n]gw1[>#] ?$/,
  pagers: [{ pattern: /--More--$/, answer: ' ' }],
  initCommands: ['terminal length 0', 'terminal width 200'],
  authorizeCommand: 'enable\r',
  guess: { head: [{ match: 'GAMMA OS', score: 90 }] },
  samples: { prompts: ['\r\ngw1>'] },
});

/** Same prompts, but its only init command leaves the pager on (as hp_pro_curve's). */
const delta = defineDriver({
  name: 'kit_delta',
  usernamePrompt: /[\r\n]Username: ?$/,
  passwordPrompt: /[\r\n]Password: ?$/,
  prompt: /[\r\n]gw1[>#] ?$/,
  pagers: [{ pattern: /--More--$/, answer: ' ' }],
  initCommands: ['terminal width 200'],
  guess: { head: [{ match: 'DELTA OS', score: 90 }] },
  samples: { prompts: ['\r\ngw1>'] },
});

const drivers: Driver[] = [gamma, delta];
const account = new Account({ name: 'admin', password: 'pw', password2: 'en' });

function device(over: Partial<VirtualDeviceOptions> = {}): VirtualDeviceOptions {
  return {
    hostname: 'gw1',
    banner: '\nWelcome to GAMMA OS 2.1\n\n',
    login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'pw' },
    prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}>` : `${hostname}#`),
    enable: { password: 'en' },
    pager: { prompt: '--More--' },
    commands: [...acceptInitCommands(gamma, 'terminal length 0'), ['show ports', LONG_OUTPUT]],
    ...over,
  };
}

function scenario(over: Partial<DriverScenario> = {}): DriverScenario {
  return { drivers, driver: gamma, device: device(), account, paged: { command: 'show ports', output: LONG_OUTPUT }, privilegedMode: 'enable', ...over };
}

/** Runs the scenario and returns its failure message ('' when it passed). */
async function failureOf(s: DriverScenario): Promise<string> {
  return runDriverScenario(expect, s).then(
    () => '',
    (err: unknown) => (err instanceof Error ? err.message : String(err)),
  );
}

/** Collects the tests driverE2eScenario registers, to run them by hand. */
function captured(): { api: ScenarioTestApi; tests: Array<{ name: string; fn: () => unknown }> } {
  const tests: Array<{ name: string; fn: () => unknown }> = [];
  const fakeIt = ((name: string, fn: () => unknown) => void tests.push({ name, fn })) as unknown as ScenarioTestApi['it'];
  return { api: { it: fakeIt, expect }, tests };
}

describe('driverE2eScenario', () => {
  driverE2eScenario({ it, expect }, scenario());

  driverE2eScenario({ it, expect }, {
    drivers,
    driver: delta,
    name: 'init leaves paging on',
    device: device({ banner: '\nWelcome to DELTA OS 1.0\n\n', enable: undefined, commands: [...acceptInitCommands(delta), ['show ports', LONG_OUTPUT]] }),
    account,
    paged: { command: 'show ports', output: LONG_OUTPUT },
    initTurnsPagingOff: false,
  });

  it('fails fast, naming the step, when no pager rule matches the device pager prompt', async () => {
    const message = await failureOf(scenario({ device: device({ pager: { prompt: '<<press space>>' } }) }));
    expect(message).toContain('kit_gamma e2e: execute("show ports") before autoInit failed');
    expect(message).toContain('nothing matched and no data came for 30000 ms');
    expect(message).toContain('Does a pager rule of kit_gamma match the device');
  });

  it('fails with the guess named when the device looks like another OS', async () => {
    const message = await failureOf(scenario({ device: device({ banner: '\nWelcome to DELTA OS 1.0\n\n' }) }));
    expect(message).toContain("kit_gamma e2e: guessOs() should name the driver from the device's banner/prompt");
    expect(message).toContain("expected 'kit_delta' to be 'kit_gamma'");
  });

  it('fails when the device prompt never matches (login)', async () => {
    const message = await failureOf(scenario({ device: device({ prompt: 'gw1 $ ' }) }));
    expect(message).toContain('kit_gamma e2e: login() failed');
    expect(message).toContain('Does a prompt pattern of kit_gamma match');
  });

  it('fails when init does not switch paging off but the scenario says it does', async () => {
    const message = await failureOf(scenario({ device: device({ commands: [...acceptInitCommands(gamma), ['show ports', LONG_OUTPUT]] }) }));
    expect(message).toContain('kit_gamma e2e: the device pager after autoInit');
  });

  it('fails when the device misses an init command', async () => {
    const message = await failureOf(scenario({ device: device({ commands: [['terminal length 0', (ctx) => void (ctx.pager.enabled = false)], ['show ports', LONG_OUTPUT]] }) }));
    expect(message).toContain('kit_gamma e2e: autoInit() failed: device reported an error for "terminal width 200"');
    expect(message).toContain('Does the device accept every init command of kit_gamma');
  });

  it('fails when autoAppAuthorize does not reach the privileged mode', async () => {
    const message = await failureOf(scenario({ privilegedMode: 'config' }));
    expect(message).toContain('kit_gamma e2e: device mode after login');
  });

  it('knownIssue: passes only while the run fails at the named step', async () => {
    const broken = scenario({ device: device({ commands: [...acceptInitCommands(gamma), ['show ports', LONG_OUTPUT]] }) });
    const { api, tests } = captured();
    driverE2eScenario(api, { ...broken, knownIssue: { failsAt: 'the device pager after autoInit', reason: 'paging stays on' } });
    driverE2eScenario(api, { ...broken, knownIssue: { failsAt: 'the paged output after autoInit', reason: 'wrong step' } });
    driverE2eScenario(api, { ...scenario(), knownIssue: { failsAt: 'the device pager after autoInit', reason: 'fixed' } });
    expect(tests.map((t) => t.name)).toEqual([
      expect.stringContaining('[known issue: paging stays on]'),
      expect.stringContaining('[known issue: wrong step]'),
      expect.stringContaining('[known issue: fixed]'),
    ]);
    await expect(Promise.resolve(tests[0]!.fn())).resolves.toBeUndefined();
    await expect(Promise.resolve(tests[1]!.fn())).rejects.toThrow("the run should fail at the known issue's step");
    await expect(Promise.resolve(tests[2]!.fn())).rejects.toThrow('the known issue (fixed) no longer shows');
  });

  it('acceptInitCommands refuses a paging command the driver does not have', () => {
    expect(() => acceptInitCommands(gamma, 'no page')).toThrow('kit_gamma has no init command "no page"');
    expect(acceptInitCommands(gamma).map(([command]) => command)).toEqual(['terminal length 0', 'terminal width 200']);
  });
});
