// A lab of virtual devices for the runner tests, and a transport factory that
// counts connections (open now, most at once, closed politely or by force).
import type { Transport } from '@netx/core';
import { DummyTransport, iosDevice, junosDevice, VirtualDevice, type VirtualPeer } from '@netx/transport-dummy';
import type { Host, TransportFactory } from '../../src/index.js';

export const IOS_USER = { name: 'admin', password: 'admin-pw', enable: 'enable-pw' } as const;

export interface Counter {
  readonly factory: TransportFactory;
  /** Connections opened and not closed yet. */
  open(): number;
  maxOpen(): number;
  connects(): number;
  /** close() calls: [host, force]. */
  readonly closes: [string, boolean][];
  readonly transports: Transport[];
}

/** Wraps a factory: every transport's connect/close is counted. */
export function counting(make: (host: Host) => Transport): Counter {
  let open = 0;
  let max = 0;
  let connects = 0;
  const closes: [string, boolean][] = [];
  const transports: Transport[] = [];
  const factory: TransportFactory = (host) => {
    const t = make(host);
    transports.push(t);
    const connect = t.connect.bind(t);
    const close = t.close.bind(t);
    let isOpen = false;
    t.connect = async (session) => {
      connects++;
      open++;
      isOpen = true;
      max = Math.max(max, open);
      try {
        await connect(session);
      } catch (err) {
        open--;
        isOpen = false;
        throw err;
      }
    };
    t.close = async (force) => {
      closes.push([host.name, force === true]);
      if (isOpen) open--;
      isOpen = false;
      await close(force);
    };
    return t;
  };
  return { factory, open: () => open, maxOpen: () => max, connects: () => connects, closes, transports };
}

export function ios(hostname: string, extra: Parameters<typeof iosDevice>[0] = {}): VirtualPeer {
  return iosDevice({ hostname, username: IOS_USER.name, password: IOS_USER.password, enablePassword: IOS_USER.enable, ...extra });
}

export function junos(hostname: string): VirtualPeer {
  return junosDevice({ hostname, username: IOS_USER.name, password: IOS_USER.password });
}

/** A device that echoes the password as it is typed (as Exscript's VirtualDevice does). */
export function echoingDevice(hostname: string): VirtualPeer {
  return new VirtualDevice({
    hostname,
    login: { style: 'username+password', username: IOS_USER.name, password: IOS_USER.password, echoPassword: true, usernamePrompt: 'Username: ' },
    prompt: `${hostname}#`,
    commands: { 'show secret': `the secret is ${IOS_USER.password}\n`, 'show version': 'Version 1.0\n' },
  });
}

export const dummyFactory = (devices: Record<string, VirtualPeer>) => () => new DummyTransport({ devices });
