// The bundled ntc-templates: the index reads, every template it names compiles, and every rule
// has both of its JavaScript forms (the Unicode form is otherwise only built on non-ASCII input).
import { readdirSync } from 'node:fs';
import { isNetxError } from '@netx/core';
import { describe, expect, it } from 'vitest';
import { parseIndex, TextFSM, TextFSMTemplateError } from '../src/index.js';
import { bundledTemplatesDir, loadTemplates } from '../src/node.js';
import { caught } from './helpers/caught.js';

const source = loadTemplates();

describe('bundled ntc-templates', () => {
  const files = readdirSync(bundledTemplatesDir).filter((f) => f.endsWith('.textfsm'));

  it('has the index and 979 templates, each named by the index', () => {
    expect(files).toHaveLength(979);
    const named = new Set(parseIndex(source.readIndex()).rows.flatMap((r) => r.fields['Template']!.split(':')));
    for (const name of named) expect(files).toContain(name);
  });

  it('compiles every template, both forms of every rule', () => {
    for (const file of files) {
      const fsm = new TextFSM(source.readTemplate(file));
      for (const state of fsm.stateNames) for (const rule of fsm.rules(state)) expect(rule.compiled.compile().source.length).toBeGreaterThan(0);
    }
  });

  it("raises errors that core's isNetxError recognises", () => {
    const err = caught(() => new TextFSM('Value A (x\n\nStart\n'));
    expect(err).toBeInstanceOf(TextFSMTemplateError);
    expect(isNetxError(err, 'NETX_TEXTFSM_TEMPLATE')).toBe(true);
  });
});
