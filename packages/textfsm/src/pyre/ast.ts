// The syntax tree of a Python regular expression, as parsed by ./parse.ts. Flags that change
// meaning (DOTALL, MULTILINE, ASCII) are recorded on the node they apply to, because Python
// lets a scoped group such as (?s:...) change them for part of the pattern.

export type Category = 'd' | 'w' | 's';

export type SetItem = { t: 'range'; lo: number; hi: number } | { t: 'cat'; cat: Category; neg: boolean; ascii: boolean };

export type GroupKind = 'capture' | 'plain' | 'ahead' | 'notAhead' | 'behind' | 'notBehind' | 'atomic';

export type Node =
  | { t: 'char'; cp: number }
  | { t: 'any'; dotAll: boolean }
  | { t: 'set'; neg: boolean; items: SetItem[] }
  | { t: 'cat'; cat: Category; neg: boolean; ascii: boolean }
  | { t: 'at'; at: 'bol' | 'eol' | 'bos' | 'eos'; multiline: boolean }
  | { t: 'boundary'; neg: boolean; ascii: boolean }
  | { t: 'group'; kind: GroupKind; index: number; body: Alt }
  | { t: 'ref'; index: number }
  | { t: 'repeat'; body: Node; min: number; max: number; lazy: boolean; possessive: boolean };

export interface Alt {
  t: 'alt';
  branches: Node[][];
}

export interface Parsed {
  root: Alt;
  /** Capturing groups, numbered from 1 as in Python. */
  groups: number;
  /** Group name → Python group number, in the order the groups are defined. */
  names: Map<string, number>;
  ignoreCase: boolean;
}
