// A TransportSession for driving SshTransport directly in tests: the kit's text
// session (bytes, bounded expect, debug lines, the close), debug lines as `[level] message`.
import { systemClock, type Clock, type ProtocolAuthContext } from '@netx/core';
import { createTextSession, type TextSession, type TextSessionInit } from '@netx/transport-test-kit';

export type TestSession = TextSession;

export function createSession(init: Omit<TextSessionInit, 'waitLimitMs' | 'debugFormat'>): TestSession {
  return createTextSession({ ...init, debugFormat: 'level-message' });
}

/** A ProtocolAuthContext that answers OTP prompts from a list and records the prompts. */
export function authContext(otpAnswers: string[] = [], clock: Clock = systemClock): ProtocolAuthContext & { prompts: string[]; debugLines: string[] } {
  const prompts: string[] = [];
  const debugLines: string[] = [];
  return {
    clock,
    prompts,
    debugLines,
    debug: (level, message) => debugLines.push(`[${level}] ${message}`),
    requestOtp: async (prompt) => {
      prompts.push(prompt);
      const answer = otpAnswers.shift();
      if (answer === undefined) throw new Error(`test: no OTP answer left for ${JSON.stringify(prompt)}`);
      return answer;
    },
  };
}
