import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeployEntity, SiteEntity } from '../../server/src/db/entities.js';
import { IncidentEntity } from '../../server/src/db/notify-entities.js';
import { newId } from '../../server/src/domain/ids.js';
import { stageDeployEvent } from '../../server/src/notify/outbox-stage.js';
import { gqlAs, invitationToken, signUp } from '../../server/test/support/accounts.js';
import { type BareApp, startBareApp } from '../../server/test/support/bare-app.js';
import { CHROMIUM, launchChromium } from '../../server/test/support/chromium.js';
import { startReceiver } from '../../server/test/support/receiver.js';
import { seedSites } from '../../server/test/support/seed.js';

// Issue 13 in a real browser: a team's notification channels (add, send test, delivery history that
// follows each attempt live), a viewer's disabled actions with the reason, and a site's uptime and
// incidents. No Docker object is made.

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const shots = join(webDir, 'test/screenshots');
const PASSWORD = 'correct horse battery';

let lp: BareApp;
let browser: Browser;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

async function pageAs(cookie: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: lp.url }]);
  return context.newPage();
}

if (!existsSync(CHROMIUM) && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);

describe.skipIf(!existsSync(CHROMIUM))('notifications and uptime in a browser', () => {
  let owner: { userId: string; cookie: string };
  let teamId = '';
  let siteId = '';

  beforeAll(async () => {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
    mkdirSync(shots, { recursive: true });
    receiver = await startReceiver([200]);
    // Five seconds before a failed delivery's retry: long enough to see it retrying.
    lp = await startBareApp({ LAUNCHPAD_NOTIFY_RETRY_MS: '5000' });
    browser = await launchChromium();
    owner = await signUp(lp.url, 'owner@example.com', PASSWORD);
    teamId = (await gqlAs(lp.url, owner, '{ viewer { teams { id } } }')).data!.viewer.teams[0].id;
    // A site that served for a day and was down for ten minutes an hour ago (rows only).
    const em = lp.app.orm.em.fork();
    const [site] = await seedSites(em, 1, { deploysPerSite: 1, deliveriesPerSite: 0, teamId });
    siteId = site!.id;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await em
      .getConnection()
      .execute('update deploys set finished_at = ? where site_id = ?', [ago(24 * 60), siteId]);
    em.create(IncidentEntity, {
      id: newId(),
      siteId,
      kind: 'DOWN',
      at: ago(70),
      reason: 'killed (signal 9)',
    });
    em.create(IncidentEntity, {
      id: newId(),
      siteId,
      kind: 'RECOVERED',
      at: ago(60),
      reason: 'its server runs again',
    });
    await em.flush();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await lp?.cleanup();
    await receiver?.stop();
  });

  it('an owner adds a webhook and an e-mail channel, sends tests, and reads each delivery', async () => {
    const page = await pageAs(owner.cookie);
    await page.goto(`${lp.url}/`);
    await page.click('header >> text=Notifications');
    await page.waitForSelector('h1#notifications-title');

    await page.fill('#channel-new-target', receiver.url);
    await page.click('.channel-form button[type=submit]');
    await page.waitForSelector(`[data-testid=channel] >> text=${receiver.url}`);
    await page.click('[data-testid=channel] >> button:has-text("Send test")');
    await page.waitForSelector('[data-testid=channel] >> text=Delivered · 200');
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ test: true });

    // E-mail without an SMTP server: the test send fails, and says why.
    await page.selectOption('#channel-new-kind', 'EMAIL');
    await page.fill('#channel-new-target', 'not an address');
    await page.click('.channel-form button[type=submit]');
    await page.waitForSelector('text=The target must be one e-mail address');
    await page.fill('#channel-new-target', 'ops@example.com');
    await page.click('.channel-form button[type=submit]');
    const mailCard = page.locator('[data-testid=channel]', { hasText: 'ops@example.com' });
    await mailCard.waitFor();
    await mailCard.locator('button:has-text("Send test")').click();
    await mailCard.locator('text=no SMTP server is configured').waitFor();
    await page.context().close();
  });

  it('the delivery history follows each attempt live: a row goes from retrying to delivered without a reload', async () => {
    const flaky = await startReceiver([500, 200]);
    try {
      const made = await gqlAs(
        lp.url,
        owner,
        'mutation($t: ID!, $i: NotificationChannelInput!) { createNotificationChannel(teamId: $t, input: $i) { id } }',
        { t: teamId, i: { kind: 'WEBHOOK', target: flaky.url, events: ['DEPLOY_FAILED'] } },
      );
      expect(made.errors, JSON.stringify(made.errors)).toBeUndefined();
      const page = await pageAs(owner.cookie);
      await page.goto(`${lp.url}/team/notifications`);
      const card = page.locator('[data-testid=channel]', { hasText: flaky.url });
      await card.locator('summary', { hasText: 'Deliveries (0)' }).waitFor();
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });
      // The page's subscription is live once a test send made elsewhere (here: the API) shows up on it.
      const channels = await gqlAs(
        lp.url,
        owner,
        'query($t: ID!) { team(id: $t) { notificationChannels { id target deliveries { id } } } }',
        { t: teamId },
      );
      const first = channels.data!.team.notificationChannels.find(
        (c: { target: string }) => c.target === receiver.url,
      );
      await gqlAs(lp.url, owner, 'mutation($id: ID!) { testNotificationChannel(id: $id) { id } }', {
        id: first.id,
      });
      await page
        .locator('[data-testid=channel]', { hasText: receiver.url })
        .locator('summary', { hasText: `Deliveries (${first.deliveries.length + 1})` })
        .waitFor();

      // The site's deploy fails: its DEPLOY_FAILED is staged in the outbox as the pipeline stages it.
      const em = lp.app.orm.em.fork();
      const deploy = await em.findOneOrFail(DeployEntity, { siteId });
      stageDeployEvent(em, { ...deploy, status: 'FAILED' }, 'BUILDING', new Date());
      await em.flush();
      lp.app.bus.publish('sites:updated', await em.findOneOrFail(SiteEntity, { id: siteId }));

      const row = card.locator('[data-testid=delivery]');
      await row.locator('text=Retrying · 500').waitFor({ timeout: 30_000 });
      expect(await row.count()).toBe(1);
      expect(await row.locator('[data-testid=delivery-attempts]').textContent()).toBe('1');
      expect(await row.locator('.delivery-reason').textContent()).not.toBe('');
      await row.locator('text=Delivered · 200').waitFor({ timeout: 60_000 });
      expect(await row.count()).toBe(1);
      expect(await row.locator('[data-testid=delivery-attempts]').textContent()).toBe('2');
      expect(await row.locator('.delivery-reason').textContent()).toBe('');
      expect(await row.getAttribute('data-delivery-id')).toBe(
        flaky.received[0]!.headers['x-launchpad-delivery'],
      );
      expect(flaky.received.map((r) => r.answered)).toEqual([500, 200]);
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
        true,
      );
      await page.screenshot({ path: join(shots, 'notifications.png'), fullPage: true });
      await page.context().close();
    } finally {
      await flaky.stop();
    }
  });

  it('a viewer sees the channels and history, with every change disabled and the reason', async () => {
    const invite = await gqlAs(
      lp.url,
      owner,
      'mutation($t: ID!) { inviteMember(teamId: $t, email: "viewer@example.com", role: VIEWER) { url } }',
      { t: teamId },
    );
    const viewer = await signUp(
      lp.url,
      'viewer@example.com',
      PASSWORD,
      invitationToken(invite.data!.inviteMember.url),
    );
    const page = await pageAs(viewer.cookie);
    await page.goto(`${lp.url}/team/notifications`);
    await page.waitForSelector('#channels-locked');
    expect(await page.textContent('#channels-locked')).toContain('you are a Viewer');
    expect(await page.locator('.channel-form').count()).toBe(0);
    const test = page.locator('[data-testid=channel] >> button:has-text("Send test")').first();
    expect(await test.isDisabled()).toBe(true);
    expect(await test.getAttribute('title')).toContain('Only a team admin or owner');
    // The secret is ADMIN's, and a webhook URL shows only its origin.
    expect(await page.locator('text=Signing secret').count()).toBe(0);
    await page.waitForSelector('text=http://127.0.0.1:');
    expect(await page.locator(`text=${receiver.url}`).count()).toBe(0);
    await page.screenshot({ path: join(shots, 'notifications-as-viewer.png'), fullPage: true });
    await page.context().close();
  });

  it("a site's page shows its uptime and incidents", async () => {
    const page = await pageAs(owner.cookie);
    await page.goto(`${lp.url}/sites/${siteId}`);
    const health = page.locator('[data-testid=site-health]');
    await health.locator('text=Recovered').waitFor();
    await health.locator('text=Down').first().waitFor();
    // Ten minutes down in the day it served: 99.31 %.
    expect(await page.textContent('[data-testid=uptime-30]')).toBe('99.31 %');
    await health.screenshot({ path: join(shots, 'site-uptime.png') });
    await page.context().close();
  });
});
