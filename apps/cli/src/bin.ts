#!/usr/bin/env node
// The `netx` executable: the real wiring, SIGINT stops a run politely (a second
// Ctrl-C ends the process at once).
import 'reflect-metadata';
import { createCliContainer } from './cli-container.js';
import { EXIT } from './cli/io.js';
import { runCli } from './cli/program.js';

const stop = new AbortController();
process.on('SIGINT', () => {
  if (stop.signal.aborted) process.exit(EXIT.INTERRUPTED);
  stop.abort();
});

runCli(process.argv.slice(2), createCliContainer(), stop.signal).then(
  (code) => {
    process.exitCode = code;
    // Let stdout drain, then leave even if a socket of a stopped session lingers.
    setTimeout(() => process.exit(code), 100).unref();
  },
  (err: unknown) => {
    process.stderr.write(`netx crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(EXIT.FAILED);
  },
);
