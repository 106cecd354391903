// Process glue shared by the `netx` executable, the demo and programs that wire their
// own container (tests): SIGINT stops the work politely, a second one ends at once.
import type { DependencyContainer } from 'tsyringe';
import { EXIT } from './io.js';
import { runCli } from './program.js';

/** Runs `work` as the whole life of this process: its result is the exit code. */
export function runToExit(work: (signal: AbortSignal) => Promise<number>, name = 'netx'): void {
  const stop = new AbortController();
  process.on('SIGINT', () => {
    if (stop.signal.aborted) process.exit(EXIT.INTERRUPTED);
    stop.abort();
  });
  // The system clock's timers do not keep a process alive (a backoff between retries
  // may be all that is pending): this one does until the work is over.
  const alive = setInterval(() => undefined, 1 << 30);
  work(stop.signal).then(
    (code) => {
      clearInterval(alive);
      process.exitCode = code;
      // Leave once stdout has drained, even if a socket of a stopped session lingers.
      setTimeout(() => process.exit(code), 100).unref();
    },
    (err: unknown) => {
      clearInterval(alive);
      process.stderr.write(`${name} crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(EXIT.FAILED);
    },
  );
}

export function runAsProcess(c: DependencyContainer, argv: readonly string[] = process.argv.slice(2)): void {
  runToExit((signal) => runCli(argv, c, signal));
}
