import { AsyncLocalStorage } from 'node:async_hooks';
import type { InstallProvider } from '@slack/oauth';
import { ErrorCode, type CodedError, type Installation, type InstallURLOptions } from '@slack/oauth';
import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Locale } from '../i18n';
import { slackErrorCode } from '../slack/gateway';
import { BOT_SCOPES } from './scopes';
import { failurePage, installPage, pageLanguage, pageLocale, successPage, type FailureReason } from './page';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';

/** The language of the page being rendered by the installer (its renderer only gets the URL). */
const renderLocale = new AsyncLocalStorage<Locale>();

/** The renderer to give InstallProvider (renderHtmlForInstallPath). */
export function renderInstallPage(fallback: Locale): (url: string) => string {
  return (url) => installPage(url, renderLocale.getStore() ?? fallback);
}

function localeOfState(options: InstallURLOptions | undefined): Locale | null {
  try {
    const meta = options?.metadata ? (JSON.parse(options.metadata) as { lang?: string }) : null;
    return pageLanguage(meta?.lang);
  } catch {
    return null;
  }
}

function failureReason(error: CodedError): FailureReason {
  if (error.code === ErrorCode.InvalidStateError || error.code === ErrorCode.MissingStateError) return 'state';
  if (error.code === ErrorCode.AuthorizationError) return 'cancelled';
  return 'slack';
}

export interface InstallRoutesDeps {
  installer: InstallProvider;
  defaultLocale: Locale;
  logger: Logger;
  /** After an installation was stored (e.g. mark the workspace in use again). */
  onInstalled(installation: Installation): Promise<void>;
}

/**
 * GET /slack/install (the "Add to Slack" page, with a state cookie) and GET /slack/oauth_redirect
 * (state verified against the cookie, the code exchanged with oauth.v2.access, the installation
 * stored) — both Bolt's InstallProvider; this module only chooses the language and the pages.
 */
export function mountInstallRoutes(app: Express, deps: InstallRoutesDeps): void {
  const { installer, logger } = deps;

  app.get(INSTALL_PATH, (req: Request, res: Response) => {
    const locale = pageLocale(req.query.lang, req.header('accept-language'), deps.defaultLocale);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Language', locale);
    const options: InstallURLOptions = { scopes: [...BOT_SCOPES], metadata: JSON.stringify({ lang: locale }) };
    void renderLocale
      .run(locale, () => installer.handleInstallPath(req, res, undefined, options))
      .catch((err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'install page failed');
        if (!res.headersSent) res.status(500).type('text/plain').send('Internal error');
      });
  });

  app.get(REDIRECT_PATH, (req: Request, res: Response) => {
    const fallback = pageLocale(undefined, req.header('accept-language'), deps.defaultLocale);
    void installer
      .handleCallback(req, res, {
        successAsync: async (installation, options, _req, callbackRes) => {
          const locale = localeOfState(options) ?? fallback;
          await deps.onInstalled(installation).catch((err) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'after-install step failed'));
          const name = installation.team?.name ?? installation.enterprise?.name ?? installation.team?.id ?? installation.enterprise?.id ?? 'Slack';
          const appUrl = installation.team?.id && installation.appId ? `https://slack.com/app_redirect?app=${encodeURIComponent(installation.appId)}&team=${encodeURIComponent(installation.team.id)}` : 'https://slack.com/';
          logger.info({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall ?? false }, 'app installed');
          callbackRes.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-language': locale, 'cache-control': 'no-store' });
          callbackRes.end(successPage(locale, name, appUrl));
        },
        failureAsync: async (error, options, _req, callbackRes) => {
          const locale = localeOfState(options) ?? fallback;
          const reason = failureReason(error);
          logger.warn({ code: error.code, slackError: slackErrorCode(error), reason }, 'installation failed');
          callbackRes.writeHead(reason === 'slack' && !slackErrorCode(error) ? 500 : 400, { 'content-type': 'text/html; charset=utf-8', 'content-language': locale, 'cache-control': 'no-store' });
          callbackRes.end(failurePage(locale, reason));
        },
      })
      .catch((err: unknown) => {
        logger.error({ err: err instanceof Error ? err.message : String(err) }, 'oauth redirect failed');
        if (!res.headersSent) res.status(500).type('text/plain').send('Internal error');
      });
  });
}
