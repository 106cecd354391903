// Root entry: `pnpm vitest` here runs every package as a vitest project.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'examples/*', 'tools/pack-test', 'tools/reliability'] },
});
