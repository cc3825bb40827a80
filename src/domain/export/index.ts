import type { PrismaClient, Prisma } from '../../data/prisma';
import { inTransaction, type Repositories } from '../../data';
import { PersonDataRepository } from '../../data/personData';
import { NotFoundError } from '../errors';
import type { Actor, PeopleService } from '../people';

export interface PersonExport {
  subject: Actor;
  data: Prisma.JsonObject;
}

/**
 * Export and erasure of a person's data (PRODUCT.md: admins do this on request, without reading
 * reflections). A person may export their own data; an admin may have anyone's exported, which is
 * delivered to that person, never to the admin.
 */
export class ExportService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly repos: Repositories,
    private readonly people: PeopleService,
  ) {}

  async exportFor(actor: Actor, targetUserId: string): Promise<PersonExport> {
    const subject = targetUserId === actor.person.slackUserId ? actor : await this.adminSubject(actor, targetUserId);
    const data = await new PersonDataRepository(this.prisma).collect(subject.person.id);
    if (!data) throw new NotFoundError('person');
    return { subject, data };
  }

  /** How many follow-ups erasing this person would delete (admins only). */
  async erasePreview(actor: Actor, targetUserId: string): Promise<{ subject: Actor; followUps: number }> {
    const subject = await this.adminSubject(actor, targetUserId);
    return { subject, followUps: await new PersonDataRepository(this.prisma).countFollowUps(subject.person.id) };
  }

  async erase(actor: Actor, targetUserId: string): Promise<void> {
    const subject = await this.adminSubject(actor, targetUserId);
    await inTransaction(this.prisma, (_repos, tx) => new PersonDataRepository(tx).erase(subject.person.id));
  }

  /** The person an admin acts on. Admin status is checked against Slack now, not a cached profile. */
  private async adminSubject(actor: Actor, targetUserId: string): Promise<Actor> {
    await this.people.confirmAdmin(actor);
    const target = await this.repos.people.find(actor.teamId, targetUserId);
    if (!target) throw new NotFoundError('person');
    return this.people.toActor(target);
  }
}
