import type { PrismaClient } from '../src/data/prisma';
import { dayToDate } from '../src/time/dates';

/**
 * N leaders (one senior leader per 100), each with an action item due `day` and its Reminder row
 * due `dueAt`, written with createMany (fast). Shared by the fanout and chaos benchmarks.
 */
export async function seedReal(prisma: PrismaClient, workspaceId: string, n: number, day: string, dueAt: Date): Promise<string[]> {
  const now = new Date();
  await prisma.workspace.create({ data: { id: workspaceId, defaultLocale: 'en' } });
  const seniors = Math.max(1, Math.ceil(n / 100));
  const profile = { workspaceId, slackTz: 'Europe/Oslo', slackLocale: 'en-GB', profileFetchedAt: now };
  const seniorRows = Array.from({ length: seniors }, (_, i) => ({ id: `${workspaceId}s${i}`, slackUserId: `US${i}`, dmChannelId: `DS${i}`, ...profile }));
  const leaderRows = Array.from({ length: n }, (_, i) => ({ id: `${workspaceId}l${i}`, slackUserId: `UL${i}`, dmChannelId: `DL${i}`, ...profile }));
  const date = dayToDate(day);
  const compact = day.replace(/-/g, '');
  for (let i = 0; i < n; i += 500) {
    await prisma.person.createMany({ data: [...(i === 0 ? seniorRows : []), ...leaderRows.slice(i, i + 500)] });
    const slice = leaderRows.slice(i, i + 500);
    await prisma.followUp.createMany({
      data: slice.map((l, j) => ({
        id: `${workspaceId}f${i + j}`,
        workspaceId,
        seniorId: seniorRows[(i + j) % seniors].id,
        leaderId: l.id,
        oneToOneCadence: 'NONE' as const,
        reflectionCadence: 'NONE' as const,
        startDate: date,
      })),
    });
    await prisma.actionItem.createMany({
      data: slice.map((l, j) => ({ id: `${workspaceId}a${i + j}`, followUpId: `${workspaceId}f${i + j}`, what: `Action ${i + j}`, ownerId: l.id, dueDate: date, createdById: l.id, createdAt: new Date(dueAt.getTime() - 86_400_000) })),
    });
    await prisma.reminder.createMany({
      data: slice.map((l, j) => ({
        key: `action-${workspaceId}a${i + j}-${l.id}-${compact}`,
        workspaceId,
        kind: 'action',
        recipientId: l.id,
        subjectId: `${workspaceId}a${i + j}`,
        followUpId: `${workspaceId}f${i + j}`,
        dueAt,
        payload: { day },
      })),
    });
  }
  return keysOf(workspaceId, n, day);
}

/** The reminder keys seedReal writes. */
export function keysOf(workspaceId: string, n: number, day: string): string[] {
  const compact = day.replace(/-/g, '');
  return Array.from({ length: n }, (_, i) => `action-${workspaceId}a${i}-${workspaceId}l${i}-${compact}`);
}

/** `--seed <workspace> <n> <day> <dueAt>`: the child process that seeds the real run, then exits. */
