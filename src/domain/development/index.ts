import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';

import type { DevelopmentActivity } from '../../data/prisma';
import { createOnceByKey } from '../../data/createOnce';
import { dayToDate, type IsoDay } from '../../time/dates';
import { NotFoundError, ValidationError, type FieldError } from '../errors';
import type { FollowUpService } from '../followups';
import type { Actor } from '../people';
import { assertParticipant, assertWritable } from '../privacy';

import { DEVELOPMENT_KINDS, DEVELOPMENT_STATUSES, type DevelopmentKind, type DevelopmentStatus } from '../vocabulary';

export { DEVELOPMENT_KINDS, DEVELOPMENT_STATUSES, type DevelopmentKind, type DevelopmentStatus };

/** The longest title and provider name of an activity. */
export const DEVELOPMENT_TEXT_MAX = 150;

/** The rules of an activity that need no lookup: title and provider within their length; it cannot end before it starts. */
export function developmentRuleErrors(input: Pick<DevelopmentInput, 'title' | 'provider' | 'startsOn' | 'endsOn'>): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const field of ['title', 'provider'] as const) {
    const length = Array.from(input[field] ?? '').length;
    if (length > DEVELOPMENT_TEXT_MAX) errors[field] = { key: 'common.error_too_long', vars: { max: DEVELOPMENT_TEXT_MAX, length } };
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) errors.endsOn = { key: 'develop.error_end_before_start' };
  return errors;
}

export interface DevelopmentInput {
  leaderUserId: string;
  kind: DevelopmentKind;
  title: string;
  provider: string | null;
  startsOn: IsoDay | null;
  endsOn: IsoDay | null;
  status: DevelopmentStatus;
}

export interface AddedDevelopment {
  activity: DevelopmentActivity;
  followUp: FollowUpWithPeople;
  duplicate: boolean;
}

/** Step 3: development activities — courses, programmes, coaching, mentoring. */
export class DevelopmentService {
  constructor(
    private readonly repos: Repositories,
    private readonly followUps: FollowUpService,
  ) {}

  async add(actor: Actor, input: DevelopmentInput, sourceKey: string | null): Promise<AddedDevelopment> {
    const errors: Record<string, FieldError> = developmentRuleErrors(input);
    let followUp: FollowUpWithPeople | null = null;
    try {
      followUp = await this.followUps.resolveForSubject(actor, input.leaderUserId, 'leader');
    } catch (err) {
      if (err instanceof ValidationError) Object.assign(errors, err.fields);
      else throw err;
    }
    if (Object.keys(errors).length > 0 || !followUp) throw new ValidationError(errors);
    const { value: activity, created } = await createOnceByKey(sourceKey, (key) => this.repos.development.findBySourceKey(key), () =>
      this.repos.development.create({
      followUpId: followUp.id,
      kind: input.kind,
      title: input.title,
      provider: input.provider,
      startsOn: input.startsOn ? dayToDate(input.startsOn) : null,
      endsOn: input.endsOn ? dayToDate(input.endsOn) : null,
      status: input.status,
      createdById: actor.person.id,
      sourceKey,
    }),
    );
    return { activity, followUp, duplicate: !created };
  }

  /** One activity, for the two people of its follow-up only. */
  async get(actor: Actor, id: string): Promise<DevelopmentActivity> {
    return (await this.visible(actor, id)).activity;
  }

  /** Moves an activity's status on (a button on its confirmation): its follow-up must be active. */
  async setStatus(actor: Actor, id: string, status: DevelopmentStatus): Promise<DevelopmentActivity> {
    const { activity, followUp } = await this.visible(actor, id);
    assertWritable(followUp, 'status');
    if (activity.status === status) return activity;
    return this.repos.development.updateStatus(activity.id, status);
  }

  private async visible(actor: Actor, id: string): Promise<{ activity: DevelopmentActivity; followUp: FollowUpWithPeople }> {
    const activity = await this.repos.development.findById(id);
    if (!activity) throw new NotFoundError('development activity');
    const followUp = await this.repos.followUps.findById(activity.followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('development activity');
    assertParticipant(followUp, actor.person.id);
    return { activity, followUp };
  }

  async list(actor: Actor, followUpId: string): Promise<DevelopmentActivity[]> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    assertParticipant(followUp, actor.person.id);
    return this.repos.development.listForFollowUp(followUpId);
  }
}
