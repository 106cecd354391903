// vitest globalSetup: install sshd if missing and create the test users once,
// before any test file starts (useradd from parallel workers would race on /etc/passwd),
// and bundle the test device that sshd runs (one build for every worker).
import { provideTtyDevice } from '../device/tty-device.js';
import { ensureSshTestEnvironment } from './sshd.js';

export default function setup(): () => void {
  ensureSshTestEnvironment();
  const device = provideTtyDevice();
  return () => device.remove();
}
