import type { Repositories } from '../../data';
import { NotAllowedError, ValidationError } from '../errors';
import type { HomeModel, HomeService } from '../home';
import type { Actor } from '../people';

/**
 * `status [@leader]`: the dashboard card(s) of one leader. Allowed for the senior leader of that
 * leader, and for the leader about themselves. Anyone else is refused with the same error whether
 * or not a follow-up exists (no probing who follows up whom).
 */
export class StatusService {
  constructor(
    private readonly repos: Repositories,
    private readonly home: HomeService,
  ) {}

  async forLeader(actor: Actor, leaderUserId: string | null): Promise<HomeModel> {
    const mine = await this.repos.followUps.listForPerson(actor.person.id);
    if (leaderUserId === null || leaderUserId === actor.person.slackUserId) {
      const relevant = leaderUserId === null ? mine : mine.filter((f) => f.leaderId === actor.person.id);
      if (relevant.length === 0) throw new ValidationError({ leader: { key: 'status.error_no_followup' } });
      return this.home.buildFor(actor, relevant);
    }
    const theirs = mine.filter((f) => f.seniorId === actor.person.id && f.leader.slackUserId === leaderUserId);
    if (theirs.length === 0) throw new NotAllowedError('status of another leader');
    return this.home.buildFor(actor, theirs);
  }
}
