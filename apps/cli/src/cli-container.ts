// Wiring of the `netx` program: the real transports by URL scheme, the drivers, the
// system clock, the process's streams, TextFSM for --parse. Tests register their own Io and Transports.
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { systemClock } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import type { Host } from '@netx/fleet';
import { parseOutput, TemplateNotFoundError } from '@netx/textfsm/node';
import { SshTransport, type SshTransportOptions } from '@netx/transport-ssh';
import { TelnetTransport } from '@netx/transport-telnet';
import { WebSocketSerialTransport, type WebSocketSerialOptions } from '@netx/transport-websocket-serial';
import { terminalAsk } from './cli/ask.js';
import type { CliIo, ParserSlot, ResultListener, TransportSettings, TransportsProvider } from './cli/io.js';
import { TOKENS } from './tokens.js';

export const processIo = (): CliIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

/** ws-serial://host:port/path?framing=ttyd&token=x: the framing comes from the query, the rest is the endpoint. */
function wsSerialOptions(host: Host): WebSocketSerialOptions {
  const { framing, secure, ...rest } = host.url.query;
  const search = new URLSearchParams(rest).toString();
  const path = `${host.url.path || ''}${search ? `?${search}` : ''}`;
  return {
    ...(path !== '' ? { path } : {}),
    ...(framing === 'ttyd' || framing === 'raw' ? { framing } : {}),
    ...(secure === '1' || secure === 'true' ? { secure: true } : {}),
    ...(host.options.transport as Partial<WebSocketSerialOptions> | undefined),
  };
}

export const realTransports: TransportsProvider = (s: TransportSettings) => ({
  ssh: (host) =>
    new SshTransport({
      agent: s.agent,
      ...(s.hostKeys === 'accept-new' ? { hostKeyPolicy: 'accept-new' } : {}),
      ...(s.knownHosts !== undefined ? { knownHostsPath: s.knownHosts } : {}),
      ...(host.options.transport as Partial<SshTransportOptions> | undefined),
    }),
  telnet: (host) => new TelnetTransport(host.options.transport ?? {}),
  'ws-serial': (host) => new WebSocketSerialTransport(wsSerialOptions(host)),
});

/** `--parse`: TextFSM with the bundled ntc-templates, the platform from the host's driver; no template: no records. */
export const textfsmParser: ParserSlot = {
  name: 'TextFSM (ntc-templates)',
  parse: (driver, command, text) => {
    try {
      return parseOutput({ driver, command, data: text });
    } catch (err) {
      if (err instanceof TemplateNotFoundError) return undefined;
      throw err;
    }
  },
};

export interface CliContainerOptions {
  io?: CliIo;
  transports?: TransportsProvider;
  parser?: ParserSlot;
  /** Sees every host record of `netx run`. */
  onResult?: ResultListener;
}

export function createCliContainer(opts: CliContainerOptions = {}): DependencyContainer {
  const c = rootContainer.createChildContainer();
  const io = opts.io ?? processIo();
  c.register(TOKENS.Io, { useValue: io });
  c.register(TOKENS.Clock, { useValue: systemClock });
  c.register(TOKENS.Drivers, { useValue: allDrivers });
  c.register(TOKENS.Transports, { useValue: opts.transports ?? realTransports });
  c.register(TOKENS.Ask, { useValue: terminalAsk(io) });
  c.register(TOKENS.Parser, { useValue: opts.parser ?? textfsmParser });
  c.register<ResultListener>(TOKENS.Results, { useValue: opts.onResult ?? (() => undefined) });
  return c;
}
