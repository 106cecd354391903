// Keyboard-interactive prompts: which ones the account password answers and
// which ones must go to the caller (one-time passwords, passcodes, tokens, anything unknown).

export type PromptKind = 'password' | 'otp' | 'other';

const OTP = /one[- ]?time|\botp\b|otp-md[45]|otp-sha1|s\/key|pass ?code|token|verification|authenticator|\bpin\b|\bcode\b|duo|second factor|2fa|mfa/i;
const PASSWORD = /pass(?:word|wd|phrase)?\b|kennwort|mot de passe|contrase/i;

export function classifyPrompt(prompt: string): PromptKind {
  if (OTP.test(prompt)) return 'otp';
  if (PASSWORD.test(prompt)) return 'password';
  return 'other';
}

/** A server-chosen prompt made safe and short for a debug line. */
export function describePrompt(prompt: string): string {
  const flat = prompt.replace(/[\x00-\x1f\x7f]+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 77)}...` : flat);
}
