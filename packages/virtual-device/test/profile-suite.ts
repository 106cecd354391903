// One suite run against every profile with the netx driver of its platform: log in,
// autoInit, authorize where the platform has enable, captured commands (full and
// abbreviated) byte for byte, the driver's error patterns on an unknown command,
// configuration mode in and out, the pager while it is on, and every capture.
import { describe, expect, it } from 'vitest';
import { isNetxError } from '@netx/core';
import { servedText, type CaptureTableOptions, type ProfileBuildOptions } from '../src/index.js';
import { account, expectedResponse, logIn, open, rejection, trimmed, type Session } from './netx.js';

export interface ProfileCase {
  readonly profile: string;
  /** The netx driver of the platform. */
  readonly driver: string;
  /** The profile's captures (command -> output). */
  readonly captures: Readonly<Record<string, string>>;
  /** Captured commands the profile answers otherwise (left out of the every-capture test). */
  readonly notServed?: readonly string[];
  /** Typed line -> the captured command it stands for (at least one full, one abbreviated). */
  readonly commands: readonly (readonly [typed: string, command: string])[];
  /** A typed line the device must reject (its answer matches the driver's error patterns). */
  readonly unknown: string;
  /** Lines the platform never takes as written (e.g. abbreviations where it has none). */
  readonly rejected?: readonly string[];
  /** The command that raises privilege, when the platform has one (its password is 'enable'). */
  readonly enable?: string;
  /** Configuration mode: the line entering it, the prompt shown there, the line leaving it and the prompt after. */
  readonly config?: { readonly enter: string; readonly prompt: RegExp; readonly leave: string; readonly after: RegExp };
  /** A command whose output is longer than a page while the pager is on (or [typed, captured command]). */
  readonly paged?: string | readonly [typed: string, command: string];
  /** What the session-level differences need: the login style, extra build options. */
  readonly build?: ProfileBuildOptions;
  /** The driver's autoInit has no paging command for this platform (RouterOS pages on its own). */
  readonly pagerStaysOn?: boolean;
  /** How the profile serves its captures (host name substitution, dropped prompt lines). */
  readonly captureOptions?: CaptureTableOptions;
}

/** The text a device named r1 answers with. */
const expectedText = (c: ProfileCase, command: string) => servedText(c.captures[command]!, command, c.captureOptions ?? {}, 'r1');

async function ready(c: ProfileCase): Promise<Session> {
  const s = open(c.profile, { driver: c.driver, ...(c.build ? { build: c.build } : {}) });
  await logIn(s);
  await s.conn.autoInit();
  return s;
}

export function profileSuite(c: ProfileCase): void {
  describe(`profile ${c.profile} with the netx ${c.driver} driver`, () => {
    it('logs in, runs autoInit and answers captured commands, full and abbreviated, with the capture text', async () => {
      const s = await ready(c);
      for (const [typed, command] of c.commands) {
        const r = await s.conn.execute(typed);
        expect(trimmed(r.response), typed).toBe(expectedResponse(typed, expectedText(c, command)));
      }
      // autoInit turned the pager off, where the driver has a command for it.
      expect(s.device.sessions[0]!.pager.enabled).toBe(c.pagerStaysOn === true);
      await s.conn.close();
    });

    if (c.enable) {
      it(`authorizes with ${JSON.stringify(c.enable)} and the enable password (appAuthorize)`, async () => {
        const s = open(c.profile, { driver: c.driver, ...(c.build ? { build: c.build } : {}) });
        await s.conn.connect('r1');
        await s.conn.authenticate(account);
        const before = s.device.sessions[0]!.mode;
        await s.conn.send(`${c.enable}\r`);
        await s.conn.appAuthorize(account);
        expect(s.conn.isAppAuthorized()).toBe(true);
        expect(s.device.sessions[0]!.mode).not.toBe(before);
        await s.conn.close();
      });
    }

    it('answers an unknown command with text the driver recognises as an error', async () => {
      const s = await ready(c);
      for (const line of [c.unknown, ...(c.rejected ?? [])]) {
        const err = await rejection(s.conn.execute(line));
        expect(isNetxError(err, 'NETX_INVALID_COMMAND'), `${line}: ${String(err)}`).toBe(true);
      }
      // The session goes on.
      const [typed, command] = c.commands[0]!;
      expect(trimmed((await s.conn.execute(typed)).response)).toBe(expectedResponse(typed, expectedText(c, command)));
      await s.conn.close();
    });

    if (c.config) {
      const cfg = c.config;
      it(`enters configuration mode with ${JSON.stringify(cfg.enter)} and leaves it with ${JSON.stringify(cfg.leave)}`, async () => {
        const s = await ready(c);
        const entered = await s.conn.execute(cfg.enter);
        expect(entered.match[0]).toMatch(cfg.prompt);
        const left = await s.conn.execute(cfg.leave);
        expect(left.match[0]).toMatch(cfg.after);
        const [typed, command] = c.commands[0]!;
        expect(trimmed((await s.conn.execute(typed)).response)).toBe(expectedResponse(typed, expectedText(c, command)));
        await s.conn.close();
      });
    }

    if (c.paged) {
      const [command, captured] = typeof c.paged === 'string' ? [c.paged, c.paged] : c.paged;
      it(`pages ${JSON.stringify(command)} while the pager is on, and netx answers the pager`, async () => {
        const s = open(c.profile, { driver: c.driver, ...(c.build ? { build: c.build } : {}) });
        await logIn(s);
        const r = await s.conn.execute(command);
        expect(trimmed(r.response)).toBe(expectedResponse(command, expectedText(c, captured)));
        // The device did page: the client pressed keys at its more-prompt.
        const typed = s.transport.writes.join('');
        expect(typed.endsWith(`${command}\r`)).toBe(false);
        expect(s.device.sessions[0]!.pager.enabled).toBe(true);
        await s.conn.close();
      });
    }

    it('serves every vendored capture with its command', async () => {
      const s = await ready(c);
      const skip = new Set(c.notServed ?? []);
      let served = 0;
      for (const command of Object.keys(c.captures)) {
        if (skip.has(command)) continue;
        const r = await s.conn.execute(command);
        expect(trimmed(r.response), command).toBe(expectedResponse(command, expectedText(c, command)));
        served++;
      }
      expect(served).toBeGreaterThan(0);
      await s.conn.close();
    });
  });
}
