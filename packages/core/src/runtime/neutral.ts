// The runtime without Node's API (browsers, workers, edge runtimes): no files, so the
// two file features say what to use instead; debug lines go to the console.
import type { CoreRuntime } from './runtime.js';

export const runtime: CoreRuntime = {
  readFile(path) {
    throw new TypeError(
      `PrivateKey.fromFile(${JSON.stringify(path)}): this runtime has no file system; read the key yourself and pass its text or bytes to PrivateKey.fromString().`,
    );
  },
  fileLogSink(path) {
    throw new TypeError(
      `logfile ${JSON.stringify(path)}: this runtime has no file system; pass a LogSink as the logSink option instead (open, write, close).`,
    );
  },
  stderrLine(line) {
    console.error(line);
  },
};
