import { DeliveryRepository } from '../../src/data/deliveries';
import { ShiftedClock } from '../../src/time/clock';
import { countingPrisma } from '../support/countingPrisma';
import { ScheduledHarness, seedActionBatch } from '../support/scheduler';

/**
 * The ledger's claim and SENT mark of jobs running at once are one statement each
 * (src/data/batch.ts): each job still gets its own reminder, recipient, action item and claim,
 * and exactly one job gets the claim of a key.
 */
describe('delivery ledger in batches', () => {
  let s: ScheduledHarness;
  let counting: ReturnType<typeof countingPrisma>;
  let keys: string[];
  const later = new Date('2030-01-01T00:00:00Z');

  beforeAll(async () => {
    s = await ScheduledHarness.start({ clock: new ShiftedClock('2027-03-30T08:00:00+02:00') });
    await seedActionBatch(s, 6, '2027-03-30', 'BT');
    keys = (await s.h.prisma.reminder.findMany({ where: { workspaceId: s.h.teamId, kind: 'action' }, orderBy: { key: 'asc' } })).map((r) => r.key);
    counting = countingPrisma(process.env.TEST_DATABASE_URL!);
  });

  afterAll(async () => {
    await counting.prisma.$disconnect();
    await s.close();
  });

  it('claims six reminders asked for at once in one statement, each with its own recipient and action item', async () => {
    expect(keys).toHaveLength(6);
    const repo = new DeliveryRepository(counting.prisma);
    counting.reset();
    const reads = await Promise.all(keys.map((key) => repo.claimReminder(key, new Date(), later)));
    expect(counting.queries()).toBe(1);
    reads.forEach((read, i) => {
      expect(read?.reminder.key).toBe(keys[i]);
      expect(read?.claimed?.key).toBe(keys[i]);
      expect(read?.claimed?.status).toBe('CLAIMED');
      expect(read?.recipient?.id).toBe(read?.reminder.recipientId);
      expect(read?.recipient?.workspace.id).toBe(s.h.teamId);
      expect(read?.action?.id).toBe(read?.reminder.subjectId);
      expect(read?.action?.followUp.status).toBe('ACTIVE');
      expect(read?.reminder.dueAt).toBeInstanceOf(Date);
    });
    // Asked again: the rows exist, nobody gets a second claim.
    const again = await Promise.all(keys.map((key) => repo.claimReminder(key, new Date(), later)));
    expect(again.map((r) => r?.claimed ?? null)).toEqual(keys.map(() => null));
  });

  it('marks six deliveries sent (each with its own ts) and their reminders done in one statement', async () => {
    const repo = new DeliveryRepository(counting.prisma);
    counting.reset();
    await Promise.all(keys.map((key, i) => repo.markSentAndDone(key, `DCH${i}`, `1700000000.00000${i}`, new Date())));
    expect(counting.queries()).toBe(1);
    const ledger = await s.h.prisma.delivery.findMany({ where: { key: { in: keys } }, orderBy: { key: 'asc' } });
    expect(ledger.map((d) => [d.key, d.status, d.channelId, d.messageTs])).toEqual(keys.map((key, i) => [key, 'SENT', `DCH${i}`, `1700000000.00000${i}`]));
    const reminders = await s.h.prisma.reminder.findMany({ where: { key: { in: keys } } });
    expect(reminders.map((r) => r.status)).toEqual(keys.map(() => 'DONE'));
  });

  it('gives the claim of a key asked for twice at once to one caller only, and none for a reminder not yet due', async () => {
    const key = (await s.h.prisma.reminder.findFirst({ where: { workspaceId: s.h.teamId, status: 'SCHEDULED' }, orderBy: { dueAt: 'asc' } }))?.key;
    expect(key).toBeDefined();
    const repo = new DeliveryRepository(counting.prisma);
    const notDue = await repo.claimReminder(key!, new Date(), new Date('2000-01-01T00:00:00Z'));
    expect(notDue?.reminder.key).toBe(key);
    expect(notDue?.claimed).toBeNull();
    const [a, b] = await Promise.all([repo.claimReminder(key!, new Date(), later), repo.claimReminder(key!, new Date(), later)]);
    expect([a?.claimed?.key ?? null, b?.claimed?.key ?? null].filter(Boolean)).toEqual([key]);
    expect(await repo.claimReminder('no-such-key', new Date(), later)).toBeNull();
  });
});
