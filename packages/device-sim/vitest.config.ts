import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// Outside clients (OpenSSH ssh, sshpass, Netmiko) are installed once before the tests.
export default mergeConfig(shared, {
  test: { globalSetup: ['./test/global-setup.ts'] },
});
