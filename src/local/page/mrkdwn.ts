/**
 * Slack's mrkdwn as Slack's client shows it, to HTML. Pure (no DOM), so it is unit-tested in node.
 *
 * What Slack renders: *bold*, _italic_, ~strike~, `code`, ```code blocks```, "> " quotes, links
 * `<url>` / `<url|text>`, mentions `<@U…>` / `<#C…>` / `<!here>`, `<!date^unix^{format}|fallback>`
 * (its format in the reader's zone, in English: Slack has no Norwegian client language), and the
 * three escapes &lt; &gt; &amp;. Lists are not markup in mrkdwn: "• a" lines are shown as written,
 * with a hanging indent. Everything else is text, escaped.
 */

export interface MrkdwnContext {
  userName(id: string): string | null;
  channelName(id: string): string | null;
  /** The reader's IANA zone, for `<!date^…>`. */
  zone: string;
  /** "Now" for Today/Yesterday/Tomorrow: the app's clock, not the machine's. */
  now: Date;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Slack's escapes back to characters (then escaped again for HTML where shown). */
const unescapeSlack = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${s}`;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

function partsIn(date: Date, zone: string): Parts {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(date)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(p.weekday),
    hour: Number(p.hour) % 24,
    minute: Number(p.minute),
    second: Number(p.second),
  };
}

const dayNumber = (p: Parts) => Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;

/** One `<!date^…>` token's format, as Slack's client writes it (English words, the reader's zone). */
export function formatSlackDate(unix: number, format: string, zone: string, now: Date): string {
  const date = new Date(unix * 1000);
  let p: Parts;
  try {
    p = partsIn(date, zone);
  } catch {
    p = partsIn(date, 'UTC');
  }
  const today = dayNumber(partsIn(now, zone));
  const diff = dayNumber(p) - today;
  const pretty = diff === 0 ? 'Today' : diff === -1 ? 'Yesterday' : diff === 1 ? 'Tomorrow' : null;
  const month = MONTHS[p.month - 1];
  const dateStr = `${month} ${ordinal(p.day)}, ${p.year}`;
  const short = `${month.slice(0, 3)} ${p.day}, ${p.year}`;
  const long = `${WEEKDAYS[p.weekday]}, ${dateStr}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  const agoSeconds = Math.round((now.getTime() - date.getTime()) / 1000);
  const ago = (() => {
    const a = Math.abs(agoSeconds);
    const [n, unit] = a < 60 ? [a, 'second'] : a < 3600 ? [Math.round(a / 60), 'minute'] : a < 86400 ? [Math.round(a / 3600), 'hour'] : [Math.round(a / 86400), 'day'];
    const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
    return agoSeconds >= 0 ? `${words} ago` : `in ${words}`;
  })();
  const tokens: Record<string, string> = {
    date_num: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
    date: dateStr,
    date_short: short,
    date_long: long,
    date_pretty: pretty ?? dateStr,
    date_short_pretty: pretty ?? short,
    date_long_pretty: pretty ?? long,
    time,
    time_secs: `${time}:${pad(p.second)}`,
    ago,
  };
  return format.replace(/\{(\w+)\}/g, (whole, name: string) => tokens[name] ?? whole);
}

/** A `<…>` token (its inside, still Slack-escaped) as HTML. */
function token(inner: string, ctx: MrkdwnContext): string {
  const bar = inner.indexOf('|');
  const target = bar >= 0 ? inner.slice(0, bar) : inner;
  const label = bar >= 0 ? inner.slice(bar + 1) : null;
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = ctx.userName(id) ?? label ?? id;
    return `<span class="mention" data-user="${escapeHtml(id)}">@${escapeHtml(unescapeSlack(name))}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = ctx.channelName(id) ?? label ?? id;
    return `<span class="mention channel" data-channel="${escapeHtml(id)}">#${escapeHtml(unescapeSlack(name))}</span>`;
  }
  if (target.startsWith('!date^')) {
    const [, unix, format, link] = target.split('^');
    const n = Number(unix);
    const text = Number.isFinite(n) && format ? formatSlackDate(n, unescapeSlack(format), ctx.zone, ctx.now) : unescapeSlack(label ?? '');
    const safe = escapeHtml(text);
    if (link) return `<a href="${escapeHtml(unescapeSlack(link))}" target="_blank" rel="noopener noreferrer">${safe}</a>`;
    // A broken token (no number) shows its fallback, as Slack does, with no machine-readable time.
    return Number.isFinite(n) ? `<time datetime="${new Date(n * 1000).toISOString()}">${safe}</time>` : `<span>${safe}</span>`;
  }
  if (target.startsWith('!subteam^')) return `<span class="mention">@${escapeHtml(unescapeSlack(label ?? target.slice(9)))}</span>`;
  if (target.startsWith('!')) return `<span class="mention">@${escapeHtml(target.slice(1))}</span>`;
  const url = unescapeSlack(target);
  const safeUrl = /^(https?:|mailto:|\/)/i.test(url) ? url : '#';
  return `<a href="${escapeHtml(safeUrl)}" target="_blank" rel="noopener noreferrer">${escapeHtml(unescapeSlack(label ?? target))}</a>`;
}

/** Bold, italics, strike and inline code in one line of text that has no `<…>` tokens left (placeholders instead). */
function inline(text: string): string {
  // Slack: the markers must sit at word boundaries: `*a*` yes, `a*b*c` no.
  const B = '(^|[\\s([{"\'“‘«>])';
  const E = '(?=$|[\\s.,;:!?)\\]}"\'”’»<-])';
  let out = text;
  out = out.replace(new RegExp(`${B}\\*(?!\\s)([^*\\n]+?)\\*${E}`, 'g'), '$1<b>$2</b>');
  out = out.replace(new RegExp(`${B}_(?!\\s)([^_\\n]+?)_${E}`, 'g'), '$1<i>$2</i>');
  out = out.replace(new RegExp(`${B}~(?!\\s)([^~\\n]+?)~${E}`, 'g'), '$1<s>$2</s>');
  return out;
}

/**
 * mrkdwn → HTML. Newlines are kept (the caller shows them with `white-space: pre-wrap` or <br>);
 * quotes become <blockquote>, code blocks <pre>, bullet lines a `li-line` span with a hanging indent.
 */
export function mrkdwnToHtml(source: string, ctx: MrkdwnContext): string {
  const stash: string[] = [];
  const keep = (html: string) => `\u0000${stash.push(html) - 1}\u0000`;
  // 1. Code blocks and inline code: nothing inside them is markup (tokens are still shown as text).
  let text = source.replace(/```([\s\S]*?)```/g, (_, code: string) => keep(`<pre class="code-block">${escapeHtml(unescapeSlack(code.replace(/^\n/, '').replace(/\n$/, '')))}</pre>`));
  text = text.replace(/`([^`\n]+)`/g, (_, code: string) => keep(`<code>${escapeHtml(unescapeSlack(code))}</code>`));
  // 2. Tokens.
  text = text.replace(/<([^<>\n]+)>/g, (_, inner: string) => keep(token(inner, ctx)));
  // 3. Line structure: quotes (runs of "> " lines) and list lines; code blocks and quotes are blocks.
  const lines = text.split('\n');
  const out: string[] = [];
  let quote: string[] = [];
  const flushQuote = () => {
    if (quote.length) out.push(keep(`<blockquote>${quote.join('<br>')}</blockquote>`));
    quote = [];
  };
  for (const raw of lines) {
    const isQuote = /^(&gt;|>) ?/.test(raw);
    const body = isQuote ? raw.replace(/^(&gt;|>) ?/, '') : raw;
    let rendered = inline(escapeHtml(unescapeSlack(body)));
    if (/^\s*(•|◦|▪|-|\d+[.)])\s/.test(unescapeSlack(body))) rendered = `<span class="li-line">${rendered}</span>`;
    if (isQuote) quote.push(rendered);
    else {
      flushQuote();
      out.push(rendered);
    }
  }
  flushQuote();
  const isBlock = (n: string) => /^<(pre|blockquote)/.test(stash[Number(n)] ?? '');
  let result = out
    .join('\n')
    .replace(/\n?\u0000(\d+)\u0000\n?/g, (m, n: string) => (isBlock(n) ? `\u0000${n}\u0000` : m))
    .replace(/\n/g, '<br>');
  // A quote holds the placeholders of its own tokens: restore until none is left.
  for (let i = 0; i < 3 && result.includes('\u0000'); i++) result = result.replace(/\u0000(\d+)\u0000/g, (_, n: string) => stash[Number(n)]);
  return result;
}

/** plain_text as Slack shows it (`emoji` aside): the text, HTML-escaped. */
export function plainToHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}

export const html = { escape: escapeHtml };
