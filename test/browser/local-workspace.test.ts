import type { Browser } from 'playwright-core';
import { buildPage } from '../../scripts/build-page';
import type { RunningLocalWorkspace } from '../../src/local/start';
import { translator } from '../../src/i18n';
import { GoalIds } from '../support/slackIds';
import { launch, openPage } from './browser';
import { CASTS, GOAL, Journey } from './journey';
import { startTestWorkspace } from './workspace';

/**
 * The local workspace in a real browser, end to end: the page, the local Web API playing Slack,
 * the real app behind signed requests to /slack/events, the workers, the app's clock. A person
 * goes through setup → the leader accepts → a goal with a milestone (a bad number first: the error
 * under the field, what was typed kept) → a check-in → the milestone reached → the celebration in
 * the team channel → the clock to next Monday 08:00 → the digest with its chart. In bokmål and in
 * English, with no console error.
 */
jest.setTimeout(180_000);

describe.each(['nb', 'en'] as const)('local workspace in a browser (%s)', (locale) => {
  let browser: Browser;
  let ws: RunningLocalWorkspace;

  beforeAll(async () => {
    await buildPage();
    browser = await launch();
    ws = await startTestWorkspace();
  });
  afterAll(async () => {
    await browser?.close();
    await ws?.close();
  });

  it('setup → accept → goal with a milestone → check-in → milestone reached → celebration → Monday 08:00 → digest with chart', async () => {
    const tr = translator(locale);
    const cast = CASTS[locale];
    const { context, page, problems } = await openPage(browser, { locale: locale === 'nb' ? 'nb-NO' : 'en-GB' });
    try {
      const j = new Journey(page, ws.baseUrl, cast);
      await j.be(cast.senior);
      expect(await page.getAttribute('html', 'lang')).toBe(locale);
      expect(await page.locator('#banner').innerText()).toMatch(locale === 'nb' ? /ikke koblet til Slack/i : /not connected to Slack/i);
      expect(await page.locator('#clock-now').innerText()).toMatch(locale === 'nb' ? /^nå: / : /^now: /);

      await j.setup();
      await j.accept();
      // The senior leader is told, in their DM.
      await j.be(cast.senior);
      await j.openApp('messages');
      await j.message(tr('consent.accepted_senior', { leader: '@' }).split('@')[0].trim());

      // A goal, first with a word where the baseline number goes: the app's error under that field.
      const dialog = await j.fillGoal(locale === 'nb' ? 'mange' : 'many');
      await j.submit(dialog);
      const baseline = j.block(dialog, GoalIds.baselineBlock);
      await baseline.locator('.field-error').waitFor();
      expect(await baseline.locator('.field-error').innerText()).toBe(tr('common.error_not_number'));
      expect(await dialog.locator('.field-error').count()).toBe(1);
      expect(await baseline.locator('input').inputValue()).toBe(locale === 'nb' ? 'mange' : 'many');
      expect(await j.block(dialog, GoalIds.titleBlock).locator('input').inputValue()).toBe(GOAL[locale].title);
      expect(await j.block(dialog, GoalIds.milestoneBlock(1)).locator('input').inputValue()).toBe(GOAL[locale].milestone);
      await baseline.locator('input').fill(GOAL[locale].baseline);
      await j.submitAndClose(dialog);

      // The goal is on the senior leader's Home.
      await j.openApp('home');
      await page.locator('.home').filter({ hasText: GOAL[locale].title }).waitFor();

      await j.checkIn('4');
      await j.milestoneReached();
      const celebration = await j.celebration();
      expect(await celebration.innerText()).toContain(GOAL[locale].milestone);

      await j.nextMonday();
      expect(await page.locator('#clock-now').innerText()).toMatch(locale === 'nb' ? /^nå: mandag 14\. desember kl\. 08\.00 Oslo$/ : /^now: Monday 14 December.* 08:00 Oslo$/);
      const digest = await j.digest();
      const chart = digest.locator('.image img').first();
      expect(await chart.getAttribute('alt')).toBeTruthy();
      expect(await chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(100);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('local workspace in a browser: demo, reset, who sees what', () => {
  let browser: Browser;
  let ws: RunningLocalWorkspace;
  beforeAll(async () => {
    await buildPage();
    browser = await launch();
    ws = await startTestWorkspace();
  });
  afterAll(async () => {
    await browser?.close();
    await ws?.close();
  });

  it('the English demo fills the senior leader’s Home and the team channels; a leader sees only their own; Reset (after a confirm) empties it', async () => {
    const en = translator('en');
    const { context, page, problems } = await openPage(browser, { locale: 'en-GB' });
    try {
      const j = new Journey(page, ws.baseUrl, CASTS.en);
      await j.be('ULOCALLEAD2');
      await page.getByRole('button', { name: en('page.demo_en') }).click();
      await page.locator('#demo-en:not([disabled])').waitFor({ timeout: 120_000 });
      expect(await page.locator('.notice.error').count()).toBe(0);
      // Sam (English, New York): his own follow-up on Home; #team-sam, never #team-ola.
      await j.openApp('home');
      await page.locator('.home').filter({ hasText: en('local.demo.goal2_title') }).waitFor();
      expect(await page.locator('.home').innerText()).not.toContain(en('local.demo.goal1_title'));
      expect(await page.locator('.sidebar').innerText()).toContain('team-sam');
      expect(await page.locator('.sidebar').innerText()).not.toContain('team-ola');
      // Ingrid (bokmål) follows both: the page speaks bokmål to her, the demo's texts are English.
      await j.be('ULOCALSENIOR');
      expect(await page.getAttribute('html', 'lang')).toBe('nb');
      await j.openApp('home');
      await page.locator('.home').filter({ hasText: en('local.demo.goal1_title') }).waitFor();
      expect(await page.locator('.home').innerText()).toContain(en('local.demo.goal2_title'));
      await j.openChannel('team-ola');
      expect(await page.locator('.messages article').count()).toBeGreaterThan(0);

      const nb = translator('nb');
      await page.getByRole('button', { name: nb('page.reset') }).click();
      const confirm = page.getByRole('alertdialog');
      expect(await confirm.innerText()).toContain(nb('page.reset_confirm'));
      await confirm.getByRole('button', { name: nb('page.reset') }).click();
      await page.locator('#reset:not([disabled])').waitFor({ timeout: 60_000 });
      await j.openChannel('team-ola');
      await page.locator('.messages .empty').waitFor();
      await j.openApp('home');
      await page.locator('.home').filter({ hasNotText: en('local.demo.goal1_title') }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
