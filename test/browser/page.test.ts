import type { Browser, Page } from 'playwright-core';
import { eventually, launch, openPage } from './browser';
import { fixtureModals, startFixture, type FixtureServer } from './fixture';
import { GoalIds } from '../support/slackIds';

/**
 * The local workspace's page on its own, in a real browser, against a stand-in of the local API
 * whose state is made by the app's own view builders: what a person sees (Block Kit and mrkdwn as
 * Slack shows them, both languages) and what the page sends back (Slack's state.values shapes,
 * block actions, commands), field errors under the right field with what was typed kept, and
 * keyboard use of modals. The whole journey through the real app is local-workspace.test.ts.
 */
describe('local workspace page (stand-in API)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function session(locale: 'nb' | 'en', as: string, f: (page: Page, fx: FixtureServer) => Promise<void>) {
    const fx = await startFixture(locale, as);
    const { context, page, problems } = await openPage(browser, { locale: locale === 'nb' ? 'nb-NO' : 'en-GB' });
    try {
      await page.goto(`${fx.baseUrl}/?as=${as}`);
      await page.locator('.workspace-name').waitFor();
      await f(page, fx);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await fx.close();
    }
  }

  it('bokmål: banner, clock, App Home from the app’s own builder, mrkdwn as Slack renders it, ephemeral, files', async () => {
    await session('nb', 'ULOCALSENIOR', async (page, fx) => {
      expect(await page.getAttribute('html', 'lang')).toBe('nb');
      expect(await page.locator('#banner').innerText()).toBe('Lokal prøve — ikke koblet til Slack');
      expect(await page.locator('#clock-now').innerText()).toBe('nå: mandag 7. desember 09:00 Oslo');
      expect(await page.locator('.workspace-name').innerText()).toBe('Local trial');
      expect(await page.locator('.sidebar').innerText()).toContain('team-ola');
      // Home: the app's Home view, mentions as names.
      const home = page.locator('.home');
      expect(await home.locator('h3.header').first().innerText()).toBe('Ledere du følger opp');
      expect(await home.innerText()).toContain('@Ola Nordmann');
      expect(await home.innerText()).toContain('#team-ola');
      await page.getByRole('tab', { name: 'Meldinger' }).click();
      const log = page.locator('.messages');
      // The invitation's buttons; a click sends the block action with where/channel/ts.
      await log.getByRole('button', { name: 'Godta' }).click();
      expect(await eventually(() => fx.posts.find((p) => p.path === 'action')?.body, 'the action')).toMatchObject({
        as: 'ULOCALSENIOR',
        where: 'message',
        channel: 'DLOCAL0001',
        action: { type: 'button', action_id: 'consent_accept', value: 'f1' },
      });
      const md = log.locator('article').nth(2);
      expect(await md.locator('b').first().innerText()).toBe('bold');
      expect(await md.locator('i').first().innerText()).toBe('italic');
      expect(await md.locator('s').first().innerText()).toBe('struck');
      expect(await md.locator('a').first().innerText()).toBe('link & more');
      expect(await md.locator('a').first().getAttribute('href')).toBe('https://example.org/guide');
      expect(await md.locator('blockquote').innerText()).toBe('a quote from @Ola Nordmann');
      expect(await md.locator('.code-block').innerText()).toBe('const x = 1 < 2;');
      expect(await md.innerText()).toContain('#team-ola');
      // The date token in the reader's zone, in English like Slack's client.
      expect(await md.innerText()).toContain('Due Tomorrow at 09:00');
      // Ephemeral: only visible to you, dismissable.
      const eph = log.locator('article.ephemeral');
      expect(await eph.innerText()).toContain('Bare synlig for deg');
      await eph.getByRole('button', { name: 'Skjul' }).click();
      expect(await log.locator('article.ephemeral').count()).toBe(0);
      // An overflow menu (a barrier's status), by keyboard: open, arrow down, Enter.
      const menuButton = log.getByRole('button', { name: 'Flere handlinger' });
      await menuButton.click();
      const menu = page.getByRole('menu');
      expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual(['Merk som under arbeid', 'Merk som løst', 'Tiltak mot hindringen …']);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const chosen = await eventually(() => fx.posts.filter((p) => p.path === 'action')[1]?.body, 'the overflow action');
      expect(chosen.action).toMatchObject({ type: 'overflow', selected_option: { value: 'RESOLVED|b1' } });
      expect(await menu.isHidden()).toBe(true);
      // A file: shown and downloadable.
      const download = log.locator('.file-download');
      expect(await download.getAttribute('href')).toBe('/local/files/F1?download=1');
      expect(await log.locator('.file-card img').evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
    });
  });

  it('bokmål: the message box suggests the subcommands in both languages, sends /followup, and says so for an unknown command', async () => {
    await session('nb', 'ULOCALSENIOR', async (page, fx) => {
      await page.getByRole('tab', { name: 'Meldinger' }).click();
      const box = page.getByRole('combobox', { name: 'Melding til Follow-up' });
      await box.fill('/followup m');
      const list = page.getByRole('listbox', { name: 'Kommandoer' });
      expect(await list.innerText()).toContain('mål (goal)');
      await box.fill('/followup go');
      expect(await list.getByRole('option').first().innerText()).toContain('mål (goal)');
      await box.press('ArrowDown');
      await box.press('Enter');
      expect(await box.inputValue()).toBe('/followup mål ');
      await box.press('Enter');
      expect(await eventually(() => fx.posts.find((p) => p.path === 'command')?.body, 'the command')).toEqual({ as: 'ULOCALSENIOR', channel: 'DLOCAL0001', text: '/followup mål' });
      await box.fill('/foo bar');
      await box.press('Enter');
      await page.locator('.local-line').waitFor();
      expect(await page.locator('.local-line').innerText()).toContain('/foo er ikke en gyldig kommando');
    });
  });

  it('English: the goal modal sends Slack’s state.values; a field error appears under its field with what was typed kept; Escape closes and focus returns', async () => {
    await session('en', 'ULOCALLEAD2', async (page, fx) => {
      const opener = page.getByRole('tab', { name: 'Home' });
      await opener.focus();
      fx.state.modals = [fixtureModals.goal('en')];
      fx.bump();
      const dialog = page.getByRole('dialog', { name: 'New goal' });
      await dialog.waitFor();
      // Focus moved into the modal.
      expect(await page.evaluate<boolean>("!!document.activeElement?.closest('.modal')")).toBe(true);
      // A required field left empty is refused before anything is sent, as Slack's client does.
      await dialog.getByRole('button', { name: 'Save goal' }).click();
      const titleBlock = dialog.locator(`[data-block-id="${GoalIds.titleBlock}"]`);
      expect(await titleBlock.locator('.field-error').innerText()).toBe('Please complete this required field.');
      expect(fx.posts.filter((p) => p.path === 'submit')).toHaveLength(0);

      await dialog.getByLabel('Goal', { exact: true }).fill('Share problems early');
      await dialog.getByLabel('Personal').check();
      await dialog.locator(`[data-block-id="${GoalIds.baselineBlock}"] input`).fill('abc');
      await dialog.locator(`[data-block-id="${GoalIds.targetDateBlock}"] input`).fill('2027-03-01');
      await dialog.locator(`[data-block-id="${GoalIds.milestoneBlock(1)}"] input`).fill('First team meeting');
      fx.nextSubmit = { ok: true, errors: { [GoalIds.baselineBlock]: 'Please enter a number, e.g. 42 or 3.5.' } };
      await dialog.getByRole('button', { name: 'Save goal' }).click();
      const baseline = dialog.locator(`[data-block-id="${GoalIds.baselineBlock}"]`);
      await baseline.locator('.field-error').waitFor();
      expect(await baseline.locator('.field-error').innerText()).toBe('Please enter a number, e.g. 42 or 3.5.');
      expect(await baseline.locator('input').getAttribute('aria-invalid')).toBe('true');
      // What was typed is kept, everywhere.
      expect(await baseline.locator('input').inputValue()).toBe('abc');
      expect(await dialog.getByLabel('Goal', { exact: true }).inputValue()).toBe('Share problems early');
      expect(await dialog.locator(`[data-block-id="${GoalIds.milestoneBlock(1)}"] input`).inputValue()).toBe('First team meeting');
      // Slack's shapes, element by element.
      const values = (fx.posts.find((p) => p.path === 'submit')!.body.state as { values: Record<string, Record<string, unknown>> }).values;
      expect(values[GoalIds.leaderBlock][GoalIds.leaderInput]).toEqual({ type: 'users_select', selected_user: 'ULOCALLEAD1' });
      expect(values[GoalIds.kindBlock][GoalIds.kindInput]).toMatchObject({ type: 'radio_buttons', selected_option: { text: { type: 'plain_text', text: 'Personal' }, value: 'PERSONAL' } });
      expect(values[GoalIds.titleBlock][GoalIds.titleInput]).toEqual({ type: 'plain_text_input', value: 'Share problems early' });
      expect(values[GoalIds.descriptionBlock][GoalIds.descriptionInput]).toEqual({ type: 'plain_text_input', value: null });
      expect(values[GoalIds.targetDateBlock][GoalIds.targetDateInput]).toEqual({ type: 'datepicker', selected_date: '2027-03-01' });
      expect(values[GoalIds.milestoneDueBlock(1)][GoalIds.milestoneDueInput(1)]).toEqual({ type: 'datepicker', selected_date: null });
      expect(fx.posts.find((p) => p.path === 'submit')!.body).toMatchObject({ as: 'ULOCALLEAD2', viewId: 'VGOAL1' });

      // Focus stays in the modal: Tab from its last control goes to its first.
      await dialog.getByRole('button', { name: 'Save goal' }).focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate<boolean>("!!document.activeElement?.closest('.modal')")).toBe(true);
      // Escape closes (view_closed is SERVER's), and focus returns to where it was.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(fx.posts.some((p) => p.path === 'close' && p.body.viewId === 'VGOAL1')).toBe(true);
      expect(await page.evaluate<string>('document.activeElement?.id')).toBe('tab-home');
    });
  });

  it('English: a setup modal’s selects, channel picker and date picker; a confirm dialog guards a dangerous button', async () => {
    await session('en', 'ULOCALADMIN', async (page, fx) => {
      await page.getByRole('tab', { name: 'Messages' }).click();
      // The export's erase button asks first (Slack's confirm object), and Cancel sends nothing.
      const erase = page.locator('.messages [data-action-id="export_erase_button"]');
      await erase.click();
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      await confirm.getByRole('button', { name: /cancel|keep/i }).first().click();
      expect(fx.posts.filter((p) => p.path === 'action')).toHaveLength(0);
      await erase.click();
      await page.locator('#confirm-ok').click();
      await eventually(() => fx.posts.filter((p) => p.path === 'action').length === 1, 'the erase action');

      fx.state.modals = [fixtureModals.setup('en')];
      fx.bump();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.locator('[data-block-id="setup_leader_block"] select').selectOption('ULOCALLEAD2');
      await dialog.locator('[data-block-id="setup_channel_block"] select').selectOption('CLOCALTEAM2');
      await dialog.locator('[data-block-id="setup_one_to_one_block"] select').selectOption('WEEKLY');
      await dialog.getByRole('button', { name: /start|save/i }).last().click();
      await eventually(() => fx.posts.filter((p) => p.path === 'submit').length === 1, 'the submission');
      const values = (fx.posts.find((p) => p.path === 'submit')!.body.state as { values: Record<string, Record<string, Record<string, unknown>>> }).values;
      expect(values.setup_leader_block.setup_leader_input).toEqual({ type: 'users_select', selected_user: 'ULOCALLEAD2' });
      expect(values.setup_channel_block.setup_channel_input).toEqual({ type: 'conversations_select', selected_conversation: 'CLOCALTEAM2' });
      expect(values.setup_one_to_one_block.setup_one_to_one_input).toMatchObject({ type: 'static_select', selected_option: { value: 'WEEKLY' } });
      expect(values.setup_start_date_block.setup_start_date_input).toEqual({ type: 'datepicker', selected_date: '2026-12-07' });
    });
  });

  it('English: checkboxes (the accept modal’s goals that carry over) and a multi-select send Slack’s selected_options; a pushed view shows a back button', async () => {
    await session('en', 'ULOCALLEAD2', async (page, fx) => {
      const accept = fixtureModals.accept('en');
      // A second view pushed on top: a multi-select of people and one of options (Slack's shapes, for any app).
      const pushed = {
        id: 'VPUSH1',
        hash: 'p1',
        type: 'modal',
        title: { type: 'plain_text', text: 'Pushed' },
        submit: { type: 'plain_text', text: 'Save' },
        blocks: [
          { type: 'input', block_id: 'who', label: { type: 'plain_text', text: 'People' }, element: { type: 'multi_users_select', action_id: 'who_input' } },
          { type: 'input', block_id: 'tags', optional: true, label: { type: 'plain_text', text: 'Tags' }, element: { type: 'multi_static_select', action_id: 'tags_input', options: [{ text: { type: 'plain_text', text: 'Alpha' }, value: 'a' }, { text: { type: 'plain_text', text: 'Beta' }, value: 'b' }] } },
        ],
      };
      fx.state.modals = [accept];
      fx.bump();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel('Plan in the new routine').check();
      await dialog.locator('[data-modal="submit"]').click();
      await eventually(() => fx.posts.find((p) => p.path === 'submit'), 'the accept submission');
      const values = (fx.posts.find((p) => p.path === 'submit')!.body.state as { values: Record<string, Record<string, Record<string, unknown>>> }).values;
      expect(values.consent_carry_over_block.consent_carry_over_input).toMatchObject({ type: 'checkboxes', selected_options: [{ value: 'g2', text: { text: 'Plan in the new routine' } }] });

      fx.state.modals = [accept, pushed];
      fx.bump();
      await page.getByRole('dialog', { name: 'Pushed' }).waitFor();
      const top = page.getByRole('dialog', { name: 'Pushed' });
      expect(await top.locator('.modal-back').count()).toBe(1);
      await top.locator('[data-block-id="who"] select').selectOption('ULOCALLEAD1');
      await top.locator('[data-block-id="who"] select').selectOption('ULOCALADMIN');
      await top.getByRole('button', { name: 'Remove Ola Nordmann' }).click();
      await top.locator('[data-block-id="tags"] select').selectOption('b');
      await top.locator('[data-modal="submit"]').click();
      await eventually(() => fx.posts.filter((p) => p.path === 'submit').length === 2, 'the pushed view’s submission');
      const pushedValues = (fx.posts.filter((p) => p.path === 'submit')[1].body.state as { values: Record<string, Record<string, Record<string, unknown>>> }).values;
      expect(pushedValues.who.who_input).toEqual({ type: 'multi_users_select', selected_users: ['ULOCALADMIN'] });
      expect(pushedValues.tags.tags_input).toMatchObject({ type: 'multi_static_select', selected_options: [{ value: 'b' }] });
      // Back: closes the top view only.
      await top.locator('.modal-back').click();
      await page.getByRole('dialog', { name: accept.title.text }).waitFor();
    });
  });

  it('switching person while a refresh is on its way ends as the person chosen (a late answer for the other is dropped)', async () => {
    await session('en', 'ULOCALLEAD2', async (page, fx) => {
      fx.stateDelayMs = 400;
      fx.bump(); // a refresh for Sam is now on its way
      await page.waitForTimeout(50);
      await page.locator('#person').selectOption('ULOCALADMIN');
      await page.waitForTimeout(1500);
      expect(await page.locator('#person').inputValue()).toBe('ULOCALADMIN');
      expect(new URL(page.url()).searchParams.get('as')).toBe('ULOCALADMIN');
    });
  });
});
