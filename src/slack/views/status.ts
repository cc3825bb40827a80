import type { KnownBlock } from '@slack/types';
import type { HomeCard, HomeModel } from '../../domain/home';
import type { Translate } from '../../i18n';
import { context, section, truncate, userMention } from './blocks';
import { actionLine, barrierBlock, cardTitle, factLines, goalsText } from './dashboard';
import type { Message } from './help';

const MAX_MESSAGE_BLOCKS = 50;
const DETAILED_CARDS = 3;
const BARRIERS_SHOWN = 8;

function detailed(tr: Translate, card: HomeCard, zone: string, barrierStart: number): KnownBlock[] {
  const text = [cardTitle(tr, card), goalsText(tr, card.goals, zone, false), ...factLines(tr, card, zone)].join('\n');
  const blocks: KnownBlock[] = [section(truncate(text, 2900))];
  card.openBarriers.slice(0, BARRIERS_SHOWN).forEach((b, i) => blocks.push(barrierBlock(tr, b, barrierStart + i)));
  if (card.openBarriers.length > BARRIERS_SHOWN) blocks.push(context(tr('status.more_barriers', { count: card.openBarriers.length - BARRIERS_SHOWN })));
  const overdue = card.openActions.filter((a) => a.overdue);
  if (overdue.length > 0) blocks.push(section(truncate(`${tr('status.overdue_header')}\n${overdue.slice(0, 10).map((a) => `• ${actionLine(tr, a, zone)}`).join('\n')}`, 2900)));
  return blocks;
}

/** One line per leader when there are many. */
function compactLine(tr: Translate, card: HomeCard): string {
  const withProgress = card.goals.filter((g) => g.progress !== null);
  const avg = withProgress.length > 0 ? Math.round((withProgress.reduce((s, g) => s + (g.progress ?? 0), 0) / withProgress.length) * 100) : null;
  return tr('status.compact_line', {
    leader: userMention(card.leaderUserId),
    goals: card.goals.length,
    progress: avg === null ? tr('common.none') : tr('common.progress', { percent: avg }),
    barriers: card.openBarriers.length,
    overdue: card.overdueActions,
  }) + (card.oneToOneOverdue ? ` · ${tr('home.one_to_one_overdue')}` : '');
}

/** `/followup status`: compact, ephemeral, within a message's 50 blocks. */
export function statusMessage(tr: Translate, model: HomeModel, zone: string): Message {
  const cards = [...model.asLeader, ...model.asSenior];
  const blocks: KnownBlock[] = [section(tr('status.title'))];
  if (cards.length <= DETAILED_CARDS) {
    let barrierN = 0;
    for (const card of cards) {
      const part = detailed(tr, card, zone, barrierN);
      if (blocks.length + part.length > MAX_MESSAGE_BLOCKS - 1) break;
      blocks.push(...part);
      barrierN += Math.min(card.openBarriers.length, BARRIERS_SHOWN);
    }
  } else {
    const lines = cards.map((c) => `• ${compactLine(tr, c)}`);
    // A section holds 3000 characters: split the lines over as many sections as needed.
    let chunk: string[] = [];
    let size = 0;
    for (const line of lines) {
      if (size + line.length + 1 > 2900 && chunk.length > 0) {
        blocks.push(section(chunk.join('\n')));
        chunk = [];
        size = 0;
      }
      chunk.push(line);
      size += line.length + 1;
    }
    if (chunk.length > 0) blocks.push(section(chunk.join('\n')));
    blocks.push(context(tr('status.compact_hint')));
  }
  return { text: tr('status.title_plain'), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}
