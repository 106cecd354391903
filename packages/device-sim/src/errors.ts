// The simulator's own errors: a fleet description it cannot use, a port it cannot
// listen on. Both are NetxErrors with stable codes; messages say what to fix.
import { NetxError, type NetxErrorCode } from '@netx/core';

// Plugin codes follow core's NETX_* convention.
const CONFIG: NetxErrorCode = 'NETX_SIM_CONFIG';
const LISTEN: NetxErrorCode = 'NETX_SIM_LISTEN';

/** A fleet description (file or object) that cannot be served: names the file and line when known. */
export class SimConfigError extends NetxError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, where: { file?: string | undefined; line?: number | undefined } = {}) {
    const at = where.file !== undefined ? `${where.file}${where.line !== undefined ? `:${where.line}` : ''}: ` : '';
    super(CONFIG, `${at}${message}`);
    this.file = where.file;
    this.line = where.line;
  }
}

/** A listener could not be opened (port in use, no permission); nothing of the fleet is left listening. */
export class SimListenError extends NetxError {
  readonly port: number;
  readonly address: string;
  constructor(address: string, port: number, reason: string, options: { cause?: unknown } = {}) {
    super(LISTEN, `netx-sim could not listen on ${address}:${port} (${reason}); choose another base port or stop what uses it. Nothing of the fleet is left listening.`, options);
    this.port = port;
    this.address = address;
  }
}
