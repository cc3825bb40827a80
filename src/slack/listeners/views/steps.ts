import type { Question } from '../../../data/prisma';
import type { ReflectionPrompt } from '../../../data/reflections';
import type { AddedDevelopment, DevelopmentInput } from '../../../domain/development';
import type { ConversationInput, LoggedConversation } from '../../../domain/conversations';
import type { FeedbackInput, GivenFeedback } from '../../../domain/feedback';
import type { NewQuestionInput } from '../../../domain/questions';
import type { ReflectionInput, WrittenReflection } from '../../../domain/reflections';
import { translator } from '../../../i18n';
import { dateToDay, slackDay } from '../../../time/dates';
import type { AppContext } from '../../context';
import {
  conversationBlocks,
  developBlocks,
  feedbackBlocks,
  questionBlocks,
  readConversationForm,
  readDevelopForm,
  readFeedbackForm,
  readQuestionForm,
  readReflectForm,
  reflectBlocks,
} from '../../forms/steps';
import { ConversationIds, DevelopIds, FeedbackIds, QuestionIds, ReflectIds } from '../../ids';
import { dm } from '../../notify';
import { confirmToPair, pairOf } from '../../pair';
import { esc, truncate, userMention } from '../../blocks';
import { textMessage } from '../../blocks';
import { conversationSavedText, developSavedMessage, feedbackMessage, sharedReflectionMessage } from '../../views/steps';
import { legacySubmitHandler } from '../../form/submit';

export function conversationSubmission(ctx: AppContext) {
  return legacySubmitHandler<ConversationInput, LoggedConversation>(ctx, {
    read: readConversationForm,
    blocks: conversationBlocks(),
    fallbackBlock: ConversationIds.dateBlock,
    save: (actor, input, sourceKey) => ctx.services.conversations.log(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const { other } = pairOf(ctx, actor, r.followUp);
      const day = dateToDay(r.conversation.heldOn);
      const actions = r.conversation.actions.length;
      await confirmToPair(
        ctx,
        actor,
        r.followUp,
        (tr) => textMessage(conversationSavedText(tr, { other: userMention(other.person.slackUserId), date: slackDay(day, actor.zone), actions })),
        (tr) => textMessage(tr('conversation.notice', { author: userMention(actor.person.slackUserId), date: slackDay(day, other.zone), actions })),
      );
      await ctx.services.events.subjectChanged('conversation', r.followUp.id);
      for (const a of r.conversation.actions) await ctx.services.events.subjectChanged('action', a.id);
    },
  });
}

export function feedbackSubmission(ctx: AppContext) {
  return legacySubmitHandler<FeedbackInput, GivenFeedback>(ctx, {
    read: readFeedbackForm,
    blocks: feedbackBlocks,
    fallbackBlock: FeedbackIds.receiverBlock,
    save: (actor, input, sourceKey) => ctx.services.feedback.give(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const receiver = ctx.services.people.toActor(r.receiver);
      const message = feedbackMessage(translator(receiver.locale), actor.person.slackUserId, r.feedback);
      const tr = translator(actor.locale);
      try {
        const res = await ctx.web.chat.postMessage({ channel: receiver.person.slackUserId, text: message.text, blocks: message.blocks, unfurl_links: false });
        if (res.ts) await ctx.services.feedback.delivered(r.feedback.id, res.ts);
        await dm(ctx, actor.person.slackUserId, textMessage(tr('feedback.sent', { receiver: userMention(receiver.person.slackUserId) })));
      } catch (err) {
        ctx.logger.warn({ err }, 'feedback could not be delivered');
        await dm(ctx, actor.person.slackUserId, textMessage(tr('feedback.not_delivered', { receiver: userMention(receiver.person.slackUserId) })));
      }
    },
  });
}

export function developSubmission(ctx: AppContext) {
  return legacySubmitHandler<DevelopmentInput, AddedDevelopment>(ctx, {
    read: readDevelopForm,
    blocks: developBlocks,
    fallbackBlock: DevelopIds.titleBlock,
    save: (actor, input, sourceKey) => ctx.services.development.add(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const title = esc(truncate(r.activity.title, 150));
      const leader = userMention(r.followUp.leader.slackUserId);
      await confirmToPair(
        ctx,
        actor,
        r.followUp,
        (tr) => developSavedMessage(tr, tr('develop.saved', { kind: tr(`develop.kind.${r.activity.kind}`), title, leader, status: tr(`develop.status.${r.activity.status}`) }), r.activity.id, r.activity.status),
        (tr) => developSavedMessage(tr, tr('develop.notice', { author: userMention(actor.person.slackUserId), kind: tr(`develop.kind.${r.activity.kind}`), title, leader }), r.activity.id, r.activity.status),
      );
    },
  });
}

export function reflectSubmission(ctx: AppContext) {
  return legacySubmitHandler<ReflectionInput, WrittenReflection>(ctx, {
    read: readReflectForm,
    blocks: reflectBlocks(),
    fallbackBlock: ReflectIds.answerBlock(1),
    save: (actor, input, sourceKey) => ctx.services.reflections.write(actor, input, sourceKey),
    after: async (actor, r) => {
      if (r.duplicate) return;
      const tr = translator(actor.locale);
      const senior = ctx.services.people.toActor(r.followUp.senior);
      const shared = r.reflection.sharedWithSenior;
      await dm(ctx, actor.person.slackUserId, textMessage(shared ? tr('reflect.saved_shared', { senior: userMention(senior.person.slackUserId) }) : tr('reflect.saved_private')));
      if (shared) {
        const prompts = r.reflection.prompts as unknown as ReflectionPrompt[];
        const answers = r.reflection.answers as unknown as string[];
        await dm(ctx, senior.person.slackUserId, sharedReflectionMessage(translator(senior.locale), actor.person.slackUserId, prompts.map((p, i) => ({ prompt: p.text, answer: answers[i] ?? '' }))));
      }
      await ctx.services.events.subjectChanged('reflection', r.followUp.id);
    },
  });
}

export function questionSubmission(ctx: AppContext) {
  return legacySubmitHandler<NewQuestionInput, Question>(ctx, {
    read: readQuestionForm,
    blocks: questionBlocks,
    fallbackBlock: QuestionIds.textBlock,
    save: (actor, input) => ctx.services.questions.add(actor, input),
    after: async (actor, q) => {
      await dm(ctx, actor.person.slackUserId, textMessage(translator(actor.locale)('questions.added', { text: esc(truncate(q.text, 300)) })));
    },
  });
}
