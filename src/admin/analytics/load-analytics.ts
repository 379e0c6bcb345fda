import type { DbOrTrx } from '../../db/database.ts';
import { cancellations, conversations, messageCounts, salesBuckets, showsWithSales, type CinemaRef } from './analytics-repository.ts';
import { combineAnalytics, computeCinemaAnalytics, type CinemaAnalytics, type OperatorAnalytics } from './compute-analytics.ts';
import { periodOf, type DateRange } from './date-range.ts';

/** Reads one cinema's period and computes its numbers. */
export async function loadCinemaAnalytics(db: DbOrTrx, cinema: CinemaRef, range: DateRange): Promise<CinemaAnalytics> {
  const period = { cinemaId: cinema.id, ...periodOf(range, cinema.timezone) };
  return computeCinemaAnalytics({
    cinema,
    ...range,
    messages: await messageCounts(db, period),
    conversations: await conversations(db, period),
    sales: await salesBuckets(db, period),
    cancellations: await cancellations(db, period),
    shows: await showsWithSales(db, period),
  });
}

/**
 * Every cinema for the operator, each over the same local dates in its own zone, so "Tuesday" means
 * Tuesday at every cinema. Cinemas are read one after another to keep the pool free for customers.
 */
export async function loadOperatorAnalytics(db: DbOrTrx, cinemas: CinemaRef[], range: DateRange): Promise<OperatorAnalytics> {
  const list: CinemaAnalytics[] = [];
  for (const c of cinemas) list.push(await loadCinemaAnalytics(db, c, range));
  return combineAnalytics(range.fromDate, range.toDate, list);
}
