import type { BlockAction, ButtonAction } from '@slack/bolt';
import { NotFoundError } from '../../../domain/errors';
import { QUESTION_KEY } from '../../../domain/questions';
import { esc, textMessage, truncate } from '../../blocks';
import { actionPattern } from '../../ids';
import { fromAction } from '../../invocation';
import type { Feature } from '../../feature';
import { QuestionIds } from './fields';
import { openAddQuestion, openQuestions } from './open';
import { questionSubmission } from './submit';

/** The question bank — `/followup questions`, "Add to next one-to-one", and (admins) adding a question. */
export const questions = {
  name: 'questions',
  subcommands: { questions: openQuestions },
  register(app, ctx) {
    app.view(QuestionIds.view, questionSubmission(ctx));
    app.action<BlockAction<ButtonAction>>(
      { action_id: actionPattern(QuestionIds.addToNextButton) },
      fromAction<ButtonAction>(ctx, async (inv, action, rctx) => {
        const key = action.value ?? '';
        if (!QUESTION_KEY.test(key)) throw new NotFoundError('question');
        const question = await rctx.services.questions.pickForNextOneToOne(inv.actor, key);
        await inv.reply(textMessage(inv.tr('questions.picked', { text: esc(truncate(question.text, 300)) })));
      }),
    );
    app.action<BlockAction<ButtonAction>>(QuestionIds.addButton, fromAction<ButtonAction>(ctx, (inv, _action, rctx) => openAddQuestion(rctx, inv)));
  },
} satisfies Feature;
