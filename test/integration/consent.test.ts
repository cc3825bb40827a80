import { Harness, randomId, visibleText } from '../support/harness';
import { dmChannelOf, ScheduledHarness } from '../support/scheduler';
import { ShiftedClock } from '../../src/time/clock';
import { acceptInvitation, goalValues, openModal, setupValues } from '../support/flows';
import { dmTo, goal as seedGoal, openedView, settle } from '../support/seed';
import { acceptForm } from '../../src/slack/features/consent/fields';
import { settingsForm } from '../../src/slack/features/settings/fields';
import { learnForm } from '../../src/slack/features/learn/fields';
import { barrierForm } from '../../src/slack/features/barrier/fields';
import { planForm } from '../../src/slack/features/plan/fields';
import { goalForm } from '../../src/slack/features/goal/fields';

/** Consent and the life of a follow-up: invitation, accept / decline, carry-over, end — in both languages. */
const TEXT = {
  'en-GB': {
    sent: 'Invitation sent to',
    invite: 'wants to follow you up as your senior leader',
    accept: 'Accept',
    decline: 'Decline',
    waiting: 'Waiting for',
    invitedHome: 'has invited you to a follow-up',
    accepted: 'accepted your follow-up',
    acceptedLeader: 'You accepted.',
    declined: 'declined your invitation to a follow-up. Nothing was shared.',
    declinedLeader: 'You declined. Nothing is shared with',
    noFollowUp: 'follow',
    ended: 'has ended. Its reminders have stopped',
    told: 'ended your follow-up.',
    already: 'That follow-up has already ended.',
    endCmd: 'end',
    endButton: 'End follow-up',
    confirm: 'End follow-up?',
    withdrawn: 'is withdrawn',
    gone: 'This invitation is no longer open.',
    learnCmd: 'learn',
    barrierCmd: 'barrier',
    planCmd: 'plan',
    goalCmd: 'goal',
    chooseError: 'choose which one',
    choose: 'Which follow-up',
    withSecond: 'With second-senior',
    skipLabel: 'Follow-ups set up by an admin',
    welcome: 'has started a follow-up with you',
    expired: 'did not answer your invitation to a follow-up within 14 days',
    moved: '1 goal was carried over to this follow-up.',
    carry: 'Goals to carry over',
  },
  'nb-NO': {
    sent: 'Invitasjonen er sendt til',
    invite: 'vil følge deg opp som din overordnede leder',
    accept: 'Godta',
    decline: 'Avslå',
    waiting: 'Venter på at',
    invitedHome: 'har invitert deg til en oppfølging',
    accepted: 'har godtatt oppfølgingen',
    acceptedLeader: 'Du har godtatt.',
    declined: 'har avslått invitasjonen til oppfølging. Ingenting ble delt.',
    declinedLeader: 'Du har avslått. Ingenting deles med',
    noFollowUp: 'oppfølging',
    ended: 'er avsluttet. Påminnelsene er stoppet',
    told: 'har avsluttet oppfølgingen deres.',
    already: 'Den oppfølgingen er allerede avsluttet.',
    endCmd: 'avslutt',
    endButton: 'Avslutt oppfølgingen',
    confirm: 'Avslutte oppfølgingen?',
    withdrawn: 'er trukket tilbake',
    gone: 'Denne invitasjonen er ikke lenger åpen.',
    learnCmd: 'læring',
    barrierCmd: 'hindring',
    planCmd: 'tiltak',
    goalCmd: 'mål',
    chooseError: 'velg hvilken',
    choose: 'Hvilken oppfølging',
    withSecond: 'Med second-senior',
    skipLabel: 'Oppfølginger som en administrator setter opp',
    welcome: 'har startet en oppfølging med deg',
    expired: 'svarte ikke på invitasjonen til oppfølging innen 14 dager',
    moved: '1 mål ble tatt med til denne oppfølgingen.',
    carry: 'Mål du tar med',
  },
} as const;

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function dmsTo(h: Harness, userId: string, needle: string): number {
  return h.slack.callsOf('chat.postMessage').filter((c) => (c.args.channel === userId || c.args.channel === dmChannelOf(userId)) && JSON.stringify(c.args).includes(needle)).length;
}

describe('consent and the life of a follow-up', () => {
  let s: ScheduledHarness;
  let h: Harness;
  beforeAll(async () => {
    // The scheduler's events on this harness's queues: accepting plans reminders, ending cancels them.
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2026-11-26T10:00:00+01:00') });
    h = s.h;
  });
  afterAll(async () => {
    await s.close();
  });
  afterEach(() => {
    expect(h.payloadProblems()).toEqual([]);
  });

  const pair = (locale: keyof typeof TEXT) => {
    const senior = h.user(randomId('US', 8), { locale });
    const leader = h.user(randomId('UL', 8), { locale });
    return { senior, leader, t: TEXT[locale] };
  };
  const invite = async (senior: string, leader: string) => {
    const view = await openModal(h, senior, `setup <@${leader}>`);
    const res = await h.submitView(senior, view, setupValues({ leader }));
    expect([res.status, res.body]).toEqual([200, '']);
    let id = '';
    await until(async () => {
      const f = await h.prisma.followUp.findFirst({ where: { workspaceId: h.teamId, senior: { slackUserId: senior }, leader: { slackUserId: leader } } });
      id = f?.id ?? '';
      return !!f;
    }, 'the follow-up');
    return id;
  };

  describe.each(['en-GB', 'nb-NO'] as const)('in %s', (locale) => {
    it('setup invites the leader: pending, nothing shared, no reminders, "waiting" on App Home; Accept starts it', async () => {
      const { senior, leader, t } = pair(locale);
      const id = await invite(senior, leader);
      expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
      await dmTo(h, senior, t.sent);
      const invitation = await dmTo(h, leader, t.invite);
      expect(visibleText(invitation)).toContain(`<@${senior}>`);
      expect(visibleText(invitation)).toContain(t.accept);
      expect(visibleText(invitation)).toContain(t.decline);

      const seniorHome = visibleText(await h.openHome(senior));
      expect(seniorHome).toContain(`${t.waiting} <@${leader}>`);
      expect(visibleText(await h.openHome(leader))).toContain(t.invitedHome);
      // No reminders run for a pending follow-up.
      await settle(h);
      expect(await h.prisma.reminder.count({ where: { followUpId: id, status: 'SCHEDULED' } })).toBe(0);

      // The inviter cannot set goals yet.
      const goalView = await openModal(h, senior, `goal <@${leader}>`);
      const refused = await h.submitView(senior, goalView, goalValues({ leader, title: 'Delegate more' }));
      expect(refused.status).toBe(200);
      expect(JSON.parse(refused.body).response_action).toBe('errors');
      expect(await h.prisma.goal.count({ where: { followUpId: id } })).toBe(0);

      // Someone else cannot answer the invitation.
      const stranger = h.user(randomId('UX', 8), { locale });
      await h.action(stranger, { type: 'button', action_id: 'consent_accept', value: id });
      await settle(h);
      expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');

      await acceptInvitation(h, senior, leader);
      await dmTo(h, senior, `<@${leader}> ${t.accepted}`);
      await dmTo(h, leader, t.acceptedLeader);
      await settle(h);
      expect(await h.prisma.reminder.count({ where: { followUpId: id, status: 'SCHEDULED' } })).toBeGreaterThan(0);
      expect(visibleText(await h.openHome(senior))).not.toContain(`${t.waiting} <@${leader}>`);

      // A second click on the old invitation says it is no longer open, and changes nothing.
      await h.action(leader, { type: 'button', action_id: 'consent_accept', value: id });
      await dmTo(h, leader, t.gone);
    });

    it('Decline tells the inviter once and shares nothing', async () => {
      const { senior, leader, t } = pair(locale);
      const id = await invite(senior, leader);
      await h.action(leader, { type: 'button', action_id: 'consent_decline', value: id });
      await dmTo(h, senior, `<@${leader}> ${t.declined}`);
      await dmTo(h, leader, t.declinedLeader);
      await h.action(leader, { type: 'button', action_id: 'consent_decline', value: id });
      await settle(h);
      expect(dmsTo(h, senior, t.declined)).toBe(1);
      const f = await h.prisma.followUp.findUniqueOrThrow({ where: { id } });
      expect([f.status, f.endedReason]).toEqual(['ENDED', 'declined']);
      expect(await h.prisma.reminder.count({ where: { followUpId: id, status: 'SCHEDULED' } })).toBe(0);
      expect(visibleText(await h.openHome(senior))).not.toContain(`<@${leader}>`);
    });

    it('an invitation not answered in 14 days expires once, and the inviter is told once', async () => {
      const { senior, leader, t } = pair(locale);
      const id = await invite(senior, leader);
      await settle(h);
      const [expiry] = await h.prisma.reminder.findMany({ where: { kind: 'invite_expiry', subjectId: id } });
      expect(expiry.status).toBe('SCHEDULED');
      const invitedAt = (await h.prisma.followUp.findUniqueOrThrow({ where: { id } })).invitedAt!;
      expect(expiry.dueAt.getTime() - invitedAt.getTime()).toBe(14 * 24 * 3600 * 1000);
      // Fourteen days later: the invitation and its expiry moved back in time, the job queued again.
      const earlier = new Date(h.clock.now().toMillis() - 14 * 24 * 3600 * 1000 - 1000);
      await h.prisma.followUp.update({ where: { id }, data: { invitedAt: earlier } });
      await h.prisma.reminder.update({ where: { key: expiry.key }, data: { dueAt: new Date(earlier.getTime() + 14 * 24 * 3600 * 1000), payload: { followUpId: id, invitedAt: earlier.toISOString() } } });
      await s.dropQueueKeys();
      await s.startWorkers();
      try {
        await s.events.handle({ type: 'followUpChanged', id: id });
        await until(async () => dmsTo(h, senior, t.expired) === 1, 'the expiry notice');
        await s.events.handle({ type: 'followUpChanged', id: id });
        await new Promise((r) => setTimeout(r, 1000));
        expect(dmsTo(h, senior, t.expired)).toBe(1);
        const f = await h.prisma.followUp.findUniqueOrThrow({ where: { id } });
        expect([f.status, f.endedReason]).toEqual(['ENDED', 'expired']);
        // The old invitation's buttons no longer do anything.
        await h.action(leader, { type: 'button', action_id: 'consent_accept', value: id });
        await dmTo(h, leader, t.gone);
        expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id } })).status).toBe('ENDED');
      } finally {
        await s.stopWorkers();
      }
    });

    it('an admin setting lets follow-ups an admin sets up skip consent (off by default; admins only)', async () => {
      const t = TEXT[locale];
      const admin = h.user(randomId('UA', 8), { locale, is_admin: true });
      const plain = h.user(randomId('UP', 8), { locale });
      const leaderA = h.user(randomId('UL', 8), { locale });
      const leaderB = h.user(randomId('UL', 8), { locale });
      // Off by default: the admin's own setup invites too.
      const first = await invite(admin, h.user(randomId('UL', 8), { locale }));
      expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id: first } })).status).toBe('PENDING');

      const plainView = await openModal(h, plain, 'settings');
      expect(visibleText(plainView)).not.toContain(t.skipLabel);
      const view = await openModal(h, admin, 'settings');
      expect(visibleText(view)).toContain(t.skipLabel);
      const ids = settingsForm.ids;
      const res = await h.submitView(admin, view, {
        [ids.language.block]: { [ids.language.action]: { type: 'radio_buttons', selected_option: { value: 'auto' } } },
        [ids.hour.block]: { [ids.hour.action]: { type: 'static_select', selected_option: { value: 'default' } } },
        [ids.wsLanguage.block]: { [ids.wsLanguage.action]: { type: 'radio_buttons', selected_option: { value: 'auto' } } },
        [ids.wsHour.block]: { [ids.wsHour.action]: { type: 'static_select', selected_option: { value: '9' } } },
        [ids.wsSkipConsent.block]: { [ids.wsSkipConsent.action]: { type: 'checkboxes', selected_options: [{ value: 'on' }] } },
      });
      expect([res.status, res.body]).toEqual([200, '']);
      expect((await h.prisma.workspace.findUniqueOrThrow({ where: { id: h.teamId } })).adminSetupSkipsConsent).toBe(true);

      try {
        const byAdmin = await invite(admin, leaderA);
        expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id: byAdmin } })).status).toBe('ACTIVE');
        await dmTo(h, leaderA, t.welcome);
        // Someone who is not an admin still asks for consent.
        const byPlain = await invite(plain, leaderB);
        expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id: byPlain } })).status).toBe('PENDING');
        await dmTo(h, leaderB, t.invite);
      } finally {
        await h.prisma.workspace.update({ where: { id: h.teamId }, data: { adminSetupSkipsConsent: false } });
      }
    });

    it('a leader with two follow-ups is asked which one a learning, barrier, plan action or goal belongs to (never silently the oldest)', async () => {
      const t = TEXT[locale];
      const leader = h.user(randomId('UL', 8), { locale });
      const first = h.user(randomId('US', 8), { locale, name: 'first-senior' });
      const second = h.user(randomId('US', 8), { locale, name: 'second-senior' });
      await invite(first, leader);
      await acceptInvitation(h, first, leader);
      const secondId = await invite(second, leader);
      await acceptInvitation(h, second, leader);
      const view = await openModal(h, leader, t.learnCmd);
      const text = visibleText(view);
      expect(text).toContain(t.choose);
      expect(text).toContain(t.withSecond);
      const ids = learnForm.ids;
      const values = (followUpId: string | null) => ({
        ...(followUpId !== undefined ? { [ids.followUpId.block]: { [ids.followUpId.action]: { type: 'static_select', selected_option: followUpId ? { value: followUpId } : null } } } : {}),
        [ids.what.block]: { [ids.what.action]: { type: 'plain_text_input', value: 'Skipped the retro' } },
        [ids.learned.block]: { [ids.learned.action]: { type: 'plain_text_input', value: 'Retros catch problems early' } },
        [ids.next.block]: { [ids.next.action]: { type: 'plain_text_input', value: null } },
        [ids.share.block]: { [ids.share.action]: { type: 'checkboxes', selected_options: [] } },
      });
      // Not choosing is refused on the chooser; choosing saves it in that follow-up.
      const refused = await h.submitView(leader, view, values(null));
      expect(JSON.parse(refused.body).response_action).toBe('errors');
      expect(Object.keys(JSON.parse(refused.body).errors)).toEqual([ids.followUpId.block]);
      const saved = await h.submitView(leader, { ...view, id: randomId('V') }, values(secondId));
      expect([saved.status, saved.body]).toEqual([200, '']);
      expect(await h.prisma.learning.count({ where: { followUpId: secondId } })).toBe(1);

      // A barrier of their own: the same question.
      const barrierView = await openModal(h, leader, t.barrierCmd);
      expect(visibleText(barrierView)).toContain(t.withSecond);
      const b = barrierForm.ids;
      const barrierValues = (followUpId: string | null) => ({
        [b.leaderUserId.block]: { [b.leaderUserId.action]: { type: 'users_select', selected_user: leader } },
        [b.followUpId.block]: { [b.followUpId.action]: { type: 'static_select', selected_option: followUpId ? { value: followUpId } : null } },
        [b.kind.block]: { [b.kind.action]: { type: 'radio_buttons', selected_option: { value: 'RESOURCE' } } },
        [b.description.block]: { [b.description.action]: { type: 'plain_text_input', value: 'Too few hands' } },
        [b.status.block]: { [b.status.action]: { type: 'radio_buttons', selected_option: { value: 'OPEN' } } },
      });
      const noChoice = await h.submitView(leader, barrierView, barrierValues(null));
      expect(Object.keys(JSON.parse(noChoice.body).errors)).toEqual([b.followUpId.block]);
      const ok = await h.submitView(leader, { ...barrierView, id: randomId('V') }, barrierValues(secondId));
      expect([ok.status, ok.body]).toEqual([200, '']);
      expect(await h.prisma.barrier.count({ where: { followUpId: secondId, description: 'Too few hands' } })).toBe(1);

      // An action of their own plan: the same question.
      const planView = await openModal(h, leader, t.planCmd);
      expect(visibleText(planView)).toContain(t.withSecond);
      const p = planForm.ids;
      const planValues = (followUpId: string | null) => ({
        [p.leaderUserId.block]: { [p.leaderUserId.action]: { type: 'users_select', selected_user: leader } },
        [p.followUpId.block]: { [p.followUpId.action]: { type: 'static_select', selected_option: followUpId ? { value: followUpId } : null } },
        [p.what.block]: { [p.what.action]: { type: 'plain_text_input', value: 'Book a retro' } },
        [p.owner.block]: { [p.owner.action]: { type: 'radio_buttons', selected_option: { value: 'leader' } } },
        [p.dueDate.block]: { [p.dueDate.action]: { type: 'datepicker', selected_date: '2030-01-15' } },
      });
      const noPlanChoice = await h.submitView(leader, planView, planValues(null));
      expect(Object.keys(JSON.parse(noPlanChoice.body).errors)).toEqual([p.followUpId.block]);
      const planned = await h.submitView(leader, { ...planView, id: randomId('V') }, planValues(secondId));
      expect([planned.status, planned.body]).toEqual([200, '']);
      expect(await h.prisma.actionItem.count({ where: { followUpId: secondId, what: 'Book a retro' } })).toBe(1);

      // A goal the leader writes for themself: the same question.
      const goalView = await openModal(h, leader, t.goalCmd);
      expect(visibleText(goalView)).toContain(t.withSecond);
      const g = goalForm.ids;
      const goalWith = (followUpId: string | null) => ({
        ...goalValues({ leader, title: 'Lead the retro myself' }),
        [g.followUpId.block]: { [g.followUpId.action]: { type: 'static_select', selected_option: followUpId ? { value: followUpId } : null } },
      });
      const noGoalChoice = await h.submitView(leader, goalView, goalWith(null));
      expect(Object.keys(JSON.parse(noGoalChoice.body).errors)).toEqual([g.followUpId.block]);
      const made = await h.submitView(leader, { ...goalView, id: randomId('V') }, goalWith(secondId));
      expect([made.status, made.body]).toEqual([200, '']);
      expect(await h.prisma.goal.count({ where: { followUpId: secondId, title: 'Lead the retro myself' } })).toBe(1);
    });

    it('the inviter withdraws a pending invitation from App Home', async () => {
      const { senior, leader, t } = pair(locale);
      const id = await invite(senior, leader);
      const home = await h.openHome(senior);
      expect(JSON.stringify(home)).toContain(t.confirm);
      const withdraw = JSON.stringify(home).match(/"action_id":"(followup_end_\d+)","value":"([^"]+)"/);
      expect(withdraw?.[2]).toBe(id);
      await h.action(senior, { type: 'button', action_id: withdraw![1], value: id });
      await dmTo(h, senior, t.withdrawn);
      expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id } })).endedReason).toBe('withdrawn');
    });

    it('a leader with another follow-up chooses which goals carry over when accepting', async () => {
      const { senior, leader, t } = pair(locale);
      const oldId = await invite(senior, leader);
      await acceptInvitation(h, senior, leader);
      const old = await h.prisma.followUp.findUniqueOrThrow({ where: { id: oldId } });
      const keep = await seedGoal(h, old, 'Stays with the old follow-up');
      const carry = await seedGoal(h, old, 'Carries over');
      const newSenior = h.user(randomId('UN', 8), { locale });
      const newId = await invite(newSenior, leader);
      const opened = h.slack.callsOf('views.open').length;
      await h.action(leader, { type: 'button', action_id: 'consent_accept', value: newId });
      const modal = await openedView(h, opened + 1);
      expect(visibleText(modal)).toContain(t.carry);
      expect(visibleText(modal)).toContain('Carries over');
      expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id: newId } })).status).toBe('PENDING');
      const res = await h.submitView(leader, modal, {
        [acceptForm.ids.carryOver.block]: { [acceptForm.ids.carryOver.action]: { type: 'checkboxes', selected_options: [{ value: carry.id }] } },
      });
      expect([res.status, res.body]).toEqual([200, '']);
      await dmTo(h, leader, t.moved);
      expect((await h.prisma.followUp.findUniqueOrThrow({ where: { id: newId } })).status).toBe('ACTIVE');
      expect((await h.prisma.goal.findUniqueOrThrow({ where: { id: carry.id } })).followUpId).toBe(newId);
      expect((await h.prisma.goal.findUniqueOrThrow({ where: { id: keep.id } })).followUpId).toBe(oldId);
      await dmTo(h, newSenior, `<@${leader}> ${t.accepted}`);
    });

    it('either person ends a follow-up (command and App Home button): reminders stop, the other is told once, history is read-only', async () => {
      const { senior, leader, t } = pair(locale);
      const id = await invite(senior, leader);
      await acceptInvitation(h, senior, leader);
      await settle(h);
      expect(await h.prisma.reminder.count({ where: { followUpId: id, status: 'SCHEDULED' } })).toBeGreaterThan(0);

      // The leader's App Home has the End button, with a confirm dialog.
      const leaderHome = JSON.stringify(await h.openHome(leader));
      expect(leaderHome).toContain(t.endButton);
      expect(leaderHome).toContain(t.confirm);

      expect((await h.command(leader, `${t.endCmd} <@${senior}>`)).status).toBe(200);
      await dmTo(h, leader, t.ended);
      await dmTo(h, senior, `<@${leader}> ${t.told}`);
      await until(async () => (await h.prisma.reminder.count({ where: { followUpId: id, status: 'SCHEDULED' } })) === 0, 'reminders cancelled');
      const f = await h.prisma.followUp.findUniqueOrThrow({ where: { id } });
      expect([f.status, f.endedReason]).toEqual(['ENDED', 'ended']);

      // The App Home button of the other person now says it has already ended, and tells no one again.
      await h.action(senior, { type: 'button', action_id: 'followup_end', value: id });
      await settle(h);
      expect(dmsTo(h, senior, t.told)).toBe(1);
      const already = [...h.slack.responses.map((r) => JSON.stringify(r.body)), ...h.slack.callsOf('chat.postMessage').map((c) => JSON.stringify(c.args))];
      expect(already.some((x) => x.includes(t.already))).toBe(true);

      // The history stays read-only: a check-in, a milestone, "achieved" on its goals are refused.
      const kept = await seedGoal(h, f, 'Kept goal');
      const milestone = await h.prisma.milestone.create({ data: { goalId: kept.id, title: 'Step one', position: 1 } });
      const actor = await h.app.services.people.resolve(h.teamId, leader);
      const ended = { fields: { goal: { key: 'followup.error_ended' } } };
      await expect(h.app.services.checkIns.record(actor, { goalId: kept.id, value: null, confidence: 3, note: 'late' }, null)).rejects.toMatchObject(ended);
      await expect(h.app.services.milestones.markDone(actor, milestone.id)).rejects.toMatchObject(ended);
      await expect(h.app.services.goals.markAchieved(actor, kept.id)).rejects.toMatchObject(ended);
      expect(await h.prisma.checkIn.count({ where: { goalId: kept.id } })).toBe(0);
      // ...and so are changes to its barriers and actions by id (old buttons, reminders).
      const barrier = await h.prisma.barrier.create({ data: { followUpId: id, createdById: actor.person.id, kind: 'RESOURCE', description: 'Old barrier', status: 'OPEN' } });
      const action = await h.prisma.actionItem.create({ data: { followUpId: id, what: 'Old action', ownerId: actor.person.id, createdById: actor.person.id, barrierId: barrier.id } });
      await expect(h.app.services.barriers.setStatus(actor, barrier.id, 'RESOLVED')).rejects.toMatchObject({ fields: { status: { key: 'followup.error_ended' } } });
      await expect(h.app.services.barriers.unlink(actor, action.id)).rejects.toMatchObject({ fields: { barrier: { key: 'followup.error_ended' } } });
      await expect(h.app.services.plans.setDone(actor, action.id, true)).rejects.toMatchObject({ fields: { action: { key: 'followup.error_ended' } } });
      await expect(h.app.services.plans.snooze(actor, action.id)).rejects.toMatchObject({ fields: { action: { key: 'followup.error_ended' } } });
      expect(await h.prisma.barrier.findUniqueOrThrow({ where: { id: barrier.id } })).toMatchObject({ status: 'OPEN' });
      expect(await h.prisma.actionItem.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: 'OPEN', barrierId: barrier.id });
      // ...but it can still be read.
      expect((await h.app.services.goals.getVisible(actor, kept.id)).title).toBe('Kept goal');

      // Writes to an ended follow-up are refused with a message.
      const goalView = await openModal(h, senior, `goal <@${leader}>`);
      const refused = await h.submitView(senior, goalView, goalValues({ leader, title: 'After the end' }));
      expect(JSON.parse(refused.body).response_action).toBe('errors');
      expect(await h.prisma.goal.count({ where: { followUpId: id, title: 'After the end' } })).toBe(0);
    });
  });
});
