// The Protocol and its parts.
export {
  Protocol,
  type AppLoginCallOptions,
  type CommandStream,
  type DataListener,
  type LoginCallOptions,
  type LoginOptions,
  type MonitorListener,
  type OtpListener,
} from './protocol.js';
export { DEFAULTS as PROTOCOL_DEFAULTS, type PromptWaitOptions, type ProtocolOptions, type WaitOptions } from './options.js';
export { DriverRegistry } from './driver-registry.js';
export type { LogSink } from './log-sink.js';
export type { StepOptions } from './options.js';
export { cleanPromptText } from './ansi.js';
export { createCodec, type TextCodec } from './decoder.js';
export { MATCH_WINDOW, TAIL_WINDOW } from './matcher.js';
export { STREAM_LINE_LIMIT } from './streamed-response.js';
export { ERROR_TAIL } from './wait-engine.js';
export type { InteractIo } from './interact.js';
