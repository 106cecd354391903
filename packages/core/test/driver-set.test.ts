// The driver set's parts that depend on the drivers only are made once: the guess
// model (every signal compiled) and the registry are shared by every Protocol built
// from the same list, and made again when the list changes. Plus what defineDriver
// makes of authorizeCommand (a command like initCommands, sent with '\r').
import { describe, expect, it } from 'vitest';
import { CISCO_ERROR_PROMPTS, defineDriver, generic, type DriverConnection } from '../src/index.js';
import { GuessModel } from '../src/guess/guess-model.js';
import { driverSet } from '../src/protocol/driver-set.js';

const a = defineDriver({ name: 'a', guess: { head: [{ match: /alpha-os/i, score: 90 }] } });
const b = defineDriver({ name: 'b', guess: { response: [{ match: 'beta', score: 50 }], protocol: [{ match: /Beta-SSH/, score: 70 }] } });

describe('shared driver sets', () => {
  it('the same list gives the same set and model; a changed list a new one', () => {
    const list = [a, b];
    const first = driverSet(list);
    expect(driverSet(list)).toBe(first);
    expect(first.registry.get('generic')).toBe(generic);
    expect(first.model.drivers).toEqual([a, b]);
    expect(first.model.head).toHaveLength(1);
    expect(first.model.response).toHaveLength(1);
    expect(first.model.protocol[0]!.test('SSH-2.0-Beta-SSH_1')).toBe(true);
    list.push(defineDriver({ name: 'c' }));
    const second = driverSet(list);
    expect(second).not.toBe(first);
    expect(second.registry.has('c')).toBe(true);
    expect(driverSet(undefined)).toBe(driverSet(undefined));
  });
  it('GuessModel.of reuses a compiled model for the same array', () => {
    const list = [a, b];
    expect(GuessModel.of(list)).toBe(GuessModel.of(list));
    expect(GuessModel.of([a, b])).not.toBe(GuessModel.of(list));
  });
});

describe('authorizeCommand is a command, like initCommands', () => {
  const sent = async (command: string) => {
    const out: string[] = [];
    const conn = { send: async (t: string) => void out.push(t), appAuthorize: async () => undefined } as unknown as DriverConnection;
    const d = defineDriver({ name: 'x', authorizeCommand: command });
    await d.autoAuthorize(conn, undefined, {});
    return { exposed: d.authorizeCommand, sent: out };
  };
  it.each([
    ['enable', 'enable', 'enable\r'],
    ['enable\r', 'enable', 'enable\r'],
    ['enable\r\n', 'enable', 'enable\r\n'],
    ['enable 15', 'enable 15', 'enable 15\r'],
  ])('%j is exposed as %j and sent as %j', async (given, exposed, wire) => {
    expect(await sent(given)).toEqual({ exposed, sent: [wire] });
  });
});

it('CISCO_ERROR_PROMPTS: one list for the IOS-like CLIs', () => {
  expect(Object.isFrozen(CISCO_ERROR_PROMPTS)).toBe(true);
  for (const line of ['% Invalid input detected at ^ marker.', '%Error opening tftp', '% Incomplete command.', 'Host foo not found']) {
    expect(CISCO_ERROR_PROMPTS.some((re) => re.test(line))).toBe(true);
  }
  expect(CISCO_ERROR_PROMPTS.some((re) => re.test('Interface is up'))).toBe(false);
});
