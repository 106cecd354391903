// Builds the ws:// or wss:// URL from connect(host, port) and the path option.

/** Puts an IPv6 literal in brackets, as URLs need; leaves names and IPv4 alone. */
export function urlHost(host: string): string {
  if (host.startsWith('[')) return host;
  return host.includes(':') ? `[${host}]` : host;
}

/** The URL for one connection; `path` may carry a query ('/ws?token=abc'). */
export function buildUrl(host: string, port: number, secure: boolean, path: string): URL {
  const scheme = secure ? 'wss' : 'ws';
  const rest = path.startsWith('/') ? path : `/${path}`;
  let url: URL;
  try {
    url = new URL(`${scheme}://${urlHost(host)}:${port}${rest}`);
  } catch (err) {
    throw new TypeError(`Cannot build a WebSocket URL from host "${host}", port ${port} and path "${path}"; check them.`, { cause: err });
  }
  if (url.hash) throw new TypeError(`The WebSocket path "${path}" has a #fragment, which WebSockets forbid; remove it.`);
  return url;
}
