import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// The end-to-end tests run transport-ssh's private sshd: its global setup installs sshd and creates the test users once.
export default mergeConfig(shared, {
  test: { globalSetup: ['../../packages/transport-ssh/test/helpers/global-setup.ts'] },
});
