import { dateFormatter, type DateFormatter } from '../i18n/dates';
import type { Locale } from '../i18n';
import type { AppContext } from './context';

/**
 * The dates of a request's answer as its reader reads them (src/i18n/dates.ts): bokmål written on the
 * server relative to the injected clock ("i morgen", "3. desember"), Slack date tokens in English.
 * Views take the returned formatter; none builds a `<!date^…>` token itself.
 */
export function readerDates(ctx: Pick<AppContext, 'services'>, reader: { locale: Locale; zone: string }): DateFormatter {
  return dateFormatter({ locale: reader.locale, zone: reader.zone, now: ctx.services.clock.now() });
}
