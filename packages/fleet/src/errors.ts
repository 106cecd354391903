// Fleet errors: NetxError subclasses with stable codes of their own. Messages
// say where the problem is (file:line) and what to do, and never hold a secret.
import { isNetxError, NetxError, type NetxErrorOptions } from '@netx/core';

export const FleetErrorCodes = {
  /** The inventory is malformed: syntax, unknown keys, bad values, missing groups. */
  INVENTORY: 'NETX_INVENTORY',
  /** No usable credentials: missing variable, unreadable or unprotected file, no agent. */
  CREDENTIALS: 'NETX_CREDENTIALS',
  /** A host names a driver that was not given to the runner. */
  UNKNOWN_DRIVER: 'NETX_UNKNOWN_DRIVER',
  /** A host URL's scheme has no transport factory. */
  UNKNOWN_SCHEME: 'NETX_UNKNOWN_SCHEME',
  /** The job is unusable (no commands, unreadable command file) or its function threw a plain Error. */
  JOB: 'NETX_JOB',
} as const;
export type FleetErrorCode = (typeof FleetErrorCodes)[keyof typeof FleetErrorCodes];

/** Where in a file a problem is (1-based). */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
}

export interface InventoryProblem {
  readonly message: string;
  readonly location?: SourceLocation;
}

/** A message to embed before our own full stop: without its trailing full stop, so the sentence does not end in "..". */
export function asClause(message: string): string {
  return message.trimEnd().replace(/\.+$/, '');
}

export function formatLocation(loc: SourceLocation | undefined): string {
  if (!loc) return '';
  return `${loc.file}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}: `;
}

/** One or more problems in an inventory; the message lists them as `file:line:col: what`. */
export class InventoryError extends NetxError {
  readonly problems: readonly InventoryProblem[];
  constructor(problems: readonly InventoryProblem[], options: NetxErrorOptions = {}) {
    const shown = problems.slice(0, 20).map((p) => `${formatLocation(p.location)}${p.message}`);
    if (problems.length > 20) shown.push(`... and ${problems.length - 20} more problems`);
    super(FleetErrorCodes.INVENTORY, shown.join('\n'), options);
    this.problems = problems;
  }
}

/** True for an InventoryError from any copy of this package. */
export function isInventoryError(value: unknown): value is InventoryError {
  return isNetxError(value, FleetErrorCodes.INVENTORY);
}

export class CredentialError extends NetxError {
  constructor(message: string, options: NetxErrorOptions = {}) {
    super(FleetErrorCodes.CREDENTIALS, message, options);
  }
}

export class UnknownDriverError extends NetxError {
  readonly driver: string;
  constructor(driver: string, known: readonly string[], options: NetxErrorOptions = {}) {
    super(FleetErrorCodes.UNKNOWN_DRIVER, `Unknown driver ${JSON.stringify(driver)}; known drivers: ${known.join(', ')}. Fix the host's driver or pass the driver to the runner.`, options);
    this.driver = driver;
  }
}

export class UnknownSchemeError extends NetxError {
  readonly scheme: string;
  constructor(scheme: string, known: readonly string[], options: NetxErrorOptions = {}) {
    super(FleetErrorCodes.UNKNOWN_SCHEME, `No transport for ${scheme}:// URLs; known: ${known.map((k) => `${k}://`).join(', ') || 'none'}. Use one of those or give the runner a transport for "${scheme}".`, options);
    this.scheme = scheme;
  }
}

export class JobError extends NetxError {
  constructor(message: string, options: NetxErrorOptions = {}) {
    super(FleetErrorCodes.JOB, message, options);
  }
}
