// Built-in framings and the lookup by name.
import type { Framing } from './framing.js';
import { rawFraming } from './raw.js';
import { ttydFraming } from './ttyd.js';

export const builtinFramings = { raw: rawFraming, ttyd: ttydFraming } as const;
export type FramingName = keyof typeof builtinFramings;

export function resolveFraming(framing: FramingName | Framing | undefined): Framing {
  if (framing === undefined) return rawFraming;
  if (typeof framing !== 'string') return framing;
  const found = (builtinFramings as Record<string, Framing | undefined>)[framing];
  if (!found) {
    throw new TypeError(`Unknown WebSocket framing "${framing}"; use one of ${Object.keys(builtinFramings).join(', ')} or pass a Framing object.`);
  }
  return found;
}
