import type { Repositories } from '../../data';
import type { FollowUpWithPeople } from '../../data/followups';
import type { FollowUp, Workspace } from '../../data/prisma';
import { todayIn, type Clock } from '../../time/clock';
import { addDays, dateToDay, dayToDate, type IsoDay } from '../../time/dates';
import { NotAllowedError, NotFoundError, ValidationError, type FieldError } from '../errors';
import { Events, type Eventful } from '../events';
import type { Actor, PeopleService } from '../people';
import { assertSenior } from '../privacy';
import { LOCALES, type Cadence, type LocaleCode } from '../vocabulary';

export type { FollowUpWithPeople } from '../../data/followups';

export interface SetupInput {
  leaderUserId: string;
  teamChannelId: string | null;
  oneToOneCadence: Cadence;
  evaluationEveryWeeks: number;
  reflectionCadence: Cadence;
  startDate: IsoDay;
  /**
   * The language of the team channel (celebrations, shared learnings are read by the whole team):
   * 'nb' or 'en', or null for the workspace's default language. Absent = unchanged (a form without
   * the field; a new follow-up then follows the workspace default).
   */
  teamLocale?: LocaleCode | null;
}

/** The follow-up saved; `events` re-plan its reminders. */
export interface SetupResult extends Eventful {
  followUp: FollowUp;
  created: boolean;
  leader: Actor;
}

export const EVALUATION_WEEKS = [4, 6, 8, 12] as const;

/**
 * The language of a follow-up's team channel: what celebrations and shared learnings are posted
 * in. The whole team reads them, so it is the follow-up's setting, else the workspace's default
 * language, else the app's — never the leader's (or the senior leader's) personal Slack locale.
 */
export function teamChannelLocale(
  followUp: Pick<FollowUp, 'teamLocale'>,
  workspace: Pick<Workspace, 'defaultLocale'> | null,
  appDefault: LocaleCode,
): LocaleCode {
  return followUp.teamLocale ?? workspace?.defaultLocale ?? appDefault;
}

/** The setup form's rules that need no data: not oneself, and one-to-ones need a cadence. */
export function setupErrors(actorSlackUserId: string, input: Pick<SetupInput, 'leaderUserId' | 'oneToOneCadence' | 'teamLocale'>): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  if (input.leaderUserId === actorSlackUserId) errors.leader = { key: 'setup.error_leader_self' };
  if (input.oneToOneCadence === 'NONE') errors.oneToOne = { key: 'setup.error_cadence_none' };
  if (input.teamLocale !== undefined && input.teamLocale !== null && !(LOCALES as readonly string[]).includes(input.teamLocale)) errors.teamLocale = { key: 'common.error_invalid_option' };
  return errors;
}

export class FollowUpService {
  constructor(
    private readonly repos: Repositories,
    private readonly people: PeopleService,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts the follow-up of a leader by the invoking senior leader, or edits it when the pair
   * already has one (one follow-up per pair).
   */
  async setup(actor: Actor, input: SetupInput): Promise<SetupResult> {
    const errors = setupErrors(actor.person.slackUserId, input);
    let leader: Actor | null = null;
    if (!errors.leader) {
      // Runs before the modal's ack: Slack gets at most 1.5 s, then the cached profile is used.
      leader = await this.people.resolve(actor.teamId, input.leaderUserId, { budgetMs: 1500 });
      if (leader.person.isBot) errors.leader = { key: 'setup.error_leader_bot' };
      else if (leader.person.deleted) errors.leader = { key: 'setup.error_leader_deleted' };
    }
    if (Object.keys(errors).length > 0 || !leader) throw new ValidationError(errors);

    const existing = await this.repos.followUps.findByPair(actor.person.id, leader.person.id);
    const startDate = dayToDate(input.startDate);
    // The next evaluation follows from the start date unless one was already set by an evaluation.
    const nextEvaluationOn =
      existing?.nextEvaluationOn && existing.startDate.getTime() === startDate.getTime()
        ? existing.nextEvaluationOn
        : dayToDate(addDays(input.startDate, input.evaluationEveryWeeks * 7));
    const followUp = await this.repos.followUps.upsert(actor.teamId, actor.person.id, leader.person.id, {
      teamChannelId: input.teamChannelId,
      ...(input.teamLocale !== undefined ? { teamLocale: input.teamLocale } : {}),
      oneToOneCadence: input.oneToOneCadence,
      evaluationEveryWeeks: input.evaluationEveryWeeks,
      reflectionCadence: input.reflectionCadence,
      startDate,
      nextEvaluationOn,
    });
    return { followUp, created: !existing, leader, events: [Events.followUpChanged(followUp.id)] };
  }

  /** The follow-up of the actor (as senior leader) with a given leader, if any. */
  async findAsSenior(actor: Actor, leaderUserId: string): Promise<FollowUp | null> {
    const leader = await this.repos.people.find(actor.teamId, leaderUserId);
    if (!leader) return null;
    return this.repos.followUps.findByPair(actor.person.id, leader.id);
  }

  /** A follow-up the actor owns as senior leader (for editing). */
  async getForSenior(actor: Actor, followUpId: string): Promise<FollowUpWithPeople> {
    const followUp = await this.repos.followUps.findById(followUpId);
    if (!followUp || followUp.workspaceId !== actor.teamId) throw new NotFoundError('follow-up');
    assertSenior(followUp, actor.person.id);
    return followUp;
  }

  /**
   * The follow-up a goal (or other record) for `leaderUserId` belongs to, as seen by the actor:
   * the actor's own follow-up of that leader, or — when the actor is that leader — their follow-up
   * by their senior leader. Throws ValidationError on `field` when there is none.
   */
  async resolveForSubject(actor: Actor, leaderUserId: string, field: string): Promise<FollowUpWithPeople> {
    const mine = await this.repos.followUps.listForPerson(actor.person.id);
    const match =
      leaderUserId === actor.person.slackUserId
        ? mine.find((f) => f.leaderId === actor.person.id)
        : mine.find((f) => f.seniorId === actor.person.id && f.leader.slackUserId === leaderUserId);
    if (!match) throw new ValidationError({ [field]: { key: 'goal.error_no_followup' } });
    return match;
  }

  /** Default start date for a new follow-up: today in the actor's zone. */
  today(actor: Actor): IsoDay {
    return todayIn(this.clock, actor.zone);
  }

  listForActor(actor: Actor): Promise<FollowUpWithPeople[]> {
    return this.repos.followUps.listForPerson(actor.person.id);
  }

  /**
   * The leader a form about one leader opens with: the one mentioned; else the actor's only leader
   * when they follow up exactly one; else the actor themself when they are only a leader; else none.
   */
  async leaderToPrefill(actor: Actor, mentioned: string | null): Promise<string | null> {
    if (mentioned) return mentioned;
    const mine = await this.listForActor(actor);
    const asSenior = mine.filter((f) => f.seniorId === actor.person.id);
    if (asSenior.length === 1) return asSenior[0].leader.slackUserId;
    if (asSenior.length === 0 && mine.some((f) => f.leaderId === actor.person.id)) return actor.person.slackUserId;
    return null;
  }

  assertNotStranger(followUp: FollowUp, actor: Actor): void {
    if (followUp.seniorId !== actor.person.id && followUp.leaderId !== actor.person.id) throw new NotAllowedError('follow-up');
  }
}

export function startDayOf(followUp: FollowUp): IsoDay {
  return dateToDay(followUp.startDate);
}
