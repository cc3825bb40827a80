import type { ButtonAction, StaticSelectAction } from '@slack/bolt';
import type { KnownBlock, ModalView } from '@slack/types';
import { NotFoundError } from '../../../domain/errors';
import { RECORD_ID } from '../../../domain/vocabulary';
import type { Translate } from '../../../i18n';
import { dateFormatter, type Reader } from '../../../i18n/dates';
import { dateToDay } from '../../../time/dates';
import { button, context, esc, Limits, option, plain, section, truncate } from '../../blocks';
import type { AppContext } from '../../context';
import { metadata } from '../../form/metadata';
import { fromAction, type ActionArgs, type Invocation } from '../../invocation';
import { barrierLine } from '../home/cards';
import type { HomeBarrier } from '../../../domain/home';

/** The barrier ↔ actions modal: its ids (values carry `<barrier id>|<action id>`). */
export const BarrierLinkIds = {
  view: 'barrier_links_view',
  /** The barrier's overflow option that opens the modal: `LINKS|<barrier id>`. */
  menuValue: 'LINKS',
  linkSelect: 'barrier_links_link',
  /** "Remove link" on a linked action: `barrier_links_unlink_<n>`. */
  unlink: (n: number) => `barrier_links_unlink_${n}`,
  unlinkPattern: /^barrier_links_unlink_\d+$/,
} as const;

interface LinkAction {
  id: string;
  what: string;
  dueDate: Date | null;
  status: string;
}

/** A barrier, the actions that address it (each with "Remove link"), and a select to link another. */
export function barrierLinksModal(
  tr: Translate,
  reader: Reader,
  vm: { barrier: Pick<HomeBarrier, 'id' | 'kind' | 'status' | 'description'>; actions: LinkAction[]; linkable: LinkAction[] },
): ModalView {
  const fmt = dateFormatter(reader);
  const line = (a: LinkAction) =>
    tr('barrier.links_action', { what: esc(truncate(a.what, 200)), due: a.dueDate ? fmt.day(dateToDay(a.dueDate)) : tr('common.no_date'), state: a.status === 'DONE' ? tr('barrier.links_done') : '' });
  const blocks: KnownBlock[] = [section(barrierLine(tr, vm.barrier)), section(tr('barrier.links_header'))];
  if (vm.actions.length === 0) blocks.push(context(tr('barrier.links_none')));
  vm.actions.slice(0, 40).forEach((a, i) => blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(line(a), Limits.sectionText) }, accessory: button(tr('barrier.links_unlink'), BarrierLinkIds.unlink(i), `${vm.barrier.id}|${a.id}`) }));
  if (vm.linkable.length === 0) blocks.push(context(tr('barrier.links_no_linkable')));
  else
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: tr('barrier.links_link') },
      accessory: {
        type: 'static_select',
        action_id: BarrierLinkIds.linkSelect,
        placeholder: plain(tr('barrier.links_link_placeholder'), Limits.placeholder),
        options: vm.linkable.slice(0, 100).map((a) => option(truncate(a.what, 70), `${vm.barrier.id}|${a.id}`)),
      },
    });
  return {
    type: 'modal',
    callback_id: BarrierLinkIds.view,
    private_metadata: metadata({ barrierId: vm.barrier.id }),
    title: plain(tr('barrier.links_title'), Limits.modalTitle),
    close: plain(tr('history.close'), Limits.modalTitle),
    blocks,
  };
}

async function show(ctx: AppContext, inv: Invocation, barrierId: string, viewId?: string): Promise<void> {
  const links = await ctx.services.barriers.links(inv.actor, barrierId);
  const view = barrierLinksModal(inv.tr, { locale: inv.actor.locale, zone: inv.actor.zone, now: ctx.services.clock.now() }, links);
  if (viewId) await ctx.web.views.update({ view_id: viewId, view });
  else await ctx.web.views.open({ trigger_id: inv.triggerId, view });
}

/** Opened from the barrier's overflow menu (`LINKS|<barrier id>`). */
export function openBarrierLinks(ctx: AppContext, inv: Invocation, barrierId: string): Promise<void> {
  if (!RECORD_ID.test(barrierId)) throw new NotFoundError('barrier');
  return show(ctx, inv, barrierId);
}

function pair(value: string | undefined): { barrierId: string; actionId: string } {
  const [barrierId, actionId] = (value ?? '').split('|');
  if (!barrierId || !actionId || !RECORD_ID.test(barrierId) || !RECORD_ID.test(actionId)) throw new NotFoundError('link value');
  return { barrierId, actionId };
}

/** "Link an action" (the select) and "Remove link" (a button) inside the modal: change, then redraw it. */
export function barrierLinkActions(ctx: AppContext) {
  const link = async (args: ActionArgs<StaticSelectAction>) => {
    const viewId = args.body.view?.id;
    await fromAction<StaticSelectAction>(ctx, async (inv, action, rctx) => {
      const { barrierId, actionId } = pair(action.selected_option?.value);
      await rctx.services.barriers.link(inv.actor, barrierId, actionId);
      await show(rctx, inv, barrierId, viewId);
    })(args);
  };
  const unlink = async (args: ActionArgs<ButtonAction>) => {
    const viewId = args.body.view?.id;
    await fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
      const { barrierId, actionId } = pair(action.value);
      await rctx.services.barriers.unlink(inv.actor, actionId);
      await show(rctx, inv, barrierId, viewId);
    })(args);
  };
  return { link, unlink };
}

