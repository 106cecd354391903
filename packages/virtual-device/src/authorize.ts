// The authorization command (IOS `enable`) as an ordinary command handler, so a
// family's virtual device can register its own variant (`enable 15`, `su`).
import type { CommandContext, CommandResponse, EnableOptions } from './types.js';

export function authorizeHandler(opts: EnableOptions = {}): CommandResponse {
  const style = opts.style ?? 'password';
  const toMode = opts.toMode ?? 'enable';
  const maxAttempts = opts.maxAttempts ?? 3;
  const usernamePrompt = opts.usernamePrompt ?? 'Username: ';
  const passwordPrompt = opts.passwordPrompt ?? 'Password: ';
  const failureText = opts.failureText ?? '% Bad secrets';
  if (style === 'username+password' && opts.username === undefined) {
    throw new TypeError("VirtualDevice: enable.style 'username+password' needs enable.username.");
  }
  return async (ctx: CommandContext) => {
    if (ctx.mode === toMode) return '';
    if (opts.password === undefined && style === 'password') {
      ctx.mode = toMode;
      return '';
    }
    // Bounded by maxAttempts; each attempt also waits for client input.
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const name = style === 'username+password' ? await ctx.ask(usernamePrompt, { echo: true }) : undefined;
      const password = await ctx.ask(passwordPrompt, { echo: false });
      if ((style === 'password' || name === opts.username) && password === opts.password) {
        ctx.mode = toMode;
        return '';
      }
    }
    return failureText;
  };
}
