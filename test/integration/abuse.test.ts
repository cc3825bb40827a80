import { setupForm } from '../../src/slack/features/setup/fields';
import { openModal, setupValues } from '../support/flows';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { dmTo, settle } from '../support/seed';

/**
 * A curious or hostile colleague gets nothing (issue 18): each attempt as the signed payload Slack
 * sends, refused with a clear message in the person's language, and nothing changed — in the
 * database and in what the app posted. (Writes to pending and ended follow-ups: read-only.test.ts.)
 */
const TEXT = {
  'en-GB': {
    declinedAgain: (until: string) => `This leader declined your invitation. You can invite them again from ${until}.`,
    until: ['Saturday 26 December 2026', 'Saturday 26 December 2026'],
    invite: 'wants to follow you up as your senior leader',
    updated: 'updated.',
  },
  'nb-NO': {
    declinedAgain: (until: string) => `Denne lederen avslo invitasjonen din. Du kan invitere på nytt fra ${until}.`,
    // Written relative to the day it is read: 29 days later it is tomorrow.
    until: ['26. desember', 'i morgen'],
    invite: 'vil følge deg opp som din overordnede leder',
    updated: 'er oppdatert.',
  },
} as const;

describe('abuse: a curious or hostile colleague gets nothing', () => {
  let h: Harness;
  let clock: FixedClock;
  beforeAll(async () => {
    clock = new FixedClock('2026-11-26T10:00:00Z');
    h = await Harness.start({ clock });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  /** Messages and files the app sent into a person's DM since call `from`. */
  const postsTo = (userId: string, from: number) =>
    h.slack.calls.slice(from).filter((c) => ['chat.postMessage', 'files.completeUploadExternal'].includes(c.method) && [userId, `D${userId.slice(1)}`].includes(String(c.args.channel ?? c.args.channel_id ?? '')));
  const pairOf = async (senior: string, leader: string) =>
    h.prisma.followUp.findFirst({ where: { workspaceId: h.teamId, senior: { slackUserId: senior }, leader: { slackUserId: leader } } });
  const until = async (check: () => Promise<boolean>, what: string) => {
    for (let i = 0; i < 100; i++) if (await check()) return;
    else await new Promise((r) => setTimeout(r, 50));
    throw new Error(`timed out waiting for ${what}`);
  };

  describe.each(['en-GB', 'nb-NO'] as const)('invitations (%s)', (locale) => {
    const t = TEXT[locale];

    it('after a decline, the same senior leader cannot invite the leader again for 30 days; the message says until when', async () => {
      const senior = h.user(randomId('UAS', 8), { locale });
      const leader = h.user(randomId('UAL', 8), { locale });
      const view = await openModal(h, senior, `setup <@${leader}>`);
      expect((await h.submitView(senior, view, setupValues({ leader }))).status).toBe(200);
      await until(async () => !!(await pairOf(senior, leader)), 'the invitation');
      const f = (await pairOf(senior, leader))!;
      await dmTo(h, leader, t.invite);
      await h.action(leader, { type: 'button', action_id: 'consent_decline', value: f.id });
      await until(async () => (await pairOf(senior, leader))!.status === 'ENDED', 'the decline');
      await settle(h);

      // The same second, and 29 days later: refused on the leader field, nothing sent to the leader.
      for (const [i, days] of [0, 29].entries()) {
        clock.set('2026-11-26T10:00:00Z');
        clock.advance({ days });
        const before = await pairOf(senior, leader);
        const calls = h.slack.calls.length;
        const again = await openModal(h, senior, `setup <@${leader}>`);
        const res = await h.submitView(senior, again, setupValues({ leader }));
        expect(res.status).toBe(200);
        expect(res.json()).toEqual({ response_action: 'errors', errors: { [setupForm.ids.leaderUserId.block]: t.declinedAgain(t.until[i]) } });
        await settle(h);
        expect(await pairOf(senior, leader)).toEqual(before);
        expect(postsTo(leader, calls)).toEqual([]);
      }

      // After 30 days the invitation may be sent again.
      clock.set('2026-12-26T10:00:01Z');
      const later = await openModal(h, senior, `setup <@${leader}>`);
      const res = await h.submitView(senior, later, setupValues({ leader, startDate: '2026-12-28' }));
      expect([res.status, res.body]).toEqual([200, '']);
      await until(async () => (await pairOf(senior, leader))!.status === 'PENDING', 'the new invitation');
      clock.set('2026-11-26T10:00:00Z');
    });

    it('a pending follow-up sends the leader nothing but the invitation (an edit sends no calendar file, no welcome)', async () => {
      const senior = h.user(randomId('UAS', 8), { locale });
      const leader = h.user(randomId('UAL', 8), { locale });
      const view = await openModal(h, senior, `setup <@${leader}>`);
      expect((await h.submitView(senior, view, setupValues({ leader }))).status).toBe(200);
      await dmTo(h, leader, t.invite);
      await settle(h);
      const calls = h.slack.calls.length;
      // The inviter edits the invitation before the leader answered: a new start date moves the evaluation.
      const edit = await openModal(h, senior, `setup <@${leader}>`);
      const res = await h.submitView(senior, edit, setupValues({ leader, startDate: '2026-12-07', evaluation: '8' }));
      expect([res.status, res.body]).toEqual([200, '']);
      await dmTo(h, senior, t.updated);
      await settle(h);
      expect((await pairOf(senior, leader))!.status).toBe('PENDING');
      expect(postsTo(leader, calls).map((c) => c.method)).toEqual([]);
      expect(h.slack.calls.slice(calls).filter((c) => c.method.startsWith('files.'))).toEqual([]);
      expect(visibleText(await h.openHome(leader))).not.toContain('.ics');
    });
  });
});
