import { BarrierIds } from '../../src/slack/features/barrier/views';
import { BarrierLinkIds } from '../../src/slack/features/barrier/links';
import { dayToDate } from '../../src/time/dates';
import { FixedClock, Harness, visibleText } from '../support/harness';
import { checkView } from '../support/blockKit';
import { followUp, settle } from '../support/seed';

type View = Record<string, unknown> & { blocks: Record<string, unknown>[] };

/** A barrier shows the actions that address it; an action is linked (a select) or unlinked from there. */
describe('barrier ↔ actions in Slack', () => {
  let h: Harness;
  const SENIOR = 'UBLSEN01';
  const LEADER = 'UBLLEA01';
  beforeAll(async () => {
    h = await Harness.start({ clock: new FixedClock('2026-11-30T09:00:00Z') });
    h.user(SENIOR, { locale: 'en-GB', tz: 'Europe/London' });
    h.user(LEADER, { locale: 'nb-NO', tz: 'Europe/Oslo' });
  });
  afterAll(async () => {
    await settle(h);
    await h.close();
  });

  it('from the barrier’s menu: the modal lists linked actions, links one with the select and removes it, in both languages', async () => {
    const f = await followUp(h, SENIOR, LEADER);
    const barrier = await h.prisma.barrier.create({ data: { followUpId: f.id, kind: 'RESOURCE', description: 'Mangler budsjett', createdById: f.leaderId } });
    const action = await h.prisma.actionItem.create({ data: { followUpId: f.id, what: 'Søke om midler', ownerId: f.leaderId, dueDate: dayToDate('2026-12-15'), createdById: f.seniorId } });

    // The barrier's menu on Home offers it.
    const home = await h.openHome(LEADER);
    expect(JSON.stringify(home)).toContain(`"LINKS|${barrier.id}"`);
    expect(JSON.stringify(home)).toContain('Tiltak mot hindringen …');

    const opens = h.slack.callsOf('views.open').length;
    await h.action(LEADER, { action_id: BarrierIds.statusMenu(0), type: 'overflow', selected_option: { value: `LINKS|${barrier.id}` } }, { view: { id: 'VHOME', type: 'home' } });
    const opened = (await h.slack.waitForCall('views.open', opens + 1)).args.view as View;
    expect(checkView(opened)).toEqual([]);
    expect(visibleText(opened)).toContain('Mangler budsjett');
    expect(visibleText(opened)).toContain('Ingen tiltak er knyttet til denne hindringen ennå.');
    expect(JSON.stringify(opened)).toContain(`"${barrier.id}|${action.id}"`);

    const updates = h.slack.callsOf('views.update').length;
    await h.action(LEADER, { action_id: BarrierLinkIds.linkSelect, type: 'static_select', selected_option: { value: `${barrier.id}|${action.id}` } }, { view: { id: 'VLINKS', type: 'modal', callback_id: BarrierLinkIds.view } });
    const linked = await h.slack.waitForCall('views.update', updates + 1);
    expect(linked.args.view_id).toBe('VLINKS');
    const linkedView = linked.args.view as View;
    expect(checkView(linkedView)).toEqual([]);
    expect(visibleText(linkedView)).toContain('• Søke om midler · frist 15. desember');
    expect(visibleText(linkedView)).toContain('Oppfølgingen har ingen andre åpne tiltak å knytte til.');
    expect((await h.prisma.actionItem.findUniqueOrThrow({ where: { id: action.id } })).barrierId).toBe(barrier.id);

    // The senior leader sees the same link, in English, and removes it.
    await h.action(SENIOR, { action_id: BarrierIds.statusMenu(0), type: 'overflow', selected_option: { value: `LINKS|${barrier.id}` } }, { view: { id: 'VHOME', type: 'home' } });
    const en = (await h.slack.waitForCall('views.open', opens + 2)).args.view as View;
    expect(visibleText(en)).toContain('*Actions that address it*');
    expect(visibleText(en)).toContain('• Søke om midler · due <!date^');
    await h.action(SENIOR, { action_id: BarrierLinkIds.unlink(0), type: 'button', value: `${barrier.id}|${action.id}` }, { view: { id: 'VLINKS2', type: 'modal', callback_id: BarrierLinkIds.view } });
    const unlinked = await h.slack.waitForCall('views.update', updates + 2);
    expect(visibleText(unlinked.args.view)).toContain('No action addresses this barrier yet.');
    expect((await h.prisma.actionItem.findUniqueOrThrow({ where: { id: action.id } })).barrierId).toBeNull();
  });
});
