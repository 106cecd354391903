// Host URLs: ssh://user@host:port, telnet://host, ws-serial://host:port/path?framing=ttyd.
// A password in a URL is refused: URLs end up in results and logs.

export interface HostUrl {
  /** Lower-case scheme without '://' ('ssh', 'telnet', 'ws-serial', ...). */
  readonly scheme: string;
  /** Host name or address (IPv6 without brackets). */
  readonly hostname: string;
  /** Undefined: the transport's default port. */
  readonly port?: number;
  readonly username?: string;
  /** Path as given ('' when none), e.g. '/ws'. */
  readonly path: string;
  /** Query parameters (the last value of a repeated key). */
  readonly query: Readonly<Record<string, string>>;
  /** The URL again, normalised (never holds a password). */
  readonly href: string;
}

export interface HostUrlParts {
  scheme: string;
  hostname: string;
  port?: number | undefined;
  username?: string | undefined;
  path?: string;
  query?: Readonly<Record<string, string>>;
}

/** Parses a host URL; throws a TypeError whose message says what is wrong. */
export function parseHostUrl(text: string): HostUrl {
  if (typeof text !== 'string' || text.trim() === '') throw new TypeError('The host URL is empty; write it as scheme://[user@]host[:port], e.g. ssh://admin@192.0.2.1.');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text.trim());
  if (!m) throw new TypeError(`${JSON.stringify(text)} is not a host URL; write scheme://[user@]host[:port], e.g. ssh://admin@192.0.2.1 or telnet://r1.`);
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    throw new TypeError(`${JSON.stringify(text)} is not a valid URL; write scheme://[user@]host[:port].`);
  }
  if (u.password) throw new TypeError(`The URL for ${u.hostname} holds a password; remove it (URLs are written to results and logs) and give passwords through NETX_PASSWORD, a prompt or a credentials file.`);
  const hostname = u.hostname.replace(/^\[(.*)\]$/, '$1');
  if (hostname === '') throw new TypeError(`${JSON.stringify(text)} names no host; write scheme://[user@]host[:port].`);
  const query: Record<string, string> = {};
  for (const [k, v] of u.searchParams) query[k] = v;
  return hostUrl({
    scheme: m[1]!.toLowerCase(),
    hostname: decodeURIComponent(hostname),
    port: u.port === '' ? undefined : Number(u.port),
    username: u.username === '' ? undefined : decodeURIComponent(u.username),
    path: u.pathname,
    query,
  });
}

/** Builds a HostUrl from parts (used for inventories that give hostname/port/scheme separately). */
export function hostUrl(parts: HostUrlParts): HostUrl {
  const { scheme, hostname } = parts;
  if (parts.port !== undefined && (!Number.isInteger(parts.port) || parts.port < 1 || parts.port > 65535)) {
    throw new TypeError(`Port ${parts.port} of ${hostname} is not a TCP port (1-65535).`);
  }
  const query = parts.query ?? {};
  const host = hostname.includes(':') ? `[${hostname}]` : hostname;
  const user = parts.username !== undefined ? `${encodeURIComponent(parts.username)}@` : '';
  const port = parts.port !== undefined ? `:${parts.port}` : '';
  const search = new URLSearchParams(query).toString();
  const path = parts.path ?? '';
  return Object.freeze({
    scheme,
    hostname,
    ...(parts.port !== undefined ? { port: parts.port } : {}),
    ...(parts.username !== undefined ? { username: parts.username } : {}),
    path,
    query: Object.freeze({ ...query }),
    href: `${scheme}://${user}${host}${port}${path}${search ? `?${search}` : ''}`,
  });
}
