import type { AppContext } from '../../context';
import type { Invocation } from '../../invocation';
import type { Feature } from '../../feature';
import { holidayMove } from '../../../domain/reminders';
import { readerDates } from '../../dates';
import { scheduleMessage } from './views';

/** `/followup schedule`: the invoker's upcoming reminders, in their local time. */
export async function showSchedule(ctx: AppContext, inv: Invocation): Promise<void> {
  const upcoming = await ctx.services.reminders.upcomingFor(inv.actor.person.id, 30);
  await inv.reply(scheduleMessage(inv.tr, upcoming.map((r) => ({ kind: r.kind, dueAt: r.dueAt, moved: holidayMove(r) })), readerDates(ctx, inv.actor)));
}

/** The person's upcoming reminders. */
export const schedule = {
  name: 'schedule',
  subcommands: { schedule: showSchedule },
} satisfies Feature;
