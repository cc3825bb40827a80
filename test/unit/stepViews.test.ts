import { BUILTIN_QUESTIONS, type BankQuestion } from '../../src/domain/questions';
import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { translator, type MessageKey } from '../../src/i18n';
import { checkInModal, checkInSavedMessage } from '../../src/slack/features/checkin/views';
import { milestoneModal } from '../../src/slack/features/milestone/views';
import { goalEditListMessage } from '../../src/slack/features/goal/views';
import { conversationModal, longOption } from '../../src/slack/features/conversation/views';
import { feedbackMessage } from '../../src/slack/features/feedback/views';
import { questionsMessage } from '../../src/slack/features/questions/views';
import { reflectModal } from '../../src/slack/features/reflect/views';
import { followUpPickerMessage } from '../../src/slack/features/shared/picker';
import { checkMessage, checkView } from '../support/blockKit';

const LONG = 'Ærlig 👍 مرحبا '.repeat(300);
const id = (n: number) => `c${String(n).padStart(24, '0')}`;

describe('step views stay within Block Kit limits with extreme content, in both languages', () => {
  for (const locale of ['en', 'nb'] as const) {
    const tr = translator(locale);

    it(`question bank with 40 long workspace questions (${locale}) fits one message`, () => {
      const bank: BankQuestion[] = [
        ...BUILTIN_QUESTIONS.map((b) => ({ key: b.key, text: tr(b.message), step: b.step, source: b.source })),
        ...Array.from({ length: 40 }, (_, i) => ({ key: `q-${id(i)}`, text: LONG.slice(0, 500), step: 3, source: 'workspace' as const })),
      ];
      const m = questionsMessage(tr, bank, true);
      expect(checkMessage({ text: m.text, blocks: m.blocks })).toEqual([]);
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(m.blocks)).toContain(tr('questions.more', { count: 20 }));
    });

    it(`conversation modal with 10 long questions and 10 long open actions (${locale})`, () => {
      const questions = Array.from({ length: 12 }, (_, i) => ({ key: `q-${id(i)}`, text: LONG.slice(0, 500), step: 2, source: 'workspace' as const }));
      const view = conversationModal(tr, {
        followUpId: id(1),
        seniorUserId: 'U1',
        leaderUserId: 'U2',
        today: '2026-11-26',
        questions,
        preselected: questions.slice(0, 3).map((q) => q.key),
        openActions: Array.from({ length: 12 }, (_, i) => ({ id: id(i), what: LONG.slice(0, 300) })),
      });
      expect(checkView(view)).toEqual([]);
    });

    it(`check-in modal with 150 goals, milestone modal with 150 milestones, edit list with 60 goals (${locale})`, () => {
      const goals = Array.from({ length: 150 }, (_, i) => ({ id: id(i), title: LONG.slice(0, 150), leaderName: LONG.slice(0, 80), metricName: LONG.slice(0, 100), unit: '%', baseline: 1, target: 2, current: null }));
      expect(checkView(checkInModal(tr, { locale, goals, selectedGoalId: id(3) }))).toEqual([]);
      expect(checkView(milestoneModal(tr, goals.map((g) => ({ id: g.id, title: g.title, goalTitle: g.title, leaderName: g.leaderName })), null))).toEqual([]);
      const list = goalEditListMessage(tr, goals.slice(0, 60));
      expect(checkMessage({ text: list.text, blocks: list.blocks })).toEqual([]);
      const saved = checkInSavedMessage(tr, locale, { goalId: id(1), title: LONG, value: 3.5, unit: LONG.slice(0, 30), progress: 0.375, confidence: 4, note: LONG, openMilestones: goals.slice(0, 9).map((g) => ({ id: g.id, title: g.title })) });
      expect(checkMessage({ text: saved.text, blocks: saved.blocks })).toEqual([]);
    });

    it(`feedback DM with three 3,000-character parts, reflection modal, follow-up picker with 60 follow-ups (${locale})`, () => {
      const fb = feedbackMessage(tr, 'U1', { works: LONG.slice(0, 3000), improve: LONG.slice(0, 3000), advice: LONG.slice(0, 3000) });
      expect(checkMessage({ text: fb.text, blocks: fb.blocks })).toEqual([]);
      const prompts = BUILTIN_QUESTIONS.slice(0, 3).map((b) => ({ key: b.key, text: tr(b.message), step: b.step, source: b.source }));
      expect(checkView(reflectModal(tr, { followUpId: id(1), seniorUserId: 'U1', prompts }))).toEqual([]);
      const picker = followUpPickerMessage(tr, 'x', 'conversation_pick_followup', Array.from({ length: 60 }, (_, i) => ({ followUpId: id(i), otherUserId: `U${i}` })));
      expect(checkMessage({ text: picker.text, blocks: picker.blocks })).toEqual([]);
    });
  }

  it('splits a long checkbox option into text and description of at most 75 characters each', () => {
    const o = longOption(en['questions.g7'], 'g7');
    expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
    expect(o.description && Array.from(o.description.text).length).toBeLessThanOrEqual(75);
    expect(`${o.text.text} ${o.description?.text}`).toBe(en['questions.g7']);
  });
});

describe('step strings', () => {
  const SECTIONS = ['checkin.', 'goal_edit.', 'milestone.', 'conversation.', 'feedback.', 'develop.', 'reflect.', 'questions.'];
  /** Words that are the same in both languages on purpose. */
  const SAME_ON_PURPOSE = new Set<MessageKey>(['develop.kind.COACHING', 'develop.status']);

  it('every step string is translated (not identical to English) and keeps its placeholders', () => {
    const keys = (Object.keys(en) as MessageKey[]).filter((k) => SECTIONS.some((s) => k.startsWith(s)));
    expect(keys.length).toBeGreaterThan(150);
    for (const key of keys) {
      if (!SAME_ON_PURPOSE.has(key)) expect([key, nb[key]]).not.toEqual([key, en[key]]);
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([key, vars(nb[key])]).toEqual([key, vars(en[key])]);
    }
  });

  it('the guide\'s eight questions are the restored texts of READING.md', () => {
    expect(nb['questions.g1']).toBe('Hvordan jobber du for å skape et godt medarbeiderskap?');
    expect(nb['questions.g8']).toBe('Hvordan kan jeg støtte deg/dere i utviklingsprosessen fremover?');
    expect(en['questions.g5']).toBe('Which experiences and reflections from your own leadership do you want to build on?');
    expect(BUILTIN_QUESTIONS.filter((q) => q.source === 'guide')).toHaveLength(8);
    for (let step = 1; step <= 8; step++) expect(BUILTIN_QUESTIONS.filter((q) => q.source === 'step' && q.step === step).length).toBeGreaterThanOrEqual(1);
  });
});
