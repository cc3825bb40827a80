import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's headless Chromium driven by playwright-core (no browser download), as the install page
 * test does. CI installs Chromium (.ci/run); CHROMIUM_PATH overrides where it is.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** `lang` is the browser's own language (Chromium writes a date field's day/month order in it). */
export async function launch(lang?: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install chromium (CI does it in .ci/run)`);
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...(lang ? [`--lang=${lang}`] : [])], headless: true });
}

/** A page that remembers every console error and warning and every uncaught exception. */
export async function openPage(browser: Browser, opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ locale: opts.locale ?? 'en-GB', viewport: opts.viewport ?? { width: 1280, height: 860 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  return { context, page, problems };
}

/** Waits until `f()` returns something truthy (the page posts after its own events); returns it. */
export async function eventually<T>(f: () => T | undefined | null | false, what: string, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
