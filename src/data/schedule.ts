import type { ActionItem, Barrier, Db, FollowUp, Goal, Milestone, Person, Workspace } from './prisma';

export type PlanningFollowUp = FollowUp & { senior: Person; leader: Person; workspace: Workspace };

/** The reads the scheduler needs: few queries, `select`ed where it matters. */
export class ScheduleRepository {
  constructor(private readonly db: Db) {}

  followUp(id: string): Promise<PlanningFollowUp | null> {
    return this.db.followUp.findUnique({ where: { id }, include: { senior: true, leader: true, workspace: true } });
  }

  async lastConversationDay(followUpId: string): Promise<Date | null> {
    const c = await this.db.conversation.findFirst({ where: { followUpId }, orderBy: { heldOn: 'desc' }, select: { heldOn: true } });
    return c?.heldOn ?? null;
  }

  async lastReflectionAt(followUpId: string): Promise<Date | null> {
    const r = await this.db.reflection.findFirst({ where: { followUpId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
    return r?.createdAt ?? null;
  }

  openActions(followUpId: string): Promise<ActionItem[]> {
    return this.db.actionItem.findMany({ where: { followUpId, status: 'OPEN' } });
  }

  people(ids: string[]): Promise<Person[]> {
    return this.db.person.findMany({ where: { id: { in: ids } } });
  }

  activeFollowUpIds(afterId: string | undefined, take: number, workspaces?: string[]): Promise<{ id: string; seniorId: string }[]> {
    return this.db.followUp.findMany({
      where: { status: 'ACTIVE', workspace: { uninstalledAt: null }, ...(afterId ? { id: { gt: afterId } } : {}), ...(workspaces ? { workspaceId: { in: workspaces } } : {}) },
      orderBy: { id: 'asc' },
      take,
      select: { id: true, seniorId: true },
    });
  }

  activeAsSenior(seniorId: string): Promise<(FollowUp & { leader: Person })[]> {
    return this.db.followUp.findMany({ where: { seniorId, status: 'ACTIVE' }, include: { leader: true }, orderBy: { createdAt: 'asc' } });
  }

  person(id: string): Promise<(Person & { workspace: Workspace }) | null> {
    return this.db.person.findUnique({ where: { id }, include: { workspace: true } });
  }

  goalsOf(followUpIds: string[]): Promise<(Goal & { milestones: Milestone[] })[]> {
    return this.db.goal.findMany({
      where: { followUpId: { in: followUpIds }, status: { in: ['ACTIVE', 'ADJUSTED', 'ACHIEVED'] } },
      include: { milestones: { orderBy: { position: 'asc' } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  conversationsSince(followUpIds: string[], since: Date): Promise<{ followUpId: string; heldOn: Date }[]> {
    return this.db.conversation.findMany({ where: { followUpId: { in: followUpIds }, heldOn: { gte: since } }, select: { followUpId: true, heldOn: true } });
  }

  checkInsSince(goalIds: string[], since: Date): Promise<{ goalId: string }[]> {
    return this.db.checkIn.findMany({ where: { goalId: { in: goalIds }, createdAt: { gte: since } }, select: { goalId: true } });
  }

  openBarriers(followUpIds: string[]): Promise<Barrier[]> {
    return this.db.barrier.findMany({ where: { followUpId: { in: followUpIds }, status: { not: 'RESOLVED' } } });
  }

  overdueActions(followUpIds: string[], today: Date): Promise<ActionItem[]> {
    return this.db.actionItem.findMany({ where: { followUpId: { in: followUpIds }, status: 'OPEN', dueDate: { lt: today } } });
  }

  action(id: string): Promise<(ActionItem & { followUp: FollowUp; barrier: Barrier | null }) | null> {
    return this.db.actionItem.findUnique({ where: { id }, include: { followUp: true, barrier: true } });
  }

  milestone(id: string): Promise<(Milestone & { goal: Goal & { followUp: PlanningFollowUp; milestones: Milestone[] } }) | null> {
    return this.db.milestone.findUnique({
      where: { id },
      include: { goal: { include: { milestones: { orderBy: { position: 'asc' } }, followUp: { include: { senior: true, leader: true, workspace: true } } } } },
    });
  }

  goal(id: string): Promise<(Goal & { milestones: Milestone[]; followUp: PlanningFollowUp }) | null> {
    return this.db.goal.findUnique({
      where: { id },
      include: { milestones: { orderBy: { position: 'asc' } }, followUp: { include: { senior: true, leader: true, workspace: true } } },
    });
  }

  /** Milestones done and goals achieved since `since` in active follow-ups with a team channel (celebration candidates). */
  async celebrationCandidates(since: Date, workspaces?: string[]): Promise<{ milestones: string[]; goals: string[] }> {
    const fu = { status: 'ACTIVE' as const, teamChannelId: { not: null }, ...(workspaces ? { workspaceId: { in: workspaces } } : {}) };
    const [ms, gs] = await Promise.all([
      this.db.milestone.findMany({ where: { doneAt: { gte: since }, goal: { followUp: fu } }, select: { id: true } }),
      this.db.goal.findMany({ where: { achievedAt: { gte: since }, status: 'ACHIEVED', followUp: fu }, select: { id: true } }),
    ]);
    return { milestones: ms.map((m) => m.id), goals: gs.map((g) => g.id) };
  }

  /** The follow-up an evaluation, conversation or reflection belongs to. */
  async followUpIdOf(kind: string, id: string): Promise<string | null> {
    const select = { followUpId: true } as const;
    if (kind === 'evaluation') return (await this.db.evaluation.findUnique({ where: { id }, select }))?.followUpId ?? null;
    if (kind === 'conversation') return (await this.db.conversation.findUnique({ where: { id }, select }))?.followUpId ?? null;
    if (kind === 'reflection') return (await this.db.reflection.findUnique({ where: { id }, select }))?.followUpId ?? null;
    return null;
  }
}
