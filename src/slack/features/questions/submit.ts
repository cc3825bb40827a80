import type { Question } from '../../../domain/questions';
import { translator } from '../../../i18n';
import { esc, textMessage, truncate } from '../../blocks';
import type { AppContext } from '../../context';
import { submitHandler } from '../../form/submit';
import { dm } from '../../notify';
import { questionForm } from './fields';

/** The "add a question" modal: adds it to the bank (admins only; the service checks). */
export function questionSubmission(ctx: AppContext) {
  return submitHandler(ctx, {
    form: questionForm,
    fallback: 'text',
    read: (v) => ({ text: v.text, step: v.step ? Number(v.step) : null, language: v.language }),
    save: (actor, input) => ctx.services.questions.add(actor, input),
    after: async (rctx, actor, q: Question) => {
      await dm(rctx, actor.person.slackUserId, textMessage(translator(actor.locale)('questions.added', { text: esc(truncate(q.text, 300)) })));
    },
  });
}
