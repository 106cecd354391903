// Stable ids of every contract test. Titles may change; ids do not (skip lists key on them).

export const TEST_GROUPS = {
  capabilities: ['capabilities.pinned'],
  lifecycle: [
    'lifecycle.shape',
    'lifecycle.connect-close',
    'lifecycle.write-before-connect',
    'lifecycle.write-after-close',
    'lifecycle.double-close',
    'lifecycle.close-before-connect',
    'lifecycle.connect-twice',
  ],
  io: [
    'io.text-to-device',
    'io.text-to-client',
    'io.binary-to-device',
    'io.binary-to-client',
    'io.large-to-device',
    'io.large-to-client',
    'io.many-small-writes',
    'io.chunking',
    'io.full-duplex',
  ],
  close: ['close.by-client-while-receiving', 'close.force', 'close.by-peer', 'close.by-peer-after-data'],
  errors: ['errors.refused', 'errors.abort'],
  timeout: ['timeout.connect'],
  auth: ['auth.before-connect', 'auth.good-account', 'auth.bad-password'],
  resize: ['resize.any-state'],
  keepalive: ['keepalive.dead-peer'],
} as const;

export type TestGroupName = keyof typeof TEST_GROUPS;
export type TestId = (typeof TEST_GROUPS)[TestGroupName][number];

/** Every test id, in suite order. */
export const TEST_IDS: readonly TestId[] = Object.values(TEST_GROUPS).flat();
