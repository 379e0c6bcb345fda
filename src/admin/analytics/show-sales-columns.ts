import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/tables.ts';

type ShowScope = ExpressionBuilder<Database & { s: Database['shows'] }, 's'>;

/**
 * Per show `s`: its sellable seats (not blocked, not removed), and the tickets and revenue of its
 * confirmed bookings by real customers (test bookings and test customers left out). Shared by the
 * analytics and the shows export so both count the same way.
 */
export function showSalesColumns(eb: ShowScope) {
  return {
    seatCount: eb
      .selectFrom('seats as st')
      .select((e) => e.fn.countAll().as('n'))
      .whereRef('st.screen_id', '=', 's.screen_id')
      .where('st.blocked', '=', 0)
      .where('st.removed', '=', 0),
    sold: realSales(eb).select((e) => e.fn.sum('b.quantity').as('q')),
    revenue: realSales(eb).select((e) => e.fn.sum('b.total_paise').as('r')),
  };
}

function realSales(eb: ShowScope) {
  return eb
    .selectFrom('bookings as b')
    .innerJoin('customers as c', 'c.id', 'b.customer_id')
    .whereRef('b.show_id', '=', 's.id')
    .where('b.status', '=', 'confirmed')
    .where('b.is_test', '=', 0)
    .where('c.is_test', '=', 0);
}
