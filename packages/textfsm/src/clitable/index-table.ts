// The clitable index: a comma-separated file (TextTable.CsvToTable rules) whose first
// non-comment line names the columns. `Template` names the template file(s), joined by ':';
// every other column is a Python regex matched (re.match: at the start) against the attribute
// of the same name. In `Command`, `sh[[ow]]` means `sh(o(w)?)?`.
import { TemplateIndexError } from '../errors.js';
import { PyRegex, PyRegexError } from '../pyre/index.js';
import { fileLines, pyStrip } from '../pystr.js';

export interface IndexRow {
  /** Row number as in Python (1 = first row after the header). */
  readonly row: number;
  /** Field values as read (Command with its [[...]] completions expanded). */
  readonly fields: Readonly<Record<string, string>>;
  /** Compiled fields; a column with an empty field matches anything. */
  readonly compiled: ReadonlyMap<string, PyRegex>;
}

export interface IndexTable {
  readonly header: readonly string[];
  readonly rows: readonly IndexRow[];
}

const COMPLETION = /\[\[.+?\]\]/g;

/** `[[xyz]]` → `(x(y(z)?)?)?`: any prefix of the word, as clitable's _Completion. */
export function expandCompletion(command: string): string {
  return command.replace(COMPLETION, (m) => {
    const chars = Array.from(m.slice(2, -2));
    return '(' + chars.join('(') + ')?'.repeat(chars.length);
  });
}

export function parseIndex(text: string): IndexTable {
  const lines = fileLines(text);
  let i = 0;
  let headerText = '';
  while (!headerText) {
    if (i >= lines.length) throw new TemplateIndexError('The index file has no header line (e.g. "Template, Hostname, Platform, Command").');
    headerText = pyStrip(lines[i++]!.split('#')[0]!);
  }
  const header = headerText.split(',').map(pyStrip);
  if (new Set(header).size !== header.length) throw new TemplateIndexError(`Duplicate header entry in the index: ${headerText}`);
  if (!header.includes('Template')) throw new TemplateIndexError("Index file does not have 'Template' column.");
  const rows: IndexRow[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) continue;
    const cells = line.split(',').map(pyStrip);
    // Python silently drops lines with another number of fields (blank lines among them).
    if (cells.length !== header.length) continue;
    const fields: Record<string, string> = {};
    const compiled = new Map<string, PyRegex>();
    header.forEach((col, c) => {
      const value = col === 'Command' ? expandCompletion(cells[c]!) : cells[c]!;
      fields[col] = value;
      if (col !== 'Template' && value) compiled.set(col, compileField(value, i + 1));
    });
    rows.push({ row: rows.length + 1, fields, compiled });
  }
  return { header, rows };
}

function compileField(value: string, line: number): PyRegex {
  try {
    return new PyRegex(value);
  } catch (err) {
    if (!(err instanceof PyRegexError)) throw err;
    throw new TemplateIndexError(`Invalid regular expression '${value}' in the index, line ${line}: ${err.message}`, { cause: err });
  }
}

/** The first row whose columns match every attribute the index has a column for. */
export function findRow(table: IndexTable, attributes: Readonly<Record<string, string>>): IndexRow | undefined {
  // All columns must match, in any order; Platform first rejects most rows without running the
  // Command patterns (which would be compiled on first use).
  const keys = Object.keys(attributes)
    .filter((k) => table.header.includes(k))
    .sort((a, b) => (a === 'Platform' ? -1 : b === 'Platform' ? 1 : 0));
  return table.rows.find((row) =>
    keys.every((k) => {
      const re = row.compiled.get(k);
      return re === undefined || re.match(attributes[k]!) !== null;
    }),
  );
}
