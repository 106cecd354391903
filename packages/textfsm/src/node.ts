// @netx/textfsm/node: template folders on disk. The bundled ntc-templates are the default;
// `templatesDir` points at another folder with an `index` file and its templates.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateSource } from './clitable/cli-table.js';
import { parseOutput as parseWith, parseResponse as parseResponseWith, type OutputRecord, type ParseOutputOptions } from './parse-output.js';

export * from './index.js';

/** The ntc-templates folder shipped in this package (index + templates, Apache-2.0). */
export const bundledTemplatesDir: string = fileURLToPath(new URL('../templates/', import.meta.url));

const sources = new Map<string, TemplateSource>();

/** A TemplateSource over a folder holding `index` (or another index file name) and the templates. Cached per folder. */
export function loadTemplates(dir: string = bundledTemplatesDir, indexFile = 'index'): TemplateSource {
  const root = resolve(dir);
  const key = `${root}\0${indexFile}`;
  let source = sources.get(key);
  if (!source) {
    source = {
      readIndex: () => readFileSync(join(root, indexFile), 'utf8'),
      readTemplate: (name) => readFileSync(join(root, name), 'utf8'),
    };
    sources.set(key, source);
  }
  return source;
}

export interface NodeParseOptions extends ParseOutputOptions {
  /** Folder with an `index` and templates. Default: the bundled ntc-templates. */
  templatesDir?: string;
  /** A source of templates instead of a folder. */
  templates?: TemplateSource;
}

/** ntc_templates.parse.parse_output: records with lower-case keys. */
export function parseOutput(options: NodeParseOptions): OutputRecord[] {
  return parseWith({ ...options, templates: options.templates ?? loadTemplates(options.templatesDir) });
}

/** Records from `conn.execute()`'s MatchResult for the connection's driver (`conn.guessOs()`). */
export function parseResponse(
  result: { readonly response: string },
  options: { driver: string; command: string; platform?: string; templatesDir?: string; templates?: TemplateSource },
): OutputRecord[] {
  return parseResponseWith(result, { ...options, templates: options.templates ?? loadTemplates(options.templatesDir) });
}
