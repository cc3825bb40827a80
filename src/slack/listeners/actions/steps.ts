import type { ButtonAction } from '@slack/bolt';
import type { DevelopmentStatus } from '../../../data/prisma';
import { DEVELOPMENT_STATUSES } from '../../../domain/development';
import { NotFoundError } from '../../../domain/errors';
import { RECORD_ID } from '../../../domain/vocabulary';
import type { AppContext } from '../../context';
import { QUESTION_KEY } from '../../forms/steps';
import { openAddQuestion, openConversation, openReflect } from '../../handlers/steps';
import { esc, truncate } from '../../blocks';
import { textMessage } from '../../blocks';
import { idFrom } from '../../invocation';
import { fromAction } from '../../invocation';

/** The follow-up picker of `/followup conversation` (several follow-ups). */
export const conversationPick = (ctx: AppContext) => fromAction<ButtonAction>(ctx, (inv, action) => openConversation(ctx, inv, idFrom(action)));

/** "Write reflection": from the picker, or a reminder (value: follow-up id). */
export const reflectOpen = (ctx: AppContext) => fromAction<ButtonAction>(ctx, (inv, action) => openReflect(ctx, inv, idFrom(action)));

/** "Add to next one-to-one" in the question bank. */
export const questionAddToNext = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, action) => {
    const key = action.value ?? '';
    if (!QUESTION_KEY.test(key)) throw new NotFoundError('question');
    const question = await ctx.services.questions.pickForNextOneToOne(inv.actor, key);
    await inv.reply(textMessage(inv.tr('questions.picked', { text: esc(truncate(question.text, 300)) })));
  });

/** "Add a question" (admins; others get a clear refusal). */
export const questionAddButton = (ctx: AppContext) => fromAction<ButtonAction>(ctx, (inv) => openAddQuestion(ctx, inv));

/** "Mark as in progress / completed / cancelled" on a development activity (either person of the follow-up). */
export const developStatus = (ctx: AppContext) =>
  fromAction<ButtonAction>(ctx, async (inv, action) => {
    const [id, status] = (action.value ?? '').split('.');
    if (!RECORD_ID.test(id ?? '') || !(DEVELOPMENT_STATUSES as string[]).includes(status ?? '')) throw new NotFoundError('development activity');
    const activity = await ctx.services.development.setStatus(inv.actor, id, status as DevelopmentStatus);
    await inv.reply(textMessage(inv.tr('develop.status_changed', { title: esc(truncate(activity.title, 150)), status: inv.tr(`develop.status.${activity.status}`) })));
  });
