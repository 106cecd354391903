// The single- and multi-template cases of the vendored ntc-templates corpus, with the
// templates the index chooses for each (shared by the TextFSM benchmarks).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTemplates, loadTemplates } from '@netx/textfsm/node';

const corpus = fileURLToPath(new URL('../../../packages/textfsm/test/fixtures/ntc-tests/', import.meta.url));

export interface Case {
  platform: string;
  command: string;
  rawPath: string;
  data: string;
  templates: string[];
}

export function loadCases(): Case[] {
  const source = loadTemplates();
  const cases: Case[] = [];
  for (const platform of readdirSync(corpus, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    for (const dir of readdirSync(join(corpus, platform)).sort()) {
      for (const file of readdirSync(join(corpus, platform, dir)).filter((f) => f.endsWith('.raw')).sort()) {
        const rawPath = join(corpus, platform, dir, file);
        const command = dir.split('_').join(' ');
        cases.push({ platform, command, rawPath, data: readFileSync(rawPath, 'utf8'), templates: findTemplates(source, { Command: command, Platform: platform }) });
      }
    }
  }
  return cases;
}
