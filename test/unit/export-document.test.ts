import { exportDocument } from '../../src/domain/export';

describe('exportDocument: what a person reads in their export', () => {
  const raw = {
    person: { slackUserId: 'U0LEADER', displayName: 'Lea', realName: 'Lea Leder', createdAt: '2026-01-01T00:00:00.000Z', reminderHour: 8, workingDays: [1, 2, 3], tzOverride: null },
    followUps: [
      {
        seniorId: 'p-senior',
        leaderId: 'p-leader',
        teamChannelId: 'C0TEAM',
        goals: [{ id: 'g1', followUpId: 'f1', title: 'Grow', createdById: 'p-senior', sourceKey: 'k', milestones: [{ id: 'm1', goalId: 'g1', title: 'First', doneById: 'p-gone' }] }],
        learnings: [{ id: 'l1', followUpId: 'f1', authorId: 'p-leader', whatHappened: 'x', sharedTs: '1.2', sharedChannelId: 'C0TEAM' }],
      },
    ],
    feedback: [{ id: 'fb1', workspaceId: 'T1', giverId: 'p-senior', receiverId: 'p-leader', works: 'w', messageTs: '1.1', messageChannelId: 'D1' }],
    reminders: [],
    agendaPicks: [],
    questions: [{ text: 'Q?', step: 2 }],
    people: { 'p-senior': 'U0SENIOR', 'p-leader': 'U0LEADER', 'p-gone': 'erased-p-gone' },
  };

  it('names people by Slack user id (an erased person as null) and leaves out internal ids, source keys and message ts', () => {
    const doc = exportDocument(raw) as Record<string, unknown>;
    expect(doc.person).toEqual({ slackUserId: 'U0LEADER', displayName: 'Lea', realName: 'Lea Leder', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(doc.settings).toEqual({ reminderHour: 8, workingDays: [1, 2, 3], tzOverride: null });
    expect(doc.followUps).toEqual([
      {
        senior: 'U0SENIOR',
        leader: 'U0LEADER',
        teamChannelId: 'C0TEAM',
        goals: [{ title: 'Grow', createdBy: 'U0SENIOR', milestones: [{ title: 'First', doneBy: null }] }],
        learnings: [{ author: 'U0LEADER', whatHappened: 'x' }],
      },
    ]);
    expect(doc.feedback).toEqual([{ giver: 'U0SENIOR', receiver: 'U0LEADER', works: 'w' }]);
    expect(doc.questions).toEqual([{ text: 'Q?', step: 2 }]);
    expect(JSON.stringify(doc)).not.toMatch(/p-senior|p-leader|p-gone|"id"|sourceKey|workspaceId/);
  });
});
