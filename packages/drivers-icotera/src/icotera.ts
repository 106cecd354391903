// Icotera CPEs: Exscript's `icotera` driver (prompt: a `>` after an optional name).
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const icotera = defineDriver({
  name: 'icotera',
  usernamePrompt: /user ?name: ?(?=\n?$)/i,
  passwordPrompt: /(?:[\r\n]Password: ?|last resort password:)(?=\n?$)/,
  // Deviation: Exscript's `.*?>` takes any line ending in `>` (XML output, banners, text);
  // the prompt is a bare `>` or a name without blanks before it, alone on its line.
  prompt: /(?:^|[\r\n])[\w.\-]*>\s*$/,
  errorPrompt: /ERROR/,
  pagers: MORE_PAGERS,
  guess: {
    head: [{ match: 'ICOTERA', score: 80 }],
  },
  samples: {
    prompts: ['\r\n>', '\r\n> ', '\r\ncpe>', '\r\ni6800>\r\n'],
    notPrompts: ['\r\nICOTERA cpe-model firmware-version', '\r\nuptime 12 days', '\r\nICOTERA cpe-model firmware-version >', '\r\n<html>', '\r\nrx bytes -> tx bytes >'],
    usernamePrompts: ['\r\nUsername: '],
    passwordPrompts: ['\r\nPassword: '],
    errors: ['ERROR: unknown command\r\n', 'Command failed: ERROR 12\r\n'],
    nonErrors: ['error counters: 0\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAccess denied'],
    banners: [
      // corpus: icotera (Exscript test data, MIT)
      'ICOTERA cpe-model firmware-version\n\n>',
      // self-written, in the same shape
      'ICOTERA i6850 v2.14.3\r\n\r\nUsername: ',
      '\r\nICOTERA i4850 firmware 1.9\r\n\r\n>',
    ],
    pagers: ['\r\n--More--'],
  },
});
