// Vitest setup: tests that build services without startSystem still read and write encrypted
// columns, so every test file starts with a keyring (startSystem installs its own from config).
import { installKeyring } from '../../src/platform/crypto/encrypted-text.ts';
import { createKeyring } from '../../src/platform/crypto/keyring.ts';

installKeyring(createKeyring({ current: 'test-encryption-key-0123456789abcdef' }));
