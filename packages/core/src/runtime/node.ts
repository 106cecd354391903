// The Node runtime: files through node:fs, debug lines to process.stderr.
import { readFileSync } from 'node:fs';
import { FileLogSink } from '../node/file-log-sink.js';
import type { CoreRuntime } from './runtime.js';

export const runtime: CoreRuntime = {
  readFile: (path) => readFileSync(path),
  fileLogSink: (path) => new FileLogSink(path),
  stderrLine(line) {
    process.stderr.write(`${line}\n`);
  },
};
