// @netx/core/node: the parts of core that only work on Node. The main entry uses
// them by itself when it runs on Node (`logfile`, PrivateKey.fromFile); import
// them from here to use them directly.
export { FileLogSink } from './file-log-sink.js';
