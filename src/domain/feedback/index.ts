import type { Repositories } from '../../data';
import type { Feedback, Person } from '../../data/prisma';

import { NotAllowedError, NotFoundError, ValidationError, type FieldError } from '../errors';
import { createOnceByKey } from '../../data/createOnce';
import type { Actor } from '../people';
import { assertWritable } from '../privacy';

export const FEEDBACK_PART_MAX = 3000;

export interface FeedbackInput {
  receiverUserId: string;
  works: string;
  improve: string;
  advice: string;
}

export interface GivenFeedback {
  feedback: Feedback;
  receiver: Person;
  duplicate: boolean;
}

/** The rule of feedback that needs no lookup: not to yourself. Keyed by the form's field (receiver). */
export function feedbackRuleErrors(giverUserId: string, input: Pick<FeedbackInput, 'receiverUserId'>): Record<string, FieldError> {
  return input.receiverUserId === giverUserId ? { receiver: { key: 'feedback.error_self' } } : {};
}

/**
 * Step 2: feedback in three parts — what works, what can improve, advice. Visible to giver and
 * receiver only (not the other senior leader, not admins). Giver and receiver must share a
 * follow-up, in either direction: a senior leader to their leader, or a leader to their senior
 * leader — the people the app connects; feedback to anyone else belongs elsewhere.
 */
export class FeedbackService {
  constructor(private readonly repos: Repositories) {}

  async give(actor: Actor, input: FeedbackInput, sourceKey: string | null): Promise<GivenFeedback> {
    const own = feedbackRuleErrors(actor.person.slackUserId, input);
    if (Object.keys(own).length > 0) throw new ValidationError(own);
    const receiver = await this.repos.people.find(actor.teamId, input.receiverUserId);
    if (receiver?.isBot) throw new ValidationError({ receiver: { key: 'feedback.error_bot' } });
    if (receiver?.deleted) throw new ValidationError({ receiver: { key: 'setup.error_leader_deleted' } });
    const mine = await this.repos.followUps.listForPerson(actor.person.id);
    const together = receiver && mine.some((f) => (f.seniorId === receiver.id && f.leaderId === actor.person.id) || (f.leaderId === receiver.id && f.seniorId === actor.person.id));
    if (receiver && !together) {
      // A follow-up not started yet, or ended: nothing new is recorded in it (its history is read-only).
      const pair = (await this.repos.followUps.findByPair(actor.person.id, receiver.id)) ?? (await this.repos.followUps.findByPair(receiver.id, actor.person.id));
      if (pair) assertWritable(pair, 'receiver');
    }
    if (!receiver || !together) throw new ValidationError({ receiver: { key: 'feedback.error_no_followup' } });

    const { value: feedback, created } = await createOnceByKey(sourceKey, (key) => this.repos.feedback.findBySourceKey(key), () =>
      this.repos.feedback.create({
      workspaceId: actor.teamId,
      giverId: actor.person.id,
      receiverId: receiver.id,
      works: input.works,
      improve: input.improve,
      advice: input.advice,
      sourceKey,
    }),
    );
    return { feedback, receiver, duplicate: !created };
  }

  /** Records the DM that delivered it (for a later update or a reply). */
  async delivered(feedbackId: string, messageTs: string, channelId: string | null = null): Promise<void> {
    await this.repos.feedback.saveMessageTs(feedbackId, messageTs, channelId);
  }

  /** One feedback: giver and receiver only. */
  async get(actor: Actor, id: string): Promise<Feedback> {
    const feedback = await this.repos.feedback.findById(id);
    if (!feedback || feedback.workspaceId !== actor.teamId) throw new NotFoundError('feedback');
    if (feedback.giverId !== actor.person.id && feedback.receiverId !== actor.person.id) throw new NotAllowedError('feedback');
    return feedback;
  }

  /** Feedback the actor gave or received, and nothing else. */
  listForActor(actor: Actor): Promise<Feedback[]> {
    return this.repos.feedback.listForPerson(actor.person.id);
  }
}
