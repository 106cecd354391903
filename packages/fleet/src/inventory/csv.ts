// CSV inventories: a header row, then one host per row. Columns: name, url (or
// hostname with scheme/port), groups (separated by ; or |), driver, username, scheme,
// port, account, key_file; data.<field> and any other column become host data.
import { InventoryError, type InventoryProblem } from '../errors.js';
import type { HostInit, InventoryData, Locator } from './types.js';

interface Row {
  line: number;
  cells: string[];
}

/** RFC 4180 fields (quotes, doubled quotes, newlines inside quotes); rows keep their first line number. */
export function parseCsvRows(text: string, file: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') (quoted = true), (quoteLine = line), (cell = '');
    else if (ch === ',') cells.push(cell), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new InventoryError([{ message: 'CSV syntax: a quoted field is never closed (a " is missing)', location: { file, line: quoteLine } }]);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

const COLUMNS: Record<string, keyof HostInit | 'account' | 'keyFile'> = {
  url: 'url',
  hostname: 'hostname',
  driver: 'driver',
  username: 'username',
  scheme: 'scheme',
  port: 'port',
  account: 'account',
  key_file: 'keyFile',
  keyfile: 'keyFile',
};

export function parseCsvInventory(text: string, file: string): { data: InventoryData; locate: Locator } {
  const rows = parseCsvRows(text, file);
  const header = rows.shift();
  if (!header) throw new InventoryError([{ message: 'the CSV file is empty; the first row must name the columns (name,url,groups,...)', location: { file, line: 1 } }]);
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const problems: InventoryProblem[] = [];
  if (!names.includes('name')) problems.push({ message: `the header has no "name" column (found: ${names.join(', ')})`, location: { file, line: header.line } });
  if (!names.includes('url') && !names.includes('hostname')) problems.push({ message: 'the header needs a "url" or a "hostname" column', location: { file, line: header.line } });
  if (problems.length) throw new InventoryError(problems);

  const hosts: Record<string, HostInit> = {};
  const lineOf = new Map<string, number>();
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      problems.push({ message: `row has ${row.cells.length} fields, the header has ${names.length}`, location: { file, line: row.line } });
      continue;
    }
    const get = (col: string) => {
      const i = names.indexOf(col);
      return i >= 0 ? row.cells[i]!.trim() : '';
    };
    const name = get('name');
    if (name === '') {
      problems.push({ message: 'the "name" field is empty', location: { file, line: row.line } });
      continue;
    }
    if (lineOf.has(name)) {
      problems.push({ message: `host "${name}" is already defined on line ${lineOf.get(name)}`, location: { file, line: row.line } });
      continue;
    }
    lineOf.set(name, row.line);
    hosts[name] = hostFromRow(names, header.cells, row.cells);
  }
  if (problems.length) throw new InventoryError(problems);
  const locate: Locator = (path) => {
    const line = path[0] === 'hosts' && path.length > 1 ? lineOf.get(String(path[1])) : header.line;
    return { file, line: line ?? header.line };
  };
  // A CSV file cannot define groups: every group a row names exists (with nothing to inherit).
  const groups = Object.fromEntries(Object.values(hosts).flatMap((h) => h.groups ?? []).map((g) => [g, {}]));
  return { data: { groups, hosts }, locate };
}

function hostFromRow(names: readonly string[], rawNames: readonly string[], cells: readonly string[]): HostInit {
  const host: Record<string, unknown> = {};
  const options: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  names.forEach((col, i) => {
    const value = cells[i]!.trim();
    if (col === 'name' || value === '') return;
    if (col === 'groups' || col === 'group') host.groups = value.split(/[;|]/).map((g) => g.trim()).filter(Boolean);
    else if (col === 'port') host.port = /^\d+$/.test(value) ? Number(value) : value;
    else if (COLUMNS[col] === 'account' || COLUMNS[col] === 'keyFile') options[COLUMNS[col]] = value;
    else if (COLUMNS[col]) host[COLUMNS[col]] = value;
    else data[rawNames[i]!.trim().replace(/^data\./i, '')] = value;
  });
  if (Object.keys(options).length) host.options = options;
  if (Object.keys(data).length) host.data = data;
  return host as HostInit;
}
