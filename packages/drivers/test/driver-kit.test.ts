// The driver kit on every built-in driver, each banner against all the others.
import { describe, expect, it } from 'vitest';
import { driverKitSuite } from '@netx/driver-test-kit';
import { allDrivers } from '../src/index.js';

driverKitSuite({ describe, it, expect }, { drivers: allDrivers, allDrivers });
