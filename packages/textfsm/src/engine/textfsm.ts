// The TextFSM state machine: Google's TextFSM (Python) semantics, line by line.
import { TextFSMError } from '../errors.js';
import { isAscii } from '../pyre/index.js';
import { pySplitlines } from '../pystr.js';
import type { TextFSMRule } from './rule.js';
import { compileTemplate, type Program, type Step } from './template.js';
import { OPTION_NAMES, SkipRecord, type Cell, type OptionName, type ValueHost } from './value.js';

export type Row = Cell[];


export type RecordDict = Record<string, Cell>;

export interface ParseOptions {
  /** Run the implicit end-of-input record (Python's `eof=True`). Default true. */
  eof?: boolean;
}

/** A value declaration as the template states it. */
export interface ValueInfo {
  readonly name: string;
  readonly regex: string;
  readonly options: readonly OptionName[];
}

export class TextFSM {
  private readonly program: Program;
  private readonly host: ValueHost;
  private result: Row[] = [];
  private curState: readonly Step[] = [];
  private curStateName = 'Start';

  /** Compiles the template; throws TextFSMTemplateError (with the line) when it is invalid. */
  constructor(template: string) {
    const self = this;
    this.host = {
      get rows() {
        return self.result;
      },
      indexOf: (value) => this.program.values.indexOf(value),
    };
    this.program = compileTemplate(template, this.host);
    this.reset();
  }

  /** Value names, in declaration order: the columns of every row. */
  get header(): string[] {
    return this.program.values.map((v) => v.name);
  }

  get values(): ValueInfo[] {
    return this.program.values.map((v) => ({ name: v.name, regex: v.regex, options: [...v.options] }));
  }

  /** State names in template order (`End` is not kept, as in Python). */
  get stateNames(): string[] {
    return [...this.program.stateList];
  }

  /** The rules of a state (for inspection and tests). */
  rules(state: string): readonly TextFSMRule[] {
    return this.program.states.get(state) ?? [];
  }

  /** Names of the values that have an option, e.g. `getValuesByAttrib('Key')`. */
  getValuesByAttrib(option: OptionName): string[] {
    if (!OPTION_NAMES.includes(option)) throw new RangeError(`'${String(option)}': Not a valid attribute.`);
    return this.program.values.filter((v) => v.options.includes(option)).map((v) => v.name);
  }

  /** Back to the Start state with no rows and every value cleared; the template is kept. */
  reset(): void {
    this.curState = this.program.steps.get('Start')!;
    this.curStateName = 'Start';
    this.result = [];
    for (const v of this.program.values) v.clearAll();
  }

  /**
   * Runs the text through the machine and returns the rows so far (like Python, rows of
   * earlier calls stay until reset()). Throws TextFSMError when an `Error` rule matches.
   */
  parseText(text: string, options: ParseOptions = {}): Row[] {
    const eof = options.eof ?? true;
    const lines = pySplitlines(text);
    for (const line of lines) {
      this.checkLine(line);
      if (this.curStateName === 'End' || this.curStateName === 'EOF') break;
    }
    if (this.curStateName !== 'End' && !this.program.states.has('EOF') && eof) this.appendRecord();
    return [...this.result];
  }

  /** parseText() with each row as an object keyed by the header. */
  parseTextToDicts(text: string, options: ParseOptions = {}): RecordDict[] {
    const header = this.header;
    return this.parseText(text, options).map((row) => {
      const out: RecordDict = {};
      header.forEach((name, i) => (out[name] = row[i]!));
      return out;
    });
  }

  private checkLine(line: string): void {
    const ascii = isAscii(line);
    for (const { rule, assign } of this.curState) {
      const groups = rule.compiled.exec(line, ascii);
      if (!groups) continue;
      const values = this.program.values;
      for (let i = 0; i < assign.length; i += 2) values[assign[i]!]!.assign(groups[assign[i + 1]!] ?? null);
      if (this.operations(rule, line)) {
        if (rule.newState) {
          if (rule.newState !== 'End' && rule.newState !== 'EOF') this.curState = this.program.steps.get(rule.newState)!;
          this.curStateName = rule.newState;
        }
        break;
      }
    }
  }

  /** Record operation, then line operation; false for Continue. */
  private operations(rule: TextFSMRule, line: string): boolean {
    if (rule.recordOp === 'Record') this.appendRecord();
    else if (rule.recordOp === 'Clear') this.clearRecord();
    else if (rule.recordOp === 'Clearall') for (const v of this.program.values) v.clearAll();
    if (rule.lineOp === 'Error') {
      if (rule.newState) throw new TextFSMError(`Error: ${rule.newState}. Rule Line: ${rule.lineNum}. Input Line: ${line}.`, rule.lineNum, line);
      throw new TextFSMError(`State Error raised. Rule Line: ${rule.lineNum}. Input Line: ${line}`, rule.lineNum, line);
    }
    return rule.lineOp !== 'Continue';
  }

  private clearRecord(): void {
    for (const v of this.program.values) v.clear();
  }

  private appendRecord(): void {
    const values = this.program.values;
    if (values.length === 0) return;
    const record: (Cell | null)[] = [];
    for (const v of values) {
      try {
        v.onSaveRecord();
      } catch (err) {
        if (!(err instanceof SkipRecord)) throw err;
        this.clearRecord();
        return;
      }
      record.push(v.value);
    }
    // A record of nothing but unset values and empty lists is not a record.
    if (record.every((c) => c === null || (Array.isArray(c) && c.length === 0))) return;
    this.result.push(record.map((c) => c ?? ''));
    this.clearRecord();
  }

  /** The template as Python's str(fsm) prints it: values, then states, comments dropped. */
  toString(): string {
    let out = this.program.values.map(String).join('\n') + '\n';
    for (const state of this.program.stateList) {
      out += `\n${state}\n`;
      const rules = this.program.states.get(state)!.map(String).join('\n');
      if (rules) out += rules + '\n';
    }
    return out;
  }
}
