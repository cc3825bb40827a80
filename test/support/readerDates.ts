/**
 * What a bokmål or nynorsk reader must never see (issue 12 §1): a Slack date token (Slack renders it in
 * English, it has no Norwegian client language) or an English date word.
 */
const ENGLISH_RELATIVE_DAYS = /\b(today|tomorrow|yesterday)\b/gi;
/** Capitalised, as English writes them ("april", "august", "september", "november" are bokmål too). */
const ENGLISH_NAMES = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

/** The date tokens and English date words in a text a bokmål reader reads. */
export function englishDatesIn(text: string): string[] {
  const found: string[] = [];
  if (text.includes('<!date')) found.push('<!date');
  for (const m of text.matchAll(ENGLISH_RELATIVE_DAYS)) found.push(m[0]);
  for (const m of text.matchAll(ENGLISH_NAMES)) found.push(m[0]);
  return found;
}

/**
 * Common words that are bokmål and not nynorsk: a nynorsk reader who sees one reads the wrong
 * language (a bokmål text copied, or a bokmål date word). Not "nå" (nynorsk "å nå målet") or "også",
 * which both write.
 */
export const BOKMAAL_ONLY = new Set([
  'ikke', 'hva', 'hvordan', 'hvem', 'hvilken', 'hvilket', 'hvilke', 'hvorfor', 'hvis', 'hver', 'hvert',
  'jeg', 'dere', 'deres', 'dem', 'noe', 'noen', 'mye', 'mer', 'bare', 'ble', 'fra', 'ennå', 'selv', 'uten',
  'gjør', 'kommer', 'sier', 'vet', 'velg', 'følger', 'morgen', 'uke', 'uker', 'uken', 'ukene', 'måned',
  'mandag', 'tirsdag', 'lørdag', 'søndag', 'leder', 'ledere', 'lederen', 'lederne', 'påminnelse',
  'påminnelser', 'innstillinger', 'fremdrift', 'fremover', 'tidligere', 'senere', 'enige', 'lagret',
]);

/** The bokmål-only words in a text a nynorsk reader reads (lower case, in order). */
export function bokmaalWordsIn(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}+/gu) ?? []).filter((w) => BOKMAAL_ONLY.has(w));
}
