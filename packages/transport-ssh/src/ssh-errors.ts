// Maps ssh2's errors (tagged with `level`, or a numeric DISCONNECT `code`) to netx errors
// whose messages name the host and say what to do next.
import {
  ConnectionError,
  isNetxError,
  LoginFailure,
  mapSocketError,
  TimeoutError,
  type NetxError,
} from '@netx/core';

export interface SshErrorContext {
  host: string;
  port: number;
  during: string;
}

interface Ssh2Error {
  message?: string;
  level?: string;
  code?: unknown;
  description?: string;
  reason?: unknown;
}

export function mapSshError(err: unknown, ctx: SshErrorContext): NetxError {
  if (isNetxError(err)) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as Ssh2Error;
  const where = `${ctx.host}:${ctx.port}`;
  const detail = typeof e.message === 'string' ? e.message : String(err);
  const options = { host: ctx.host, cause: err };
  switch (e.level) {
    case 'client-authentication':
      return new LoginFailure(`SSH authentication to ${where} failed (${detail}); check the user name and credentials.`, options);
    case 'client-timeout':
      if (/keepalive/i.test(detail)) {
        return new TimeoutError('keepalive', 0, `${where} stopped answering SSH keepalives; the connection is considered dead. Reconnect, or raise keepaliveCountMax.`, options);
      }
      return new TimeoutError(ctx.during, 0, `${where} did not complete the SSH handshake in time (${detail}); raise connectTimeout or check the server.`, options);
    case 'client-dns':
      return new ConnectionError('dns', `The name ${ctx.host} could not be resolved (${detail}); check the host name or use an address.`, options);
    case 'protocol':
      return new ConnectionError('handshake', `${where} closed the connection before the SSH handshake (${detail}); check that an SSH server listens on port ${ctx.port} and accepts this client (MaxStartups, tcp wrappers, ListenAddress).`, options);
    case 'handshake':
      return new ConnectionError('handshake', `SSH key exchange with ${where} failed (${detail}); if the device is old, try the option legacyAlgorithms: true.`, options);
    case 'agent':
      return new LoginFailure(`The ssh-agent could not be used for ${where} (${detail}); check SSH_AUTH_SOCK or set agent: false.`, options);
    case 'client-socket':
    case undefined:
      break;
    default:
      break;
  }
  if (typeof e.code === 'number') {
    // An SSH_MSG_DISCONNECT from the server; `code` is the RFC 4253 reason number.
    return new ConnectionError('closed', `${where} ended the SSH session (${detail}, reason ${e.code}) during ${ctx.during}.`, options);
  }
  if (/identification string|Bad packet length|Invalid packet|bad (?:mac|padding)/i.test(detail)) {
    return new ConnectionError('handshake', `${where} did not speak SSH correctly (${detail}); check that port ${ctx.port} is an SSH server.`, options);
  }
  return mapSocketError(err, { host: ctx.host, port: ctx.port, kind: 'ssh', during: ctx.during });
}

/** A channel-open refusal on a jump host ("Connection refused", "No route to host", "administratively prohibited"). */
export function mapForwardError(err: unknown, hop: string, target: string): NetxError {
  const detail = err instanceof Error ? err.message : String(err);
  const reason = /refused/i.test(detail) ? 'refused' : /prohibited/i.test(detail) ? 'other' : 'unreachable';
  const hint = reason === 'other' ? 'allow TCP forwarding (AllowTcpForwarding) for this user on the jump host' : 'check the address and port as seen from the jump host';
  return new ConnectionError(reason, `Jump host ${hop} could not open a connection to ${target} (${detail}); ${hint}.`, { host: target, cause: err });
}
