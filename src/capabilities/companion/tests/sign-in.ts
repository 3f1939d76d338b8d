import type { CapabilityHarness } from '../../../../test/support/capability-harness.ts';
import type { SandboxUser } from '../../../sandbox/client.ts';

/** A fresh bearer token for a harness person (the earlier one expires when the test clock jumps days). */
export async function signIn(h: CapabilityHarness, user: SandboxUser) {
  const { init_data } = await user.webApp();
  const login = await h.request('/api/v1/auth/webapp', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data }),
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}
