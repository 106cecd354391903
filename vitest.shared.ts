// Shared vitest settings: resolve workspace packages to their TypeScript sources
// (the "@netx/source" export condition), so tests never need a build first.
import { defineConfig } from 'vitest/config';

export const sourceConditions = ['@netx/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@netx/source'] } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  },
});
