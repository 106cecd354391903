// Pager rules of the Unix family (patterns in @netx/core `pagers`): `more`
// (`--More--`, `--More--(42%)`) and less's `(END)`. The linux driver also exports
// PAGER=cat, so these only catch programs that ignore it.
import { pagers, type PagerRule } from '@netx/core';

export const UNIX_PAGERS: readonly PagerRule[] = Object.freeze([pagers.MORE, pagers.LESS_END]);
