// vitest globalSetup: install sshd if missing and create the test users once,
// before any test file starts (useradd from parallel workers would race on /etc/passwd).
import { ensureSshTestEnvironment } from './sshd.js';

export default function setup(): void {
  ensureSshTestEnvironment();
}
