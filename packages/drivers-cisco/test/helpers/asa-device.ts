// The virtual ASA of the e2e scenario and of the user-EXEC test: one definition, each
// test adding its own command table.
import type { CommandTable, VirtualDeviceOptions } from '@netx/transport-dummy';

export function asaDevice(commands: CommandTable): VirtualDeviceOptions {
  return {
    hostname: 'ciscoasa',
    login: { style: 'username+password', usernamePrompt: 'Username: ', passwordPrompt: 'Password: ', username: 'admin', password: 'admin' },
    motd: "Type help or '?' for a list of available commands.\n",
    prompt: (mode, { hostname }) => (mode === 'user' ? `${hostname}> ` : `${hostname}# `),
    enable: { password: 'enable' },
    pager: { prompt: '<--- More --->', erase: '\r              \r' },
    commands,
    unknownCommand: "ERROR: % Invalid input detected at '^' marker.\n",
  };
}
