// ADTRAN DSLAMs (Total Access): Exscript's `adtran` driver. Generic patterns; the
// terminal is set up before authorization (Exscript's auto_authorize runs
// init_terminal, then sends `enable` with CRLF).
import { defineDriver } from '@netx/core';
import { MORE_PAGERS } from './pagers.js';

export const adtran = defineDriver({
  name: 'adtran',
  // Deviation: Exscript uses the generic prompt, whose `user@host dir` form takes `my dslam>`
  // (words with a blank). The DSLAMs' prompts are a name, an optional `(mode)`, `>` or `#`.
  prompt: /[\r\n][\w.\-]+(?:\([^)\r\n]+\))?[>#] ?(?=\n?$)/,
  pagers: MORE_PAGERS,
  initCommands: ['terminal length 0', 'terminal column 0'],
  authorizeCommand: 'enable',
  async autoAuthorize(conn, account, opts, driver) {
    await driver.autoInit(conn);
    await conn.send(`${driver.authorizeCommand ?? 'enable'}\r\n`);
    await conn.appAuthorize(account, opts);
  },
  guess: {
    // Deviation: Exscript gives adtran no signals ("the DSLAMs only report OpenSSH and
    // have no banner"), so its own transcripts go to shell or nowhere. netx scores the
    // vendor name, and a DSLAM-named `>` prompt just above shell's `login:` (20).
    head: [
      { match: /\bADTRAN\b/i, score: 90 },
      { match: /[\r\n][\w\-]*dslam[\w\-]*> ?$/i, score: 25 },
    ],
  },
  samples: {
    prompts: ['\r\ndslam123> ', '\r\ndslam123#', '\r\nTA5000(config)#', '\r\nnv3448>'],
    notPrompts: ['\r\nadmin ttyp0        192.168.12.34    Thu Sep  6 12:22 - 12:25 (0+00:02)', '\r\none two', '\r\nTA5000 shelf 1>', '\r\nSlot 3 card # 2#'],
    usernamePrompts: ['dslam123 login: ', '\r\nUsername: '],
    passwordPrompts: ['\r\nPassword:', 'password: '],
    errors: ['%Invalid or incomplete command\r\n', 'Error: no such shelf\r\n'],
    nonErrors: ['Shelf 1 Slot 3 OK\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\n% Authentication failed'],
    banners: [
      // corpus: adtran.1, adtran.2 (Exscript test data, MIT)
      'dslam123 login: myusername\nPassword:\ndslam123> \n',
      'Password:\nLast login:\nadmin ttyp0        192.168.12.34    Thu Sep  6 12:22 - 12:25 (0+00:02)\ndslam123> \n',
      // self-written: a NetVanta that names its vendor
      '\r\nADTRAN, Inc. NetVanta 3448\r\n\r\nUsername: ',
    ],
    pagers: ['\r\n--MORE--'],
  },
});
