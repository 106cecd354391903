// Real-time bounds for the kit's own waits, so a broken transport fails with a
// message that names what was awaited instead of hanging until the runner's timeout.
// These bound waits only; no assertion depends on how long anything took.

/** The default bound, in ms, for one wait on a peer or a transport. */
export const DEFAULT_WAIT_MS = 10_000;

export class DeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeadlineError';
  }
}

/** Resolves like `promise`, or rejects with DeadlineError(`what ...`) after `ms` real milliseconds. */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DeadlineError(`${what}: nothing after ${ms} ms.`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}
