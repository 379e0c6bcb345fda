import type { InventoryDeps } from './inventory-deps.ts';
import { expireDueHolds } from './repositories/booking-repository.ts';
import { inTransaction } from './repositories/in-transaction.ts';
import { releaseClaims, returnAdmission } from './repositories/inventory-repository.ts';

export interface ExpireHoldsInput {
  /** Omitted: every cinema. */
  cinemaId?: string;
  /** Bookings per transaction (default 200). */
  batchSize?: number;
}

/**
 * Housekeeping: marks lapsed holds expired and deletes their claims, returning general-admission
 * tickets to stock. Never needed for correctness — a lapsed hold already counts as free — it keeps
 * statuses truthful for staff and the tables small. Returns how many bookings it expired.
 */
export async function expireHolds(deps: InventoryDeps, input: ExpireHoldsInput = {}): Promise<{ expired: number }> {
  const now = deps.clock.now();
  const batchSize = input.batchSize ?? 200;
  let expired = 0;
  for (;;) {
    const n = await inTransaction(deps.db, async (trx) => {
      const rows = await expireDueHolds(trx, { cinemaId: input.cinemaId, now, limit: batchSize });
      const seated = rows.filter((r) => r.seating === 'assigned');
      for (const cinemaId of new Set(seated.map((r) => r.cinema_id))) {
        await releaseClaims(
          trx,
          cinemaId,
          seated.filter((r) => r.cinema_id === cinemaId).map((r) => r.id),
          { holdsOnly: true },
        );
      }
      const tickets = new Map<string, { cinemaId: string; n: number }>();
      for (const r of rows.filter((b) => b.seating === 'general_admission')) {
        const t = tickets.get(r.show_id) ?? { cinemaId: r.cinema_id, n: 0 };
        t.n += r.quantity;
        tickets.set(r.show_id, t);
      }
      for (const [showId, t] of tickets) await returnAdmission(trx, t.cinemaId, showId, t.n);
      return rows.length;
    });
    expired += n;
    if (n < batchSize) return { expired };
  }
}
