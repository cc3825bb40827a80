import { Harness, randomId, visibleText } from '../support/harness';
import {
  LONG_TEXT,
  MIXED,
  actorOf,
  checks,
  commandReply,
  date,
  dmsTo,
  eventually,
  openModal,
  recordEvents,
  seedFollowUp,
  settle,
  select,
  submit,
  text,
  user,
} from '../support/steps';
import { DevelopIds, FeedbackIds, ReflectIds } from '../support/slackIds';

const SENIOR = 'UFDSEN01';
const LEADER = 'UFDLEAD1';
const OTHER_LEADER = 'UFDLEAD2';
const OTHER_SENIOR = 'UFDSEN02';
const ADMIN = 'UFDADM01';
const STRANGER = 'UFDSTRA1';
const BOT = 'UFDBOT01';

function feedbackValues(to: string | null, works: string | null, improve: string | null, advice: string | null) {
  return {
    [FeedbackIds.receiverBlock]: { [FeedbackIds.receiverInput]: user(to) },
    [FeedbackIds.worksBlock]: { [FeedbackIds.worksInput]: text(works) },
    [FeedbackIds.improveBlock]: { [FeedbackIds.improveInput]: text(improve) },
    [FeedbackIds.adviceBlock]: { [FeedbackIds.adviceInput]: text(advice) },
  };
}

function developValues(v: { leader: string | null; kind?: string | null; title?: string | null; provider?: string | null; start?: string | null; end?: string | null; status?: string | null }) {
  return {
    [DevelopIds.leaderBlock]: { [DevelopIds.leaderInput]: user(v.leader) },
    [DevelopIds.kindBlock]: { [DevelopIds.kindInput]: select(v.kind === undefined ? 'COACHING' : v.kind) },
    [DevelopIds.titleBlock]: { [DevelopIds.titleInput]: text(v.title === undefined ? 'Leading through change' : v.title) },
    [DevelopIds.providerBlock]: { [DevelopIds.providerInput]: text(v.provider ?? null) },
    [DevelopIds.startBlock]: { [DevelopIds.startInput]: date(v.start ?? null) },
    [DevelopIds.endBlock]: { [DevelopIds.endInput]: date(v.end ?? null) },
    [DevelopIds.statusBlock]: { [DevelopIds.statusInput]: select(v.status === undefined ? 'PLANNED' : v.status) },
  };
}

function reflectValues(answers: (string | null)[], share: boolean) {
  const v: Record<string, Record<string, unknown>> = {};
  answers.forEach((a, i) => (v[ReflectIds.answerBlock(i + 1)] = { [ReflectIds.answerInput(i + 1)]: text(a) }));
  v[ReflectIds.shareBlock] = { [ReflectIds.shareInput]: checks(share ? ['share'] : []) };
  return v;
}

describe('/followup feedback, develop and reflect', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
    h.user(SENIOR, { locale: 'en-GB' });
    h.user(LEADER, { locale: 'nb-NO' });
    h.user(OTHER_LEADER, { locale: 'en-GB' });
    h.user(OTHER_SENIOR, { locale: 'en-GB' });
    h.user(ADMIN, { locale: 'en-GB', is_admin: true });
    h.user(STRANGER, { locale: 'nb-NO' });
    h.user(BOT, { is_bot: true });
    await seedFollowUp(h, SENIOR, LEADER);
    await seedFollowUp(h, OTHER_SENIOR, OTHER_LEADER);
    await actorOf(h, ADMIN);
    await actorOf(h, STRANGER);
    await actorOf(h, BOT);
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('feedback from a senior leader (English) reaches the leader as a DM in bokmål with the three parts in order; a retry stores it once', async () => {
    const view = await openModal(h, SENIOR, `feedback <@${LEADER}|leader>`);
    const shown = visibleText(view);
    expect(shown).toContain('What works');
    expect(shown.indexOf('What works')).toBeLessThan(shown.indexOf('What can improve'));
    expect(shown.indexOf('What can improve')).toBeLessThan(shown.indexOf('Advice'));
    const values = feedbackValues(LEADER, 'You listen well 👍', 'Share decisions earlier', MIXED);
    const viewId = randomId('V');
    expect(await submit(h, SENIOR, view, values, { viewId })).toEqual({});
    expect(await submit(h, SENIOR, view, values, { viewId })).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, LEADER).some((c) => visibleText(c.args.blocks).includes('Tilbakemelding fra')));
    const dm = dmsTo(h, LEADER).find((c) => visibleText(c.args.blocks).includes('Tilbakemelding fra'))!;
    const t = visibleText(dm.args.blocks);
    expect(t).toContain(`Tilbakemelding fra <@${SENIOR}>`);
    expect(t.indexOf('Hva fungerer')).toBeLessThan(t.indexOf('You listen well 👍'));
    expect(t.indexOf('You listen well 👍')).toBeLessThan(t.indexOf('Hva kan bli bedre'));
    expect(t.indexOf('Share decisions earlier')).toBeLessThan(t.indexOf('Råd'));
    expect(t).toContain(MIXED);
    await h.slack.waitFor(() => dmsTo(h, SENIOR).some((c) => visibleText(c.args.blocks).includes(`Your feedback was delivered to <@${LEADER}>`)));
    const senior = await actorOf(h, SENIOR);
    const rows = await h.prisma.feedback.findMany({ where: { giverId: senior.person.id } });
    expect(rows).toHaveLength(1);
    await eventually(async () => (await h.prisma.feedback.findUniqueOrThrow({ where: { id: rows[0].id } })).messageTs !== null, 'messageTs');
    // Upward feedback (leader → senior leader) is allowed too, in bokmål.
    const up = await openModal(h, LEADER, `tilbakemelding <@${SENIOR}>`);
    expect(visibleText(up)).toContain('Hva fungerer');
    expect(await submit(h, LEADER, up, feedbackValues(SENIOR, 'Tydelig', 'Oftere 1:1', 'Fortsett'))).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, SENIOR).some((c) => visibleText(c.args.blocks).includes(`Feedback from <@${LEADER}>`)));
  });

  it('feedback: empty parts, 3,000+ characters, to yourself, to a bot, to someone outside your follow-ups — errors on the right field, nothing stored', async () => {
    const view = await openModal(h, SENIOR, 'feedback');
    let errors = await submit(h, SENIOR, view, feedbackValues(LEADER, null, '  ', LONG_TEXT));
    expect(errors[FeedbackIds.worksBlock]).toBe('Please fill in this field.');
    expect(errors[FeedbackIds.improveBlock]).toBe('Please fill in this field.');
    expect(errors[FeedbackIds.adviceBlock]).toMatch(/under 3000 characters/);
    errors = await submit(h, SENIOR, view, feedbackValues(SENIOR, 'a', 'b', 'c'));
    expect(errors[FeedbackIds.receiverBlock]).toBe('You cannot give feedback to yourself.');
    errors = await submit(h, SENIOR, view, feedbackValues(BOT, 'a', 'b', 'c'));
    expect(errors[FeedbackIds.receiverBlock]).toBe('That is an app, not a person.');
    h.user('UFDGONE1', { deleted: true });
    await seedFollowUp(h, SENIOR, 'UFDGONE1');
    errors = await submit(h, SENIOR, view, feedbackValues('UFDGONE1', 'a', 'b', 'c'));
    expect(errors[FeedbackIds.receiverBlock]).toBe('This person is no longer in the workspace.');
    errors = await submit(h, SENIOR, view, feedbackValues(OTHER_LEADER, 'a', 'b', 'c'));
    expect(errors[FeedbackIds.receiverBlock]).toMatch(/people you share a follow-up with/);
    const nb = await openModal(h, STRANGER, 'tilbakemelding');
    errors = await submit(h, STRANGER, nb, feedbackValues(LEADER, 'a', null, 'c'));
    expect(errors[FeedbackIds.improveBlock]).toBe('Fyll ut dette feltet.');
    errors = await submit(h, STRANGER, nb, feedbackValues(LEADER, 'a', 'b', 'c'));
    expect(errors[FeedbackIds.receiverBlock]).toMatch(/dem du har en oppfølging med/);
    const stranger = await actorOf(h, STRANGER);
    expect(await h.prisma.feedback.count({ where: { giverId: stranger.person.id } })).toBe(0);
  });

  it('feedback privacy: only giver and receiver can read it — not the other senior leader, another leader, an admin or a stranger', async () => {
    const senior = await actorOf(h, SENIOR);
    const leader = await actorOf(h, LEADER);
    const fb = await h.prisma.feedback.findFirstOrThrow({ where: { giverId: senior.person.id, receiverId: leader.person.id } });
    expect((await h.app.services.feedback.get(senior, fb.id)).id).toBe(fb.id);
    expect((await h.app.services.feedback.get(leader, fb.id)).works).toBe('You listen well 👍');
    for (const id of [OTHER_LEADER, OTHER_SENIOR, ADMIN, STRANGER]) {
      const actor = await actorOf(h, id);
      await expect(h.app.services.feedback.get(actor, fb.id)).rejects.toThrow(/not allowed/);
      expect((await h.app.services.feedback.listForActor(actor)).map((f) => f.id)).not.toContain(fb.id);
    }
  });

  it('develop: a senior leader adds coaching for a leader (English), the leader is told in bokmål; end before start, empty title and a stranger are refused', async () => {
    const view = await openModal(h, SENIOR, `develop <@${LEADER}>`);
    expect(visibleText(view)).toContain('Development activity');
    let errors = await submit(h, SENIOR, view, developValues({ leader: LEADER, title: null, kind: null }));
    expect(errors[DevelopIds.titleBlock]).toBe('Please fill in this field.');
    expect(errors[DevelopIds.kindBlock]).toBe('Please fill in this field.');
    errors = await submit(h, SENIOR, view, developValues({ leader: LEADER, start: '2026-03-10', end: '2026-03-01' }));
    expect(errors[DevelopIds.endBlock]).toBe('The end date cannot be before the start date.');
    const viewId = randomId('V');
    const ok = developValues({ leader: LEADER, title: 'Ærlig 👍 coaching', provider: 'Kari Nordmann', start: '2026-03-01', end: '2026-06-01', status: 'IN_PROGRESS' });
    expect(await submit(h, SENIOR, view, ok, { viewId })).toEqual({});
    expect(await submit(h, SENIOR, view, ok, { viewId })).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, LEADER).some((c) => visibleText(c.args.blocks).includes('la til et utviklingstiltak for') && visibleText(c.args.blocks).includes('Coaching «Ærlig 👍 coaching»')));
    const followUp = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LEADER } } });
    const rows = await h.prisma.developmentActivity.findMany({ where: { followUpId: followUp.id } });
    expect(rows.map((r) => [r.kind, r.title, r.provider, r.status])).toEqual([['COACHING', 'Ærlig 👍 coaching', 'Kari Nordmann', 'IN_PROGRESS']]);
    // The leader moves it on from the buttons in their DM; someone else's click changes nothing.
    const dm = dmsTo(h, LEADER).find((c) => visibleText(c.args.blocks).includes('Coaching «Ærlig 👍 coaching»'))!;
    const buttons = (dm.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[]).find((b) => b.type === 'actions')!.elements!;
    const complete = buttons.find((b) => b.value.endsWith('.COMPLETED'))!;
    expect(complete.text.text).toBe('Sett til Fullført');
    let n = h.slack.responses.length;
    await h.action(OTHER_SENIOR, { action_id: complete.action_id, value: complete.value, type: 'button' }, { response_url: h.newResponseUrl() });
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toBe('You do not have access to this.');
    n = h.slack.responses.length;
    await h.action(LEADER, { action_id: complete.action_id, value: complete.value, type: 'button' }, { response_url: h.newResponseUrl() });
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toBe('Statusen for «Ærlig 👍 coaching» er nå: Fullført.');
    expect((await h.prisma.developmentActivity.findUniqueOrThrow({ where: { id: rows[0].id } })).status).toBe('COMPLETED');
    n = h.slack.responses.length;
    await h.action(LEADER, { action_id: complete.action_id, value: `${rows[0].id}.DELETED`, type: 'button' }, { response_url: h.newResponseUrl() });
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('Dette finnes ikke lenger');
    const nb = await openModal(h, LEADER, 'utvikling');
    expect(visibleText(nb)).toContain('Utviklingstiltak');
    for (const intruder of [OTHER_LEADER, OTHER_SENIOR, STRANGER]) {
      const errs = await submit(h, intruder, nb, developValues({ leader: LEADER }));
      expect(errs[DevelopIds.leaderBlock]).toMatch(/no follow-up with this person|ingen oppfølging med denne personen/);
      const actor = await actorOf(h, intruder);
      await expect(h.app.services.development.get(actor, rows[0].id)).rejects.toThrow(/not allowed/);
      await expect(h.app.services.development.setStatus(actor, rows[0].id, 'CANCELLED')).rejects.toThrow(/not allowed/);
      await expect(h.app.services.development.list(actor, followUp.id)).rejects.toThrow(/not allowed/);
    }
    expect(await h.prisma.developmentActivity.count({ where: { followUpId: followUp.id } })).toBe(1);
  });

  it('reflect: prompts from the bank rotate (never the same set twice in a row); private by default, shared when ticked', async () => {
    const events = recordEvents(h);
    const first = await openModal(h, LEADER, 'refleksjon');
    expect(visibleText(first)).toContain('Del med min overordnede leder');
    const promptsOf = (v: Record<string, unknown>) => (JSON.parse(v.private_metadata as string) as { keys: string[] }).keys;
    const firstKeys = promptsOf(first);
    expect(firstKeys.length).toBeGreaterThanOrEqual(1);
    expect(firstKeys.length).toBeLessThanOrEqual(3);
    const share = (v: Record<string, unknown>) => (v.blocks as { block_id?: string; element?: { initial_options?: unknown[] } }[]).find((b) => b.block_id === ReflectIds.shareBlock);
    expect(share(first)?.element?.initial_options).toBeUndefined();
    let errors = await submit(h, LEADER, first, reflectValues(firstKeys.map(() => null), false));
    expect(errors[ReflectIds.answerBlock(1)]).toBe('Svar på minst ett av spørsmålene.');
    expect(await submit(h, LEADER, first, reflectValues(['Ærlig 👍 مرحبا', null, LONG_TEXT.slice(0, 2900)].slice(0, firstKeys.length), false))).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, LEADER).some((c) => visibleText(c.args.blocks).includes('Den er privat')));
    const second = await openModal(h, LEADER, 'reflect');
    const secondKeys = promptsOf(second);
    expect([...secondKeys].sort().join()).not.toBe([...firstKeys].sort().join());
    const retryId = randomId('V');
    expect(await submit(h, LEADER, second, reflectValues(secondKeys.map((_, i) => `svar ${i + 1}`), true), { viewId: retryId })).toEqual({});
    expect(await submit(h, LEADER, second, reflectValues(secondKeys.map((_, i) => `svar ${i + 1}`), true), { viewId: retryId })).toEqual({});
    await h.slack.waitFor(() => dmsTo(h, SENIOR).some((c) => visibleText(c.args.blocks).includes(`<@${LEADER}> shared a reflection with you`)));
    const sharedDm = dmsTo(h, SENIOR).find((c) => visibleText(c.args.blocks).includes('shared a reflection'))!;
    expect(visibleText(sharedDm.args.blocks)).toContain('svar 1');
    expect(dmsTo(h, SENIOR).some((c) => visibleText(c.args.blocks).includes('Ærlig 👍 مرحبا'))).toBe(false);
    const followUp = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LEADER } } });
    await eventually(() => events.calls.filter((e) => e[0] === 'subjectChanged' && e[1] === 'reflection' && e[2] === followUp.id).length === 2, 'reflection events');
    const third = await openModal(h, LEADER, 'reflect');
    expect([...promptsOf(third)].sort().join()).not.toBe([...secondKeys].sort().join());

    // Privacy: the senior leader reads only the shared one; nobody else (admin included) reads either.
    const [privateOne, sharedOne] = await h.prisma.reflection.findMany({ where: { followUpId: followUp.id }, orderBy: { createdAt: 'asc' } });
    expect(sharedOne.sharedWithSenior).toBe(true);
    expect(privateOne.sharedWithSenior).toBe(false);
    expect((privateOne.prompts as { key: string }[]).map((p) => p.key)).toEqual(firstKeys);
    const leader = await actorOf(h, LEADER);
    const senior = await actorOf(h, SENIOR);
    expect((await h.app.services.reflections.list(leader, followUp.id)).length).toBe(2);
    expect((await h.app.services.reflections.list(senior, followUp.id)).map((r) => r.id)).toEqual([sharedOne.id]);
    await expect(h.app.services.reflections.get(senior, privateOne.id)).rejects.toThrow(/not allowed/);
    expect((await h.app.services.reflections.get(senior, sharedOne.id)).id).toBe(sharedOne.id);
    for (const id of [OTHER_LEADER, OTHER_SENIOR, ADMIN, STRANGER]) {
      const actor = await actorOf(h, id);
      await expect(h.app.services.reflections.get(actor, sharedOne.id)).rejects.toThrow(/not allowed/);
      await expect(h.app.services.reflections.get(actor, privateOne.id)).rejects.toThrow(/not allowed/);
      await expect(h.app.services.reflections.list(actor, followUp.id)).rejects.toThrow(/not allowed/);
    }
  });

  it('reflect: a senior leader or a stranger cannot write into the leader\'s follow-up via forged private_metadata; a non-leader is told why', async () => {
    const followUp = await h.prisma.followUp.findFirstOrThrow({ where: { workspaceId: h.teamId, leader: { slackUserId: LEADER } } });
    const own = await openModal(h, OTHER_LEADER, 'reflect');
    const forged = { ...own, private_metadata: JSON.stringify({ followUpId: followUp.id, keys: ['g1'] }) };
    const before = await h.prisma.reflection.count({ where: { followUpId: followUp.id } });
    for (const intruder of [SENIOR, OTHER_LEADER, ADMIN, STRANGER]) {
      const errors = await submit(h, intruder, forged, reflectValues(['sneaky'], true));
      expect(Object.values(errors).join(' ')).toMatch(/You do not have access to this|Du har ikke tilgang til dette/);
    }
    const garbled = { ...own, private_metadata: 'not json' };
    expect((await submit(h, OTHER_LEADER, garbled, reflectValues(['x'], false)))[ReflectIds.answerBlock(1)]).toBe('This no longer exists — it may have been deleted.');
    expect(await h.prisma.reflection.count({ where: { followUpId: followUp.id } })).toBe(before);
    expect(visibleText((await commandReply(h, SENIOR, 'reflect')).blocks)).toContain('You are not followed up by anyone yet');
    expect(visibleText((await commandReply(h, STRANGER, 'refleksjon')).blocks)).toContain('Ingen følger deg opp ennå');
  });
});
