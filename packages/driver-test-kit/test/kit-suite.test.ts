// The kit run on core's generic driver and on two small drivers made for it.
import { describe, expect, it } from 'vitest';
import { defineDriver, generic } from '@netx/core';
import { driverKitSuite } from '../src/index.js';

const alpha = defineDriver({
  name: 'kit_alpha',
  prompt: /[\r\n]alpha[>#] ?$/,
  errorPrompt: /^% ?Error/,
  loginErrorPrompt: /[\r\n]% ?Access denied/,
  pagers: [{ pattern: /--More--$/, answer: ' ' }],
  guess: { head: [{ match: 'ALPHA OS', score: 90 }] },
  samples: {
    prompts: ['\r\nalpha>', 'alpha# '],
    notPrompts: ['\r\nalpha> is the prompt', '\r\nbeta#'],
    usernamePrompts: ['Username: '],
    passwordPrompts: ['Password: '],
    errors: ['% Error: no such thing\r\n'],
    nonErrors: ['all fine, no % Error at line start\r\n'],
    loginErrors: ['\r\n% Access denied'],
    banners: ['Welcome to ALPHA OS 1.0\r\nUsername: ', '\r\nALPHA OS\r\n'],
    pagers: ['\r\n--More--'],
  },
});

const beta = defineDriver({
  name: 'kit_beta',
  prompt: /[\r\n]beta[>#] ?$/,
  guess: { head: [{ match: /BETA(?:OS)?/, score: 50 }] },
  samples: { prompts: ['\r\nbeta#'], banners: ['BETAOS ready\r\nlogin: '] },
});

driverKitSuite({ describe, it, expect }, { drivers: [generic, alpha, beta], minSamples: { prompts: 1 } });
