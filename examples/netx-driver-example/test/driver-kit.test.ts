// The driver test kit on the Acme OS driver: every sample against every pattern,
// and every banner must win guessOs() against all built-in netx drivers.
import { describe, expect, it } from 'vitest';
import { driverKitSuite } from '@netx/driver-test-kit';
import { allDrivers } from '@netx/drivers';
import { drivers } from '../src/index.js';

driverKitSuite({ describe, it, expect }, { drivers, allDrivers: [...allDrivers, ...drivers], minSamples: { prompts: 3, banners: 3, errors: 1 } });
