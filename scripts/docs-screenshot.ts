// Refreshes docs/sandbox.png and docs/stats.png for the README: the real system in sandbox mode, a
// short conversation driven through the sandbox API (and the REST API with the token /token gives),
// then the browser chat captured in Chromium.
// Run: node scripts/with-node.mjs node scripts/docs-screenshot.ts   (needs: apt-get install -y chromium)
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/support/chromium.ts';
import { startTestSystem } from '../test/support/test-system.ts';

const t = await startTestSystem();
try {
  await t.sb.limits(false);
  const anna = await t.sb.user('anna', { first_name: 'Anna', username: 'anna_k', language_code: 'en' });
  const chat = anna.privateChat();
  // A newcomer's first minute: /start, then straight to business without answering the timezone question.
  await anna.send('/start');
  await chat.nextMessage(/Hi, Anna/);
  await anna.send('Submit essay on history by Friday 18:00 !high #study');
  const card = await chat.nextMessage(/Task/);
  await card.click('💾 Save');
  await chat.waitForEdit(card, (m) => m.text.startsWith('✅'));
  await anna.send('remind me to drink water every 2 hours');
  await chat.nextMessage(/every 2 hours/);

  const browser = await chromium.launch({
    executablePath: chromiumPath('the screenshot script'),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  await page.addInitScript((id) => localStorage.setItem('sandbox.userId', String(id)), anna.id);
  await page.goto(`${t.url}/sandbox`);
  await page
    .locator('.message', { hasText: 'every 2 hours' })
    .last()
    .waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/sandbox.png' });
  console.log('wrote docs/sandbox.png');

  // /stats after a few tasks done today: the figures and the chart, as the user sees them.
  await anna.send('/token');
  const tokenMessage = await chat.nextMessage(/API token/);
  const token = /(eyJ[\w-]+\.[\w-]+\.[\w-]+)/.exec(tokenMessage.text)?.[1];
  if (!token) throw new Error('no token in the /token reply');
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const titles = ['Read chapter 3', 'Call the bank', 'Buy a birthday present', 'Pay the rent', 'Gym'];
  for (const title of titles) {
    const task = await api('POST', '/tasks', { title });
    await api('PATCH', `/tasks/${task.id}`, { status: 'done' });
  }
  await api('POST', '/tasks', { title: 'Write the report' });
  await anna.send('/stats');
  await chat.nextMessage(/Completed/);
  await page.reload();
  await page.locator('.message img').last().waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'docs/stats.png' });
  console.log('wrote docs/stats.png');
  await browser.close();
} finally {
  await t.close();
}
