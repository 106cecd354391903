// A template `Value`: its declaration (`Value [Options] Name (regex)`) and its state while
// parsing. The options hook into assign / clear / record in the order they are declared,
// as Python TextFSM's option classes do (that order is visible, e.g. Required before List).
import { cachedPyRegex, PyRegexError, type PyRegex } from '../pyre/index.js';
import { TextFSMTemplateError } from '../errors.js';

export const OPTION_NAMES = ['Filldown', 'Fillup', 'Key', 'List', 'Required'] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

/** One entry of a List value: the matched text, null, or the nested named groups. */
export type ListItem = string | null | Record<string, string | null>;
/** One cell of a record: a string, or a list for List values. */
export type Cell = string | ListItem[];
export type ValueContent = string | null | ListItem[];

/** Internal signal: a Required value is empty, the record is dropped. */
export class SkipRecord {}

/** What a record sink needs from the FSM: the rows so far (Fillup rewrites them). */
export interface ValueHost {
  readonly rows: Cell[][];
  indexOf(value: TextFSMValue): number;
}

function truthy(v: ValueContent): boolean {
  return v !== null && v.length > 0;
}

export class TextFSMValue {
  name = '';
  regex = '';
  /** The regex with its first `(` named after the value: what `${name}` stands for in rules. */
  template = '';
  readonly options: OptionName[] = [];
  value: ValueContent = null;
  private listRegex: PyRegex | undefined;
  private filldown: ValueContent = null;
  private items: ListItem[] = [];

  constructor(private readonly host?: ValueHost) {}

  /** The same declaration with fresh state, for another FSM (templates are compiled once). */
  cloneFor(host: ValueHost): TextFSMValue {
    const v = new TextFSMValue(host);
    v.name = this.name;
    v.regex = this.regex;
    v.template = this.template;
    v.options.push(...this.options);
    v.listRegex = this.listRegex;
    return v;
  }

  /** Parses `Value [Options] Name (regex)`; throws TextFSMTemplateError (without the line). */
  parse(line: string): void {
    const tokens = line.split(' ');
    if (tokens.length < 3) throw new TextFSMTemplateError('Expect at least 3 tokens on line.');
    if (!tokens[2]!.startsWith('(')) {
      for (const option of tokens[1]!.split(',')) this.addOption(option);
      this.name = tokens[2]!;
      this.regex = tokens.slice(3).join(' ');
    } else {
      this.name = tokens[1]!;
      this.regex = tokens.slice(2).join(' ');
    }
    if (this.name.length > 48) throw new TextFSMTemplateError(`Invalid Value name '${this.name}' or name too long.`);
    const r = this.regex;
    if (!r.startsWith('(') || !r.endsWith(')') || r.at(-2) === '\\') {
      throw new TextFSMTemplateError(`Value '${r}' must be contained within a '()' pair.`);
    }
    let compiled: PyRegex;
    try {
      compiled = cachedPyRegex(r, { singleLine: true });
    } catch (err) {
      if (!(err instanceof PyRegexError)) throw err;
      const what = err.untranslatable ? 'cannot be translated to JavaScript: ' : '';
      throw new TextFSMTemplateError(`${what}${err.message}`, { cause: err });
    }
    this.template = `(?P<${this.name}>${r.slice(1)}`;
    if (this.options.includes('List')) this.listRegex = compiled;
  }

  private addOption(name: string): void {
    if ((this.options as string[]).includes(name)) throw new TextFSMTemplateError(`Duplicate option "${name}"`);
    if (!(OPTION_NAMES as readonly string[]).includes(name)) throw new TextFSMTemplateError(`Unknown option "${name}"`);
    this.options.push(name as OptionName);
  }

  assign(v: string | null): void {
    this.value = v;
    for (const option of this.options) {
      if (option === 'Filldown') this.filldown = this.value;
      else if (option === 'Fillup') this.fillUp();
      else if (option === 'List') this.items.push(this.listItem(v));
    }
  }

  private listItem(v: string | null): ListItem {
    const re = this.listRegex!;
    // Python matches when the regex has more than one group and keeps the groupdict when it is
    // not empty: without named groups the match cannot change the item, so it is not run.
    if (re.groups > 1 && re.names.size > 0 && v !== null) {
      const m = re.match(v);
      if (m) return m.groupdict();
    }
    return v;
  }

  private fillUp(): void {
    if (!truthy(this.value) || !this.host) return;
    const idx = this.host.indexOf(this);
    const rows = this.host.rows;
    for (let r = rows.length - 1; r >= 0; r--) {
      const row = rows[r]!;
      if (truthy(row[idx]!)) break;
      row[idx] = this.value as Cell;
    }
  }

  clear(): void {
    this.value = null;
    for (const option of this.options) {
      if (option === 'Filldown') this.value = this.filldown;
      else if (option === 'List' && !this.options.includes('Filldown')) this.items = [];
    }
  }

  clearAll(): void {
    this.value = null;
    this.filldown = null;
    this.items = [];
  }

  /** Called before the record is saved; throws SkipRecord when a Required value is empty. */
  onSaveRecord(): void {
    for (const option of this.options) {
      if (option === 'Required' && !truthy(this.value)) throw new SkipRecord();
      if (option === 'List') this.value = [...this.items];
    }
  }

  toString(): string {
    return this.options.length > 0 ? `Value ${this.options.join(',')} ${this.name} ${this.regex}` : `Value ${this.name} ${this.regex}`;
  }
}
