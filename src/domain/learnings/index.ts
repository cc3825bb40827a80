import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import { type Learning, type Locale } from '../../data/prisma';
import { teamChannelLocale } from '../followups';
import { createOnceByKey } from '../../data/createOnce';
import { NotAllowedError, NotFoundError, ValidationError } from '../errors';
import type { Actor } from '../people';
import { assertWritable } from '../privacy';

/**
 * Step 7: the leader's learning log — a mistake or an experiment, what was learned, the next
 * experiment. Shared to the team channel only when the author ticks the box (off by default).
 */
export interface LearningInput {
  followUpId: string;
  whatHappened: string;
  learned: string;
  nextExperiment: string | null;
  share: boolean;
}

export interface SavedLearning {
  learning: Learning;
  followUp: FollowUpWithPeople;
  duplicate: boolean;
  /** The team channel's language: a shared learning is posted in it (the author is told in theirs). */
  teamLocale: Locale;
}

export class LearningService {
  constructor(
    private readonly repos: Repositories,
    private readonly defaults: { locale: Locale },
  ) {}

  /**
   * The follow-ups a leader may log a learning in (their active ones as leader, oldest first). With
   * more than one, the form asks which (never silently the oldest).
   */
  async prepare(actor: Actor): Promise<FollowUpWithPeople[]> {
    const mine = (await this.repos.followUps.listForPerson(actor.person.id)).filter((f) => f.leaderId === actor.person.id);
    if (mine.length === 0) throw new ValidationError({ followUp: { key: 'learn.error_not_leader' } });
    return mine;
  }

  async create(actor: Actor, input: LearningInput, sourceKey: string | null): Promise<SavedLearning> {
    const followUp = await this.repos.followUps.findById(input.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    if (followUp.leaderId !== actor.person.id) throw new NotAllowedError('learning (the leader only)');
    assertWritable(followUp, 'followUp');
    const teamLocale = teamChannelLocale(followUp, await this.repos.workspaces.find(followUp.workspaceId), this.defaults.locale);
    if (input.share && !followUp.teamChannelId) throw new ValidationError({ share: { key: 'learn.error_no_channel' } });
    const { value: learning, created } = await createOnceByKey(sourceKey, (key) => this.repos.learnings.findBySourceKey(key), () =>
      this.repos.learnings.create({
      followUpId: followUp.id,
      authorId: actor.person.id,
      whatHappened: input.whatHappened,
      learned: input.learned,
      nextExperiment: input.nextExperiment,
      sharedToChannel: input.share,
      sourceKey,
    }),
    );
    return { learning, followUp, duplicate: !created, teamLocale };
  }

  /** Records the channel post; false when another delivery already did (post nothing twice). */
  async recordShared(learningId: string, ts: string, channelId: string | null = null): Promise<boolean> {
    return (await this.repos.learnings.markShared(learningId, ts, channelId)).count === 1;
  }
}
