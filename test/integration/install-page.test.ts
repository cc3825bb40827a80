import crypto from 'node:crypto';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { Harness, randomId } from '../support/harness';

/**
 * The install page in a real browser: Debian's headless Chromium driven by playwright-core (no
 * browser download). A person opens /slack/install, reads it in their language, switches language,
 * and the "Add to Slack" link is Slack's authorize URL with a state that this browser holds as a
 * cookie; coming back from Slack with a code installs the workspace and shows the result page.
 * CI installs Chromium (.ci/run); CHROMIUM_PATH overrides where it is.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

describe('install page in a headless browser', () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install chromium (CI does it in .ci/run)`);
    h = await Harness.start({ oauth: { key: crypto.randomBytes(32).toString('base64') } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it.each([
    ['nb-NO', 'Legg Follow-up til i Slack-arbeidsområdet ditt', 'Legg til i Slack', 'en', 'English', 'Add Follow-up to your Slack workspace'],
    ['nn-NO', 'Legg Follow-up til i Slack-arbeidsområdet ditt', 'Legg til i Slack', 'nb', 'Norsk bokmål', 'Legg Follow-up til i Slack-arbeidsområdet ditt'],
    ['en-GB', 'Add Follow-up to your Slack workspace', 'Add to Slack', 'nn', 'Norsk nynorsk', 'Legg Follow-up til i Slack-arbeidsområdet ditt'],
  ])('a %s browser: the page in its language, the other languages one click away, the link Slack’s authorize URL with this browser’s state', async (locale, heading, button, other, otherLanguage, otherHeading) => {
    const context = await browser.newContext({ locale });
    try {
      const page = await context.newPage();
      const res = await page.goto(`${h.baseUrl}/slack/install`);
      expect(res?.status()).toBe(200);
      expect(await page.locator('h1').innerText()).toBe(heading);
      expect(await page.getAttribute('html', 'lang')).toBe(locale.slice(0, 2));
      const link = page.locator('#add-to-slack');
      expect(await link.innerText()).toBe(button);
      expect(await link.isVisible()).toBe(true);
      const href = new URL((await link.getAttribute('href'))!);
      expect(`${href.origin}${href.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
      expect(href.searchParams.get('client_id')).toBe(h.slack.clientId);
      expect(href.searchParams.get('scope')).toContain('commands');
      const state = href.searchParams.get('state');
      expect(state).toBeTruthy();
      // The browser keeps the state in its (HttpOnly) cookie: only this browser can finish the install.
      const cookie = (await context.cookies()).find((c) => c.name === 'slack-app-oauth-state');
      expect(cookie?.value).toBe(state);
      expect(cookie?.httpOnly).toBe(true);

      // The other two languages, each named in itself; this page's own is not offered.
      expect(await page.locator('nav a').count()).toBe(2);
      expect(await page.locator(`#lang-${locale.slice(0, 2)}`).count()).toBe(0);
      expect(await page.locator(`#lang-${other}`).innerText()).toBe(otherLanguage);
      await page.locator(`#lang-${other}`).click();
      await page.waitForURL(new RegExp(`lang=${other}`));
      expect(await page.locator('h1').innerText()).toBe(otherHeading);
      expect(await page.getAttribute('html', 'lang')).toBe(other);
      expect(await page.locator(`#lang-${other}`).count()).toBe(0);
      if (other === 'nn') expect(await page.locator('main').innerText()).toContain('Følg opp leiarane som rapporterer til deg gjennom ei endring');
    } finally {
      await context.close();
    }
  });

  it('coming back from Slack with a code installs the workspace and says so; a link opened in another browser is refused', async () => {
    const teamId = randomId('T');
    h.slack.addTeam({ id: teamId, name: 'Gamma Group' });
    const context = await browser.newContext({ locale: 'en-US' });
    const stranger = await browser.newContext({ locale: 'en-US' });
    try {
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/slack/install`);
      const href = new URL((await page.locator('#add-to-slack').getAttribute('href'))!);
      // Slack's own page (approve) is not reachable here: the browser comes back as Slack would send it.
      const back = `${h.baseUrl}/slack/oauth_redirect?code=${encodeURIComponent(h.slack.issueCode(teamId))}&state=${encodeURIComponent(href.searchParams.get('state')!)}`;

      const other = await stranger.newPage();
      const refused = await other.goto(back);
      expect(refused?.status()).toBe(400);
      expect(await other.locator('#result').innerText()).toBe('The installation did not finish');
      expect(await other.locator('main').innerText()).toContain('This install link has expired or was not started in this browser.');

      const done = await page.goto(back);
      expect(done?.status()).toBe(200);
      expect(await page.locator('#result').innerText()).toBe('Follow-up is installed');
      expect(await page.locator('main').innerText()).toContain('Follow-up is now in Gamma Group.');
      expect(await h.prisma.installation.count({ where: { id: teamId } })).toBe(1);
      if (process.env.INSTALL_PAGE_SCREENSHOT) await page.screenshot({ path: process.env.INSTALL_PAGE_SCREENSHOT, fullPage: true });
    } finally {
      await stranger.close();
      await context.close();
      await h.prisma.installation.deleteMany({ where: { id: teamId } });
    }
  });
});
