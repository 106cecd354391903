// The real servers of the transport packages' tests, reused here: busybox telnetd and
// OpenSSH sshd, both running the test device (a virtual IOS router on the pty), ssh-agent.
export { startTelnetd, freePort, type Telnetd } from '../../../transport-telnet/test/helpers/telnetd.js';
export { startSshd, generateKey, TEST_USER, type Sshd } from '../../../transport-ssh/test/helpers/sshd.js';
export { startAgent, type TestAgent } from '../../../transport-ssh/test/helpers/agent.js';
export { ttyDeviceCommand, ttyDeviceProgram, type TestDeviceSpec } from '../../../transport-ssh/test/device/tty-device.js';

export const TELNET_ACCOUNT = { user: 'admin', password: 'secret', enable: 'enable-secret' } as const;

/** The telnet device of these tests: netx-rtr1, Username: + Password:, enable with a secret. */
export const TELNET_DEVICE = {
  hostname: 'netx-rtr1',
  login: 'username+password',
  username: TELNET_ACCOUNT.user,
  password: TELNET_ACCOUNT.password,
  enablePassword: TELNET_ACCOUNT.enable,
} as const;
