// Negative samples shared by every driver: lines that end the way prompts end (`>`, `#`)
// but are not prompts. A prompt pattern that takes one of them would end a wait in the
// middle of a banner or of a command's output.
import type { Driver } from '@netx/core';
import { findPrompt, SAMPLE_OUTPUT } from './checks.js';

export type CommonNotPromptKind = 'blanks' | 'banner' | 'output';

/** Lines (without the line break before them) no driver's prompt may match, by kind. */
export const COMMON_NOT_PROMPTS: Readonly<Record<CommonNotPromptKind, readonly string[]>> = Object.freeze({
  // Words with blanks between them, ending in `>` or `#`: a host name holds no blank.
  blanks: ['my router>', 'core sw1#', 'Router uptime is 5 weeks>', 'Press any key to continue #', 'Last login: Mon Feb 13 09:24:24 2017 from 10.0.0.1 >'],
  // Pre-login banner lines.
  banner: ['########################################', '****************************************', '<<< Authorized access only >>>', '*** Authorized access only ***', 'User Access Verification'],
  // Command output: XML (`| display xml`, NETCONF), indented lines, a caret marker.
  output: ['</rpc-reply>', '<rpc-reply xmlns:junos="http://xml.juniper.net/junos/20.4R0/junos">', '   switch01>', '  r1#', '  ^ marker >'],
});

/** The last non-empty line of a text, without ANSI sequences or surrounding blanks. */
function lastLine(text: string): string {
  const lines = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').split(/[\r\n]+/);
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return lines[i]!.trim();
  return '';
}

/**
 * The driver's own prompt sample whose last line has a blank inside (`ProCurve Switch 2810-24G#`,
 * `FGT (vdom) # `), if any: such a driver's prompt must allow blanks, so the `blanks` kind does
 * not apply to it. The other kinds apply to every driver.
 */
export function promptSampleWithBlanks(driver: Driver): string | undefined {
  return (driver.samples.prompts ?? []).find((sample) => /\S\s+\S/.test(lastLine(sample)));
}

/**
 * The lines of `kind` the driver takes for a prompt, alone on a line or after some output
 * (as `notPrompts` are checked). Empty when the driver passes.
 */
export function commonNotPromptFailures(driver: Driver, kind: CommonNotPromptKind): string[] {
  return COMMON_NOT_PROMPTS[kind].filter((line) => {
    const own = '\r\n' + line;
    return findPrompt(driver, own) !== undefined || findPrompt(driver, SAMPLE_OUTPUT + own) !== undefined;
  });
}
