// Acme OS pages long output with `-- More (space: next page, q: quit) --`, sometimes
// in reverse video. The Protocol answers this rule while it waits for a prompt and
// strips it from the response; `$` makes it count only as the last thing received.
import type { PagerRule } from '@netx/core';

export const ACME_MORE: PagerRule = Object.freeze({
  pattern: /(?:\x1b\[[0-9;]*m)*-- More \(space: next page, q: quit\) --(?:\x1b\[[0-9;]*m)* ?$/,
  answer: ' ',
});
