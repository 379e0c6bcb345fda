import type { DbOrTrx } from '../../db/database.ts';

/**
 * Marks a customer as a simulator test customer: the dispatcher then sends their messages to the
 * built-in emulator instead of Meta, and their bookings are test bookings, kept out of analytics.
 */
export async function markTestCustomer(db: DbOrTrx, customerId: string): Promise<void> {
  await db.updateTable('customers').set({ is_test: 1 }).where('id', '=', customerId).where('is_test', '=', 0).execute();
}
