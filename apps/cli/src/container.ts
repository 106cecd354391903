// The one place where ports meet adapters. Everything else receives its
// collaborators through these tokens and never names an adapter.
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { systemClock, type Transport } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import { DummyTransport } from '@netx/transport-dummy';
import { TOKENS, type DemoOutput } from './tokens.js';
import { DEMO_TARGETS, LabAccounts, virtualLab } from './virtual-lab.js';

export const consoleOutput: DemoOutput = {
  line: (text) => void process.stdout.write(`${text}\n`),
  error: (text) => void process.stderr.write(`${text}\n`),
};

export interface ContainerOptions {
  output?: DemoOutput;
}

/** A child container with the demo wiring; tests may register overrides on it. */
export function createContainer(opts: ContainerOptions = {}): DependencyContainer {
  const c = rootContainer.createChildContainer();
  const lab = virtualLab();
  c.register(TOKENS.Clock, { useValue: systemClock });
  c.register(TOKENS.Drivers, { useValue: allDrivers });
  c.register(TOKENS.AccountFactory, { useClass: LabAccounts });
  c.register(TOKENS.Output, { useValue: opts.output ?? consoleOutput });
  c.register(TOKENS.Targets, { useValue: DEMO_TARGETS });
  // A factory, not an instance: a transport serves one connection.
  c.register<() => Transport>(TOKENS.Transport, { useValue: () => new DummyTransport({ devices: lab }) });
  return c;
}
