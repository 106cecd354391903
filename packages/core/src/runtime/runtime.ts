// What core needs from the runtime it runs in. Two modules provide it: ./node.ts
// (Node: files, process.stderr) and ./neutral.ts (browsers, workers, edge). The
// package.json "imports" entry `#runtime` picks one by the "node" condition, so the
// main entry's code never names `node:*`, `Buffer` or `process`.
import type { LogSink } from '../protocol/log-sink.js';

export interface CoreRuntime {
  /** The bytes of a file (PrivateKey.fromFile); throws where there are no files. */
  readFile(path: string): Uint8Array;
  /** The sink behind the `logfile` option; throws where there are no files. */
  fileLogSink(path: string): LogSink;
  /** Where debug lines go when no `stderr` callback is given. */
  stderrLine(line: string): void;
}
