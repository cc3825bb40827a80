import { RECORD_ID } from '../../domain/vocabulary';
import { Limits } from '../blocks';

/** private_metadata as JSON, cut to nothing rather than over the limit. */
export function metadata(value: Record<string, unknown>): string {
  const json = JSON.stringify(value);
  return json.length <= Limits.privateMetadata ? json : '';
}

/** Parses private_metadata JSON; null when missing or not an object. */
export function parseMetadata(raw: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A record id read from private_metadata (which may be forged), or null. */
export function idIn(meta: Record<string, unknown> | null, field: string): string | null {
  const v = meta?.[field];
  return typeof v === 'string' && RECORD_ID.test(v) ? v : null;
}
