import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ChartSpec } from '../domain/charts';
import { renderChart } from '../domain/charts/render';
import type { Services } from '../domain';
import { imageBlock, SlackImageUploader, uploadChart } from './files';

/** A chart uploaded to a workspace, ready for an `image` block (or a message's fallback text). */
export interface ChartImage {
  fileId: string;
  altText: string;
  title: string;
}

/**
 * Renders each chart and uploads it to the workspace (once per content: the uploader's hash), in
 * order. A chart that fails to render or upload is left out and logged — the text it accompanies
 * still goes out.
 */
export async function uploadCharts(
  deps: { services: Services; logger: Logger },
  client: WebClient,
  workspaceId: string,
  specs: ChartSpec[],
): Promise<ChartImage[]> {
  const uploader = new SlackImageUploader(deps.services.repos.chartFiles);
  const images: ChartImage[] = [];
  for (const spec of specs) {
    try {
      const { png } = renderChart(spec);
      const up = await uploadChart(uploader, client, workspaceId, spec, png);
      images.push({ fileId: up.fileId, altText: up.altText, title: up.title });
    } catch (err) {
      deps.logger.warn({ err, workspaceId, chart: spec.kind }, 'a chart could not be rendered or uploaded; sent without it');
    }
  }
  return images;
}

/** The `image` blocks (slack_file by id, the numbers in words as alt_text) for uploaded charts. */
export function chartBlocks(images: ChartImage[]): KnownBlock[] {
  return images.map((i) => imageBlock(i.fileId, i.altText, i.title) as unknown as KnownBlock);
}
