import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { buildPage } from '../../scripts/build-page';
import type { RunningLocalWorkspace } from '../../src/local/start';
import { launch, openPage } from '../browser/browser';
import { CASTS, Journey } from '../browser/journey';
import { startTestWorkspace } from '../browser/workspace';

/**
 * Writes docs/screenshots/*.png (README shows them): App Home of the senior leader and of a
 * leader, the goal modal, a reminder DM, a celebration in the team channel and the weekly digest
 * with its chart — from the bokmål journey of the browser test, on a real local workspace.
 */
const OUT = path.resolve(__dirname, '../../docs/screenshots');

describe('screenshots', () => {
  let browser: Browser;
  let ws: RunningLocalWorkspace;
  beforeAll(async () => {
    await buildPage();
    browser = await launch('nb-NO');
    ws = await startTestWorkspace();
    fs.mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await ws?.close();
  });

  const written: string[] = [];
  async function shot(page: Page, name: string, focus?: Locator) {
    const file = path.join(OUT, `${name}.png`);
    await page.waitForTimeout(150); // images decoded, fonts laid out
    if (focus) await focus.scrollIntoViewIfNeeded();
    await page.screenshot({ path: file });
    written.push(file);
  }

  it('writes the README’s pictures', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'nb-NO', viewport: { width: 1280, height: 800 } });
    try {
      const j = new Journey(page, ws.baseUrl, CASTS.nb);
      await j.setup();
      await j.accept();
      const goal = await j.fillGoal(null);
      // The modal from its top, as it opens: the person, the kind, the goal.
      await page.locator('.modal-body').evaluate((el) => ((el as unknown as { scrollTop: number }).scrollTop = 0));
      await page.locator('.modal-x').focus();
      await shot(page, 'goal-modal');
      await j.submitAndClose(goal);
      await j.checkIn('4');
      await j.milestoneReached();
      const celebration = await j.celebration();
      await shot(page, 'celebration', celebration);
      await j.nextMonday();
      const digest = await j.digest();
      await shot(page, 'digest', digest);
      await j.be(CASTS.nb.senior);
      await j.openApp('home');
      await shot(page, 'home-senior-leader');
      await j.be(CASTS.nb.leader);
      await j.openApp('home');
      await shot(page, 'home-leader');
      // Two weeks in (the biweekly cadences from the start day): the reflection prompt in the
      // leader's DM at their local morning hour.
      await j.nextMonday();
      await page.locator('.topbar button[data-step="hour"]').click();
      await page.locator('.topbar button[data-step="hour"]:not([disabled])').waitFor({ timeout: 60_000 });
      await j.be(CASTS.nb.leader);
      await j.openApp('messages');
      await page.locator('.day-divider').filter({ hasText: '21. desember' }).waitFor({ timeout: 20_000 });
      await shot(page, 'reminder-dm', page.locator('.messages article').last());
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
    for (const f of written) expect(fs.statSync(f).size).toBeGreaterThan(10_000);
  });
});
