import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.ts';
import { deriveKey } from '../../../platform/crypto/keys.ts';
import { createIdentityKeys } from '../web/identity-keys.ts';
import { createLoginCodes } from '../web/login-codes.ts';
import { createPushSender, loadVapidKeys, pushTargetPolicy } from '../web/web-push.ts';

let testDb: TestDatabase;
let now = new Date('2026-06-01T06:00:00Z');
const sent: Array<{ identity: string; code: string }> = [];
let codes: ReturnType<typeof createLoginCodes>;
beforeAll(async () => {
  testDb = await createTestDatabase();
  codes = createLoginCodes({
    db: testDb.database.db,
    now: () => now,
    keys: createIdentityKeys((purpose) => deriveKey('test-secret-0123456789abcdef0123456789', purpose)),
    deliver: async (identity, code) => void sent.push({ identity, code }),
  });
});
afterAll(() => testDb.close());

describe('OTP login for web clients', () => {
  it('stores only a hash; the right code logs in once and creates the client', async () => {
    await codes.request(' +49 (151) 234-5678 ');
    const code = sent.at(-1)?.code as string;
    expect(sent.at(-1)?.identity).toBe('+491512345678');
    const rows = await testDb.database.raw.query<{ code_hash: string }>(
      'SELECT code_hash FROM booking_login_codes',
    );
    expect(rows[0]?.code_hash).not.toContain(code);
    const user = await codes.verify('+491512345678', code);
    expect(user.telegramId).toBeNull();
    // Found again by a keyed hash; the identity itself is stored sealed.
    const linked = await testDb.database.raw.query<{ identity: string; identity_hash: string }>(
      'SELECT identity, identity_hash FROM booking_clients WHERE user_id = $1',
      [user.id],
    );
    expect(linked[0]?.identity).toMatch(/^enc1:/);
    expect(linked[0]?.identity_hash).toMatch(/^[0-9a-f]{8}:[0-9a-f]{64}$/);
    await expect(codes.verify('+491512345678', code)).rejects.toMatchObject({ code: 'booking_code_wrong' });
  });

  it('five wrong attempts burn the code; an expired code fails; bad identities are refused', async () => {
    await codes.request('ann@example.com');
    const code = sent.at(-1)?.code as string;
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      await expect(codes.verify('ann@example.com', wrongCode)).rejects.toMatchObject({
        code: 'booking_code_wrong',
      });
    await expect(codes.verify('ann@example.com', code)).rejects.toMatchObject({ code: 'booking_code_wrong' });
    await codes.request('ann@example.com');
    now = new Date(now.getTime() + 11 * 60_000);
    await expect(codes.verify('ann@example.com', sent.at(-1)?.code as string)).rejects.toMatchObject({
      code: 'booking_code_wrong',
    });
    await expect(codes.request('not an address')).rejects.toMatchObject({ code: 'booking_identity_invalid' });
  });

  it('limits codes per address across identities; a window later the address may ask again', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 10; i++) await codes.request(`ip${i}@example.com`, { ip });
    await expect(codes.request('ip-next@example.com', { ip })).rejects.toMatchObject({
      code: 'booking_code_rate_limited',
    });
    // Another address is not affected; the same one is again after the 15-minute window.
    await codes.request('ip-next@example.com', { ip: '203.0.113.8' });
    now = new Date(now.getTime() + 16 * 60_000);
    await codes.request('ip-later@example.com', { ip });
  });

  it('a code fails after its 10 minutes even on the first try', async () => {
    await codes.request('+79161234567');
    const code = sent.at(-1)?.code as string;
    now = new Date(now.getTime() + 10 * 60_000);
    await expect(codes.verify('+79161234567', code)).rejects.toMatchObject({ code: 'booking_code_wrong' });
  });

  it('limits codes per identity per window', async () => {
    for (let i = 0; i < 3; i++) await codes.request('bob@example.com');
    await expect(codes.request('bob@example.com')).rejects.toMatchObject({
      code: 'booking_code_rate_limited',
    });
  });
});

describe('Web Push', () => {
  it('VAPID keys are generated once into the data dir; a push reaches a local endpoint, encrypted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vapid-'));
    const keys = loadVapidKeys(dir);
    expect(loadVapidKeys(dir)).toEqual(keys);
    expect(statSync(join(dir, 'vapid.json')).mode & 0o777).toBe(0o600);
    // The browser's side: its key pair and auth secret.
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const auth = randomBytes(16);
    const received: Array<{ headers: IncomingMessage['headers']; body: Buffer }> = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(req.url === '/gone' ? 410 : 201).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const send = createPushSender({
      keys,
      subject: 'mailto:admin@example.com',
      policy: pushTargetPolicy(true, [new URL(base).host]),
    });
    const subscription = (path: string) => ({
      endpoint: `${base}${path}`,
      keys: { p256dh: browser.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    });
    expect(await send(subscription('/push/1'), { title: 'Booking', body: 'Tue 2 Jun, 10:00' })).toBe('sent');
    expect(await send(subscription('/gone'), { title: 'x', body: 'y' })).toBe('gone');
    server.close();
    rmSync(dir, { recursive: true, force: true });
    const first = received[0];
    expect(first?.headers['content-encoding']).toBe('aes128gcm');
    expect(first?.headers.authorization).toMatch(new RegExp(`^vapid t=.+, k=${keys.publicKey}$`));
    const plain = ece.decrypt(first?.body as Buffer, {
      version: 'aes128gcm',
      privateKey: browser,
      authSecret: auth.toString('base64url'),
    });
    expect(JSON.parse(plain.toString())).toEqual({ title: 'Booking', body: 'Tue 2 Jun, 10:00' });
  });
});
