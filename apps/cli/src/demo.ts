// `pnpm --filter @netx/cli run demo`: logs into the virtual IOS and Junos devices
// over the dummy transport and prints what happened. Exit code 1 on any error.
import 'reflect-metadata';
import { pathToFileURL } from 'node:url';
import { isNetxError } from '@netx/core';
import type { DependencyContainer } from 'tsyringe';
import { createContainer } from './container.js';
import { DemoRunner, type TargetReport } from './demo-runner.js';
import { TOKENS, type DemoOutput } from './tokens.js';

/** Runs the demo on a container (default: the demo wiring); returns the exit code. */
export async function main(c: DependencyContainer = createContainer()): Promise<number> {
  const out = c.resolve<DemoOutput>(TOKENS.Output);
  try {
    const reports: TargetReport[] = await c.resolve(DemoRunner).run();
    for (const r of reports) out.line(`${r.host}: ${r.os} (${r.driver}), ${r.versionLines} lines of show version, prompt ${r.prompt}`);
    return 0;
  } catch (err) {
    const what = isNetxError(err) ? `${err.name} [${err.code}]` : err instanceof Error ? err.name : 'Error';
    out.error(`demo failed: ${what}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`demo crashed: ${String(err)}\n`);
      process.exit(1);
    },
  );
}
