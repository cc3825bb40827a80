import http from 'node:http';
import { MAX_EVENT_BODY_BYTES } from '../../src/app';
import { setupForm } from '../../src/slack/features/setup/fields';
import { sign } from '../support/signing';
import { ConsentIds } from '../../src/slack/features/consent/views';
import { acceptInvitation, openModal, setupValues } from '../support/flows';
import { FixedClock, Harness, randomId, visibleText } from '../support/harness';
import { dmTo, settle } from '../support/seed';
import { NotAllowedError } from '../../src/domain/errors';

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
    channelNotFound: 'The app cannot see this channel in this workspace. For a private channel, invite the app first (`/invite @Follow-up`), then choose it again.',
    notMember: 'You are not a member of this channel. Choose a team channel you are in, so you see what is posted there.',
    shared: 'This channel is shared with another organisation. Celebrations and shared learnings stay inside your organisation: choose another channel (an admin can allow shared channels in /followup settings).',
    archived: 'This channel is archived. Choose another team channel.',
    invitationChannel: (c: string) => `Celebrations of your goals and milestones, and the learnings you choose to share, will be posted in <#${c}>.`,
    ask: (senior: string, to: string, from: string) => `<@${senior}> wants to post celebrations of your goals and the learnings you share in <#${to}> instead of <#${from}>. Nothing changes until you accept.`,
    asked: (leader: string, to: string, from: string) => `<@${leader}> is asked to agree to <#${to}>. Until they accept, celebrations and shared learnings stay in <#${from}>.`,
    accepted: (leader: string, c: string) => `<@${leader}> accepted: celebrations and shared learnings are now posted in <#${c}>.`,
    kept: (leader: string, c: string) => `<@${leader}> kept the team channel as it was; <#${c}> is not used.`,
    gone: 'This request is no longer open.',
    notAllowed: 'You do not have access to this.',
  },
  'nb-NO': {
    declinedAgain: (until: string) => `Denne lederen avslo invitasjonen din. Du kan invitere på nytt fra ${until}.`,
    // Written relative to the day it is read: 29 days later it is tomorrow.
    until: ['26. desember', 'i morgen'],
    invite: 'vil følge deg opp som din overordnede leder',
    updated: 'er oppdatert.',
    channelNotFound: 'Appen ser ikke denne kanalen i dette arbeidsområdet. For en privat kanal: inviter appen først (`/invite @Follow-up`), og velg kanalen på nytt.',
    notMember: 'Du er ikke medlem av denne kanalen. Velg en teamkanal du er med i, så du ser det som postes der.',
    shared: 'Denne kanalen deles med en annen organisasjon. Feiringer og delte læringspunkter blir i organisasjonen deres: velg en annen kanal (en administrator kan tillate delte kanaler i /followup settings).',
    archived: 'Denne kanalen er arkivert. Velg en annen teamkanal.',
    invitationChannel: (c: string) => `Feiringer av målene og delmålene dine, og læringspunktene du velger å dele, postes i <#${c}>.`,
    ask: (senior: string, to: string, from: string) => `<@${senior}> vil poste feiringer av målene dine og læringspunktene du deler i <#${to}> i stedet for <#${from}>. Ingenting endres før du godtar.`,
    asked: (leader: string, to: string, from: string) => `<@${leader}> er bedt om å godta <#${to}>. Til det skjer, postes feiringer og delte læringspunkter fortsatt i <#${from}>.`,
    accepted: (leader: string, c: string) => `<@${leader}> godtok: feiringer og delte læringspunkter postes nå i <#${c}>.`,
    kept: (leader: string, c: string) => `<@${leader}> beholdt teamkanalen som før; <#${c}> brukes ikke.`,
    gone: 'Denne forespørselen er ikke lenger åpen.',
    notAllowed: 'Du har ikke tilgang til dette.',
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
  describe.each(['en-GB', 'nb-NO'] as const)('team channels (%s)', (locale) => {
    const t = TEXT[locale];
    const people = () => ({ senior: h.user(randomId('UCS', 8), { locale }), leader: h.user(randomId('UCL', 8), { locale }) });

    it.each([
      { what: 'a private channel the app was not invited to', channel: { is_private: true, bot_member: false }, message: 'channelNotFound' },
      { what: 'a private channel of another team the senior leader is not in', channel: { is_private: true, bot_member: true, others: true }, message: 'notMember' },
      { what: 'a public channel the senior leader is not in', channel: { others: true }, message: 'notMember' },
      { what: 'a channel shared with another organisation (Slack Connect)', channel: { is_ext_shared: true }, message: 'shared' },
      { what: 'a channel with a pending Slack Connect invitation', channel: { is_pending_ext_shared: true }, message: 'shared' },
      { what: 'an archived channel', channel: { is_archived: true }, message: 'archived' },
      { what: 'a channel of another workspace', channel: { team_id: 'TOTHERORG1' }, message: 'channelNotFound' },
    ] as const)('refuses $what as the team channel; nothing is saved or sent', async ({ channel, message }) => {
      const { senior, leader } = people();
      const id = randomId('C', 9);
      const { others, ...rest } = channel as { others?: boolean } & Record<string, unknown>;
      h.slack.addChannel({ id, ...rest, members: others ? [leader, 'UOTHER0001'] : [senior, leader] });
      const calls = h.slack.calls.length;
      const view = await openModal(h, senior, `setup <@${leader}>`);
      const res = await h.submitView(senior, view, setupValues({ leader, channel: id }));
      expect(res.status).toBe(200);
      expect(res.json()).toEqual({ response_action: 'errors', errors: { [setupForm.ids.teamChannelId.block]: t[message] } });
      await settle(h);
      expect(await pairOf(senior, leader)).toBeNull();
      expect(postsTo(leader, calls)).toEqual([]);
      expect(h.slack.calls.slice(calls).filter((c) => c.method === 'chat.postMessage' && c.args.channel === id)).toEqual([]);
    });

    it('a channel shared with another organisation is accepted when the workspace allows it; the invitation names the channel', async () => {
      const { senior, leader } = people();
      const id = randomId('C', 9);
      h.slack.addChannel({ id, is_ext_shared: true, members: [senior, leader] });
      await h.prisma.workspace.update({ where: { id: h.teamId }, data: { allowSharedTeamChannels: true } });
      try {
        const view = await openModal(h, senior, `setup <@${leader}>`);
        const res = await h.submitView(senior, view, setupValues({ leader, channel: id }));
        expect([res.status, res.body]).toEqual([200, '']);
        const invitation = await dmTo(h, leader, t.invite);
        expect(visibleText(invitation.blocks)).toContain(t.invitationChannel(id));
        expect((await pairOf(senior, leader))!.teamChannelId).toBe(id);
      } finally {
        await h.prisma.workspace.update({ where: { id: h.teamId }, data: { allowSharedTeamChannels: false } });
      }
    });

    it('a new channel on an active follow-up is asked of the leader; the old one stays until they accept', async () => {
      const { senior, leader } = people();
      const stranger = h.user(randomId('UCX', 8), { locale });
      const [oldC, newC, newer] = [randomId('C', 9), randomId('C', 9), randomId('C', 9)];
      for (const c of [oldC, newC, newer]) h.slack.addChannel({ id: c, members: [senior, leader, stranger] });
      const start = await openModal(h, senior, `setup <@${leader}>`);
      expect((await h.submitView(senior, start, setupValues({ leader, channel: oldC }))).status).toBe(200);
      await acceptInvitation(h, senior, leader);
      await settle(h);

      const change = async (to: string) => {
        const view = await openModal(h, senior, `setup <@${leader}>`);
        const res = await h.submitView(senior, view, setupValues({ leader, channel: to }));
        expect([res.status, res.body]).toEqual([200, '']);
        await dmTo(h, senior, t.asked(leader, to, oldC));
        return dmTo(h, leader, `<#${to}>`);
      };
      const ask = await change(newC);
      expect(visibleText(ask.blocks)).toContain(t.ask(senior, newC, oldC));
      expect((await pairOf(senior, leader))!).toMatchObject({ teamChannelId: oldC, proposedTeamChannelId: newC });
      const buttons = (ask.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements!;
      const accept = buttons.find((b) => b.action_id === ConsentIds.channelAccept)!;

      // Neither the senior leader nor a stranger can answer for the leader: refused, nothing changed.
      for (const who of [senior, stranger]) {
        const n = h.slack.responses.length;
        await h.action(who, { type: 'button', action_id: accept.action_id, value: accept.value }, { response_url: h.newResponseUrl() });
        expect((await h.slack.waitForResponse(n + 1)).text).toBe(t.notAllowed);
        expect((await pairOf(senior, leader))!).toMatchObject({ teamChannelId: oldC, proposedTeamChannelId: newC });
      }
      // A forged channel in the button value is not the request: it is no longer open, and nothing changes.
      await h.action(leader, { type: 'button', action_id: accept.action_id, value: `${accept.value.split('|')[0]}|${newer}` });
      await dmTo(h, leader, t.gone);
      expect((await pairOf(senior, leader))!).toMatchObject({ teamChannelId: oldC, proposedTeamChannelId: newC });

      // The leader keeps the old one.
      const keep = buttons.find((b) => b.action_id === ConsentIds.channelKeep)!;
      await h.action(leader, { type: 'button', action_id: keep.action_id, value: keep.value });
      await dmTo(h, senior, t.kept(leader, newC));
      expect((await pairOf(senior, leader))!).toMatchObject({ teamChannelId: oldC, proposedTeamChannelId: null });
      // Answering the old request again does nothing.
      await h.action(leader, { type: 'button', action_id: accept.action_id, value: accept.value });
      await settle(h);
      expect((await pairOf(senior, leader))!.teamChannelId).toBe(oldC);

      // Asked again, the leader accepts: the new channel is used from now on.
      const again = await change(newer);
      const acceptNewer = (again.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements!.find((b) => b.action_id === ConsentIds.channelAccept)!;
      await h.action(leader, { type: 'button', action_id: acceptNewer.action_id, value: acceptNewer.value });
      await dmTo(h, senior, t.accepted(leader, newer));
      expect((await pairOf(senior, leader))!).toMatchObject({ teamChannelId: newer, proposedTeamChannelId: null });
    });
  });
  describe('bounded work per person', () => {
    /** Sends headers announcing `length` bytes, then only `sent` of them; resolves with the status once the app answers. */
    const announce = (length: number, sent: number, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; before: boolean }>((resolve, reject) => {
        let done = false;
        const req = http.request(`${h.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(length), ...headers } }, (res) => {
          done = true;
          res.resume();
          resolve({ status: res.statusCode ?? 0, before: true });
          req.destroy();
        });
        req.on('error', (err) => (done ? undefined : reject(err)));
        req.write('x'.repeat(sent));
        // The rest of the body is never sent: an answer can only come from the headers.
        setTimeout(() => (done ? undefined : reject(new Error('no answer before the body was sent'))), 2000).unref();
      });

    it.each([
      ['en-GB', (unix: number) => `You can export once every 10 minutes. You can export again at <!date^${unix}^{time}|11:10>.`],
      ['nb-NO', () => 'Du kan eksportere én gang hvert 10. minutt. Du kan eksportere igjen kl. 11.10.'],
    ] as const)('a person exports at most once per 10 minutes; the refusal says when, in their zone (%s)', async (locale, refusal) => {
      const who = h.user(randomId('UEX', 8), { locale, tz: 'Europe/Oslo' });
      clock.set('2026-11-26T10:00:00Z');
      const uploads = () => h.slack.callsOf('files.completeUploadExternal').filter((c) => c.args.channel_id === `D${who.slice(1)}`).length;
      const reply = async () => {
        const n = h.slack.responses.length;
        await h.command(who, 'export', { responseUrl: h.newResponseUrl() });
        return String((await h.slack.waitForResponse(n + 1)).text);
      };
      await reply();
      expect(uploads()).toBe(1);
      const exported = (await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: who } })).lastExportAt;
      clock.advance({ minutes: 9, seconds: 59 });
      expect(await reply()).toBe(refusal(Math.floor(Date.parse('2026-11-26T10:10:00Z') / 1000)));
      await settle(h);
      expect(uploads()).toBe(1);
      expect((await h.prisma.person.findFirstOrThrow({ where: { workspaceId: h.teamId, slackUserId: who } })).lastExportAt).toEqual(exported);
      clock.advance({ seconds: 1 });
      await reply();
      expect(uploads()).toBe(2);
      clock.set('2026-11-26T10:00:00Z');
    });

    it('refuses an /slack/events body over 1 MB with 413 from its headers, before reading or checking it', async () => {
      const calls = h.slack.calls.length;
      const ts = Math.floor(Date.now() / 1000);
      const answer = await announce(MAX_EVENT_BODY_BYTES + 1, 100, { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign('x', ts) });
      expect(answer.status).toBe(413);
      await new Promise((r) => setTimeout(r, 200));
      // (auth.test is the app's own check at start.)
      expect(h.slack.calls.slice(calls).filter((c) => c.method !== 'auth.test')).toEqual([]);
    });

    it('a signed body of exactly 1 MB is read and checked as usual (a forged signature is 401, not 413)', async () => {
      const body = `token=x&text=${'a'.repeat(MAX_EVENT_BODY_BYTES - 13)}`;
      expect(Buffer.byteLength(body)).toBe(MAX_EVENT_BODY_BYTES);
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`${h.baseUrl}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=' + '0'.repeat(64) }, body });
      expect(res.status).toBe(401);
    });
  });
  describe('Enterprise Grid admins (org-wide install: the data is the whole organisation)', () => {
    const E = randomId('E');
    const [T1, T2] = [randomId('T'), randomId('T')];
    /** A Grid user as users.info sends them (enterprise_user with the org's admin/owner flags and their workspaces). */
    const gridUser = (flags: { is_admin?: boolean; org_admin?: boolean; org_owner?: boolean }, teams: string[]) => {
      const id = randomId('W', 9);
      h.slack.addUser({ id, team_id: teams[0], is_admin: flags.is_admin ?? false, locale: 'en-GB', enterprise_user: { enterprise_id: E, is_admin: flags.org_admin ?? false, is_owner: flags.org_owner ?? false, teams } });
      return id;
    };
    const actorIn = async (slackUserId: string) => {
      await h.prisma.workspace.upsert({ where: { id: E }, create: { id: E }, update: {} });
      const p = await h.prisma.person.upsert({ where: { workspaceId_slackUserId: { workspaceId: E, slackUserId } }, create: { workspaceId: E, slackUserId }, update: {} });
      return h.app.services.people.toActor(p);
    };
    afterAll(async () => {
      await h.prisma.workspace.delete({ where: { id: E } }).catch(() => undefined);
    });

    it.each([
      { who: 'an admin of one workspace, for a person of another workspace', admin: { is_admin: true }, adminTeams: () => [T1], subjectTeams: () => [T2], allowed: false },
      { who: 'an admin of one workspace, for a person of that workspace', admin: { is_admin: true }, adminTeams: () => [T1], subjectTeams: () => [T1, T2], allowed: true },
      { who: 'an org admin (no workspace admin), for anyone', admin: { org_admin: true }, adminTeams: () => [T1], subjectTeams: () => [T2], allowed: true },
      { who: 'an org owner, for anyone', admin: { org_owner: true }, adminTeams: () => [T1], subjectTeams: () => [T2], allowed: true },
      { who: 'a member who is no admin at all', admin: {}, adminTeams: () => [T1], subjectTeams: () => [T1], allowed: false },
    ])('export of a person by $who: allowed = $allowed (nothing recorded when refused)', async ({ admin, adminTeams, subjectTeams, allowed }) => {
      const adminId = gridUser(admin, adminTeams());
      const subjectId = gridUser({}, subjectTeams());
      const actor = await actorIn(adminId);
      await actorIn(subjectId);
      clock.advance({ minutes: 11 });
      const attempt = h.app.services.exports.exportFor(actor, subjectId);
      if (allowed) await expect(attempt).resolves.toMatchObject({ subject: { person: { slackUserId: subjectId } } });
      else await expect(attempt).rejects.toBeInstanceOf(NotAllowedError);
      const audit = await h.prisma.auditEntry.count({ where: { workspaceId: E, actorUserId: adminId } });
      expect(audit).toBe(allowed ? 1 : 0);
      const claimed = (await h.prisma.person.findFirstOrThrow({ where: { workspaceId: E, slackUserId: adminId } })).lastExportAt;
      expect(claimed !== null).toBe(allowed);
    });

    it('org-wide settings (no person named) need an org admin or owner; a workspace admin is refused', async () => {
      const workspaceAdmin = await actorIn(gridUser({ is_admin: true }, [T1]));
      const orgAdmin = await actorIn(gridUser({ org_admin: true }, [T1]));
      await expect(h.app.services.people.confirmAdmin(workspaceAdmin)).rejects.toBeInstanceOf(NotAllowedError);
      await expect(h.app.services.people.confirmAdmin(orgAdmin)).resolves.toMatchObject({ teamId: E });
    });
  });
  describe('audit of admin actions and setting changes', () => {
    it('records each workspace setting changed (who, when, before → after) and pages the log beyond 25 (en, nb)', async () => {
      clock.set('2026-11-26T10:00:00Z');
      const adminEn = h.user(randomId('UAD', 8), { locale: 'en-GB', is_admin: true });
      const adminNb = h.user(randomId('UAD', 8), { locale: 'nb-NO', is_admin: true });
      const actor = await h.app.services.people.resolve(h.teamId, adminEn);
      const ws = await h.prisma.workspace.findUniqueOrThrow({ where: { id: h.teamId } });
      await h.app.services.settings.save(actor, {
        personal: { locale: 'auto', timezone: null, reminderHour: null },
        workspace: { locale: 'nb', timezone: ws.defaultTimezone, reminderHour: ws.defaultReminderHour, adminSetupSkipsConsent: true, allowSharedTeamChannels: ws.allowSharedTeamChannels },
      });
      const [entry] = await h.prisma.auditEntry.findMany({ where: { workspaceId: h.teamId, action: 'settings' } });
      expect(entry).toMatchObject({ actorUserId: adminEn, subjectUserId: null, details: { changes: [{ field: 'defaultLocale', before: null, after: 'nb' }, { field: 'adminSetupSkipsConsent', before: false, after: true }] } });
      // Saving the same values again changes nothing and records nothing.
      await h.app.services.settings.save(actor, {
        personal: { locale: 'auto', timezone: null, reminderHour: null },
        workspace: { locale: 'nb', timezone: ws.defaultTimezone, reminderHour: ws.defaultReminderHour, adminSetupSkipsConsent: true, allowSharedTeamChannels: ws.allowSharedTeamChannels },
      });
      expect(await h.prisma.auditEntry.count({ where: { workspaceId: h.teamId, action: 'settings' } })).toBe(1);

      // 30 entries in all: the newest 25 on page 1, the rest on page 2; any larger page number reads the last.
      const others = await h.prisma.auditEntry.count({ where: { workspaceId: h.teamId } });
      const older = Array.from({ length: 30 - others }, (_, i) => ({ workspaceId: h.teamId, action: 'export', actorUserId: adminNb, subjectUserId: `UOLD${String(i).padStart(5, '0')}`, createdAt: new Date(Date.parse('2026-01-01T10:00:00Z') + i * 60_000) }));
      await h.prisma.auditEntry.createMany({ data: older });
      const read = async (who: string, text: string) => {
        const n = h.slack.responses.length;
        await h.command(who, text);
        return visibleText((await h.slack.waitForResponse(n + 1)).blocks);
      };
      const first = await read(adminEn, 'export audit');
      expect(first).toContain(`<@${adminEn}> changed the workspace settings: Default language: (none) → nb; Follow-ups set up by an admin: off → on`);
      expect(first).toContain('Page 1 of 2, newest first.');
      expect(first).toContain('Older entries: `/followup export audit 2`.');
      expect(first.split('\n').filter((l) => l.includes(' had the data of ') || l.includes(' changed the workspace settings')).length).toBe(25);
      const second = await read(adminEn, 'export audit 2');
      expect(second).toContain('Page 2 of 2, newest first.');
      expect(second).toContain('<@UOLD00000>');
      expect(second).not.toContain('Older entries');
      expect(await read(adminEn, 'export audit 999999')).toBe(second);
      const nb = await read(adminNb, 'eksport oversikt');
      expect(nb).toContain(`<@${adminEn}> endret innstillingene for arbeidsområdet:`);
      expect(nb).toContain(': av → på');
      expect(nb).toContain('Side 1 av 2, nyeste først.');
      await h.prisma.workspace.update({ where: { id: h.teamId }, data: { defaultLocale: null, adminSetupSkipsConsent: false } });
    });
  });
});
