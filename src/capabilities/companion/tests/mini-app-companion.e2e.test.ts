// The companion in the Mini App at 360 px, in Chromium, opened from the sandbox chat's "Open app"
// button with real initData: an admin sets the persona and the check-in limits, adds a
// recommendation and reads the engagement table; About you shows the journey stage, its progress
// bar and the reason. The whole system in process (bot, API, database); no model (the rules judge).
import type { Browser, FrameLocator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchChromium, openMiniApp, VISIBLE } from '../../../../test/support/mini-app-browser.ts';
import { startTestSystem, type TestSystem } from '../../../../test/support/test-system.ts';
import { CAPABILITY_MODULES } from '../../../app/capabilities.ts';
import type { AnyCapabilityModule } from '../../capability.ts';
import type { ProfileService } from '../profile-service.ts';

const WORDS = {
  en: {
    tab: 'Companion',
    persona: 'Nova',
    saved: 'Companion settings saved',
    title: 'Start with one small task',
    stage: 'Just started',
    added: 'Recommendation added',
    more: 'More',
    profile: 'About you',
    reason: /^Active on \d+ of the last 14 days\.$/,
    progress: 'Progress:',
  },
  ru: {
    tab: 'Компаньон',
    persona: 'Нова',
    saved: 'Настройки компаньона сохранены',
    title: 'Начните с одной маленькой задачи',
    stage: 'Только начали',
    added: 'Рекомендация добавлена',
    more: 'Ещё',
    profile: 'О вас',
    reason: /^Активны \d+ из последних 14 дней\.$/,
    progress: 'Прогресс:',
  },
} as const;

// The companion module as shipped, with its profile service kept so the test can run the nightly
// refresh at once (the schedule itself is covered by journey.e2e.test.ts).
let profiles: ProfileService | undefined;
const modules = CAPABILITY_MODULES.map((m): AnyCapabilityModule => {
  if (m.name !== 'companion') return m;
  return {
    ...m,
    create(deps, services) {
      const built = m.create(deps, services);
      profiles = (built.service as { profiles?: ProfileService } | undefined)?.profiles;
      return built;
    },
  } as AnyCapabilityModule;
});

let t: TestSystem;
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium('the Mini App companion admin test');
  t = await startTestSystem({}, { modules });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/**
 * What sticks out of the 360 px screen (empty when everything fits). The admin pages' nav scrolls
 * sideways inside the screen by design, so its buttons do not count.
 */
const overflowing = (app: FrameLocator) =>
  app.locator('main').evaluate((main) =>
    [...main.querySelectorAll('*')]
      .filter((el) => !el.closest('.admin-nav'))
      .filter((el) => el.getBoundingClientRect().right > main.getBoundingClientRect().right + 1)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 30)}`)
      .slice(0, 5),
  );

interface Settings {
  persona: { name: string; tone: string };
  limits: { per_day: number; window_start: string; window_end: string };
}

describe.each(['en', 'ru'] as const)('the companion admin page and About you in %s', (language) => {
  const w = WORDS[language];

  it('an admin saves persona and limits, adds a recommendation, reads engagement; About you shows the journey', async () => {
    const admin = await t.sb.user(`companion_admin_${language}`, {
      first_name: 'Ida',
      language_code: language,
    });
    await t.system.users.grantRole(admin.id, 'admin', { kind: 'system' });
    const api = await apiAs(t, admin);
    const me = await api<{ id: string }>('GET', '/me');
    await profiles?.refresh(me.id);
    const { app, errors, close } = await openMiniApp(t, browser, admin);

    await app.locator('nav.tabs button[data-tab="admin"]').click();
    await app.getByRole('button', { name: w.tab, exact: true }).click();
    const form = app.locator('[data-form="companion-settings"]');
    await form.waitFor(VISIBLE);
    await form.locator('input[name="persona-name"]').fill(w.persona);
    await form.locator('select[name="persona-tone"]').selectOption('warm');
    await form.locator('select[name="per-day"]').selectOption('1');
    await form.locator('input[name="window-start"]').fill('09:00');
    await form.getByRole('button').click();
    await app.getByText(w.saved).waitFor(VISIBLE);
    expect(await api<Settings>('GET', '/admin/companion/settings')).toMatchObject({
      persona: { name: w.persona, tone: 'warm' },
      limits: { per_day: 1, window_start: '09:00', window_end: '22:00' },
    });

    const add = app.locator('[data-form="recommendation"]');
    await add.locator('input[name="title"]').fill(w.title);
    await add.locator('input[name="url"]').fill('https://example.org/first-task');
    await add.locator('input[name="stage-newcomer"]').check();
    await add.getByRole('button').click();
    await app.getByText(w.added).waitFor(VISIBLE);
    const row = app.locator(`[data-list="recommendations"] [data-recommendation="${w.title}"]`);
    await row.getByText(w.stage).waitFor(VISIBLE);
    const stored = await api<{ items: Array<{ title: string; url: string; stages: string[] }> }>(
      'GET',
      '/admin/companion/recommendations',
    );
    expect(stored.items).toContainEqual(
      expect.objectContaining({
        title: w.title,
        url: 'https://example.org/first-task',
        stages: ['newcomer'],
      }),
    );

    // Engagement: eight weeks, each with its figures and people per stage.
    const weeks = app.locator('[data-section="engagement"] tr[data-week]');
    await expect.poll(() => weeks.count(), { timeout: 15_000 }).toBe(8);
    expect(await weeks.first().locator('[data-figure="sent"]').textContent()).toMatch(/^\d+$/);
    expect(await overflowing(app)).toEqual([]);

    // About you: the stage in words, the bar at the API's progress, the reason.
    const profile = await api<{ stage: string; progress: number; progress_reason: string }>(
      'GET',
      '/companion/profile',
    );
    expect(profile.stage).toBe('newcomer');
    expect(profile.progress_reason).toMatch(w.reason);
    await app.locator('nav.tabs button[data-tab="more"]', { hasText: w.more }).click();
    await app.getByRole('menuitem', { name: w.profile }).click();
    const stage = app.locator('[data-field="stage"]');
    await stage.getByText(w.stage).waitFor(VISIBLE);
    const bar = stage.getByRole('progressbar');
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(profile.progress));
    await stage
      .locator('[data-field="progress"]', { hasText: `${w.progress} ${profile.progress}%` })
      .waitFor(VISIBLE);
    await stage
      .locator('[data-field="progress_reason"]', { hasText: profile.progress_reason })
      .waitFor(VISIBLE);
    expect(await overflowing(app)).toEqual([]);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
