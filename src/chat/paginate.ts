/** Lists longer than WhatsApp's ten rows are shown nine at a time, the tenth row leading on. */
export const PAGE_SIZE = 9;
const ROWS_MAX = 10;

/** One page of `items`; `next` is the page the last row leads to (back to 0 after the last page). */
export function paginate<T>(items: readonly T[], page: number): { items: T[]; page: number; next?: number } {
  if (items.length <= ROWS_MAX) return { items: [...items], page: 0 };
  const pages = Math.ceil(items.length / PAGE_SIZE);
  const p = Number.isInteger(page) && page >= 0 && page < pages ? page : 0;
  return { items: items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE), page: p, next: p + 1 < pages ? p + 1 : 0 };
}
