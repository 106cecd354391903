// @netx/core public API.
export * from './errors.js';
export { Account, PrivateKey, type AccountFactory, type AccountInit } from './account.js';
export { systemClock, sleep, type Clock } from './ports/clock.js';
export {
  hasProtocolAuth,
  type DebugLevel,
  type ProtocolAuthContext,
  type Transport,
  type TransportCapabilities,
  type TransportSession,
} from './ports/transport.js';
export {
  toRegExp,
  toRegExps,
  type AuthorizeOptions,
  type Driver,
  type DriverConnection,
  type DriverDefinition,
  type DriverSamples,
  type GuessSignal,
  type GuessSignals,
  type MatchResult,
  type PagerRule,
  type Pattern,
} from './ports/driver.js';
export { AbstractTransport, type TransportState } from './transport/abstract-transport.js';
export { mapSocketError, type SocketErrorContext } from './transport/socket-errors.js';
export {
  CISCO_ERROR_PROMPTS,
  defineDriver,
  generic,
  GENERIC_ERROR_PROMPT,
  GENERIC_LOGIN_ERROR_PROMPT,
  GENERIC_PASSWORD_PROMPT,
  GENERIC_PROMPT,
  GENERIC_USERNAME_PROMPT,
} from './drivers/generic.js';
export * as pagers from './drivers/pagers.js';
export { ALL_PAGERS, stripAnsi } from './drivers/pagers.js';
export { OsGuesser, CERTAIN_SCORE, type GuessScore } from './guess/os-guesser.js';
export * from './protocol/index.js';
export { otp, otpKey, keyToWords, SKEY_CHALLENGE } from './otp/skey.js';
export { md4 } from './otp/md4.js';
