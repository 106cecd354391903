// Fortinet FortiOS 6/7 (FortiGate). Prompts `FGT # `, `FGT (vdom) # `, `FGT $ `
// (read-only admin). Shares its prompt shape with Exscript's `fortios`, so it only
// claims a device that names itself (FortiGate/FortiOS/Fortinet) or has a default
// `FGT...`/`FortiGate-...` host name; the bare `Forti-Name # ` corpus stays `fortios`.
// Paging off as in Netmiko's fortinet_ssh.py; with VDOMs it must run under `config global`.
import { ErrorCodes, defineDriver, isNetxError, type DriverConnection } from '@netx/core';
import { FORTIOS_PAGERS } from './pagers.js';

const CONSOLE_STANDARD = ['config system console', 'set output standard', 'end'];

async function autoInit(conn: DriverConnection): Promise<void> {
  try {
    await conn.execute(CONSOLE_STANDARD[0]!);
  } catch (err) {
    if (!isNetxError(err, ErrorCodes.INVALID_COMMAND)) throw err;
    // VDOM mode: global settings live under `config global` (left with one more `end`).
    await conn.execute('config global');
    for (const command of CONSOLE_STANDARD) await conn.execute(command);
    await conn.execute('end');
    return;
  }
  for (const command of CONSOLE_STANDARD.slice(1)) await conn.execute(command);
}

export const fortinet = defineDriver({
  name: 'fortinet',
  usernamePrompt: /(?:^|[\r\n])[^\r\n]*(?:login|user ?name): ?$/i,
  passwordPrompt: /password: ?$/i,
  // `FGT # `, `FGT (vdom) # `, `FGT (global) # `, `FGT (port1) # `, `FGT $ `
  prompt: /(?:^|[\r\n])[\w.\-]{1,35} (?:\([\w.\/\-]{1,35}\) )?[#$] ?$/,
  errorPrompt: /^(?:Command fail\.|Unknown action|command parse error|value parse error|entry not found in datasource|object check operator error|node_check_object fail|Permission denied)/m,
  pagers: FORTIOS_PAGERS,
  initCommands: CONSOLE_STANDARD,
  autoInit,
  guess: {
    head: [
      { match: /\bFortiGate\b/i, score: 85 },
      { match: /\bFortiOS\b/, score: 85 },
      { match: /\bFortinet\b/, score: 80 },
      { match: /(?:^|[\r\n])F(?:GT|GVM|G)[\w\-]{0,32} (?:\([\w.\/\-]{1,35}\) )?[#$] /, score: 60 },
    ],
    response: [
      { match: /^Version: Forti(?:Gate|WiFi)/m, score: 95 },
      { match: /\bFortiOS\b/, score: 85 },
      { match: /(?:^|[\r\n])F(?:GT|GVM|G)[\w\-]{0,32} (?:\([\w.\/\-]{1,35}\) )?[#$] /, score: 60 },
    ],
  },
  samples: {
    prompts: ['FGT # ', '\r\nFGT # ', '\r\nFGT (vdom) # ', '\r\nFGT (global) # ', '\r\nFGT60E4Q16000000 (interface) # ', '\r\nFortiGate-VM64 $ '],
    notPrompts: ['\r\nVersion: FortiGate-VM64 v7.2.5,build1517,230606 (GA.F)', '\r\n    set output standard', '\r\n#config-version=FGVM64-7.2.5'],
    usernamePrompts: ['\r\nFGT60E login: ', 'FortiGate-VM64 login: '],
    passwordPrompts: ['\r\nPassword: ', "admin@192.0.2.1's password: "],
    errors: [
      'command parse error before \'sytem\'\r\nCommand fail. Return code -61\r\n',
      'Command fail. Return code -61\r\n',
      'Unknown action 0\r\n',
      'entry not found in datasource\r\n\r\nvalue parse error before \'port99\'\r\n',
    ],
    nonErrors: ['Version: FortiGate-VM64 v7.2.5,build1517,230606 (GA.F)\r\nSerial-Number: FGVMEV0000000000\r\n', '    set output standard\r\n'],
    loginErrors: ['\r\nLogin incorrect', '\r\nAccess denied'],
    banners: [
      // self-written in the shape of FortiGate logins
      '\r\nFGT60E4Q16000000 login: admin\r\nPassword: \r\nWelcome!\r\n\r\nFGT60E4Q16000000 # ',
      '\r\nFortiGate-VM64 login: ',
      '\r\n*** Fortinet FortiGate - authorized access only ***\r\n\r\nPassword: ',
    ],
    pagers: ['\r\n--More-- ', '\r\n--More--'],
  },
});
