// @netx/transport-dummy: the in-process link to virtual devices, for tests and demos.
// The device model lives in @netx/virtual-device; it is re-exported here so
// existing imports from '@netx/transport-dummy' keep working.
export { DummyTransport, type DummyTransportOptions, type ProtocolLogin, type WindowSize } from './dummy-transport.js';
export * from '@netx/virtual-device';
