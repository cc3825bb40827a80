import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Repositories } from '../data';
import { seniorOverviewSpec } from '../domain/charts';
import { renderChart } from '../domain/charts/render';
import type { OutboundMessage } from '../domain/reminders/messages';
import type { Clock } from '../time/clock';
import { imageBlock, SlackImageUploader, uploadChart } from './files';

/**
 * What a worker adds to an outbound DM before it is posted: the weekly digest's overview chart.
 * Returns the blocks to show (none for other messages, or when the picture cannot be made).
 */
export type OutboundImages = (recipient: { id: string }, message: OutboundMessage) => Promise<KnownBlock[]>;

/**
 * The digest's picture step for one workspace: renders the senior leader's overview (their leaders'
 * goals toward target, in their language and zone), uploads it with that workspace's client (once
 * per picture: the content hash), and returns its image block. The digest goes out without it when
 * anything fails here — a chart never stops the digest.
 */
export function digestImages(deps: { repos: Repositories; clock: Clock; logger: Logger; fetchImpl?: typeof fetch }, client: WebClient, workspaceId: string): OutboundImages {
  const uploader = new SlackImageUploader(deps.repos.chartFiles, deps.fetchImpl);
  return async (recipient, message) => {
    if (message.body.type !== 'digest') return [];
    try {
      const spec = await seniorOverviewSpec(deps.repos, deps.clock, recipient.id, message.locale, message.zone);
      if (!spec) return [];
      const up = await uploadChart(uploader, client, workspaceId, spec, renderChart(spec).png);
      return [imageBlock(up.fileId, up.altText, up.title) as unknown as KnownBlock];
    } catch (err) {
      deps.logger.warn({ err, workspaceId, key: message.key }, 'the digest chart could not be made; the digest goes without it');
      return [];
    }
  };
}

/** The digest's blocks with the picture after its header, within a message's 50 blocks. */
export function withImages(blocks: KnownBlock[], images: KnownBlock[]): KnownBlock[] {
  if (images.length === 0) return blocks;
  return [...blocks.slice(0, 1), ...images, ...blocks.slice(1)].slice(0, 50);
}
