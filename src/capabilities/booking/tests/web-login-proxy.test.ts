import { afterAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { bookingModule } from '../index.ts';

// The wrong-code limit per address (20 per 15 minutes) over a real socket from 127.0.0.1: whether
// X-Forwarded-For picks the address is TRUST_PROXY's call, never the caller's.

const harnesses: CapabilityHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close();
});

const wrongCode = (h: CapabilityHarness, forwardedFor: string) =>
  h.request('/api/v1/booking/web/login/verify', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ identity: 'ann@example.com', code: '000000' }),
  });

describe('web sign-in limits per address', () => {
  it('without TRUST_PROXY, a new X-Forwarded-For per try does not buy more tries', async () => {
    const h = await startCapabilityHarness([bookingModule]);
    harnesses.push(h);
    for (let i = 0; i < 20; i++) expect((await wrongCode(h, `198.51.100.${i}`)).status).toBe(401);
    const limited = await wrongCode(h, '198.51.100.200');
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { code: string }).code).toBe('booking_code_rate_limited');
  }, 60_000);

  it('with TRUST_PROXY=1, each client behind the proxy has its own budget', async () => {
    const h = await startCapabilityHarness([bookingModule], { env: { TRUST_PROXY: '1' } });
    harnesses.push(h);
    for (let i = 0; i < 20; i++) expect((await wrongCode(h, '203.0.113.7')).status).toBe(401);
    expect((await wrongCode(h, '203.0.113.7')).status).toBe(429);
    // Another client through the same proxy is not punished for the first one's tries …
    expect((await wrongCode(h, '203.0.113.8')).status).toBe(401);
    // … and the limited one cannot escape by prepending an address: the proxy's entry is the last.
    expect((await wrongCode(h, '192.0.2.1, 203.0.113.7')).status).toBe(429);
  }, 60_000);
});
