// The demo's lab: virtual devices by host name, and their credentials.
import { Account, type AccountFactory } from '@netx/core';
import { iosDevice, junosDevice, type VirtualPeer } from '@netx/transport-dummy';
import type { DemoTarget } from './tokens.js';

export const DEMO_TARGETS: readonly DemoTarget[] = Object.freeze([
  { host: 'ios-r1', label: 'Cisco IOS (virtual)', expectOs: 'ios' },
  { host: 'junos-r1', label: 'Juniper Junos (virtual)', expectOs: 'junos' },
]);

/** Virtual devices keyed by host; each connection gets a fresh session on them. */
export function virtualLab(): Record<string, VirtualPeer> {
  return {
    'ios-r1': iosDevice({
      hostname: 'r1',
      banner: '\nUnauthorized access is denied. There were 3 failed login attempts since the last login.\n',
      username: 'admin',
      password: 'admin',
      enablePassword: 'enable-secret',
    }),
    'junos-r1': junosDevice({ hostname: 'r1', username: 'netx', password: 'juniper' }),
  };
}

/** Credentials of the lab: an AccountFactory adapter (a real CLI would read a vault or prompt). */
export class LabAccounts implements AccountFactory {
  async create(context: { host?: string; purpose: string }): Promise<Account> {
    switch (context.host) {
      case 'ios-r1':
        return new Account({ name: 'admin', password: 'admin', password2: 'enable-secret' });
      case 'junos-r1':
        return new Account({ name: 'netx', password: 'juniper' });
      default:
        throw new Error(`No lab account for host ${JSON.stringify(context.host)}.`);
    }
  }
}
