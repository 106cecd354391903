// From command-line options to a fleet: N devices dealt over the profiles, one
// port per device and protocol from the base port (ssh block, then telnet, then ws).
import { SIM_PROTOCOLS, SimConfigError, type FleetOptions, type SimDeviceSpec, type SimProtocol } from '@netx/device-sim';
import { profileNames, profiles } from '@netx/virtual-device';

export interface PlanOptions {
  devices: number;
  profiles: string[];
  /** 0: every port picked free by the system. */
  basePort: number;
  protocols: SimProtocol[];
  username: string;
  password: string;
  enablePassword: string;
  shared: Partial<Record<SimProtocol, number>>;
  host: string;
}

export function planFleet(o: PlanOptions): FleetOptions {
  if (!Number.isInteger(o.devices) || o.devices < 1) throw new SimConfigError(`--devices must be a whole number >= 1, got ${o.devices}.`);
  for (const p of o.profiles) {
    if (!profiles.has(p)) throw new SimConfigError(`--profiles: unknown profile "${p}"; known profiles: ${profileNames().join(', ')}.`);
  }
  for (const p of o.protocols) {
    if (!SIM_PROTOCOLS.includes(p)) throw new SimConfigError(`--protocols: unknown protocol "${p}"; use ${SIM_PROTOCOLS.join(', ')}.`);
  }
  const last = o.basePort + o.devices * o.protocols.length - 1;
  if (o.basePort !== 0 && last > 65535) {
    throw new SimConfigError(`${o.devices} devices x ${o.protocols.length} protocols from --base-port ${o.basePort} go past port 65535; lower the base port or the count.`);
  }
  const width = String(o.devices).length;
  const devices: SimDeviceSpec[] = [];
  for (let i = 0; i < o.devices; i++) {
    const ports: Partial<Record<SimProtocol, number>> = {};
    o.protocols.forEach((proto, block) => (ports[proto] = o.basePort === 0 ? 0 : o.basePort + block * o.devices + i));
    devices.push({
      name: `r${String(i + 1).padStart(width, '0')}`,
      profile: o.profiles[i % o.profiles.length]!,
      username: o.username,
      password: o.password,
      enablePassword: o.enablePassword,
      ports,
    });
  }
  return { devices, host: o.host, shared: o.shared };
}
