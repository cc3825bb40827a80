import { DateTime } from 'luxon';
import type { Repositories } from '../../src/data';
import type { ClaimedReminder } from '../../src/data/deliveries';
import { createLogger } from '../../src/logger';
import { noJobScheduler, type SendPacer } from '../../src/domain/ports';
import { DeliveryService } from '../../src/domain/reminders/deliver';
import type { Messenger } from '../../src/domain/reminders/messages';
import { FixedClock } from '../../src/time/clock';

/**
 * A job that must wait for its workspace's posting slot goes back to the queue before any database
 * work when it carries its route (workspace, recipient): in a fan-out of 10,000 most jobs wait.
 */
function service(pacer: SendPacer, claims: string[]) {
  const repos = {
    deliveries: {
      claimReminder: async (key: string): Promise<ClaimedReminder | null> => {
        claims.push(key);
        return null;
      },
    },
  } as unknown as Repositories; // only the ledger's read is reached before a post
  const messengers = (): Messenger => {
    throw new Error('nothing is posted here');
  };
  return new DeliveryService(repos, messengers, noJobScheduler, new FixedClock(DateTime.fromISO('2027-04-06T07:00:00Z')), { locale: 'en', timezone: 'Europe/Oslo' }, createLogger('silent'), {}, pacer);
}

describe('a reminder job asks for its posting slot first', () => {
  it('waits without reading or claiming anything when the slot is later', async () => {
    const asked: [string, string, string][] = [];
    const pacer: SendPacer = { reserve: async (ticket, ws, channel) => (asked.push([ticket, ws, channel]), 1500), penalize: async () => undefined };
    const claims: string[] = [];
    const outcome = await service(pacer, claims).deliverReminder('action-a1-p1-20270406', { workspaceId: 'T1', recipientId: 'p1' });
    expect(outcome).toEqual({ status: 'paced', waitMs: 1500 });
    expect(asked).toEqual([['action-a1-p1-20270406', 'T1', 'dm-p1']]);
    expect(claims).toEqual([]);
  });

  it('reads and claims once its slot has come', async () => {
    const pacer: SendPacer = { reserve: async () => 0, penalize: async () => undefined };
    const claims: string[] = [];
    const outcome = await service(pacer, claims).deliverReminder('action-a1-p1-20270406', { workspaceId: 'T1', recipientId: 'p1' });
    expect(claims).toEqual(['action-a1-p1-20270406']);
    expect(outcome).toEqual({ status: 'skipped', reason: 'unknown reminder' });
  });

  it('a job queued before routes existed (key only) reads the reminder to learn where it goes', async () => {
    const pacer: SendPacer = { reserve: async () => 1500, penalize: async () => undefined };
    const claims: string[] = [];
    await service(pacer, claims).deliverReminder('action-a1-p1-20270406');
    expect(claims).toEqual(['action-a1-p1-20270406']);
  });
});
