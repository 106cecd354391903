// @netx/transport-telnet public API.
export { TelnetTransport, TELNET_CAPABILITIES, type TelnetTransportOptions } from './telnet-transport.js';
export { TelnetCodec, type TelnetCodecOptions, type TelnetRole, type TelnetTerminal, type ReceiveResult, type Violation } from './telnet-codec.js';
export { TelnetParser, DEFAULT_MAX_SUBNEGOTIATION, type TelnetEvent, type ViolationReason } from './telnet-parser.js';
export { TelnetNegotiator, type NegotiationPolicy, type NegotiationResult, type OptionChange, type Side } from './negotiator.js';
export { encodeData, nawsMessage, subnegotiation, terminalTypeMessage } from './encoder.js';
export * as telnet from './telnet-constants.js';
