import type { KnownBlock } from '@slack/types';
import type { Translate } from '../../../i18n';
import { commandName, SUBCOMMANDS, type Subcommand } from '../../commandText';
import { MenuIds } from '../../ids';
import { context, esc, option, section, truncate, truncateWords, Limits, type Message } from '../../blocks';
import type { Locale } from '../../../i18n';


/** The help: every subcommand with one line. Optionally preceded by what was not understood. */
export function helpMessage(tr: Translate, locale: Locale, unknown?: string): Message {
  const lines = SUBCOMMANDS.map((sub) => `• \`/followup ${commandName(locale, sub)}\` — ${tr(`help.sub.${sub}`)}`);
  const blocks: KnownBlock[] = [];
  if (unknown !== undefined) blocks.push(section(tr('help.unknown', { text: esc(truncate(unknown, 100)) })));
  blocks.push(section(`${tr('help.title')}\n${tr('help.intro')}`));
  blocks.push(section(lines.join('\n')));
  blocks.push(context(tr('help.mention_hint')));
  const text = unknown !== undefined ? tr('help.unknown', { text: truncate(unknown, 100) }) : tr('help.intro');
  return { text, blocks };
}

/** `/followup` alone: a menu of what to do next, each line under Slack's 75-character option limit. */
export function menuMessage(tr: Translate, locale: Locale): Message {
  const subs: Subcommand[] = SUBCOMMANDS.filter((s) => s !== 'help');
  return {
    text: tr('menu.text'),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: tr('menu.text') },
        accessory: {
          type: 'static_select',
          action_id: MenuIds.select,
          placeholder: { type: 'plain_text', text: tr('menu.placeholder') },
          options: subs.map((s) => option(truncateWords(`${commandName(locale, s)} — ${tr(`help.sub.${s}`)}`, Limits.optionText), s)),
        },
      },
      context(tr('help.mention_hint')),
    ],
  };
}

