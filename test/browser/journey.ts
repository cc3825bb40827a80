import type { Locator, Page } from 'playwright-core';
import { translator, type Locale as AppLocale } from '../../src/i18n';

/** The local workspace's two demo casts: bokmål and English (its demo buttons). */
type Locale = Extract<AppLocale, 'nb' | 'en'>;
import { commandName } from '../../src/slack/commandText';
import { GoalIds } from '../support/slackIds';

/**
 * The main journey through the local workspace as a person clicks it: setup → the leader accepts
 * → a goal with a milestone (first with a bad number, fixed) → a check-in → the milestone reached
 * → the celebration in the team channel → the clock to next Monday 08:00 → the digest with its
 * chart. Shared by the browser test (asserts each step) and `npm run screenshots` (photographs them).
 * Every label is the catalogue's, in the language of the person clicking.
 */
export interface Cast {
  locale: Locale;
  senior: string;
  leader: string;
  channel: string;
  channelName: string;
}

export const CASTS: Record<Locale, Cast> = {
  nb: { locale: 'nb', senior: 'ULOCALSENIOR', leader: 'ULOCALLEAD1', channel: 'CLOCALTEAM1', channelName: 'team-ola' },
  en: { locale: 'en', senior: 'ULOCALADMIN', leader: 'ULOCALLEAD2', channel: 'CLOCALTEAM2', channelName: 'team-sam' },
};

export const GOAL = {
  nb: { title: 'Et team som deler problemer tidlig', metric: 'Problemer meldt i møtet', unit: 'antall', baseline: '2', target: '10', milestone: 'Første åpne teammøte' },
  en: { title: 'A team that shares problems early', metric: 'Problems raised in the meeting', unit: 'count', baseline: '2', target: '10', milestone: 'First open team meeting' },
};

const STEP_MS = 20_000;

export class Journey {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly cast: Cast,
  ) {}

  tr = (locale: Locale = this.cast.locale) => translator(locale);

  /** Becomes `userId` with the person switcher (or by URL the first time). */
  async be(userId: string): Promise<void> {
    const p = this.page;
    if (!p.url().startsWith(this.baseUrl)) {
      await p.goto(`${this.baseUrl}/?as=${userId}`);
    } else if ((await p.locator('#person').inputValue()) !== userId) {
      await p.locator('#person').selectOption(userId);
    }
    await p.locator(`#person option[value="${userId}"]:checked`).waitFor({ state: 'attached', timeout: STEP_MS });
    await p.locator('.workspace-name').waitFor({ timeout: STEP_MS });
  }

  /** The app's DM, on its Messages or Home tab. */
  async openApp(tab: 'home' | 'messages'): Promise<void> {
    const p = this.page;
    await p.locator('.sidebar .nav-item').filter({ hasText: 'Follow-up' }).click();
    await p.locator(`#tab-${tab}`).click();
    await p.locator(`#tab-${tab}[aria-selected="true"]`).waitFor();
  }

  async openChannel(name: string): Promise<void> {
    await this.page.locator('.sidebar .nav-item').filter({ hasText: name }).click();
    await this.page.locator('#conversation-title').filter({ hasText: `#${name}` }).waitFor();
  }

  /** Types a command in the open conversation's message box, as a person does. */
  async type(text: string): Promise<void> {
    const box = this.page.locator('#message-input');
    await box.fill(text);
    await box.press('Enter');
  }

  /** `/followup <sub>` in the app's DM, in the person's language; returns the modal that opens. */
  async command(locale: Locale, sub: Parameters<typeof commandName>[1], rest = ''): Promise<Locator> {
    await this.openApp('messages');
    await this.type(`/followup ${commandName(locale, sub)}${rest ? ` ${rest}` : ''}`);
    return this.modal();
  }

  async modal(): Promise<Locator> {
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor({ timeout: STEP_MS });
    return dialog;
  }

  block(dialog: Locator, blockId: string): Locator {
    return dialog.locator(`[data-block-id="${blockId}"]`);
  }

  async submit(dialog: Locator): Promise<void> {
    await dialog.locator('[data-modal="submit"]').click();
  }

  async submitAndClose(dialog: Locator): Promise<void> {
    await this.submit(dialog);
    await dialog.waitFor({ state: 'detached', timeout: STEP_MS });
  }

  /** Waits for a message containing `text` in the open conversation; returns it. */
  async message(text: string | RegExp): Promise<Locator> {
    const m = this.page.locator('.messages article').filter({ hasText: text }).last();
    await m.waitFor({ timeout: STEP_MS });
    return m;
  }

  // ── the steps ──────────────────────────────────────────────────────────────────────────

  async setup(): Promise<void> {
    const { senior, leader, channel, locale } = this.cast;
    await this.be(senior);
    const dialog = await this.command(locale, 'setup');
    await this.block(dialog, 'setup_leader_block').locator('select').selectOption(leader);
    await this.block(dialog, 'setup_channel_block').locator('select').selectOption(channel);
    await this.submitAndClose(dialog);
  }

  /** The leader accepts in their DM and is told so. */
  async accept(): Promise<void> {
    await this.be(this.cast.leader);
    await this.openApp('messages');
    const leaderTr = this.tr(this.cast.locale);
    const invitation = await this.message(leaderTr('consent.accept'));
    await invitation.getByRole('button', { name: leaderTr('consent.accept') }).click();
    // "You have accepted. …": the app's answer in the leader's DM.
    await this.message(leaderTr('consent.accepted_leader', { senior: '\u0000' }).split('\u0000')[0].trim());
  }

  /** Opens the goal modal as the senior leader and fills it; `badBaseline` types a word where a number goes. */
  async fillGoal(badBaseline: string | null): Promise<Locator> {
    const { senior, leader, locale } = this.cast;
    await this.be(senior);
    const g = GOAL[locale];
    const dialog = await this.command(locale, 'goal');
    const leaderSelect = this.block(dialog, GoalIds.leaderBlock).locator('select');
    if ((await leaderSelect.inputValue()) !== leader) await leaderSelect.selectOption(leader);
    await this.block(dialog, GoalIds.titleBlock).locator('input').fill(g.title);
    await this.block(dialog, GoalIds.metricBlock).locator('input').fill(g.metric);
    await this.block(dialog, GoalIds.unitBlock).locator('input').fill(g.unit);
    await this.block(dialog, GoalIds.baselineBlock).locator('input').fill(badBaseline ?? g.baseline);
    await this.block(dialog, GoalIds.targetBlock).locator('input').fill(g.target);
    await this.block(dialog, GoalIds.milestoneBlock(1)).locator('input').fill(g.milestone);
    await this.block(dialog, GoalIds.milestoneDueBlock(1)).locator('input').fill('2026-12-21');
    return dialog;
  }

  async checkIn(value: string): Promise<void> {
    const { leader, locale } = this.cast;
    await this.be(leader);
    const dialog = await this.command(locale, 'checkin');
    const goal = this.block(dialog, 'checkin_goal_block').locator('select');
    const first = await goal.locator('option').nth(1).getAttribute('value');
    await goal.selectOption(first!);
    // Choosing the goal redraws the modal with its unit (views.update): wait for the unit in the label.
    await this.block(dialog, 'checkin_value_block').filter({ hasText: GOAL[locale].unit }).waitFor({ timeout: STEP_MS });
    await this.block(dialog, 'checkin_value_block').locator('input').fill(value);
    await this.submitAndClose(dialog);
  }

  async milestoneReached(): Promise<void> {
    const { leader, locale } = this.cast;
    await this.be(leader);
    const dialog = await this.command(locale, 'milestone');
    const choice = this.block(dialog, 'milestone_choice_block').locator('select');
    if (!(await choice.inputValue())) await choice.selectOption({ label: new RegExp(GOAL[locale].milestone) as unknown as string });
    await this.submitAndClose(dialog);
  }

  /** The celebration in the team channel (read by the leader, a member of their team's channel). */
  async celebration(): Promise<Locator> {
    await this.be(this.cast.leader);
    await this.openChannel(this.cast.channelName);
    return this.message(GOAL[this.cast.locale].milestone);
  }

  /** The senior leader moves the clock to next Monday 08:00 in their zone (the digest's hour there). */
  async nextMonday(): Promise<void> {
    await this.be(this.cast.senior);
    await this.page.getByRole('button', { name: this.tr()('page.clock_monday') }).click();
    // The clock control is disabled while the jobs that became due run, then comes back.
    await this.page.locator('.topbar button[data-step="nextMonday08"]:not([disabled])').waitFor({ timeout: 60_000 });
  }

  /** The weekly digest in the senior leader's DM, with its chart. */
  async digest(): Promise<Locator> {
    await this.be(this.cast.senior);
    await this.openApp('messages');
    const title = this.tr()('reminders.digest_title', { week: '' }).replace(/[ ,]+$/, '');
    const m = await this.message(title);
    await m.locator('.image img').first().waitFor({ timeout: STEP_MS });
    return m;
  }
}
