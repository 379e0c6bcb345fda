import type { AppDeps } from '../app-deps.ts';
import { queueOutbound } from '../jobs/outbox.ts';
import { TEXT_BODY_MAX } from '../whatsapp/limits.ts';
import { audit } from './audit-repo.ts';
import type { StaffIdentity } from './auth.ts';
import { getCustomer, insertHandBackEvent, type CustomerRow } from './conversations-repo.ts';
import { badRequest, conflict, notFound } from './errors.ts';

/** WhatsApp allows free-form messages only within 24 hours of the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

export function replyWindowClosesAt(c: Pick<CustomerRow, 'lastInboundAt'>): number | null {
  return c.lastInboundAt === null ? null : c.lastInboundAt + REPLY_WINDOW_MS;
}

export function canReply(c: Pick<CustomerRow, 'lastInboundAt'>, now: number): boolean {
  const closes = replyWindowClosesAt(c);
  return closes !== null && closes > now;
}

/** Queues a staff member's reply to a customer (outbox kind 'staff_reply') and nudges the dispatcher. */
export async function sendStaffReply(deps: AppDeps, staff: StaffIdentity, cinemaId: string, customerId: string, text: string): Promise<void> {
  const body = text.trim();
  if (!body) throw badRequest('empty_reply', 'Write a message first.');
  if (body.length > TEXT_BODY_MAX) throw badRequest('reply_too_long', `A WhatsApp message holds at most ${TEXT_BODY_MAX} characters.`);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const customer = await getCustomer(trx, cinemaId, customerId);
    if (!customer) throw notFound('customer');
    if (!canReply(customer, now)) {
      throw conflict('outside_reply_window', 'The customer last wrote more than 24 hours ago; WhatsApp only allows approved templates now. Wait for them to write again.');
    }
    await queueOutbound(trx, now, [{ cinemaId, customerId, kind: 'staff_reply', message: { type: 'text', text: { body } } }]);
    await audit(trx, now, { cinemaId, userId: staff.userId, action: 'staff_reply', subject: customerId });
  });
  deps.wake();
}

/** Ends a hand-off: the bot takes the conversation back on the customer's next turn. */
export async function handBackToBot(deps: AppDeps, staff: StaffIdentity, cinemaId: string, customerId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await getCustomer(trx, cinemaId, customerId))) throw notFound('customer');
    await insertHandBackEvent(trx, now, cinemaId, customerId);
    await audit(trx, now, { cinemaId, userId: staff.userId, action: 'handoff_ended', subject: customerId });
  });
  deps.wake();
}
