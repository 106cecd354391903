// `netx run --parse` with the parser the program wires: TextFSM and the bundled
// ntc-templates (@netx/textfsm), the platform taken from each host's driver.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { createCliContainer, textfsmParser } from '../src/cli-container.js';
import { runCli } from '../src/cli/program.js';
import { TOKENS } from '../src/tokens.js';
import { labContainer, labDevices, LAB_USER, testIo } from './helpers/cli-io.js';

const env = { NETX_PASSWORD: LAB_USER.password, NETX_ENABLE_PASSWORD: LAB_USER.enable };

interface Output {
  command: string;
  parsed?: Record<string, unknown>[];
  parseError?: string;
}

describe('netx run --parse (TextFSM)', () => {
  it('is the parser of the program', () => {
    expect(createCliContainer().resolve(TOKENS.Parser)).toBe(textfsmParser);
  });

  it('parses IOS and Junos outputs by driver; a command without a template has no records and no error', async () => {
    const io = testIo({ env });
    const { c } = labContainer(io, labDevices(), textfsmParser);
    const code = await runCli(['run', 'lab://admin@r1', 'lab://admin@j1', '-c', 'show version', '--enable', '--parse', '--json'], c);
    expect(code, io.stderr.text).toBe(0);
    const [r1, j1] = (JSON.parse(io.stdout.text) as { results: { host: string; outputs: Output[] }[] }).results;
    expect(r1!.outputs[0]!.parsed).toEqual([
      expect.objectContaining({ hostname: 'r1', version: '15.7(3)M8', software_image: 'C2900-UNIVERSALK9-M', hardware: ['CISCO2911/K9'], serial: ['FTX1840ALBQ'] }),
    ]);
    expect(j1!.outputs[0]!.parsed).toEqual([expect.objectContaining({ hostname: 'j1' })]);

    const more = testIo({ env });
    const lab = labContainer(more, labDevices(), textfsmParser);
    expect(await runCli(['run', 'lab://admin@r1', '-c', 'show ip interface brief', '-c', 'show running-config', '--enable', '--parse', '--json'], lab.c)).toBe(0);
    const [brief, config] = (JSON.parse(more.stdout.text) as { results: { outputs: Output[] }[] }).results[0]!.outputs;
    expect(brief!.parsed![0]).toEqual({ interface: 'GigabitEthernet0/0', ip_address: '192.0.2.1', status: 'up', proto: 'up' });
    expect(config).not.toHaveProperty('parsed');
    expect(config).not.toHaveProperty('parseError');
  });
});
