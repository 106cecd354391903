// Vitest for this plugin. Inside the netx repository the @netx packages resolve to their
// TypeScript sources (the "@netx/source" export condition, no build needed); in a copy of
// this folder they are the installed packages and the branch does nothing (delete it if
// you like).
import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const inNetxRepository = existsSync(new URL('../../packages/core/src/index.ts', import.meta.url));
const conditions = ['@netx/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  ...(inNetxRepository ? { resolve: { conditions }, ssr: { resolve: { conditions, externalConditions: ['@netx/source'] } } } : {}),
  test: { include: ['test/**/*.test.ts'], testTimeout: 30_000 },
});
