// Python's getwidth(): the shortest and longest text a pattern can match, which Python uses to
// refuse look-behinds of variable width ("look-behind requires fixed-width pattern").
import type { Alt, Node } from './ast.js';

/** Shortest and longest match length; `groups` gives the body of each group a back-reference names. */
export function width(node: Alt | Node, groups: ReadonlyMap<number, Alt>): [number, number] {
  switch (node.t) {
    case 'alt': {
      let lo = Infinity;
      let hi = 0;
      for (const branch of node.branches) {
        let blo = 0;
        let bhi = 0;
        for (const item of branch) {
          const [a, b] = width(item, groups);
          blo += a;
          bhi += b;
        }
        lo = Math.min(lo, blo);
        hi = Math.max(hi, bhi);
      }
      return [lo, hi];
    }
    case 'char':
    case 'any':
    case 'set':
    case 'cat':
      return [1, 1];
    case 'at':
    case 'boundary':
      return [0, 0];
    case 'group':
      return node.kind === 'capture' || node.kind === 'plain' || node.kind === 'atomic' ? width(node.body, groups) : [0, 0];
    case 'ref':
      return groups.has(node.index) ? width(groups.get(node.index)!, groups) : [0, Infinity];
    case 'repeat': {
      const [a, b] = width(node.body, groups);
      return [a * node.min, b === 0 ? 0 : b * node.max];
    }
  }
}

/** True when the node can match the empty text (its shortest width is 0), without building width pairs. */
export function canBeEmpty(n: Node): boolean {
  switch (n.t) {
    case 'char':
    case 'any':
    case 'set':
    case 'cat':
      return false;
    case 'group':
      if (n.kind !== 'capture' && n.kind !== 'plain' && n.kind !== 'atomic') return true;
      for (const b of n.body.branches) {
        let empty = true;
        for (const x of b) {
          if (!canBeEmpty(x)) {
            empty = false;
            break;
          }
        }
        if (empty) return true;
      }
      return false;
    case 'repeat':
      return n.min === 0 || canBeEmpty(n.body);
    default:
      return true; // anchors, boundaries, back-references (to a group that may be empty)
  }
}
