// Maps Node socket/DNS errors to ConnectionError with a message that says what to do.
import { ConnectionError, ProtocolError, TimeoutError, type NetxError } from '../errors.js';

export interface SocketErrorContext {
  host: string;
  port: number;
  kind: string;
  during: string;
}

export function mapSocketError(err: unknown, ctx: SocketErrorContext): NetxError {
  const { host, port, kind } = ctx;
  const where = `${host}:${port}`;
  const code = typeof err === 'object' && err !== null ? String((err as { code?: unknown }).code ?? '') : '';
  const detail = err instanceof Error ? err.message : String(err);
  const options = { host, cause: err };
  switch (code) {
    case 'ECONNREFUSED':
      return new ConnectionError('refused', `${where} refused the ${kind} connection; check the port and that the service runs.`, options);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new ConnectionError('unreachable', `${where} is unreachable (${code}); check routing and the address.`, options);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return new ConnectionError('dns', `The name ${host} could not be resolved (${code}); check the host name or use an address.`, options);
    case 'ECONNRESET':
    case 'EPIPE':
      return new ConnectionError('reset', `${where} reset the ${kind} connection (${code}) during ${ctx.during}.`, options);
    case 'ETIMEDOUT':
      return new TimeoutError(ctx.during, 0, `${where} did not answer over ${kind} (${code}); check that the host is reachable.`, options);
    case 'ERR_STREAM_DESTROYED':
    case 'ERR_STREAM_WRITE_AFTER_END':
      return new ConnectionError('closed', `The ${kind} connection to ${where} is already closed; connect again.`, options);
    default:
      if (ctx.during === 'read' || ctx.during === 'parse') {
        return new ProtocolError(`${kind} connection to ${where} failed during ${ctx.during}: ${detail}`, options);
      }
      return new ConnectionError('other', `${kind} connection to ${where} failed during ${ctx.during}: ${detail}`, options);
  }
}
