import { celebrationLocale } from '../../src/domain/celebrations';
import { ValidationError } from '../../src/domain/errors';
import { teamChannelLocale } from '../../src/domain/followups';
import { FixedClock, Harness } from '../support/harness';

/**
 * The team channel's language (issue 12 §5): celebrations and shared learnings are read by a whole
 * team, so they use the follow-up's team-channel language (default: the workspace's language),
 * not the leader's personal Slack locale.
 */
describe('team-channel language', () => {
  test('the follow-up setting wins, then the workspace default, then the app default', () => {
    expect(teamChannelLocale({ teamLocale: 'en' }, { defaultLocale: 'nb' }, 'nb')).toBe('en');
    expect(teamChannelLocale({ teamLocale: null }, { defaultLocale: 'nb' }, 'en')).toBe('nb');
    expect(teamChannelLocale({ teamLocale: null }, { defaultLocale: null }, 'en')).toBe('en');
    expect(teamChannelLocale({ teamLocale: null }, null, 'nb')).toBe('nb');
    expect(celebrationLocale({ teamLocale: null }, { defaultLocale: 'nb' }, 'en')).toBe('nb');
  });

  describe('in a workspace whose default language is bokmål', () => {
    let h: Harness;
    const S = 'USENTL01';
    const L = 'ULEATL01';

    beforeAll(async () => {
      h = await Harness.start({ clock: new FixedClock('2026-11-26T09:00:00Z') });
      h.user(S, { locale: 'nb-NO', tz: 'Europe/Oslo' });
      // The leader's own Slack is in English.
      h.user(L, { locale: 'en-US', tz: 'Europe/Oslo' });
      await h.prisma.workspace.upsert({ where: { id: h.teamId }, create: { id: h.teamId, defaultLocale: 'nb' }, update: { defaultLocale: 'nb' } });
    });
    afterAll(async () => {
      await h.close();
    });

    const base = { teamChannelId: 'C0TEAMTL', oneToOneCadence: 'WEEKLY' as const, evaluationEveryWeeks: 6, reflectionCadence: 'NONE' as const, startDate: '2026-11-26' };

    test('a leader whose Slack is in English shares a learning with a Norwegian team in bokmål; the setting changes it', async () => {
      const senior = await h.app.services.people.resolve(h.teamId, S);
      const created = await h.app.services.followUps.setup(senior, { leaderUserId: L, ...base });
      expect(created.followUp.teamLocale).toBeNull();
      const leader = await h.app.services.people.resolve(h.teamId, L);
      expect(leader.locale).toBe('en');
      // The leader consents (a follow-up is pending until then, and takes no learnings).
      await h.app.services.followUps.accept(leader, created.followUp.id);

      const learn = (n: number) =>
        h.app.services.learnings.create(leader, { followUpId: created.followUp.id, whatHappened: `Tried ${n}`, learned: 'Agendas help', nextExperiment: null, share: true }, null);
      const first = await learn(1);
      expect(first.teamLocale).toBe('nb');

      // The senior leader sets the team channel's language to English in the setup form.
      const edited = await h.app.services.followUps.setup(senior, { leaderUserId: L, ...base, teamLocale: 'en' });
      expect(edited.followUp.teamLocale).toBe('en');
      expect((await learn(2)).teamLocale).toBe('en');

      // A form without the field leaves it as it is; null goes back to the workspace default.
      expect((await h.app.services.followUps.setup(senior, { leaderUserId: L, ...base })).followUp.teamLocale).toBe('en');
      expect((await h.app.services.followUps.setup(senior, { leaderUserId: L, ...base, teamLocale: null })).followUp.teamLocale).toBeNull();
      expect((await learn(3)).teamLocale).toBe('nb');

      // Nynorsk for the team channel: what is shared there is written in nynorsk.
      expect((await h.app.services.followUps.setup(senior, { leaderUserId: L, ...base, teamLocale: 'nn' })).followUp.teamLocale).toBe('nn');
      expect((await learn(4)).teamLocale).toBe('nn');

      // A forged value is refused.
      const refused = await h.app.services.followUps
        .setup(senior, { leaderUserId: L, ...base, teamLocale: 'de' as unknown as 'nb' })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fields.teamLocale).toEqual({ key: 'common.error_invalid_option' });
    });
  });
});
