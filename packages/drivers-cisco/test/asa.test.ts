// Table tests of the asa driver's own data: its samples against its patterns,
// its guess signals against the Exscript login corpus (which it must not claim),
// fed whole and one character at a time.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Account, Protocol } from '@netx/core';
import { driverTableTests, LONG_OUTPUT, readBannerDir } from '@netx/driver-test-kit';
import { DummyTransport, VirtualDevice } from '@netx/transport-dummy';
import { asaDevice } from './helpers/asa-device.js';
import { asa as driver } from '../src/asa.js';

const CORPUS = fileURLToPath(new URL('../../drivers/test/data/banners/', import.meta.url));

driverTableTests({ describe, it, expect }, driver, { foreignBanners: readBannerDir(CORPUS), maxForeignScore: 30 });

describe('asa driver', () => {
  it('answers the ASA pager with a space and authorizes with enable', () => {
    expect(driver.pagers.find((p) => p.pattern.test('\r\n<--- More --->'))?.answer).toBe(' ');
    expect(driver.authorizeCommand).toBe('enable');
  });
});

describe('asa in user EXEC (no enable password)', () => {
  it('autoInit does not fail when `terminal pager 0` is refused; paged output still comes whole', async () => {
    const device = new VirtualDevice(
      asaDevice([
        // As on the ASA: privileged EXEC only.
        ['terminal pager 0', (ctx) => (ctx.mode === 'user' ? "             ^\nERROR: % Invalid input detected at '^' marker.\n" : ((ctx.pager.enabled = false), ''))],
        ['show interface', LONG_OUTPUT],
      ]),
    );
    const conn = new Protocol({ transport: new DummyTransport({ device }), driver, timeout: 5_000 });
    await conn.connect('ciscoasa');
    await conn.authenticate(new Account({ name: 'admin', password: 'admin' }));
    await conn.autoInit();
    const { response } = await conn.execute('show interface');
    expect(response.replace(/\r/g, '')).toBe(`show interface\n${LONG_OUTPUT.replace(/\n$/, '')}`);
    await conn.close();
  });

  it('other failures of autoInit still surface', async () => {
    const device = new VirtualDevice({ hostname: 'ciscoasa', prompt: () => 'ciscoasa> ', commands: [] });
    const conn = new Protocol({ transport: new DummyTransport({ device }), driver, timeout: 5_000 });
    await conn.connect('ciscoasa');
    await conn.expectPrompt();
    await conn.close();
    // After close() a call is a StateError (#13); the driver does not swallow it.
    await expect(conn.autoInit()).rejects.toMatchObject({ code: 'NETX_STATE' });
  });
});
