// The login / command dialog with the test device (helpers/serial-device.ts), driven straight on a transport.
import type { Transport } from '@netx/core';
import { enc, type TestSession } from './session.js';

export async function login(t: Transport, s: TestSession, user = 'admin', password = 'secret'): Promise<string> {
  await s.waitFor(/Username: $/, 'username prompt');
  await t.write(enc(`${user}\r`));
  await s.waitFor(/Password: $/, 'password prompt');
  await t.write(enc(`${password}\r`));
  return s.waitFor(/r1>$|Username: $/, 'prompt after login');
}

export async function execute(t: Transport, s: TestSession, command: string): Promise<string> {
  await t.write(enc(`${command}\r`));
  return s.waitFor(/r1[>#]$/, `prompt after ${command}`);
}

export async function enable(t: Transport, s: TestSession, password: string): Promise<string> {
  await t.write(enc('enable\r'));
  await s.waitFor(/Password: $/, 'enable password prompt');
  await t.write(enc(`${password}\r`));
  return s.waitFor(/r1[>#]$/, 'prompt after enable');
}
