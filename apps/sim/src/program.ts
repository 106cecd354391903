// netx-sim's command line (commander 14): a fleet from options or a fleet file,
// the table of what it serves, then serving until the stop signal.
import { join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import type { DependencyContainer } from 'tsyringe';
import { isNetxError } from '@netx/core';
import { readFleetFile, SIM_PROTOCOLS, type Fleet, type FleetOptions, type SimProtocol } from '@netx/device-sim';
import { planFleet } from './plan.js';
import { fleetTable } from './table.js';
import { SIM_TOKENS, type SimIo, type StartFleet } from './tokens.js';

export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

function whole(name: string, min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number ${min}-${max}.`);
    return n;
  };
}
const list = (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean);

interface Options {
  devices: number;
  profiles: string[];
  basePort: number;
  protocols: string[];
  fleet?: string;
  host: string;
  hostKey?: string;
  username: string;
  password: string;
  enablePassword: string;
  sharedSsh?: number;
  sharedTelnet?: number;
  sharedWs?: number;
  index?: string;
}

function program(io: SimIo): Command {
  const port = whole('a port', 0, 65535);
  return new Command('netx-sim')
    .description('Serve simulated network devices over SSH, Telnet and WebSocket serial (raw and ttyd).')
    .option('--devices <n>', 'number of devices', whole('--devices', 1, 100_000), 10)
    .option('--profiles <list>', 'device profiles, dealt round-robin', list, ['ios'])
    .option('--base-port <port>', 'first port: ssh ports, then telnet, then ws (0: any free ports)', port, 30000)
    .option('--protocols <list>', `served protocols (${SIM_PROTOCOLS.join(',')})`, list, [...SIM_PROTOCOLS])
    .option('--fleet <file>', 'a fleet description (YAML or JSON) instead of --devices/--profiles')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--host-key <file>', 'SSH host key file, generated when missing (default ~/.netx-sim/ssh_host_ed25519_key)')
    .option('--username <name>', 'login of every device', 'admin')
    .option('--password <password>', 'password of every device', 'admin')
    .option('--enable-password <password>', 'enable secret of every device', 'enable')
    .option('--shared-ssh <port>', 'one SSH port for all devices (user@device)', port)
    .option('--shared-telnet <port>', 'one Telnet port for all devices (user@device at Username:)', port)
    .option('--shared-ws <port>', 'one WebSocket port for all devices (/device in the URL)', port)
    .option('--index <file>', 'index file of the shared ports: "<login> <device> [<user>]" per line')
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) });
}

function fleetOptions(o: Options, io: SimIo): FleetOptions {
  const shared: Partial<Record<SimProtocol, number>> = {
    ...(o.sharedSsh !== undefined ? { ssh: o.sharedSsh } : {}),
    ...(o.sharedTelnet !== undefined ? { telnet: o.sharedTelnet } : {}),
    ...(o.sharedWs !== undefined ? { ws: o.sharedWs } : {}),
  };
  const base: FleetOptions = o.fleet
    ? readFleetFile(resolve(io.cwd, o.fleet))
    : planFleet({ ...o, protocols: o.protocols as SimProtocol[], shared });
  const hostKeyFile = o.hostKey ? resolve(io.cwd, o.hostKey) : (base.hostKeyFile ?? join(io.home, '.netx-sim', 'ssh_host_ed25519_key'));
  const indexFile = o.index !== undefined ? resolve(io.cwd, o.index) : base.indexFile;
  return { ...base, hostKeyFile, shared: { ...base.shared, ...shared }, ...(indexFile !== undefined ? { indexFile } : {}) };
}

/** Runs netx-sim until `stop` aborts; resolves with the exit code. */
export async function runSim(argv: readonly string[], c: DependencyContainer, stop: AbortSignal): Promise<number> {
  const io = c.resolve<SimIo>(SIM_TOKENS.Io);
  const start = c.resolve<StartFleet>(SIM_TOKENS.StartFleet);
  const cmd = program(io);
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    throw err;
  }
  let fleet: Fleet;
  try {
    fleet = await start(fleetOptions(cmd.opts<Options>(), io));
  } catch (err) {
    if (!isNetxError(err)) throw err;
    io.err(`netx-sim: ${err.message}\n`);
    return EXIT.USAGE;
  }
  io.out(fleetTable(fleet));
  if (!stop.aborted) await new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve(), { once: true }));
  const open = fleet.connections;
  await fleet.close();
  io.out(`netx-sim: stopped; closed every listener and ${open} open connection${open === 1 ? '' : 's'}.\n`);
  return EXIT.OK;
}
