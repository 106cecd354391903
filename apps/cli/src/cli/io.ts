// What the `netx` program talks to: streams and environment, injected so that the
// program runs in-process in tests and under a real terminal in production.
import type { HostResult, ParseHook, TransportFactory } from '@netx/fleet';

export interface OutStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
  on?(event: 'resize', fn: () => void): unknown;
}

export interface CliIo {
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  readonly stdout: OutStream & NodeJS.WritableStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Current working directory for relative paths in messages. */
  readonly cwd: string;
}

/** How SSH host keys are checked: strict (known_hosts), accept-new (learn unknown keys), off. */
export type HostKeyMode = 'strict' | 'accept-new' | 'off';

export interface TransportSettings {
  readonly hostKeys: HostKeyMode;
  readonly knownHosts?: string;
  /** ssh-agent socket, or false for none. */
  readonly agent: string | false;
}

/** Builds the transport factories (by URL scheme) for one command's settings. */
export type TransportsProvider = (settings: TransportSettings) => Readonly<Record<string, TransportFactory>>;

/** A parser for `--parse` (the program wires @netx/textfsm; an empty slot refuses --parse). */
export interface ParserSlot {
  readonly parse?: ParseHook;
  /** Its name, for messages. */
  readonly name?: string;
}

/** Called with each host's record of `netx run` as it finishes (besides the printed output). */
export type ResultListener = (result: HostResult) => void;

/** A usage error: exit code 2, the message printed as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, INTERRUPTED: 130 } as const;
