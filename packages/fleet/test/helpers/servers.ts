// The real servers of the transport packages' tests, reused here: busybox telnetd
// with the fake IOS shell script, OpenSSH sshd with the fake IOS Node CLI, ssh-agent.
import { fileURLToPath } from 'node:url';

export { startTelnetd, freePort, type Telnetd } from '../../../transport-telnet/test/helpers/telnetd.js';
export { startSshd, fakeIosCommand, generateKey, TEST_USER, type Sshd } from '../../../transport-ssh/test/helpers/sshd.js';
export { startAgent, type TestAgent } from '../../../transport-ssh/test/helpers/agent.js';

/** The telnet device script; behaviour through NETX_DEVICE_* variables (see the script). */
export const TELNET_DEVICE = fileURLToPath(new URL('../../../transport-telnet/test/fixtures/fake-device.sh', import.meta.url));
export const TELNET_ACCOUNT = { user: 'admin', password: 'secret', enable: 'enable-secret' } as const;
