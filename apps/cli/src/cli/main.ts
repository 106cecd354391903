// Process glue shared by the `netx` executable and programs that wire their own
// container (tests, the demo): SIGINT stops a run politely, a second one ends at once.
import type { DependencyContainer } from 'tsyringe';
import { EXIT } from './io.js';
import { runCli } from './program.js';

export function runAsProcess(c: DependencyContainer, argv: readonly string[] = process.argv.slice(2)): void {
  const stop = new AbortController();
  process.on('SIGINT', () => {
    if (stop.signal.aborted) process.exit(EXIT.INTERRUPTED);
    stop.abort();
  });
  // The system clock's timers do not keep a process alive (a backoff between retries
  // may be all that is pending): this one does until the command is over.
  const alive = setInterval(() => undefined, 1 << 30);
  runCli(argv, c, stop.signal).then(
    (code) => {
      clearInterval(alive);
      process.exitCode = code;
      // Leave once stdout has drained, even if a socket of a stopped session lingers.
      setTimeout(() => process.exit(code), 100).unref();
    },
    (err: unknown) => {
      clearInterval(alive);
      process.stderr.write(`netx crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(EXIT.FAILED);
    },
  );
}
