// @netx/device-sim: fleets of virtual devices (@netx/virtual-device) served over
// real SSH, Telnet and WebSocket serial servers, with scripted faults.
export { Fleet, SIM_PROTOCOLS, type FleetOptions, type FleetRow, type SimProtocol } from './fleet.js';
export { SimDevice, SSH_AUTH_METHODS, type OpenRequest, type OpenedSession, type SimDeviceSpec, type SshAuthMethod } from './sim-device.js';
export { FAULT_NAMES, describeFaults, lineNoise, resolveFaults, type FaultSpec, type Faults } from './faults.js';
export { SimLink, type ByteSink, type LinkShape } from './sim-link.js';
export { generateHostKey, generateKeyPair, loadOrCreateHostKey, type HostKey } from './host-key.js';
export { SimConfigError, SimListenError } from './errors.js';
export { deviceInPath } from './ws-service.js';
export { parseFleet, readFleetFile, type FleetDescription, type FleetGroup } from './fleet-file.js';
export { parseIndex, readIndexFile, type IndexEntry, type IndexMap } from './index-file.js';
