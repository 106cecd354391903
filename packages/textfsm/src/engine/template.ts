// Reads a template's text into Values and States, with Python TextFSM's checks and messages
// (line numbers included): Values first, a blank line, then states of indented `^` rules.
import { TextFSMTemplateError } from '../errors.js';
import { clearRegexCache, PyRegex } from '../pyre/index.js';
import { fileLines, pyRstrip } from '../pystr.js';
import { LINE_OPS, RECORD_OPS, TextFSMRule } from './rule.js';
import { TextFSMValue, type ValueHost } from './value.js';

const MAX_NAME_LEN = 48;
const COMMENT = new PyRegex('^\\s*#');
const STATE_NAME = new PyRegex('^(\\w+)$');

/** A rule with the values its named groups fill (Python's _AssignVar): value index, group, ... */
export interface Step {
  rule: TextFSMRule;
  assign: number[];
}

export interface Program {
  values: TextFSMValue[];
  states: Map<string, TextFSMRule[]>;
  /** State names in template order (without `End`). */
  stateList: string[];
  /** The rules of each state, ready to run. */
  steps: Map<string, Step[]>;
}

// Compiled templates by text: the declarations and rules are shared (rules hold no state),
// each TextFSM gets its own copies of the values. Bounded like the regex cache.
const CACHE_SIZE = 1024;
const cache = new Map<string, Program>();

/** The program of a template, its values bound to `host`; compiled once per distinct text. */
export function compileTemplate(text: string, host: ValueHost): Program {
  let program = cache.get(text);
  if (!program) {
    program = parseTemplate(text);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, program);
  }
  return { ...program, values: program.values.map((v) => v.cloneFor(host)) };
}

/** Forgets the compiled templates (the regex cache too); for measurements of cold compiles. */
export function clearTemplateCache(): void {
  cache.clear();
  clearRegexCache();
}

function parseTemplate(text: string): Program {
  const host: ValueHost = { rows: [], indexOf: () => -1 };
  const lines = fileLines(text);
  const cursor: Cursor = { i: 0, lineNum: 0 };
  const values = parseValues(lines, cursor, host);
  const varMap = new Map(values.map((v) => [v.name, v.template]));
  const states = new Map<string, TextFSMRule[]>();
  const stateList: string[] = [];
  while (parseState(lines, cursor, varMap, states, stateList));
  validate(states, stateList);
  // Python's _GetValue takes the first Value of a name (names are unique anyway).
  const index = new Map<string, number>();
  values.forEach((v, i) => index.has(v.name) || index.set(v.name, i));
  const steps = new Map<string, Step[]>();
  for (const [state, rules] of states) {
    steps.set(
      state,
      rules.map((rule) => {
        const assign: number[] = [];
        for (const [name, group] of rule.compiled.names) if (index.has(name)) assign.push(index.get(name)!, group);
        return { rule, assign };
      }),
    );
  }
  return { values, states, stateList, steps };
}

interface Cursor {
  i: number;
  lineNum: number;
}

/** The next line without trailing space; undefined at the end. */
function nextLine(lines: string[], cursor: Cursor): string | undefined {
  if (cursor.i >= lines.length) return undefined;
  cursor.lineNum++;
  return pyRstrip(lines[cursor.i++]!);
}

function parseValues(lines: string[], cursor: Cursor, host: ValueHost): TextFSMValue[] {
  const values: TextFSMValue[] = [];
  for (let line = nextLine(lines, cursor); line; line = nextLine(lines, cursor)) {
    if (COMMENT.match(line)) continue;
    if (line.startsWith('Value ')) {
      const value = new TextFSMValue(host);
      try {
        value.parse(line);
      } catch (err) {
        if (!(err instanceof TextFSMTemplateError)) throw err;
        throw new TextFSMTemplateError(`${err.message} Line ${cursor.lineNum}.`, { line: cursor.lineNum, cause: err.cause });
      }
      if (values.some((v) => v.name === value.name)) {
        throw new TextFSMTemplateError(`Duplicate declarations for Value '${value.name}'. Line: ${cursor.lineNum}.`, { line: cursor.lineNum });
      }
      values.push(value);
    } else if (values.length === 0) {
      throw new TextFSMTemplateError('No Value definitions found.', { line: cursor.lineNum });
    } else {
      throw new TextFSMTemplateError(`Expected blank line after last Value entry. Line: ${cursor.lineNum}.`, { line: cursor.lineNum });
    }
  }
  return values;
}

/** One state and its rules; false when no state is left. */
function parseState(
  lines: string[],
  cursor: Cursor,
  varMap: ReadonlyMap<string, string>,
  states: Map<string, TextFSMRule[]>,
  stateList: string[],
): boolean {
  let name = '';
  for (let line = nextLine(lines, cursor); line !== undefined; line = nextLine(lines, cursor)) {
    if (!line || COMMENT.match(line)) continue;
    const reserved = (LINE_OPS as readonly string[]).includes(line) || (RECORD_OPS as readonly string[]).includes(line);
    if (!STATE_NAME.match(line) || line.length > MAX_NAME_LEN || reserved) {
      throw new TextFSMTemplateError(`Invalid state name: '${line}'. Line: ${cursor.lineNum}`, { line: cursor.lineNum });
    }
    if (states.has(line)) throw new TextFSMTemplateError(`Duplicate state name: '${line}'. Line: ${cursor.lineNum}`, { line: cursor.lineNum });
    name = line;
    states.set(name, []);
    stateList.push(name);
    break;
  }
  if (!name) return false;
  const rules = states.get(name)!;
  for (let line = nextLine(lines, cursor); line; line = nextLine(lines, cursor)) {
    if (COMMENT.match(line)) continue;
    if (!(line.startsWith(' ^') || line.startsWith('  ^') || line.startsWith('\t^'))) {
      throw new TextFSMTemplateError(`Missing white space or carat ('^') before rule. Line: ${cursor.lineNum}`, { line: cursor.lineNum });
    }
    rules.push(new TextFSMRule(line, cursor.lineNum, varMap));
  }
  return true;
}

function validate(states: Map<string, TextFSMRule[]>, stateList: string[]): void {
  if (!states.has('Start')) throw new TextFSMTemplateError("Missing state 'Start'.");
  if (states.get('End')?.length) throw new TextFSMTemplateError("Non-Empty 'End' state.");
  if (states.get('EOF')?.length) throw new TextFSMTemplateError("Non-Empty 'EOF' state.");
  if (states.has('End')) {
    states.delete('End');
    stateList.splice(stateList.indexOf('End'), 1);
  }
  for (const [state, rules] of states) {
    for (const rule of rules) {
      if (rule.lineOp === 'Error') continue;
      if (!rule.newState || rule.newState === 'End' || rule.newState === 'EOF') continue;
      if (!states.has(rule.newState)) {
        throw new TextFSMTemplateError(`State '${rule.newState}' not found, referenced in state '${state}'`, { line: rule.lineNum });
      }
    }
  }
}
