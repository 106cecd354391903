// clitable's CliTable.ParseCmd: the index picks the template(s) for the attributes, each
// template parses the same text, and the tables of the second and later templates add their
// new columns to the rows of the first, matched on the Key values (or row by row without keys).
// Cells become text as Python's TextTable stores them: lists keep their items as str().
import { TemplateIndexError, TemplateNotFoundError } from '../errors.js';
import { TextFSM } from '../engine/textfsm.js';
import { pyReprStr, pyStr } from '../pystr.js';
import { findRow, parseIndex, type IndexTable } from './index-table.js';

/** Where the index and the templates come from (files, a bundle, a map in memory). */
export interface TemplateSource {
  /** The index file's text. */
  readIndex(): string;
  /** The text of a template the index names; throws when it does not exist. */
  readTemplate(name: string): string;
}

export type TableCell = string | string[];

export interface Table {
  header: string[];
  rows: TableCell[][];
  /** Columns that form the key (from the templates' Key values). */
  keys: string[];
  /** The template file names used, in order. */
  templates: string[];
}

interface Prepared {
  index: IndexTable;
  fsms: Map<string, TextFSM>;
  /** Template names found per attribute set. */
  found: Map<string, string[] | undefined>;
}

// Compiled index and templates, once per source (clitable also keeps each index once).
const prepared = new WeakMap<TemplateSource, Prepared>();

function prepare(source: TemplateSource): Prepared {
  let p = prepared.get(source);
  if (!p) {
    p = { index: parseIndex(source.readIndex()), fsms: new Map(), found: new Map() };
    prepared.set(source, p);
  }
  return p;
}

function fsmFor(source: TemplateSource, p: Prepared, name: string): TextFSM {
  let fsm = p.fsms.get(name);
  if (!fsm) {
    let text: string;
    try {
      text = source.readTemplate(name);
    } catch (err) {
      throw new TemplateIndexError(`The index names template '${name}', which cannot be read: ${(err as Error).message}`, { cause: err });
    }
    fsm = new TextFSM(text);
    p.fsms.set(name, fsm);
  }
  return fsm;
}

/** Python's dict repr of the attributes, as clitable prints them in its error. */
function attributesRepr(attributes: Readonly<Record<string, string>>): string {
  return `{${Object.entries(attributes).map(([k, v]) => `${pyReprStr(k)}: ${pyReprStr(v)}`).join(', ')}}`;
}

/** The template names (joined by ':' in the index) for the attributes. */
export function findTemplates(source: TemplateSource, attributes: Readonly<Record<string, string>>): string[] {
  const p = prepare(source);
  const key = JSON.stringify(attributes);
  let names = p.found.get(key);
  if (!p.found.has(key)) {
    names = findRow(p.index, attributes)?.fields['Template']!.split(':');
    if (p.found.size >= 4096) p.found.clear();
    p.found.set(key, names);
  }
  if (!names) throw new TemplateNotFoundError(`No template found for attributes: "${attributesRepr(attributes)}"`, { ...attributes });
  return [...names];
}

/**
 * CliTable.ParseCmd: parse `text` with the template(s) the index gives for `attributes`, or
 * with `templates` (names joined by ':') when given.
 */
export function parseCmd(source: TemplateSource, text: string, attributes: Readonly<Record<string, string>>, templateNames?: string): Table {
  const templates = templateNames ? templateNames.split(':') : findTemplates(source, attributes);
  const p = prepare(source);
  const fsms = templates.map((name) => fsmFor(source, p, name));
  let keys: string[] = [];
  let table: Table | undefined;
  for (const fsm of fsms) {
    // Like clitable: the keys come from the first template that has Key values.
    if (keys.length === 0) keys = fsm.getValuesByAttrib('Key');
    fsm.reset();
    const rows = fsm.parseText(text).map((row) => row.map(toText));
    if (!table) table = { header: fsm.header, rows, keys, templates };
    else extend(table, { header: fsm.header, rows }, keys);
    fsm.reset();
  }
  table!.keys = keys;
  return table!;
}

function toText(cell: string | (string | null | Record<string, string | null>)[]): TableCell {
  return Array.isArray(cell) ? cell.map(pyStr) : cell;
}

function same(a: TableCell, b: TableCell): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** TextTable.extend: new columns of `other` join `table`, on equal keys or row by row. */
function extend(table: Table, other: { header: string[]; rows: TableCell[][] }, keys: string[]): void {
  for (const k of keys) if (!table.header.includes(k)) throw new TemplateIndexError(`Unknown key: '${k}' (the templates joined in the index do not share their Key columns)`);
  const added = other.header.filter((c) => !table.header.includes(c));
  if (added.length === 0) return;
  const from = added.map((c) => other.header.indexOf(c));
  const keyAt = keys.map((k) => [table.header.indexOf(k), other.header.indexOf(k)] as const);
  if (table.rows.length > 0 && other.rows.length > 0 && keyAt.some(([, b]) => b < 0)) {
    throw new TemplateIndexError(`The templates joined in the index do not all have the Key columns ${keys.join(', ')}`);
  }
  table.header.push(...added);
  for (const row of table.rows) row.push(...added.map(() => ''));
  const base = table.header.length - added.length;
  const copy = (row: TableCell[], src: TableCell[]) => from.forEach((f, i) => (row[base + i] = src[f]!));
  if (keys.length === 0) {
    table.rows.forEach((row, r) => r < other.rows.length && copy(row, other.rows[r]!));
    return;
  }
  for (const row of table.rows) {
    const match = other.rows.find((o) => keyAt.every(([a, b]) => same(row[a]!, o[b]!)));
    if (match) copy(row, match);
  }
}
