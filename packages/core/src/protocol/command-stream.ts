// stream(command): execute(command, { onData }) as an async iterable of chunks. The
// command starts at once; chunks wait in a queue until the loop takes them (no
// transport pauses, so a loop slower than the link lets the queue grow). Breaking out
// of the loop drops the rest of the output; the command still runs to its prompt
// (await `result` before the next call). An error (InvalidCommandError after the
// chunks, a timeout, a closed connection) is thrown by the loop once the chunks before
// it were taken, and rejects `result`.
import type { MatchResult } from '../ports/driver.js';

export interface CommandStream extends AsyncIterable<string> {
  /** The prompt's match once the command finished (`response` '', `streamed` set); rejects as execute() would. */
  readonly result: Promise<MatchResult>;
}

export function commandStream(run: (onData: (chunk: string) => void) => Promise<MatchResult>): CommandStream {
  let queue: string[] = [];
  let head = 0;
  let wake: (() => void) | undefined;
  let finished = false;
  let failed = false;
  let failure: unknown;
  let dropping = false;
  const result = run((chunk) => {
    if (dropping) return;
    queue.push(chunk);
    wake?.();
  });
  result.then(
    () => {
      finished = true;
      wake?.();
    },
    (err: unknown) => {
      finished = true;
      failed = true;
      failure = err;
      wake?.();
    },
  );
  // The loop reports the error; a caller that never reads `result` must not get an unhandled rejection.
  result.catch(() => undefined);

  const iterator: AsyncIterator<string> = {
    async next(): Promise<IteratorResult<string>> {
      for (;;) {
        if (head < queue.length) {
          const value = queue[head]!;
          // A taken chunk must not stay referenced: the queue holds only what the loop has not read.
          if (++head === queue.length) {
            queue = [];
            head = 0;
          } else if (head > 1024 && head * 2 > queue.length) {
            queue = queue.slice(head);
            head = 0;
          } else queue[head - 1] = '';
          return { value, done: false };
        }
        if (finished) {
          if (failed) {
            failed = false;
            throw failure;
          }
          return { value: undefined, done: true };
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    async return(): Promise<IteratorResult<string>> {
      dropping = true;
      queue = [];
      head = 0;
      return { value: undefined, done: true };
    },
  };
  return { result, [Symbol.asyncIterator]: () => iterator };
}
