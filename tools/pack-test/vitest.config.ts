import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.js';

// sshd's test users are made once, before any file runs (as transport-ssh does);
// packing and installing into a fresh npm project happen in the tests' beforeAll.
export default mergeConfig(shared, {
  test: {
    globalSetup: ['../../packages/transport-ssh/test/helpers/global-setup.ts'],
    hookTimeout: 300_000,
    testTimeout: 120_000,
  },
});
