/** The local workspace's JSON API as the page uses it (docs: /work/notes/LOCAL-WORKSPACE.md, the contract). */

export type Lang = 'nb' | 'en';

export interface Person {
  id: string;
  name: string;
  realName: string;
  locale: string;
  tz: string;
  isAdmin: boolean;
  title?: string;
}

export interface Channel {
  id: string;
  name: string;
  isMember: boolean;
  isPrivate: boolean;
}

export interface Message {
  ts: string;
  user?: string;
  bot?: boolean;
  text: string;
  blocks?: Block[];
  files?: string[];
  thread_ts?: string;
  edited?: boolean;
}

// Block Kit is JSON the app sent: the page reads it loosely and checks each field it uses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Block = Record<string, any>;

export interface View {
  id: string;
  hash?: string;
  type: 'modal' | 'home';
  title?: { type: 'plain_text'; text: string };
  submit?: { type: 'plain_text'; text: string };
  close?: { type: 'plain_text'; text: string };
  blocks: Block[];
  callback_id?: string;
  private_metadata?: string;
  notify_on_close?: boolean;
  state?: { values: StateValues };
}

export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

export interface FileInfo {
  name: string;
  title?: string;
  mimetype: string;
  url?: string;
  isImage: boolean;
}

export interface Subcommand {
  en: string;
  nb: string;
  help_en: string;
  help_nb: string;
}

export interface Command {
  name: string;
  hint_nb: string;
  hint_en: string;
  subcommands: Subcommand[];
}

export interface LocalState {
  banner: { text_nb: string; text_en: string };
  locale: Lang;
  clock: { now: string; zone: string; label: string };
  people: Person[];
  me: string;
  team: { id: string; name: string };
  channels: Channel[];
  ims: { id: string; name: string; unread: number }[];
  messages: Record<string, Message[]>;
  ephemerals: Record<string, Message[]>;
  home: View | null;
  modals: View[];
  files: Record<string, FileInfo>;
  commands: Command[];
  version: number;
}

export interface ApiResult {
  ok: boolean;
  error?: string;
  errors?: Record<string, string>;
  [k: string]: unknown;
}

/** A failed call: its HTTP status and Slack-like error code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(code);
  }
}

export async function getState(as: string | null): Promise<LocalState> {
  const res = await fetch(`/local/state${as ? `?as=${encodeURIComponent(as)}` : ''}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(await errorCode(res), res.status);
  return (await res.json()) as LocalState;
}

async function errorCode(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as ApiResult;
    return body.error ?? `http_${res.status}`;
  } catch {
    return `http_${res.status}`;
  }
}

/** POST to /local/<path>; `{ok:false}` answers are returned (the caller shows them), HTTP failures thrown. */
export async function post(path: string, body: Record<string, unknown>): Promise<ApiResult> {
  const res = await fetch(`/local/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
  let json: ApiResult | null = null;
  try {
    json = (await res.json()) as ApiResult;
  } catch {
    json = null;
  }
  if (!res.ok && !json) throw new ApiError(`http_${res.status}`, res.status);
  return json ?? { ok: false, error: `http_${res.status}` };
}

export const fileUrl = (id: string, info: FileInfo | undefined, download = false) => {
  const base = info?.url ?? `/local/files/${encodeURIComponent(id)}`;
  return download ? `${base}${base.includes('?') ? '&' : '?'}download=1` : base;
};
