// vitest globalSetup: bundle the test device that busybox telnetd runs as login program,
// once for every test file (transport-ssh/test/device/tty-device.ts).
import { provideTtyDevice } from '../../../transport-ssh/test/device/tty-device.js';

export default function setup(): () => void {
  const device = provideTtyDevice();
  return () => device.remove();
}
