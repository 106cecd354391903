// Injection tokens of the CLI: one per port. Symbol.for so that two copies of
// this module (tests, bundles) still agree on them.
export const TOKENS = {
  /** Clock port. */
  Clock: Symbol.for('netx.Clock'),
  /** readonly Driver[]: the drivers the Protocol may guess from. */
  Drivers: Symbol.for('netx.Drivers'),
  /** TransportsProvider: the `netx` program's transport factories by URL scheme. */
  Transports: Symbol.for('netx.cli.Transports'),
  /** CliIo: the program's streams and environment. */
  Io: Symbol.for('netx.cli.Io'),
  /** AskFunction: asks a question on the terminal (hidden input for passwords). */
  Ask: Symbol.for('netx.cli.Ask'),
  /** ParserSlot: structured parsing, when a parser is installed. */
  Parser: Symbol.for('netx.cli.Parser'),
  /** ResultListener: sees every host record of `netx run` as it finishes (the demo checks them). */
  Results: Symbol.for('netx.cli.Results'),
} as const;
