// The driver test kit on every zyxel driver's samples.
import { describe, expect, it } from 'vitest';
import { driverKitSuite } from '@netx/driver-test-kit';
import { drivers } from '../src/index.js';

driverKitSuite({ describe, it, expect }, { drivers, minSamples: { prompts: 3, banners: 3 } });
