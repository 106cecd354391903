// Injection tokens of the CLI: one per port. Symbol.for so that two copies of
// this module (tests, bundles) still agree on them.
export const TOKENS = {
  /** () => Transport: a fresh, unconnected transport per resolve (the Transport port). */
  Transport: Symbol.for('netx.Transport'),
  /** Clock port. */
  Clock: Symbol.for('netx.Clock'),
  /** readonly Driver[]: the drivers the Protocol may guess from. */
  Drivers: Symbol.for('netx.Drivers'),
  /** AccountFactory port: where credentials come from. */
  AccountFactory: Symbol.for('netx.AccountFactory'),
  /** DemoOutput: where the demo prints. */
  Output: Symbol.for('netx.Output'),
  /** readonly DemoTarget[]: the devices the demo visits. */
  Targets: Symbol.for('netx.DemoTargets'),
  /** TransportsProvider: the `netx` program's transport factories by URL scheme. */
  Transports: Symbol.for('netx.cli.Transports'),
  /** CliIo: the program's streams and environment. */
  Io: Symbol.for('netx.cli.Io'),
  /** AskFunction: asks a question on the terminal (hidden input for passwords). */
  Ask: Symbol.for('netx.cli.Ask'),
  /** ParserSlot: structured parsing, when a parser is installed. */
  Parser: Symbol.for('netx.cli.Parser'),
} as const;

/** Where the demo writes its report. */
export interface DemoOutput {
  line(text: string): void;
  error(text: string): void;
}

/** One device the demo logs into. */
export interface DemoTarget {
  /** Host name the transport is asked to connect to. */
  readonly host: string;
  /** What the demo calls it in its output. */
  readonly label: string;
  /** The OS the guesser should name. */
  readonly expectOs: string;
}
