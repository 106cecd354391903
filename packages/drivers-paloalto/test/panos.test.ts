// Table tests of the panos driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { driverTableTests, readBannerDir } from '@netx/driver-test-kit';
import { panos as driver } from '../src/panos.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });
