import type { KnownBlock } from '@slack/types';
import type { HomeCard, HomeModel } from '../../../domain/home';
import type { Translate } from '../../../i18n';
import type { DateFormatter } from '../../../i18n/dates';
import { context, section, truncate, userMention } from '../../blocks';
import { actionLine, barrierBlock, cardTitle, factLines, goalsText } from '../home/cards';
import type { Message } from '../../blocks';

const MAX_MESSAGE_BLOCKS = 50;
const DETAILED_CARDS = 3;
const BARRIERS_SHOWN = 8;
/** Block text of a message above ~13k characters is refused (msg_blocks_too_long). */
const MAX_TOTAL_TEXT = 10_000;

function detailed(tr: Translate, card: HomeCard, dates: DateFormatter, barrierStart: number): KnownBlock[] {
  const text = [cardTitle(tr, card), goalsText(tr, card.goals, dates, false), ...factLines(tr, card, dates)].join('\n');
  const blocks: KnownBlock[] = [section(truncate(text, 2900))];
  card.openBarriers.slice(0, BARRIERS_SHOWN).forEach((b, i) => blocks.push(barrierBlock(tr, { ...b, description: truncate(b.description, 200) }, barrierStart + i)));
  if (card.openBarriers.length > BARRIERS_SHOWN) blocks.push(context(tr('status.more_barriers', { count: card.openBarriers.length - BARRIERS_SHOWN })));
  const overdue = card.openActions.filter((a) => a.overdue);
  if (overdue.length > 0) blocks.push(section(truncate(`${tr('status.overdue_header')}\n${overdue.slice(0, 10).map((a) => `• ${actionLine(tr, a, dates)}`).join('\n')}`, 2900)));
  return blocks;
}

function textLength(blocks: KnownBlock[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'section' && b.text) n += Array.from(b.text.text).length;
    if (b.type === 'context') for (const e of b.elements) if ('text' in e && typeof e.text === 'string') n += Array.from(e.text).length;
  }
  return n;
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
export function statusMessage(tr: Translate, model: HomeModel, dates: DateFormatter): Message {
  const cards = [...model.asLeader, ...model.asSenior];
  const blocks: KnownBlock[] = [section(tr('status.title'))];
  if (cards.length <= DETAILED_CARDS) {
    let barrierN = 0;
    let total = textLength(blocks);
    for (const card of cards) {
      const part = detailed(tr, card, dates, barrierN);
      // keep within the message's block and text budgets; say where the rest is
      const kept: KnownBlock[] = [];
      for (const block of part) {
        const size = textLength([block]);
        if (blocks.length + kept.length >= MAX_MESSAGE_BLOCKS - 1 || total + size > MAX_TOTAL_TEXT) break;
        kept.push(block);
        total += size;
      }
      blocks.push(...kept);
      if (kept.length < part.length) {
        blocks.push(context(tr('status.truncated')));
        break;
      }
      barrierN += Math.min(card.openBarriers.length, BARRIERS_SHOWN);
    }
  } else {
    const lines = cards.map((c) => `• ${compactLine(tr, c)}`);
    // A section holds 3000 characters, a message about 13,000 in all: split the lines over
    // sections, and stop with a count of the rest when the message is full.
    let chunk: string[] = [];
    let size = 0;
    let total = 0;
    let shown = 0;
    for (const line of lines) {
      if (total + line.length > MAX_TOTAL_TEXT) break;
      total += line.length + 1;
      shown++;
      if (size + line.length + 1 > 2900 && chunk.length > 0) {
        blocks.push(section(chunk.join('\n')));
        chunk = [];
        size = 0;
      }
      chunk.push(line);
      size += line.length + 1;
    }
    if (chunk.length > 0) blocks.push(section(chunk.join('\n')));
    if (shown < lines.length) blocks.push(context(tr('home.more_leaders', { count: lines.length - shown })));
    blocks.push(context(tr('status.compact_hint')));
  }
  return { text: tr('status.title_plain'), blocks: blocks.slice(0, MAX_MESSAGE_BLOCKS) };
}

/** The status with its chart pictures after the card(s), within the message's 50 blocks. */
export function withCharts(message: Message, images: KnownBlock[]): Message {
  const blocks = message.blocks ?? [];
  const room = Math.max(0, MAX_MESSAGE_BLOCKS - blocks.length);
  return { ...message, blocks: [...blocks, ...images.slice(0, room)] };
}
