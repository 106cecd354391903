// A TemplateSource from texts in memory (a browser bundle, tests, generated templates).
import type { TemplateSource } from './clitable/cli-table.js';

/** `files` maps file names to texts; `index` names the index file among them. */
export function templatesFromRecord(files: Readonly<Record<string, string>>, index = 'index'): TemplateSource {
  const read = (name: string): string => {
    if (!Object.hasOwn(files, name)) throw new Error(`no file '${name}' among the templates given`);
    return files[name]!;
  };
  return { readIndex: () => read(index), readTemplate: read };
}
