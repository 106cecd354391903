// A rule line of a state: `  ^regex -> LineOp.RecordOp NewState`. The regex has `$Name` /
// `${Name}` replaced by the value's regex first (Python's string.Template, so `$$` is `$`).
import { TextFSMTemplateError } from '../errors.js';
import { cachedPyRegex, PyRegex, PyRegexError } from '../pyre/index.js';
import { pyStrip } from '../pystr.js';

export const LINE_OPS = ['Continue', 'Next', 'Error'] as const;
export const RECORD_OPS = ['Clear', 'Clearall', 'Record', 'NoRecord'] as const;

// The same expressions as Python TextFSM's, run with Python semantics.
const MATCH_ACTION = new PyRegex('(?P<match>.*)(\\s->(?P<action>.*))');
const NEWSTATE = '(?P<new_state>\\w+|\\".*\\")';
const LINE_OP = `(?P<ln_op>${LINE_OPS.join('|')})`;
const RECORD_OP = `(?P<rec_op>${RECORD_OPS.join('|')})`;
const ACTIONS = [
  new PyRegex(`\\s+(${LINE_OP}(\\.${RECORD_OP})?)(\\s+${NEWSTATE})?$`),
  new PyRegex(`\\s+${RECORD_OP}(\\s+${NEWSTATE})?$`),
  new PyRegex(`(\\s+${NEWSTATE})?$`),
];
const WORD = new PyRegex('\\w+');

// string.Template: $$, $name, ${name} (ASCII identifiers, any case); any other $ is invalid.
const IDENT_START = /[_a-zA-Z]/;
const IDENT = /[_a-zA-Z0-9]/;

/** Python's string.Template(text).substitute(map); undefined when a name is unknown or a `$` is invalid. */
export function substitute(text: string, map: ReadonlyMap<string, string>): string | undefined {
  let out = '';
  let from = 0;
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', from)) {
    out += text.slice(from, i);
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      from = i + 2;
      continue;
    }
    const braced = next === '{';
    let end = braced ? i + 2 : i + 1;
    if (end >= text.length || !IDENT_START.test(text[end]!)) return undefined;
    while (end < text.length && IDENT.test(text[end]!)) end++;
    const name = text.slice(braced ? i + 2 : i + 1, end);
    if (braced) {
      if (text[end] !== '}') return undefined;
      end++;
    }
    const value = map.get(name);
    if (value === undefined) return undefined;
    out += value;
    from = end;
  }
  return out + text.slice(from);
}

export class TextFSMRule {
  /** The regex as written (before substitution). */
  readonly match: string;
  /** The regex after `${value}` substitution (Python syntax). */
  readonly regex: string;
  readonly compiled: PyRegex;
  readonly lineOp: '' | (typeof LINE_OPS)[number] = '';
  readonly recordOp: '' | (typeof RECORD_OPS)[number] = '';
  readonly newState: string = '';
  readonly lineNum: number;

  constructor(line: string, lineNum = -1, varMap?: ReadonlyMap<string, string>) {
    this.lineNum = lineNum;
    const text = pyStrip(line);
    if (!text) throw new TextFSMTemplateError(`Null data in FSMRule. Line: ${lineNum}`, { line: lineNum });
    const ma = MATCH_ACTION.match(text);
    this.match = ma ? ma.group('match')! : text;
    let regex: string | undefined = this.match;
    if (varMap && varMap.size > 0) {
      regex = substitute(this.match, varMap);
      if (regex === undefined) {
        throw new TextFSMTemplateError(`Duplicate or invalid variable substitution: '${this.match}'. Line: ${lineNum}.`, { line: lineNum });
      }
    }
    this.regex = regex;
    this.compiled = compileRule(regex, lineNum);
    if (!ma) return;
    const action = ma.group('action')!;
    const m = ACTIONS[0]!.match(action) ?? ACTIONS[1]!.match(action) ?? ACTIONS[2]!.match(action);
    if (!m) throw new TextFSMTemplateError(`Badly formatted rule '${text}'. Line: ${lineNum}.`, { line: lineNum });
    const groups = m.groupdict();
    this.lineOp = (groups['ln_op'] ?? '') as TextFSMRule['lineOp'];
    this.recordOp = (groups['rec_op'] ?? '') as TextFSMRule['recordOp'];
    this.newState = groups['new_state'] ?? '';
    if (this.lineOp === 'Continue' && this.newState) {
      throw new TextFSMTemplateError(`Action '${this.lineOp}' with new state ${this.newState} specified. Line: ${lineNum}.`, { line: lineNum });
    }
    if (this.lineOp !== 'Error' && this.newState && !WORD.match(this.newState)) {
      throw new TextFSMTemplateError(`Alphanumeric characters only in state names. Line: ${lineNum}.`, { line: lineNum });
    }
  }

  toString(): string {
    let operation = this.lineOp && this.recordOp ? '.' : '';
    operation = `${this.lineOp}${operation}${this.recordOp}`;
    const newState = operation && this.newState ? ' ' + this.newState : this.newState;
    if (!(operation || newState)) return `  ${this.match}`;
    return `  ${this.match} -> ${operation}${newState}`;
  }
}

function compileRule(regex: string, lineNum: number): PyRegex {
  try {
    return cachedPyRegex(regex, { singleLine: true, namedOnly: true });
  } catch (err) {
    if (!(err instanceof PyRegexError)) throw err;
    if (err.untranslatable) {
      throw new TextFSMTemplateError(`Regular expression has no JavaScript translation: '${regex}' (${err.message}). Line: ${lineNum}.`, { line: lineNum, cause: err });
    }
    throw new TextFSMTemplateError(`Invalid regular expression: '${regex}' (${err.message}). Line: ${lineNum}.`, { line: lineNum, cause: err });
  }
}
