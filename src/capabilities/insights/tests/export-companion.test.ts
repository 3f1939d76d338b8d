import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CapabilityHarness,
  startCapabilityHarness,
} from '../../../../test/support/capability-harness.ts';
import { companionModule } from '../../companion/index.ts';
import { insightsModule } from '../index.ts';

// The export reads the companion's profile through its service (the module's `profiles`), only
// the person's own, with no internal columns.
let h: CapabilityHarness;
beforeAll(async () => {
  h = await startCapabilityHarness([insightsModule, companionModule]);
}, 120_000);
afterAll(() => h?.close());

describe('export with the companion', () => {
  it('holds the person’s own profile and nobody else’s', async () => {
    const ada = await h.person('Ada');
    const bob = await h.person('Bob');
    const edit = async (auth: Record<string, string>, body: unknown) => {
      const res = await h.request('/api/v1/companion/profile', {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
    };
    await edit(ada.auth, { interests: ['chess', 'rowing'], goals: ['finish the thesis'] });
    await edit(bob.auth, { interests: ['BOB-ONLY kites'] });

    const text = await (await h.request('/api/v1/export', { headers: ada.auth })).text();
    expect(text).not.toContain('BOB-ONLY');
    expect(text).not.toContain(bob.userId);
    const data = JSON.parse(text) as { companion_profile: Record<string, unknown>; tasks: unknown[] };
    expect(data.companion_profile).toMatchObject({
      interests: ['chess', 'rowing'],
      goals: ['finish the thesis'],
      edited_by_user: true,
    });
    expect(Object.keys(data.companion_profile)).not.toContain('userId');
    // A build without tasks, reminders, notes and booking exports them as empty lists.
    expect(data).toMatchObject({ tasks: [], reminders: [], notes: [], bookings: [], courses: [] });
  });
});
