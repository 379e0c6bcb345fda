/** Matches closer than this to the best are too close to choose between: the customer is asked. */
const CLOSE = 0.1;

/**
 * The one item a fuzzy match clearly means, or the few it might mean.
 * Example: `pickMatch(matchNames('ponniyin', films))` → `{ candidates: ['ps1', 'ps2'] }`.
 */
export function pickMatch(hits: readonly { item: { id: string }; score: number }[]): { id?: string; candidates: string[] } {
  const [best, second] = hits;
  if (!best) return { candidates: [] };
  if (!second || best.score - second.score >= CLOSE) return { id: best.item.id, candidates: [best.item.id] };
  return { candidates: hits.filter((h) => best.score - h.score < CLOSE).map((h) => h.item.id) };
}
