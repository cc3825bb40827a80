import type { ActionItem, Conversation, Db, Prisma } from './prisma';

export interface AgendaEntry {
  questionKey?: string;
  actionItemId?: string;
  text: string;
}

export interface NewConversation {
  followUpId: string;
  heldOn: Date;
  agenda: AgendaEntry[];
  notes: string | null;
  loggedById: string;
  sourceKey: string | null;
  actions: { what: string; dueDate: Date | null }[];
  /** The leader of the follow-up: owner of the agreed actions. */
  ownerId: string;
  /** From the domain clock, like the agenda picks it is compared with. */
  createdAt: Date;
}

export type ConversationWithActions = Conversation & { actions: ActionItem[] };

export class ConversationRepository {
  constructor(private readonly db: Db) {}

  findBySourceKey(sourceKey: string): Promise<ConversationWithActions | null> {
    return this.db.conversation.findUnique({ where: { sourceKey }, include: { actions: { orderBy: { createdAt: 'asc' } } } });
  }

  findById(id: string): Promise<ConversationWithActions | null> {
    return this.db.conversation.findUnique({ where: { id }, include: { actions: { orderBy: { createdAt: 'asc' } } } });
  }

  /** The conversation and its agreed action items (owned by the leader). Call in a transaction. */
  async create(input: NewConversation): Promise<ConversationWithActions> {
    const conversation = await this.db.conversation.create({
      data: {
        followUpId: input.followUpId,
        heldOn: input.heldOn,
        agenda: input.agenda as unknown as Prisma.InputJsonValue,
        notes: input.notes,
        loggedById: input.loggedById,
        sourceKey: input.sourceKey,
        createdAt: input.createdAt,
      },
    });
    const actions: ActionItem[] = [];
    for (const [i, a] of input.actions.entries()) {
      actions.push(
        await this.db.actionItem.create({
          data: {
            followUpId: input.followUpId,
            what: a.what,
            ownerId: input.ownerId,
            dueDate: a.dueDate,
            conversationId: conversation.id,
            createdById: input.loggedById,
            sourceKey: input.sourceKey ? `${input.sourceKey}-action-${i + 1}` : null,
          },
        }),
      );
    }
    return { ...conversation, actions };
  }

  listForFollowUp(followUpId: string, take = 20): Promise<Conversation[]> {
    return this.db.conversation.findMany({ where: { followUpId }, orderBy: [{ heldOn: 'desc' }, { createdAt: 'desc' }], take });
  }

  /** When the latest conversation of a follow-up was logged (not held), or null. */
  async lastLoggedAt(followUpId: string): Promise<Date | null> {
    const last = await this.db.conversation.findFirst({ where: { followUpId }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
    return last?.createdAt ?? null;
  }

  openActions(followUpId: string, take = 10): Promise<ActionItem[]> {
    return this.db.actionItem.findMany({ where: { followUpId, status: 'OPEN' }, orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }], take });
  }
}
