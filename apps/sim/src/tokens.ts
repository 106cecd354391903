// Injection tokens of netx-sim (Symbol.for: two copies of this module agree).
import type { Fleet, FleetOptions } from '@netx/device-sim';

export const SIM_TOKENS = {
  /** SimIo: where netx-sim prints and which folder relative paths start from. */
  Io: Symbol.for('netx.sim.Io'),
  /** StartFleet: opens the fleet's listeners (Fleet.start in production). */
  StartFleet: Symbol.for('netx.sim.StartFleet'),
} as const;

export interface SimIo {
  out(text: string): void;
  err(text: string): void;
  readonly cwd: string;
  readonly home: string;
}

export type StartFleet = (options: FleetOptions) => Promise<Fleet>;
