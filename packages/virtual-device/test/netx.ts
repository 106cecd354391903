// The netx side of the profile tests: a Protocol (@netx/core) over DummyTransport
// with the real platform drivers, against a device built from a registered profile.
//
// @netx/transport-dummy depends on this package, and @netx/drivers reaches it through
// the driver packages' test dependencies, so listing either here would close a package
// cycle that `turbo run build` rejects. The tests import their sources by path instead
// (each resolves its own imports from its own package folder).
import { Account, Protocol } from '@netx/core';
import { ManualClock } from '@netx/core/testing';
import { DummyTransport } from '../../transport-dummy/src/index.js';
import { allDrivers } from '../../drivers/src/index.js';
import { getProfile, VirtualDevice, type ProfileBuildOptions } from '../src/index.js';

export { allDrivers };

/** The fleet defaults every profile understands: admin/admin, enable secret 'enable'. */
export const account = new Account({ name: 'admin', password: 'admin', password2: 'enable' });

export interface Session {
  readonly conn: Protocol;
  readonly device: VirtualDevice;
  readonly transport: DummyTransport;
}

/**
 * A Protocol to a fresh device of `profile`. `driver` fixes the driver; without it
 * every driver is known and the OS is guessed. Time stands still (ManualClock):
 * nothing here may depend on a timeout.
 */
export function open(profile: string, opts: { build?: ProfileBuildOptions; driver?: string } = {}): Session {
  const device = new VirtualDevice(getProfile(profile).options({ hostname: 'r1', ...opts.build }));
  const transport = new DummyTransport({ device });
  const conn = new Protocol({
    transport,
    clock: new ManualClock(),
    drivers: allDrivers,
    ...(opts.driver ? { driver: opts.driver } : {}),
    stderr: () => undefined,
  });
  return { conn, device, transport };
}

/** Connects and runs the device's login dialogue with the fleet account. */
export async function logIn(s: Session): Promise<void> {
  await s.conn.connect('r1');
  await s.conn.login(account);
}

/**
 * What execute() returns for a command whose output is `text`: the echo, then the
 * output with the device's CRLF line ends, up to the line end the prompt pattern
 * swallows (compared without trailing line breaks: drivers differ in how many of
 * them their prompt pattern takes).
 */
export function trimmed(response: string): string {
  return response.replace(/[\r\n]+$/, '');
}

export function expectedResponse(command: string, text: string): string {
  return trimmed(`${command}\r\n${text.replace(/\n/g, '\r\n')}`);
}

/** The rejection of `p` (fails the test if `p` resolves). */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}
