// @netx/transport-websocket-serial public API.
export { WebSocketSerialTransport } from './websocket-serial-transport.js';
export type { WebSocketImplementation, WebSocketSerialOptions, WebSocketTlsOptions } from './options.js';
export type { WebSocketConstructor, WebSocketLike } from './wire/web-wire.js';
export type { DecodedFrame, Framing, FramingOpenContext, OutgoingFrame } from './framings/framing.js';
export { builtinFramings, resolveFraming, type FramingName } from './framings/index.js';
export { rawFraming } from './framings/raw.js';
export { ttydFraming, ttydAuthToken } from './framings/ttyd.js';
