/**
 * local: the local trial workspace — time from a typed command to its modal, and the page's first load.
 *
 * Starts the app in local mode (src/local/start.ts: the real Bolt receiver, the workers, the fake
 * Slack and the page on one port) on BENCH_DATABASE_URL / BENCH_REDIS_URL, then measures:
 *   - api:     POST /local/command `/followup mål` as the senior leader (one follow-up, so the goal
 *              modal opens with its leader chosen) → the modal present in GET /local/state;
 *   - browser: in Debian's Chromium (playwright-core), the command typed in the message box and
 *              Enter pressed → the modal dialog shown; Escape closes it (view closed) between runs;
 *   - load:    a fresh browser context opening http://127.0.0.1:PORT/?as=ULOCALSENIOR → the
 *              sidebar drawn from /local/state (first load, nothing cached).
 * Options: --runs N (40 api, N/2 browser), --loads N (10). Goals (issue 17): modal ≤ 300 ms p95,
 * first load ≤ 1 s. Prints figures; asserts nothing.
 */
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { chromium } from 'playwright-core';
import { startLocalWorkspace } from '../../src/local/start';
import { prepareDatabase } from '../../test/support/database';
import { deleteQueueKeys } from '../../test/support/queueKeys';
import { setupValues } from '../../test/support/flows';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SENIOR = 'ULOCALSENIOR';

function stats(name: string, ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return `| ${name} | ${s.length} | ${q(0.5).toFixed(0)} ms | ${q(0.95).toFixed(0)} ms | ${s[s.length - 1].toFixed(0)} ms |`;
}

async function main(): Promise<void> {
  const runs = arg('runs', 40);
  const loads = arg('loads', 10);
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/followup_bench';
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  await prepareDatabase(databaseUrl);
  const teamId = `TLOCB${randomBytes(3).toString('hex').toUpperCase()}`;
  const queuePrefix = `benchlocal${randomBytes(3).toString('hex')}`;
  const w = await startLocalWorkspace({ port: 0, databaseUrl, redisUrl, queuePrefix, teamId });
  const post = async (p: string, body: Record<string, unknown>) => (await fetch(`${w.baseUrl}${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const modals = async () => ((await (await fetch(`${w.baseUrl}/local/state?as=${SENIOR}`)).json()) as { modals: { id: string }[] }).modals;
  try {
    // One follow-up (Ingrid → Ola), set up and accepted as on the page.
    const slack = w.workspace.slack;
    const waitFor = async (check: () => boolean, what: string) => {
      for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      if (!check()) throw new Error(`timed out: ${what}`);
    };
    await post('/local/command', { as: SENIOR, channel: 'DLOCALSENIOR', text: '/followup setup' });
    await waitFor(() => slack.modalStack(SENIOR).length === 1, 'setup modal');
    await post('/local/submit', { as: SENIOR, viewId: slack.modalStack(SENIOR)[0].id, state: { values: setupValues({ leader: 'ULOCALLEAD1', channel: 'CLOCALTEAM1', startDate: w.clock.now().toISODate()! }) } });
    await waitFor(() => slack.messagesIn('DLOCALLEAD1').some((m) => JSON.stringify(m.blocks ?? []).includes('consent_accept')), 'invitation');
    const invite = slack.messagesIn('DLOCALLEAD1').find((m) => JSON.stringify(m.blocks ?? []).includes('consent_accept'))!;
    const value = /"action_id":"consent_accept"[^}]*"value":"([^"]+)"|"value":"([^"]+)"[^}]*"action_id":"consent_accept"/.exec(JSON.stringify(invite.blocks));
    await post('/local/action', { as: 'ULOCALLEAD1', where: 'message', channel: 'DLOCALLEAD1', ts: invite.ts, action: { type: 'button', action_id: 'consent_accept', block_id: 'b', value: value?.[1] ?? value?.[2] } });
    await new Promise((r) => setTimeout(r, 1500));

    // api: command → modal present in /local/state
    const api: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const t0 = performance.now();
      await post('/local/command', { as: SENIOR, channel: 'DLOCALSENIOR', text: '/followup mål' });
      let open: { id: string }[] = [];
      while ((open = await modals()).length === 0) await new Promise((r) => setImmediate(r));
      if (i >= 5) api.push(performance.now() - t0);
      await post('/local/close', { as: SENIOR, viewId: open[0].id });
    }

    if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM} (CHROMIUM_PATH)`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    const load: number[] = [];
    const typed: number[] = [];
    try {
      for (let i = 0; i < loads + 1; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(`${w.baseUrl}/?as=${SENIOR}`);
        await page.waitForFunction("(document.querySelector('#sidebar')?.textContent ?? '').includes('team-ola')");
        if (i > 0) load.push(performance.now() - t0);
        if (i === loads) {
          await page.locator('.sidebar .nav-item').filter({ hasText: 'Follow-up' }).click();
          await page.locator('#tab-messages').click();
          await page.locator('#tab-messages[aria-selected="true"]').waitFor();
          for (let j = 0; j < Math.max(5, Math.floor(runs / 2)) + 2; j++) {
            await page.fill('#message-input', '/followup mål');
            const t1 = performance.now();
            await page.press('#message-input', 'Enter');
            await page.getByRole('dialog').waitFor();
            if (j >= 2) typed.push(performance.now() - t1);
            await page.keyboard.press('Escape');
            await page.getByRole('dialog').waitFor({ state: 'detached' });
            for (let k = 0; k < 200 && slack.modalStack(SENIOR).length > 0; k++) await new Promise((r) => setTimeout(r, 10));
          }
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
    console.log('| measure | n | p50 | p95 | max |');
    console.log('|---|---|---|---|---|');
    console.log(stats('api: /local/command → modal in /local/state', api));
    console.log(stats('browser: Enter in the message box → modal shown', typed));
    console.log(stats('browser: first load → sidebar drawn', load));
  } finally {
    await w.web.services.retention.eraseWorkspace(teamId).catch(() => undefined);
    await w.close();
    const redis = new Redis(redisUrl);
    await deleteQueueKeys(redis, queuePrefix);
    await redis.quit();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
