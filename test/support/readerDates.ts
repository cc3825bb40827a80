/**
 * What a bokmål reader must never see (issue 12 §1): a Slack date token (Slack renders it in
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
