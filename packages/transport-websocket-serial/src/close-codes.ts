// Maps WebSocket close codes, ws errors and refused upgrades to netx errors.
import { ConnectionError, LoginFailure, ProtocolError, mapSocketError, type NetxError } from '@netx/core';

export interface CloseContext {
  host: string;
  port: number;
  /** The framing name, for messages. */
  framing: string;
  /** A 1008 close means the framing's in-band token was refused (ttyd). */
  policyCloseMeansAuth: boolean;
}

/** ws reports websockify's echo of a code-less close as this error; it is the peer closing. */
export function isPeerCloseQuirk(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    e.code === 'WS_ERR_INVALID_CLOSE_CODE' &&
    typeof e.message === 'string' &&
    e.message.includes('invalid status code 1005')
  );
}

/**
 * The result of the peer's close frame: undefined for a clean close (1000, 1001, 1005),
 * otherwise the error to report.
 */
/** How the close came: during the upgrade, and on which WebSocket implementation. */
export interface CloseHow {
  opening?: boolean;
  implementation?: 'ws' | 'platform';
}

export function mapCloseCode(code: number, reason: string, ctx: CloseContext, how: CloseHow = {}): NetxError | undefined {
  const where = `${ctx.host}:${ctx.port}`;
  const why = reason ? ` (${reason})` : '';
  const options = { host: ctx.host };
  if (code === 1006 && how.opening && how.implementation === 'platform') {
    // The WHATWG API reports every failed upgrade alike, on purpose (no port scanning from pages).
    return new ConnectionError(
      'other',
      `Could not open the WebSocket to ${where}; the platform's WebSocket gives no reason (a closed port, a wrong path, a refused upgrade and an untrusted certificate look the same). Check the host, port and path, and that the server accepts this origin.`,
      options,
    );
  }
  switch (code) {
    case 1000: // normal
    case 1001: // going away
    case 1005: // no status code: the peer closed without saying why
      return undefined;
    case 1006:
      return new ConnectionError('reset', `The WebSocket connection to ${where} ended abnormally (1006, no close frame); the console server or the network dropped it.`, options);
    case 1008:
      if (ctx.policyCloseMeansAuth) {
        return new LoginFailure(`${where} refused the ${ctx.framing} AuthToken (1008 policy violation)${why}; pass the right authToken (for ttyd -c user:pass use ttydAuthToken(user, pass)).`, options);
      }
      return new ConnectionError('closed', `${where} closed the WebSocket for a policy violation (1008)${why}; check the headers, token or path it expects.`, options);
    case 1002:
    case 1003:
    case 1007:
    case 1009:
      return new ProtocolError(`${where} closed the WebSocket because it could not accept our frames (${code})${why}; check the framing option ("${ctx.framing}").`, options);
    default:
      return new ConnectionError('closed', `${where} closed the WebSocket with code ${code}${why}.`, options);
  }
}

/** An HTTP answer instead of the WebSocket upgrade. */
export function mapUpgradeRefused(status: number, ctx: CloseContext & { path: string }): NetxError {
  const where = `${ctx.host}:${ctx.port}`;
  const options = { host: ctx.host };
  if (status === 401 || status === 403) {
    return new LoginFailure(`${where} refused the WebSocket upgrade with HTTP ${status}: the headers or token were refused; check the Authorization header (headers option) or the token in the path.`, options);
  }
  if (status === 404) {
    return new ConnectionError('handshake', `${where} has no WebSocket endpoint at "${ctx.path}" (HTTP 404); check the path option.`, options);
  }
  return new ConnectionError('handshake', `${where} answered the WebSocket upgrade at "${ctx.path}" with HTTP ${status}; check the URL, path and headers.`, options);
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** Any error from ws or the socket under it. */
export function mapWsError(err: unknown, during: string, ctx: CloseContext): NetxError {
  const where = `${ctx.host}:${ctx.port}`;
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  const options = { host: ctx.host, cause: err };
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new ConnectionError('tls', `TLS to ${where} failed (${code}: ${message}); pass the server's CA in tls.ca, fix tls.servername, or set tls.rejectUnauthorized false for a lab.`, options);
  }
  if (code.startsWith('WS_ERR_')) {
    return new ProtocolError(`${where} sent a bad WebSocket frame (${message}); the endpoint may not be a WebSocket console.`, options);
  }
  if (/Server sent (no|an invalid) subprotocol/i.test(message)) {
    return new ConnectionError('handshake', `${where} did not accept the ${ctx.framing} sub-protocol (${message}); check the framing option and the path.`, options);
  }
  if (/Invalid Sec-WebSocket-Accept|Invalid Upgrade header|Unexpected server response/i.test(message)) {
    return new ConnectionError('handshake', `${where} did not complete the WebSocket upgrade (${message}); check the port and path.`, options);
  }
  if (during === 'connect' && /socket hang up/i.test(message)) {
    return new ConnectionError('handshake', `${where} hung up on the WebSocket upgrade request; check the path, the token in its query and the headers the server expects.`, options);
  }
  return mapSocketError(err, { host: ctx.host, port: ctx.port, kind: 'websocket-serial', during });
}
