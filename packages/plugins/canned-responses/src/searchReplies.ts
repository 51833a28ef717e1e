import type { ReplyItem } from './responseSchema';

/** Lower case without diacritics: `Réponse` and `reponse` match. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const words = (text: string) =>
  normalise(text)
    .split(/[^\p{L}\p{N}/]+/u)
    .filter(Boolean);

/** How well one item matches the query's terms; 0 when a term matches nowhere. */
function score(item: ReplyItem, query: string, terms: readonly string[]): number {
  const title = normalise(item.title);
  const titleWords = words(item.title);
  const tags = item.tags.map(normalise);
  const body = normalise(item.body);
  let total = 0;
  if (item.shortcut !== undefined && normalise(item.shortcut) === query) total += 100;
  if (title.startsWith(query)) total += 30;
  for (const term of terms) {
    let best = 0;
    if (titleWords.includes(term)) best = 12;
    else if (titleWords.some((word) => word.startsWith(term))) best = 9;
    else if (title.includes(term)) best = 6;
    if (tags.includes(term)) best = Math.max(best, 8);
    else if (tags.some((tag) => tag.startsWith(term))) best = Math.max(best, 5);
    if (best === 0 && body.includes(term)) best = 2;
    if (item.shortcut !== undefined && normalise(item.shortcut).includes(term)) best += 4;
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/**
 * Ranks `items` against `query`, case- and diacritic-insensitive: every word of the query must
 * match the title, a tag, the shortcut or the body; a shortcut typed exactly comes first, then
 * title matches, tags and body matches. Ties keep the items' order. An empty query lists all.
 */
export function searchReplies(items: readonly ReplyItem[], query: string): ReplyItem[] {
  const whole = normalise(query.trim());
  const terms = words(query);
  if (terms.length === 0) return [...items];
  return items
    .map((item, index) => ({ item, index, score: score(item, whole, terms) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.item);
}
