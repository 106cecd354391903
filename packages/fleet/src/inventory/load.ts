// Reading inventories from files: YAML and JSON through the `yaml` parser (which
// knows where every node is), CSV through csv.ts. Every problem names file:line:col.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { InventoryError, type SourceLocation } from '../errors.js';
import { buildInventory } from './build.js';
import { parseCsvInventory } from './csv.js';
import type { Inventory } from './inventory.js';
import type { BuildOptions, Locator } from './types.js';

export type InventoryFormat = 'yaml' | 'json' | 'csv';

export interface LoadOptions extends Omit<BuildOptions, 'locate'> {
  /** Default: from the file name (.yaml/.yml, .json, .csv). */
  format?: InventoryFormat;
}

/** Reads and builds an inventory file. Throws InventoryError (file:line in every problem). */
export async function loadInventory(file: string, opts: LoadOptions = {}): Promise<Inventory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message;
    throw new InventoryError([{ message: `cannot read the inventory file ${file}: ${why}` }], { cause: err });
  }
  return parseInventory(text, file, opts);
}

/** Builds an inventory from text; `file` is only used in messages. */
export function parseInventory(text: string, file: string, opts: LoadOptions = {}): Inventory {
  const format = opts.format ?? formatOf(file);
  const build: BuildOptions = { ...(opts.schemes ? { schemes: opts.schemes } : {}), ...(opts.drivers ? { drivers: opts.drivers } : {}) };
  if (format === 'csv') {
    const { data, locate } = parseCsvInventory(text, file);
    return buildInventory(data, { ...build, locate });
  }
  const { doc, locate } = parseStructured(text, file, format);
  return buildInventory(doc.toJS({ maxAliasCount: 100 }) ?? {}, { ...build, locate });
}

function formatOf(file: string): InventoryFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  if (ext === '.csv') return 'csv';
  throw new InventoryError([{ message: `cannot tell the format of ${file} from its name; use .yaml, .yml, .json or .csv (or pass format)` }]);
}

function parseStructured(text: string, file: string, format: 'yaml' | 'json'): { doc: Document; locate: Locator } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): SourceLocation => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    throw new InventoryError(doc.errors.map((e) => ({ message: `${format === 'json' ? 'JSON' : 'YAML'} syntax: ${firstLine(e.message)}`, location: at(e.pos[0]) })));
  }
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (err) {
      // YAML accepted what JSON does not (comments, single quotes, trailing commas).
      const pos = /position (\d+)/.exec((err as Error).message);
      throw new InventoryError([{ message: `JSON syntax: ${firstLine((err as Error).message)}`, ...(pos ? { location: at(Number(pos[1])) } : { location: { file, line: 1 } }) }]);
    }
  }
  const locate: Locator = (path) => {
    let node: unknown = doc.contents;
    let offset = (node as Node | null)?.range?.[0] ?? 0;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
        if (!pair) break;
        offset = (pair.key as Node | null)?.range?.[0] ?? offset;
        next = pair.value;
      } else if (isSeq(node)) next = node.items[Number(key)];
      else break;
      const r = (next as Node | null)?.range;
      if (r && !(isMap(next) || isSeq(next))) offset = r[0];
      else if (r && isSeq(next) && (next as { flow?: boolean }).flow) offset = r[0];
      node = next;
    }
    return at(offset);
  };
  return { doc, locate };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
