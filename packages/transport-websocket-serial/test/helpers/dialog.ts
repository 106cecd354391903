// The login / command dialog with the test device (helpers/serial-device.ts), driven
// straight on a transport through the kit's text session.
import type { Transport } from '@netx/core';
import type { TextSession } from '@netx/transport-test-kit';

export const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Logs in; resolves with everything the session received (it ends at `r1>`, or at `Username: ` again after a refusal). */
export async function login(t: Transport, s: TextSession, user = 'admin', password = 'secret'): Promise<string> {
  await s.expect(/Username: $/, 'username prompt');
  await t.write(enc(`${user}\r`));
  await s.expect(/Password: $/, 'password prompt');
  await t.write(enc(`${password}\r`));
  await s.expect(/r1>$|Username: $/, 'prompt after login');
  return s.text();
}

/** Runs `command`; resolves with what came before the next prompt (the echo and the output). */
export async function execute(t: Transport, s: TextSession, command: string): Promise<string> {
  await t.write(enc(`${command}\r`));
  return s.expect(/r1[>#]$/, `prompt after ${command}`);
}

/** Answers enable's password; resolves with everything the session received (it ends at the prompt). */
export async function enable(t: Transport, s: TextSession, password: string): Promise<string> {
  await t.write(enc('enable\r'));
  await s.expect(/Password: $/, 'enable password prompt');
  await t.write(enc(`${password}\r`));
  await s.expect(/r1[>#]$/, 'prompt after enable');
  return s.text();
}
