import type { FollowUp } from '../../data/prisma';
import { NotAllowedError, ValidationError } from '../errors';

/**
 * Who may see what (PRODUCT.md, "People and what they may see"). Every read and write path in
 * the domain goes through these checks, not only the UI.
 */
export type Role = 'senior' | 'leader';

export function roleIn(followUp: Pick<FollowUp, 'seniorId' | 'leaderId'>, personId: string): Role | null {
  if (followUp.seniorId === personId) return 'senior';
  if (followUp.leaderId === personId) return 'leader';
  return null;
}

/** Throws unless the person is the senior leader or the leader of the follow-up. */
export function assertParticipant(followUp: Pick<FollowUp, 'seniorId' | 'leaderId'>, personId: string): Role {
  const role = roleIn(followUp, personId);
  if (!role) throw new NotAllowedError('follow-up');
  return role;
}

/** Throws unless the person is the senior leader of the follow-up. */
export function assertSenior(followUp: Pick<FollowUp, 'seniorId' | 'leaderId'>, personId: string): void {
  if (followUp.seniorId !== personId) throw new NotAllowedError('follow-up (senior leader only)');
}

/**
 * Pending and ended follow-ups are read-only: nothing is recorded before the leader accepted, and
 * an ended follow-up's history stays as it was. Every write use case calls this (after the
 * participant check) before it changes anything; `field` is the form field the message sits on.
 */
export function assertWritable(followUp: Pick<FollowUp, 'status'>, field: string): void {
  if (followUp.status === 'ACTIVE') return;
  throw new ValidationError({ [field]: { key: followUp.status === 'PENDING' ? 'followup.error_pending' : 'followup.error_ended' } });
}
