#!/usr/bin/env node
// The `netx-sim` executable. SIGINT (Ctrl-C) or SIGTERM closes every listener and
// session, then exits; a second signal exits at once.
import 'reflect-metadata';
import { createSimContainer } from './container.js';
import { EXIT, runSim } from './program.js';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stop.signal.aborted) process.exit(EXIT.FAILED);
    stop.abort();
  });
}
runSim(process.argv.slice(2), createSimContainer(), stop.signal).then(
  (code) => {
    process.exitCode = code;
    // Leave once stdout has drained, even if a client socket lingers.
    setTimeout(() => process.exit(code), 100).unref();
  },
  (err: unknown) => {
    process.stderr.write(`netx-sim crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(EXIT.FAILED);
  },
);
