// Wiring of netx-sim: the real Fleet and the process's streams. Tests register their own Io.
import 'reflect-metadata';
import { homedir } from 'node:os';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { Fleet } from '@netx/device-sim';
import { SIM_TOKENS, type SimIo, type StartFleet } from './tokens.js';

export const processIo = (): SimIo => ({
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  home: homedir(),
});

export function createSimContainer(opts: { io?: SimIo; startFleet?: StartFleet } = {}): DependencyContainer {
  const c = rootContainer.createChildContainer();
  c.register<SimIo>(SIM_TOKENS.Io, { useValue: opts.io ?? processIo() });
  c.register<StartFleet>(SIM_TOKENS.StartFleet, { useValue: opts.startFleet ?? ((o) => Fleet.start(o)) });
  return c;
}
