// The raw profile: no banner, login, echo or prompt; the test drives the bytes.
import { RawDevice, type RawDeviceOptions } from '../raw-device.js';

export function rawDevice(opts: RawDeviceOptions = {}): RawDevice {
  return new RawDevice(opts);
}
