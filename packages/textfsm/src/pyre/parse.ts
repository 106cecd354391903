// Parser for Python's `re` syntax (the rules of CPython 3.11's sre_parse), so that a template
// is accepted or rejected exactly where Python TextFSM accepts or rejects it, and the pattern
// can then be written out as an equivalent JavaScript RegExp (./emit.ts).
import { PyRegexError } from '../errors.js';
import { make, type Alt, type Category, type GroupKind, type Node, type Parsed, type SetItem } from './ast.js';
import { classEscape, escapeCategory, type Cursor } from './escapes.js';
import { FLAG_LETTERS, inlineFlags, type Flags } from './flags.js';
import { width } from './width.js';


const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;
const MAXREPEAT = 4294967295;

export function parsePattern(pattern: string): Parsed {
  return new Parser(pattern).parse();
}

class Parser implements Cursor {
  readonly cps: string;
  pos = 0;
  private groups = 0;
  private readonly open = new Set<number>();
  private readonly names = new Map<string, number>();
  private readonly groupNodes = new Map<number, Alt>();
  private readonly global: Flags = { i: false, m: false, s: false, x: false, a: false };

  constructor(pattern: string) {
    this.cps = pattern;
  }

  // Positions are UTF-16 offsets; a character outside the BMP is read as one.
  get next(): string | undefined {
    return this.pos < this.cps.length ? this.cps[this.pos] : undefined;
  }

  get(): string | undefined {
    if (this.pos >= this.cps.length) return undefined;
    const c = this.cps.charCodeAt(this.pos);
    if (c >= 0xd800 && c <= 0xdbff && this.pos + 1 < this.cps.length) {
      const d = this.cps.charCodeAt(this.pos + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        this.pos += 2;
        return this.cps.slice(this.pos - 2, this.pos);
      }
    }
    return this.cps[this.pos++];
  }

  match(ch: string): boolean {
    if (this.cps[this.pos] !== ch) return false;
    this.pos++;
    return true;
  }

  error(message: string, at: number = this.pos): never {
    throw new PyRegexError(message, at);
  }

  parse(): Parsed {
    const root = this.alternation({ ...this.global }, true, 0);
    if (this.next === ')') this.error('unbalanced parenthesis');
    return { root, groups: this.groups, names: this.names, ignoreCase: this.global.i };
  }

  private alternation(flags: Flags, top: boolean, depth: number): Alt {
    const branches: Node[][] = [];
    for (;;) {
      branches.push(this.sequence(flags, top && branches.length === 0, depth));
      if (!this.match('|')) return { t: 'alt', branches };
    }
  }

  private sequence(inherited: Flags, first: boolean, depth: number): Node[] {
    const items: Node[] = [];
    let flags = inherited;
    while (this.pos < this.cps.length && this.next !== '|' && this.next !== ')') {
      const start = this.pos;
      const c = this.get()!;
      if (flags.x && WHITESPACE.has(c)) continue;
      if (flags.x && c === '#') {
        while (this.pos < this.cps.length && this.get() !== '\n');
        continue;
      }
      if (c === '*' || c === '+' || c === '?') {
        this.repeat(items, c === '*' ? 0 : c === '+' ? 1 : 0, c === '?' ? 1 : Infinity, start);
      } else if (c === '{' && this.braceRepeat(items, start)) {
        // handled
      } else if (c === '(') {
        const node = this.group(flags, depth, first && items.length === 0);
        if (node === 'global') flags = { ...flags, ...this.global };
        else if (node) items.push(node);
      } else if (c === '[') items.push(this.set(start, flags));
      else if (c === '.') items.push(make.any(flags.s));
      else if (c === '^') items.push(make.at('bol', flags.m));
      else if (c === '$') items.push(make.at('eol', flags.m));
      else if (c === '\\') items.push(this.escape(start, flags));
      else items.push(make.char(c.codePointAt(0)!));
    }
    return items;
  }

  private repeat(items: Node[], min: number, max: number, start: number): void {
    const last = items[items.length - 1];
    if (!last || last.t === 'at' || last.t === 'boundary') this.error('nothing to repeat', start);
    if (last.t === 'repeat') this.error('multiple repeat', start);
    if (min > max) this.error('min repeat greater than max repeat', start + 1);
    const lazy = this.match('?');
    const possessive = !lazy && this.match('+');
    items[items.length - 1] = make.repeat(last, min, max, lazy, possessive);
  }

  /** `{m}`, `{m,}`, `{,n}`, `{m,n}`; anything else after `{` makes it a literal brace. */
  private braceRepeat(items: Node[], start: number): boolean {
    const here = this.pos;
    let lo = '';
    let hi = '';
    while (this.next !== undefined && /[0-9]/.test(this.next)) lo += this.get();
    const comma = this.match(',');
    if (comma) while (this.next !== undefined && /[0-9]/.test(this.next)) hi += this.get();
    else hi = lo;
    if (!this.match('}')) {
      this.pos = here;
      items.push(make.char(0x7b));
      return true;
    }
    const min = lo ? Number(lo) : 0;
    const max = hi ? Number(hi) : Infinity;
    if (min > MAXREPEAT || (max !== Infinity && max > MAXREPEAT)) this.error('the repetition number is too large', here);
    if (max < min) this.error('min repeat greater than max repeat', here);
    this.repeat(items, min, max, start);
    return true;
  }

  private escape(start: number, flags: Flags): Node {
    const c = this.get();
    if (c === undefined) this.error('bad escape (end of pattern)', start);
    const cat = escapeCategory(c);
    if (cat) return make.cat(cat.cat, cat.neg, flags.a);
    if (c === 'A') return make.at('bos', false);
    if (c === 'Z') return make.at('eos', false);
    if (c === 'b' || c === 'B') return make.boundary(c === 'B', flags.a);
    if (c >= '1' && c <= '9') return this.backrefOrOctal(c, start);
    this.pos = start + 1;
    const cp = classEscape(this, start, false);
    return make.char(cp);
  }

  private backrefOrOctal(c: string, start: number): Node {
    let digits = c;
    if (this.next !== undefined && /[0-9]/.test(this.next)) {
      digits += this.get();
      if (/[0-7]/.test(digits[0]!) && /[0-7]/.test(digits[1]!) && this.next !== undefined && /[0-7]/.test(this.next)) {
        digits += this.get();
        const cp = parseInt(digits, 8);
        if (cp > 0o377) this.error(`octal escape value \\${digits} outside of range 0-0o377`, start);
        return make.char(cp);
      }
    }
    const index = Number(digits);
    if (index > this.groups) this.error(`invalid group reference ${index}`, start + 1);
    if (this.open.has(index)) this.error('cannot refer to an open group', start);
    return make.ref(index);
  }

  private set(start: number, flags: Flags): Node {
    const items: SetItem[] = [];
    const neg = this.match('^');
    for (;;) {
      const itemStart = this.pos;
      const c = this.get();
      if (c === undefined) this.error('unterminated character set', start);
      if (c === ']' && items.length > 0) break;
      const first = this.setAtom(c, itemStart, flags);
      if (this.match('-')) {
        const thatStart = this.pos;
        const that = this.get();
        if (that === undefined) this.error('unterminated character set', start);
        if (that === ']') {
          items.push(first, make.range(0x2d, 0x2d));
          break;
        }
        const second = this.setAtom(that, thatStart, flags);
        const text = this.cps.slice(itemStart, this.pos);
        if (first.t !== 'range' || second.t !== 'range') this.error(`bad character range ${text}`, itemStart);
        if (second.lo < first.lo) this.error(`bad character range ${text}`, itemStart);
        items.push(make.range(first.lo, second.lo));
      } else items.push(first);
    }
    return make.set(neg, items);
  }

  private setAtom(c: string, start: number, flags: Flags): SetItem {
    if (c !== '\\') {
      const cp = c.codePointAt(0)!;
      return make.range(cp, cp);
    }
    const e = this.next;
    const cat = e === undefined ? undefined : escapeCategory(e);
    if (cat) {
      this.pos++;
      return make.catItem(cat.cat as Category, cat.neg, flags.a);
    }
    const cp = classEscape(this, start, true);
    return make.range(cp, cp);
  }

  /** After `(`: a group, an extension, or global flags ('global'); null for a comment. */
  private group(flags: Flags, depth: number, atStart: boolean): Node | 'global' | null {
    const start = this.pos - 1;
    let kind: GroupKind = 'capture';
    let name: string | undefined;
    let inner = flags;
    if (this.match('?')) {
      const c = this.get();
      if (c === undefined) this.error('unexpected end of pattern');
      if (c === 'P') {
        if (this.match('<')) name = this.groupName('>');
        else if (this.match('=')) {
          const ref = this.groupName(')');
          const index = this.names.get(ref);
          if (index === undefined) this.error(`unknown group name '${ref}'`, start + 4);
          if (this.open.has(index)) this.error('cannot refer to an open group', start);
          return make.ref(index);
        } else {
          const d = this.get();
          if (d === undefined) this.error('unexpected end of pattern');
          this.error(`unknown extension ?P${d}`, start + 1);
        }
      } else if (c === ':') kind = 'plain';
      else if (c === '#') {
        for (;;) {
          if (this.next === undefined) this.error('missing ), unterminated comment', start);
          if (this.get() === ')') return null;
        }
      } else if (c === '=' || c === '!') kind = c === '=' ? 'ahead' : 'notAhead';
      else if (c === '<') {
        const d = this.get();
        if (d === undefined) this.error('unexpected end of pattern');
        if (d !== '=' && d !== '!') this.error(`unknown extension ?<${d}`, start + 1);
        kind = d === '=' ? 'behind' : 'notBehind';
      } else if (c === '>') kind = 'atomic';
      else if (c === '(') {
        const here = this.pos;
        let cond = '';
        while (this.next !== undefined && this.next !== ')') cond += this.get();
        if (!this.match(')')) this.error('missing ), unterminated name', here);
        if (/^[0-9]+$/.test(cond)) {
          if (Number(cond) > this.groups) this.error(`invalid group reference ${Number(cond)}`, here);
        } else if (!IDENTIFIER.test(cond)) this.error(`bad character in group name '${cond}'`, here);
        else if (!this.names.has(cond)) this.error(`unknown group name '${cond}'`, here);
        throw new PyRegexError('conditional groups (?(id)yes|no) have no JavaScript equivalent', start, true);
      } else if (FLAG_LETTERS.includes(c) || c === '-') {
        const scoped = inlineFlags(this, c, flags, this.global);
        if (scoped === null) {
          if (!atStart) this.error('global flags not at the start of the expression', start);
          return 'global';
        }
        kind = 'plain';
        inner = scoped;
        if (inner.i !== this.global.i) {
          throw new PyRegexError('a group that turns case-insensitivity on or off for part of the pattern has no JavaScript equivalent', start, true);
        }
      } else this.error(`unknown extension ?${c}`, start + 1);
    }
    let index = 0;
    if (kind === 'capture') {
      index = ++this.groups;
      if (name !== undefined) {
        const was = this.names.get(name);
        if (was !== undefined) this.error(`redefinition of group name '${name}' as group ${index}; was group ${was}`, start + 4);
        this.names.set(name, index);
      }
      this.open.add(index);
    }
    const body = this.alternation(inner, false, depth + 1);
    if (!this.match(')')) this.error('missing ), unterminated subpattern', start);
    if (kind === 'capture') {
      this.open.delete(index);
      this.groupNodes.set(index, body);
    }
    if (kind === 'behind' || kind === 'notBehind') {
      const [lo, hi] = width(body, this.groupNodes);
      if (lo !== hi) throw new PyRegexError('look-behind requires fixed-width pattern');
    }
    return make.group(kind, index, body);
  }

  private groupName(terminator: string): string {
    const start = this.pos;
    let name = '';
    for (;;) {
      const c = this.get();
      if (c === undefined) this.error('missing group name', start);
      if (c === terminator) break;
      name += c;
    }
    if (name === '') this.error('missing group name', start);
    if (!IDENTIFIER.test(name)) this.error(`bad character in group name '${name}'`, start);
    return name;
  }


}

