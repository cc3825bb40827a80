import type { ActionItem, Db } from './prisma';

export interface NewActionItem {
  followUpId: string;
  what: string;
  ownerId: string;
  dueDate: Date | null;
  barrierId: string | null;
  conversationId: string | null;
  createdById: string;
  sourceKey: string | null;
}

export class ActionItemRepository {
  constructor(private readonly db: Db) {}

  findById(id: string): Promise<ActionItem | null> {
    return this.db.actionItem.findUnique({ where: { id } });
  }

  findBySourceKey(sourceKey: string): Promise<ActionItem | null> {
    return this.db.actionItem.findUnique({ where: { sourceKey } });
  }

  create(input: NewActionItem): Promise<ActionItem> {
    return this.db.actionItem.create({ data: input });
  }

  openFor(followUpId: string): Promise<ActionItem[]> {
    return this.db.actionItem.findMany({ where: { followUpId, status: 'OPEN' }, orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }] });
  }

  /** Sets done or open; returns false when it already was. */
  async setDone(id: string, done: boolean, at: Date): Promise<boolean> {
    const res = await this.db.actionItem.updateMany({
      where: { id, status: done ? 'OPEN' : 'DONE' },
      data: done ? { status: 'DONE', doneAt: at } : { status: 'OPEN', doneAt: null },
    });
    return res.count > 0;
  }

  /** Links an action to the barrier it addresses (or unlinks it with null). */
  setBarrier(id: string, barrierId: string | null): Promise<ActionItem> {
    return this.db.actionItem.update({ where: { id }, data: { barrierId } });
  }

  /** The actions that address a barrier, open ones first, earliest due first. */
  listForBarrier(barrierId: string): Promise<ActionItem[]> {
    return this.db.actionItem.findMany({ where: { barrierId }, orderBy: [{ status: 'asc' }, { dueDate: 'asc' }, { createdAt: 'asc' }] });
  }

  snooze(id: string, until: Date): Promise<ActionItem> {
    return this.db.actionItem.update({ where: { id }, data: { snoozedUntil: until } });
  }
}
