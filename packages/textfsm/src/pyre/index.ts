// Python `re` patterns as JavaScript RegExps with Python's match semantics: `match()` anchors
// at the start of the text and returns Python's group numbering and names.
import { PyRegexError } from '../errors.js';
import { emit, type Emitted } from './emit.js';
import { parsePattern } from './parse.js';

export { PyRegexError };

const NON_ASCII = /[^\x00-\x7f]/;

/** True when the text has only ASCII characters (the fast variant of a pattern applies). */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

export interface PyRegexOptions {
  /** The text never contains a line break (TextFSM's lines): `$` can be JavaScript's `$`. */
  singleLine?: boolean;
}

export class PyRegex {
  readonly pattern: string;
  /** Number of capturing groups (Python's `.groups`). */
  readonly groups: number;
  /** Group name → Python group number, in definition order. */
  readonly names: ReadonlyMap<string, number>;
  /** JavaScript source of the Unicode-correct variant (for messages and tests). */
  readonly source: string;
  readonly flags: string;
  private readonly unicode: RegExp;
  private readonly ascii: RegExp;
  private readonly groupMap: number[];
  private readonly asciiMap: number[];

  /** Throws PyRegexError when Python would reject the pattern or JavaScript cannot express it. */
  constructor(pattern: string, options: PyRegexOptions = {}) {
    const parsed = parsePattern(pattern);
    const singleLine = options.singleLine ?? false;
    this.pattern = pattern;
    this.groups = parsed.groups;
    this.names = parsed.names;
    this.flags = parsed.ignoreCase ? 'iyu' : 'yu';
    const uni = emit(parsed.root, 'unicode', singleLine);
    this.source = uni.source;
    this.unicode = compile(uni, this.flags, pattern);
    this.groupMap = uni.groupMap;
    if (uni.unicodeSensitive) {
      const narrow = emit(parsed.root, 'ascii', singleLine);
      this.ascii = compile(narrow, this.flags, pattern);
      this.asciiMap = narrow.groupMap;
    } else {
      this.ascii = this.unicode;
      this.asciiMap = this.groupMap;
    }
  }

  /**
   * Python's `re.match`: a match at the start of `text`, or null. `ascii` (optional) says the
   * caller already knows whether the text is ASCII-only.
   */
  match(text: string, ascii: boolean = isAscii(text)): PyMatch | null {
    const re = ascii ? this.ascii : this.unicode;
    re.lastIndex = 0;
    const m = re.exec(text);
    return m ? new PyMatch(m, ascii ? this.asciiMap : this.groupMap, this.names) : null;
  }
}

/** The part of Python's Match object the engine uses. */
export class PyMatch {
  constructor(
    private readonly m: RegExpExecArray,
    private readonly map: number[],
    private readonly names: ReadonlyMap<string, number>,
  ) {}

  /** Text of group `index` (0 = whole match), null when the group did not take part. */
  group(index: number | string): string | null {
    const n = typeof index === 'string' ? this.names.get(index) : index;
    if (n === undefined) throw new RangeError(`no such group: ${String(index)}`);
    return (n === 0 ? this.m[0] : this.m[this.map[n]!]) ?? null;
  }

  /** Named groups → text (null when a group did not take part), in definition order. */
  groupdict(): Record<string, string | null> {
    const out: Record<string, string | null> = {};
    for (const [name, n] of this.names) out[name] = this.m[this.map[n]!] ?? null;
    return out;
  }

  /** [name, text] of every named group, in definition order. */
  *namedGroups(): Generator<[string, string | null]> {
    for (const [name, n] of this.names) yield [name, this.m[this.map[n]!] ?? null];
  }
}

function compile(e: Emitted, flags: string, pattern: string): RegExp {
  try {
    return new RegExp(e.source, flags);
  } catch (err) {
    // Parsing is Python's rules; a pattern that passed them but that V8 refuses is a gap in the translation.
    throw new PyRegexError(`cannot be translated to JavaScript (${(err as Error).message}); pattern: ${pattern}`, undefined, true);
  }
}
