// The port behind the `logfile` option: where the conversation log's bytes go.
// Writes are queued and leave in order without blocking the data path; a sink
// never throws into it (failures go to the handler open() was given). File access
// lives in one module (file-log-sink.ts), so the rest of core needs no `node:fs`.

export interface LogSink {
  /** Human name for messages (the file's path). */
  readonly name: string;
  /** Prepares the sink; rejects when it cannot be written. `onError` hears later write failures. */
  open(onError: (err: unknown) => void): Promise<void>;
  /** Queues bytes; returns at once. */
  write(bytes: Uint8Array): void;
  /** Resolves once everything queued is written and the sink released. */
  close(): Promise<void>;
}
