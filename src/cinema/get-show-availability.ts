import type { DbOrTrx } from '../db/database.ts';
import { DomainError } from './domain-error.ts';
import { countAdmissionTaken, selectTakenSeats } from './repositories/inventory-repository.ts';
import { selectSeats } from './repositories/screen-repository.ts';
import { findShow } from './repositories/show-repository.ts';
import { summarizeShows } from './repositories/show-summary-repository.ts';
import type { CategoryAvailability, SeatAvailability, ShowAvailability } from './types.ts';

/**
 * What is left of a show at `now`: per price category (cheapest first) the price, total and free
 * seats, and the seat map with each seat available, taken or blocked. An expired hold counts as free.
 * General admission: capacity and tickets left, no seat map.
 */
export async function getShowAvailability(db: DbOrTrx, q: { cinemaId: string; showId: string; now: number }): Promise<ShowAvailability> {
  const show = await findShow(db, q.cinemaId, q.showId);
  if (!show) throw new DomainError('show_not_found', `no show ${q.showId}`);
  const [summary] = await summarizeShows(db, q.cinemaId, [show], q.now);

  if (show.seating === 'general_admission') {
    const capacity = show.capacity ?? 0;
    const available = Math.max(0, capacity - ((await countAdmissionTaken(db, q.cinemaId, [show.id], q.now)).get(show.id) ?? 0));
    return {
      show: summary!,
      categories: show.prices.map((p) => ({ category: p.category, pricePaise: p.pricePaise, total: capacity, available })),
      rows: [],
      available,
      capacity,
    };
  }

  const price = new Map(show.prices.map((p) => [p.category, p.pricePaise]));
  const taken = new Set((await selectTakenSeats(db, q.cinemaId, show.id, q.now)).map((t) => t.seatId));
  const rows = new Map<number, { label: string; cells: (SeatAvailability | null)[] }>();
  const categories = new Map<string, CategoryAvailability>(
    show.prices.map((p) => [p.category, { category: p.category, pricePaise: p.pricePaise, total: 0, available: 0 }]),
  );
  for (const s of await selectSeats(db, q.cinemaId, show.screenId)) {
    const sellable = !s.blocked && price.has(s.category);
    const state = !sellable ? 'blocked' : taken.has(s.id) ? 'taken' : 'available';
    const row = rows.get(s.rowIndex) ?? { label: s.rowLabel, cells: [] };
    while (row.cells.length < s.col) row.cells.push(null);
    row.cells[s.col] = { seatId: s.id, code: s.code, number: s.number, category: s.category, wheelchair: s.wheelchair, state };
    rows.set(s.rowIndex, row);
    const c = categories.get(s.category);
    if (c && sellable) {
      c.total++;
      if (state === 'available') c.available++;
    }
  }
  const list = [...categories.values()];
  return {
    show: summary!,
    categories: list,
    rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
    available: list.reduce((n, c) => n + c.available, 0),
    capacity: null,
  };
}
