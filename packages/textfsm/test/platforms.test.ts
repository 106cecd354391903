// netx driver names → ntc platforms, and records straight from a session's MatchResult: a real
// Protocol against the in-process IOS device (@netx/transport-dummy), driver from guessOs().
import { Account, Protocol } from '@netx/core';
import { allDrivers } from '@netx/drivers';
import { DummyTransport, iosDevice } from '@netx/transport-dummy';
import { describe, expect, it } from 'vitest';
import { DRIVER_PLATFORMS, ntcPlatforms, parseIndex, parseOutput as parseOutputFrom, stripEcho, TemplateNotFoundError } from '../src/index.js';
import { caught } from './helpers/caught.js';
import { bundledTemplatesDir, loadTemplates, parseOutput, parseResponse } from '../src/node.js';

describe('driver → platform', () => {
  it('maps only names that netx drivers have, to platforms the bundled index has', () => {
    const drivers = new Set(allDrivers.map((d) => d.name));
    const index = parseIndex(loadTemplates().readIndex());
    for (const [driver, platforms] of Object.entries(DRIVER_PLATFORMS)) {
      expect(drivers.has(driver), driver).toBe(true);
      for (const platform of platforms) expect(index.rows.some((r) => r.compiled.get('Platform')!.match(platform)), platform).toBe(true);
    }
    expect(ntcPlatforms('ios')).toEqual(['cisco_ios']);
    expect(ntcPlatforms('junos')).toEqual(['juniper_junos']);
    expect(ntcPlatforms('toString')).toEqual([]);
  });

  it('parses by driver name, trying each platform of the driver', () => {
    const data = 'Interface              IP-Address      OK? Method Status                Protocol\nGigabitEthernet0/0     10.0.0.1        YES NVRAM  up                    up      \n';
    expect(parseOutput({ driver: 'ios_xe', command: 'sh ip int br', data })).toEqual(parseOutput({ platform: 'cisco_ios', command: 'show ip interface brief', data }));
    expect(parseOutput({ driver: 'ios', command: 'sh ip int br', data })[0]).toMatchObject({ interface: 'GigabitEthernet0/0', ip_address: '10.0.0.1', status: 'up' });
  });

  it('says what to do when there is no platform or no template', () => {
    expect(() => parseOutput({ driver: 'adtran', command: 'show version', data: '' })).toThrow(/netx driver 'adtran' has no ntc-templates platform; pass `platform`/);
    const err = caught(() => parseOutput({ platform: 'cisco_ios', command: 'show nothing at all', data: '' }));
    expect(err).toBeInstanceOf(TemplateNotFoundError);
    expect((err as TemplateNotFoundError).code).toBe('NETX_TEXTFSM_NO_TEMPLATE');
    expect((err as Error).message).toMatch(/^Unable to parse command "show nothing at all" on platform cisco_ios - No template found for attributes: "\{'Command': 'show nothing at all', 'Platform': 'cisco_ios'\}"/);
    expect(() => parseOutput({ command: 'show version', data: '' })).toThrow(TypeError);
  });

  it('embeds a cause that ends in a full stop without doubling it', () => {
    const templates = {
      readIndex: (): string => {
        throw new TemplateNotFoundError('The template index is not there yet.', {});
      },
      readTemplate: (): string => '',
    };
    const err = caught(() => parseOutputFrom({ templates, platform: 'cisco_ios', command: 'show clock', data: '' }));
    expect(err).toBeInstanceOf(TemplateNotFoundError);
    expect((err as Error).message).toBe(
      'Unable to parse command "show clock" on platform cisco_ios - The template index is not there yet. Check the platform and command, or give a template folder that has one (templatesDir).',
    );
  });

  it('reads templates from another folder', () => {
    expect(bundledTemplatesDir.endsWith('templates/')).toBe(true);
    expect(parseOutput({ platform: 'cisco_ios', command: 'show clock', data: '*10:00:00.000 UTC Mon Mar 1 2021\n', templatesDir: bundledTemplatesDir })).toHaveLength(1);
  });

  it('drops the echo line only when it is the command', () => {
    expect(stripEcho('show clock\r\n10:00\r\n', 'show clock')).toBe('10:00\r\n');
    expect(stripEcho('r1#show clock\n10:00\n', 'show clock')).toBe('10:00\n');
    expect(stripEcho('10:00\n', 'show clock')).toBe('10:00\n');
  });
});

describe('records from a session', () => {
  it('parses show version from a MatchResult with the guessed driver', async () => {
    const conn = new Protocol({ transport: new DummyTransport({ device: iosDevice({ hostname: 'r1' }) }), drivers: allDrivers });
    try {
      await conn.connect('r1');
      await conn.login(new Account({ name: 'admin', password: 'admin', password2: 'enable' }));
      const result = await conn.execute('show version');
      const driver = conn.guessOs();
      expect(driver).toBe('ios');
      const records = parseResponse(result, { driver, command: 'show version' });
      expect(records).toHaveLength(1);
      expect(records[0]!['hostname']).toBe('r1');
      expect(records[0]!['version']).toMatch(/^\d+\.\d+/);
    } finally {
      await conn.close();
    }
  });
});
