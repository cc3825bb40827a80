import { t } from '../i18n';
import type { Locale } from '../i18n';
import { LOCALES } from '../domain/vocabulary';

/** HTML pages of the OAuth install: the "Add to Slack" page and the result pages, in nb, nn and en. */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A page language asked for by name (`?lang=nn`, the state's metadata), or null. */
export function pageLanguage(value: unknown): Locale | null {
  return (LOCALES as readonly unknown[]).includes(value) ? (value as Locale) : null;
}

/** ?lang=nb|nn|en wins; else the browser's first nn, nb/no or en preference; else the default. */
export function pageLocale(query: unknown, acceptLanguage: string | undefined, fallback: Locale): Locale {
  const asked = pageLanguage(query);
  if (asked) return asked;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0].trim().toLowerCase();
    if (/^nn\b/.test(tag)) return 'nn';
    if (/^(nb|no)\b/.test(tag)) return 'nb';
    if (/^en\b/.test(tag)) return 'en';
  }
  return fallback;
}

function layout(locale: Locale, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1c1d; line-height: 1.5; }
  h1 { font-size: 1.6rem; }
  a.button { display: inline-block; background: #4a154b; color: #fff; padding: .75rem 1.25rem; border-radius: .4rem; text-decoration: none; font-weight: 600; }
  a.button:focus, a.button:hover { background: #611f69; }
  .note { color: #616061; font-size: .9rem; }
  nav { margin-top: 2rem; font-size: .9rem; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The install page: the link is Slack's authorize URL with the state Bolt's installer made. */
export function installPage(authorizeUrl: string, locale: Locale): string {
  // The other languages, each named in itself ("English", "Norsk nynorsk").
  const others = LOCALES.filter((l) => l !== locale)
    .map((l) => `<a id="lang-${l}" href="?lang=${l}" hreflang="${l}" lang="${l}">${escapeHtml(t(l, `settings.language.${l}`))}</a>`)
    .join(' · ');
  return layout(
    locale,
    t(locale, 'install.page_title'),
    `<main>
<h1>${escapeHtml(t(locale, 'install.heading'))}</h1>
<p>${escapeHtml(t(locale, 'install.intro'))}</p>
<p><a id="add-to-slack" class="button" href="${escapeHtml(authorizeUrl)}">${escapeHtml(t(locale, 'install.button'))}</a></p>
<p class="note">${escapeHtml(t(locale, 'install.admin_note'))}</p>
<nav>${others}</nav>
</main>`,
  );
}

export function successPage(locale: Locale, workspace: string, appUrl: string): string {
  return layout(
    locale,
    t(locale, 'install.success_title'),
    `<main>
<h1 id="result">${escapeHtml(t(locale, 'install.success_title'))}</h1>
<p>${escapeHtml(t(locale, 'install.success_body', { workspace }))}</p>
<p><a class="button" href="${escapeHtml(appUrl)}">${escapeHtml(t(locale, 'install.open_slack'))}</a></p>
</main>`,
  );
}

export type FailureReason = 'state' | 'cancelled' | 'slack';

export function failurePage(locale: Locale, reason: FailureReason): string {
  const key = reason === 'state' ? 'install.failure_state' : reason === 'cancelled' ? 'install.failure_cancelled' : 'install.failure_slack';
  return layout(
    locale,
    t(locale, 'install.failure_title'),
    `<main>
<h1 id="result">${escapeHtml(t(locale, 'install.failure_title'))}</h1>
<p>${escapeHtml(t(locale, key))}</p>
<p><a class="button" href="/slack/install?lang=${locale}">${escapeHtml(t(locale, 'install.try_again'))}</a></p>
</main>`,
  );
}
