import { barrierForm } from '../../src/slack/features/barrier/fields';
import { learnForm } from '../../src/slack/features/learn/fields';
import { BarrierIds } from '../../src/slack/features/barrier/views';
import { Harness, randomId, visibleText } from '../support/harness';
import { dmTo, followUp, openedView, openHomeOf, settle } from '../support/seed';

const radio = (v: string) => ({ type: 'radio_buttons', selected_option: { value: v } });
const text = (v: string) => ({ type: 'plain_text_input', value: v });
const user = (v: string) => ({ type: 'users_select', selected_user: v });
const checked = (on: boolean) => ({ type: 'checkboxes', selected_options: on ? [{ value: 'share' }] : [] });

describe('/followup barrier (step 5)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('lets the leader register a barrier in bokmål, tells the senior leader in English, and lists it with a status menu', async () => {
    const senior = h.user('UBASEN01', { locale: 'en-GB' });
    const leader = h.user('UBALEA01', { locale: 'nb-NO' });
    const f = await followUp(h, senior, leader);
    await h.command(leader, 'hindring');
    const view = await openedView(h, 1);
    expect(view.title).toMatchObject({ text: 'Hindring' });
    const leaderBlock = view.blocks.find((b) => b.block_id === barrierForm.ids.leaderUserId.block) as { element: { initial_user?: string } };
    expect(leaderBlock.element.initial_user).toBe(leader);

    const empty = await h.submitView(leader, view, {
      [barrierForm.ids.leaderUserId.block]: { [barrierForm.ids.leaderUserId.action]: user(leader) },
      [barrierForm.ids.description.block]: { [barrierForm.ids.description.action]: text('   ') },
      [barrierForm.ids.status.block]: { [barrierForm.ids.status.action]: radio('OPEN') },
    });
    const errs = empty.json<{ errors: Record<string, string> }>().errors;
    expect(errs[barrierForm.ids.description.block]).toBe('Fyll ut dette feltet.');
    expect(errs[barrierForm.ids.kind.block]).toBe('Fyll ut dette feltet.');

    const long = await h.submitView(leader, view, {
      [barrierForm.ids.leaderUserId.block]: { [barrierForm.ids.leaderUserId.action]: user(leader) },
      [barrierForm.ids.kind.block]: { [barrierForm.ids.kind.action]: radio('RESOURCE') },
      [barrierForm.ids.description.block]: { [barrierForm.ids.description.action]: text('ø'.repeat(3100)) },
      [barrierForm.ids.status.block]: { [barrierForm.ids.status.action]: radio('OPEN') },
    });
    expect(long.json<{ errors: Record<string, string> }>().errors[barrierForm.ids.description.block]).toContain('2000');

    const values = {
      [barrierForm.ids.leaderUserId.block]: { [barrierForm.ids.leaderUserId.action]: user(leader) },
      [barrierForm.ids.kind.block]: { [barrierForm.ids.kind.action]: radio('RESOURCE') },
      [barrierForm.ids.description.block]: { [barrierForm.ids.description.action]: text('To av fem teamledere har permisjon 🏖️ <@U123>') },
      [barrierForm.ids.status.block]: { [barrierForm.ids.status.action]: radio('OPEN') },
    };
    const viewId = randomId('V');
    expect((await h.submitView(leader, { ...view, id: viewId }, values)).body).toBe('');
    await h.submitView(leader, { ...view, id: viewId }, values);
    await dmTo(h, leader, 'Hindring lagret (Ressursmessig)');
    const told = await dmTo(h, senior, 'recorded a barrier (Resource)');
    // user text is escaped: it cannot mention anyone
    expect(JSON.stringify(told)).toContain('&lt;@U123&gt;');
    const rows = await h.prisma.barrier.findMany({ where: { followUpId: f.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'RESOURCE', status: 'OPEN', createdById: f.leaderId, sourceKey: `view-${h.teamId}-${viewId}` });

    // Listed on the leader's Home with a menu; the senior leader changes it from status.
    const home = await openHomeOf(h, leader);
    expect(visibleText(home)).toContain('*Ressursmessig* (åpen): To av fem teamledere har permisjon');
    const n = h.slack.responses.length;
    await h.command(senior, `status <@${leader}>`);
    const status = await h.slack.waitForResponse(n + 1);
    expect(visibleText(status.blocks)).toContain('*Resource* (open)');
    const menu = (status.blocks as { accessory?: { type: string; action_id: string; options: { value: string }[] } }[]).find((b) => b.accessory?.type === 'overflow')!.accessory!;
    // The two other statuses, and the actions that address it (issue 8).
    expect(menu.options.map((o) => o.value)).toEqual([`IN_PROGRESS|${rows[0].id}`, `RESOLVED|${rows[0].id}`, `LINKS|${rows[0].id}`]);
    const published = h.slack.callsOf('views.publish').length;
    await h.action(senior, { action_id: menu.action_id, type: 'overflow', selected_option: { value: `RESOLVED|${rows[0].id}` } }, { response_url: h.newResponseUrl() });
    await h.slack.waitFor(() => h.slack.responses.some((r) => visibleText(r.body.blocks).includes('is now resolved')), 5000, 'confirmation');
    const after = await h.prisma.barrier.findUniqueOrThrow({ where: { id: rows[0].id } });
    expect(after.status).toBe('RESOLVED');
    expect(after.resolvedAt).not.toBeNull();
    await h.slack.waitForCall('views.publish', published + 2);
  });

  it('refuses a barrier for a leader one does not follow up, and a status change by a stranger or with a forged id', async () => {
    const senior = h.user('UBASEN02', { locale: 'en-GB' });
    const leader = h.user('UBALEA02', { locale: 'en-GB' });
    const stranger = h.user('UBASTR02', { locale: 'en-GB' });
    const f = await followUp(h, senior, leader);
    const barrier = await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'PERSONAL', description: 'Secret worry', createdById: f.leaderId } });
    const opened = h.slack.callsOf('views.open').length;
    await h.command(stranger, `barrier <@${leader}>`);
    const view = await openedView(h, opened + 1);
    const res = await h.submitView(stranger, view, {
      [barrierForm.ids.leaderUserId.block]: { [barrierForm.ids.leaderUserId.action]: user(leader) },
      [barrierForm.ids.kind.block]: { [barrierForm.ids.kind.action]: radio('PERSONAL') },
      [barrierForm.ids.description.block]: { [barrierForm.ids.description.action]: text('Not mine to write') },
      [barrierForm.ids.status.block]: { [barrierForm.ids.status.action]: radio('OPEN') },
    });
    expect(res.json<{ errors: Record<string, string> }>().errors[barrierForm.ids.leaderUserId.block]).toContain('You have no follow-up with this person');

    for (const value of [`RESOLVED|${barrier.id}`, 'RESOLVED|doesnotexist', 'BOGUS|x']) {
      const n = h.slack.responses.length;
      await h.action(stranger, { action_id: BarrierIds.statusMenu(0), type: 'overflow', selected_option: { value } }, { response_url: h.newResponseUrl() });
      const answer = visibleText((await h.slack.waitForResponse(n + 1)).blocks);
      expect(answer).toMatch(/You do not have access to this|This no longer exists/);
    }
    expect((await h.prisma.barrier.findUniqueOrThrow({ where: { id: barrier.id } })).status).toBe('OPEN');
  });
});

describe('/followup learn (step 7)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('saves privately by default, shares to the team channel only when ticked, once, in the team channel\'s language (the author is told in theirs)', async () => {
    const senior = h.user('ULESEN01', { locale: 'en-GB' });
    const leader = h.user('ULELEA01', { locale: 'nb-NO' });
    const f = await followUp(h, senior, leader, { channel: 'C0TEAMLE1' });
    // The team reads English; the author reads bokmål.
    await h.prisma.followUp.update({ where: { id: f.id }, data: { teamLocale: 'en' } });
    await h.command(leader, 'læring');
    const view = await openedView(h, 1);
    expect(view.title).toMatchObject({ text: 'Læringspunkt' });
    const share = view.blocks.find((b) => b.block_id === learnForm.ids.share.block) as { element: { initial_options?: unknown } };
    expect(share.element.initial_options).toBeUndefined();
    expect(visibleText(view)).toContain('Del med teamkanalen min');

    const base = {
      [learnForm.ids.what.block]: { [learnForm.ids.what.action]: text('Vi kjørte morgenmøtet uten agenda — 混合 ✨') },
      [learnForm.ids.learned.block]: { [learnForm.ids.learned.action]: text('Agenda først') },
    };
    expect((await h.submitView(leader, { ...view, id: randomId('V') }, { ...base, [learnForm.ids.share.block]: { [learnForm.ids.share.action]: checked(false) } })).body).toBe('');
    await dmTo(h, leader, 'Det ble ikke delt');
    expect(h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0TEAMLE1')).toHaveLength(0);

    const viewId = randomId('V');
    const shared = { ...base, [learnForm.ids.next.block]: { [learnForm.ids.next.action]: text('Prøve stående møter') }, [learnForm.ids.share.block]: { [learnForm.ids.share.action]: checked(true) } };
    await h.submitView(leader, { ...view, id: viewId }, shared);
    await h.submitView(leader, { ...view, id: viewId }, shared);
    await dmTo(h, leader, 'delt i <#C0TEAMLE1>');
    const posts = h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0TEAMLE1');
    expect(posts).toHaveLength(1);
    expect(visibleText(posts[0].args.blocks)).toContain(`<@${leader}> shares a learning with the team`);
    expect(visibleText(posts[0].args.blocks)).toContain('*Next experiment*');
    expect(visibleText(posts[0].args.blocks)).toContain('Prøve stående møter');
    const rows = await h.prisma.learning.findMany({ where: { followUpId: f.id }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.sharedToChannel, r.sharedTs !== null])).toEqual([
      [false, false],
      [true, true],
    ]);

    const missing = await h.submitView(leader, view, { [learnForm.ids.learned.block]: { [learnForm.ids.learned.action]: text('x') } });
    expect(missing.json<{ errors: Record<string, string> }>().errors[learnForm.ids.what.block]).toBe('Fyll ut dette feltet.');
  });

  it('says clearly when there is no team channel, keeps what was typed, and refuses anyone but the leader', async () => {
    const senior = h.user('ULESEN02', { locale: 'en-GB' });
    const leader = h.user('ULELEA02', { locale: 'en-GB' });
    const f = await followUp(h, senior, leader, { channel: null });
    const opened = h.slack.callsOf('views.open').length;
    await h.command(leader, 'learn');
    const view = await openedView(h, opened + 1);
    expect(visibleText(view)).toContain('Your follow-up has no team channel, so this cannot be shared');
    const values = {
      [learnForm.ids.what.block]: { [learnForm.ids.what.action]: text('Tried a new retro format') },
      [learnForm.ids.learned.block]: { [learnForm.ids.learned.action]: text('Shorter is better') },
      [learnForm.ids.share.block]: { [learnForm.ids.share.action]: checked(true) },
    };
    const res = await h.submitView(leader, view, values);
    expect(res.json<{ errors: Record<string, string> }>().errors[learnForm.ids.share.block]).toContain('Untick the box to save it privately');
    expect(await h.prisma.learning.count({ where: { followUpId: f.id } })).toBe(0);

    // The senior leader has no learning log of their own here; a forged metadata is refused.
    let n = h.slack.responses.length;
    await h.command(senior, 'learn');
    expect(visibleText((await h.slack.waitForResponse(n + 1)).blocks)).toContain('not followed up by anyone');
    const forged = await h.submitView(senior, view, { ...values, [learnForm.ids.share.block]: { [learnForm.ids.share.action]: checked(false) } });
    expect(forged.json<{ errors: Record<string, string> }>().errors[learnForm.ids.what.block]).toBe('You do not have access to this.');
    const garbage = await h.submitView(leader, { ...view, private_metadata: '{"f":' }, values);
    expect(garbage.json<{ errors: Record<string, string> }>().errors[learnForm.ids.what.block]).toContain('no longer exists');
    n = h.slack.responses.length;
    expect(await h.prisma.learning.count({ where: { followUpId: f.id } })).toBe(0);
  });

  it('tells the author when the app is not in the channel', async () => {
    const senior = h.user('ULESEN03', { locale: 'en-GB' });
    const leader = h.user('ULELEA03', { locale: 'en-GB' });
    await followUp(h, senior, leader, { channel: 'C0NOTIN03' });
    h.slack.fail('chat.postMessage', { error: 'not_in_channel' }, { match: (a) => a.channel === 'C0NOTIN03' });
    const opened = h.slack.callsOf('views.open').length;
    await h.command(leader, 'learn');
    const view = await openedView(h, opened + 1);
    await h.submitView(leader, { ...view, id: randomId('V') }, {
      [learnForm.ids.what.block]: { [learnForm.ids.what.action]: text('a') },
      [learnForm.ids.learned.block]: { [learnForm.ids.learned.action]: text('b') },
      [learnForm.ids.share.block]: { [learnForm.ids.share.action]: checked(true) },
    });
    await dmTo(h, leader, 'invite the app to the channel');
  });
});
