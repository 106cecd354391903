// Runs the demo's main() on the real wiring with a collecting output, and once
// with a wrong lab password to see it fail loudly.
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { Account, type AccountFactory } from '@netx/core';
import { createContainer } from '../src/container.js';
import { main } from '../src/demo.js';
import { TOKENS, type DemoOutput } from '../src/tokens.js';

function collecting() {
  const lines: string[] = [];
  const errors: string[] = [];
  const output: DemoOutput = { line: (t) => void lines.push(t), error: (t) => void errors.push(t) };
  return { output, lines, errors, text: () => lines.join('\n') };
}

describe('demo', () => {
  it('logs into the virtual IOS and Junos devices, guesses, pages, inits, authorizes, exits 0', async () => {
    const out = collecting();
    const code = await main(createContainer({ output: out.output }));
    expect(out.errors).toEqual([]);
    expect(code).toBe(0);
    const text = out.text();
    expect(text).toContain('== Cisco IOS (virtual): ios-r1 over dummy ==');
    expect(text).toContain('logged in; OS guess: ios; driver: ios');
    expect(text).toMatch(/show version: 39 lines, 1 pager prompt\(s\) answered/);
    expect(text).toContain('  | Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M), Version 15.7(3)M8, RELEASE SOFTWARE (fc2)');
    expect(text).toContain('authorization: enable done; prompt now r1#');
    expect(text).toContain('logged in; OS guess: junos; driver: junos');
    expect(text).toContain('authorization: not needed on this OS; prompt now netx@r1>');
    expect(out.lines.filter((l) => l.includes('show version again: identical'))).toHaveLength(2);
    expect(out.lines.slice(-2)).toEqual([
      'ios-r1: ios (ios), 39 lines of show version, prompt r1#',
      'junos-r1: junos (junos), 31 lines of show version, prompt netx@r1>',
    ]);
  });

  it('fails loudly with exit code 1 when a login is refused, without printing the password', async () => {
    const out = collecting();
    const c = createContainer({ output: out.output });
    const wrong: AccountFactory = { create: async () => new Account({ name: 'admin', password: 'not-the-password' }) };
    c.register(TOKENS.AccountFactory, { useValue: wrong });
    const code = await main(c);
    expect(code).toBe(1);
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0]).toMatch(/^demo failed: LoginFailure \[NETX_LOGIN_FAILED\]: /);
    expect(out.errors[0]).not.toContain('not-the-password');
  });
});
