import { createHash } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { ChartFileStore } from '../domain/charts';

/**
 * Uploads a picture to Slack with the current flow and returns its file id, for an `image` block
 * as `slack_file: { id }`:
 *   1. files.getUploadURLExternal { filename, length, alt_txt } → { upload_url, file_id }
 *   2. POST the bytes to upload_url
 *   3. files.completeUploadExternal { files: [{ id, title }] } — no channel: the file stays private
 *      to the app, and a block that references it shows it only where the app posts that block.
 * (files.upload is retired.) The same bytes are never uploaded twice in a workspace: the SHA-256
 * of the content maps to the file id in the ChartFile table.
 */
export interface UploadedImage {
  fileId: string;
  /** False when the same picture had been uploaded before (no Slack call was made). */
  uploaded: boolean;
}

export interface ImageToUpload {
  bytes: Buffer;
  filename: string;
  title: string;
  altText: string;
}

export class SlackImageUploader {
  constructor(
    private readonly files: ChartFileStore,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  static hash(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  async upload(client: WebClient, workspaceId: string, image: ImageToUpload): Promise<UploadedImage> {
    const sha256 = SlackImageUploader.hash(image.bytes);
    const known = await this.files.fileIdFor(workspaceId, sha256);
    if (known) return { fileId: known, uploaded: false };

    const target = await client.files.getUploadURLExternal({ filename: image.filename, length: image.bytes.length, alt_text: image.altText.slice(0, 1000) });
    if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal returned no upload_url');
    const res = await this.fetchImpl(target.upload_url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(image.bytes),
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`upload to Slack failed with HTTP ${res.status}`);
    await client.files.completeUploadExternal({ files: [{ id: target.file_id, title: image.title }] });
    const fileId = await this.files.remember(workspaceId, sha256, target.file_id);
    return { fileId, uploaded: true };
  }
}

/** The `image` block that shows an uploaded picture (Block Kit; alt_text is required, ≤ 2000). */
export function imageBlock(fileId: string, altText: string, title?: string): Record<string, unknown> {
  return {
    type: 'image',
    slack_file: { id: fileId },
    alt_text: altText.slice(0, 2000),
    ...(title ? { title: { type: 'plain_text', text: title.slice(0, 2000) } } : {}),
  };
}

/** Renders a chart spec and uploads the picture (once per content); what an image block needs. */
export async function uploadChart(
  uploader: SlackImageUploader,
  client: WebClient,
  workspaceId: string,
  spec: { title: string; altText: string },
  png: Buffer,
): Promise<{ fileId: string; altText: string; title: string; uploaded: boolean }> {
  const { fileId, uploaded } = await uploader.upload(client, workspaceId, {
    bytes: png,
    filename: `chart-${SlackImageUploader.hash(png).slice(0, 12)}.png`,
    title: spec.title,
    altText: spec.altText,
  });
  return { fileId, altText: spec.altText, title: spec.title, uploaded };
}
