import type { AppDeps } from '../app-deps.ts';
import type { Trx } from '../db/database.ts';
import type { InboundHandlers, InboundRow } from './inbound-worker.ts';
import type { StoredInbound } from '../ingest/ingest-webhook.ts';
import type { ChatInput, Command, CommandResult, Reply, SessionState, Lang } from '../chat/types.ts';
import type { OutgoingMessage } from '../whatsapp/outgoing.ts';
import { step, parseSessionState, renderWhatsApp, t } from '../chat/index.ts';
import { getCinema, type Cinema } from '../tenants/cinemas.ts';
import { encrypt } from '../tenants/secrets.ts';
import { queueOutbound, type OutboundItem } from './outbox.ts';
import { scheduleTimer } from './timers.ts';
import { buildChatContext, executeCommand, refreshBookings } from './conversation-ports.ts';
import { recordFunnelEvents, type FunnelStep } from '../admin/analytics/funnel-events.ts';

/** How long before a hold expires the customer is warned. */
const HOLD_WARNING_MS = 2 * 60_000;
/** A runaway dialogue (a command loop) is cut here rather than spinning in the transaction. */
const MAX_STEPS_PER_TURN = 8;

interface CustomerRow {
  id: string;
  language: string | null;
  name: string | null;
  is_test: number;
  wa_id_last4: string | null;
}

const asLang = (v: string | null | undefined): Lang | undefined => (v === 'en' || v === 'hi' || v === 'ta' ? v : undefined);

/** The inbound event as the dialogue's input; undefined for an internal event it has no use for. */
function toChatInput(row: InboundRow): ChatInput | undefined {
  const payload = JSON.parse(row.payload_json) as Partial<StoredInbound> & { internal?: string; name?: string; holdId?: string };
  if (row.type === 'internal') {
    if (payload.internal === 'handoff_ended') return { kind: 'handoff_ended' };
    if (payload.internal === 'timer' && (payload.name === 'hold_warning' || payload.name === 'hold_expired') && payload.holdId) {
      return { kind: 'timer', timer: payload.name, holdId: payload.holdId };
    }
    return undefined;
  }
  if (!payload.content) return undefined;
  return { kind: 'message', content: payload.content, contextId: payload.contextId };
}

/**
 * One turn of a customer's conversation, inside the worker's transaction: load the session, run the
 * pure dialogue, carry out its commands (their results go back into the dialogue), then save the
 * session, queue the replies and record the side effects — all committed together.
 */
async function turn(deps: AppDeps, trx: Trx, row: InboundRow, mode: 'normal' | 'stale' | 'flood'): Promise<void> {
  const now = deps.clock.now();
  const cinema = await getCinema(trx, row.cinema_id);
  if (!cinema) return;
  const customer = (await trx.selectFrom('customers').select(['id', 'language', 'name', 'is_test', 'wa_id_last4']).where('id', '=', row.customer_id).executeTakeFirstOrThrow()) as CustomerRow;
  const lang = asLang(customer.language) ?? cinema.defaultLanguage;
  const base = { cinemaId: cinema.id, customerId: customer.id, inboundId: row.id };

  if (mode !== 'normal') return noticeFor(deps, trx, row, mode, lang, base);

  const input = toChatInput(row);
  if (!input) return;
  const sessionRow = await trx.selectFrom('conversation_sessions').select(['state_json']).where('customer_id', '=', customer.id).executeTakeFirst();
  const before: SessionState | undefined = sessionRow ? parseSessionState(JSON.parse(sessionRow.state_json)) : undefined;
  const ctx = await buildChatContext(trx, { cinema, customer: { id: customer.id, language: asLang(customer.language), name: customer.name ?? undefined }, now });

  let state = before;
  const replies: Reply[] = [];
  const funnel: FunnelStep[] = [];
  const effects: { command: Command; result?: CommandResult }[] = [];
  let queue: ChatInput[] = [input];
  for (let i = 0; queue.length && i < MAX_STEPS_PER_TURN; i++) {
    const next = queue.shift()!;
    const out = step(state, next, ctx);
    state = out.state;
    replies.push(...out.replies);
    for (const command of out.commands) {
      const result = await executeCommand(trx, { deps, cinema, customerId: customer.id, isTest: customer.is_test === 1, now }, command);
      effects.push({ command, result });
      if (result) queue.push({ kind: 'result', result });
      if (result?.type === 'confirm_ok' || result?.type === 'cancel_ok') ctx.bookings = await refreshBookings(trx, cinema, customer.id, now);
    }
  }
  if (!state) return;

  funnel.push(...funnelSteps(before, state, effects));
  if (state.lang !== customer.language) await trx.updateTable('customers').set({ language: state.lang }).where('id', '=', customer.id).execute();
  await trx
    .insertInto('conversation_sessions')
    .values({ customer_id: customer.id, cinema_id: cinema.id, state_json: JSON.stringify(state), version: state.version, updated_at: now })
    .onConflict((oc) => oc.column('customer_id').doUpdateSet({ state_json: JSON.stringify(state), version: state.version, updated_at: now }))
    .execute();

  const items: OutboundItem[] = [];
  for (const r of replies) {
    if (r.type === 'ticket') items.push({ ...base, kind: 'ticket', message: { type: 'marquee_ticket', bookingRef: r.bookingRef, caption: r.caption } });
    else for (const m of renderWhatsApp(r, state.lang)) items.push({ ...base, kind: 'reply', message: m as OutgoingMessage });
  }
  await queueOutbound(trx, now, items);
  await sideEffects(deps, trx, cinema, customer, effects, now);
  if (funnel.length) await recordFunnelEvents(trx, funnel.map((s) => ({ cinemaId: cinema.id, customerId: customer.id, step: s, at: now, isTest: customer.is_test === 1 })));
}

/** Funnel milestones reached in this turn, read off the state change and the command results. */
function funnelSteps(before: SessionState | undefined, after: SessionState, effects: { command: Command; result?: CommandResult }[]): FunnelStep[] {
  const steps: FunnelStep[] = [];
  if (after.slots.flow && after.slots.flow !== before?.slots.flow) steps.push('started');
  if (after.slots.showId && after.slots.showId !== before?.slots.showId) steps.push('show_chosen');
  if (after.slots.quantity && (after.slots.quantity !== before?.slots.quantity || after.slots.showId !== before?.slots.showId)) steps.push('quantity_chosen');
  const confirmed = effects.some((e) => e.result?.type === 'confirm_ok');
  if (confirmed) steps.push('confirmed');
  // A booking under way that ends without a sale (cancel, restart, expiry) is an abandoned one.
  else if (before?.slots.flow && !after.slots.flow) steps.push('abandoned');
  return steps;
}

/** Hold timers, staff notifications: decided in this transaction, delivered through the outbox. */
async function sideEffects(deps: AppDeps, trx: Trx, cinema: Cinema, customer: CustomerRow, effects: { command: Command; result?: CommandResult }[], now: number): Promise<void> {
  const staffLang = cinema.defaultLanguage;
  const who = customer.name ? `${customer.name} (…${customer.wa_id_last4 ?? ''})` : `…${customer.wa_id_last4 ?? ''}`;
  const notes: { key: string; text: string }[] = [];
  for (const { command, result } of effects) {
    if (result?.type === 'hold_ok') {
      const holdId = result.holdId;
      if (result.expiresAt - HOLD_WARNING_MS > now) {
        await scheduleTimer(trx, { cinemaId: cinema.id, customerId: customer.id, name: 'hold_warning', payload: { holdId }, dueAt: result.expiresAt - HOLD_WARNING_MS, dedupeKey: `hold_warning:${holdId}` });
      }
      await scheduleTimer(trx, { cinemaId: cinema.id, customerId: customer.id, name: 'hold_expired', payload: { holdId }, dueAt: result.expiresAt, dedupeKey: `hold_expired:${holdId}` });
    }
    if (customer.is_test) continue;
    if (result?.type === 'confirm_ok') {
      const b = result.booking;
      notes.push({ key: `confirmed:${b.ref}`, text: t(staffLang, 'staff.booking_confirmed', { ref: b.ref, movie: b.movieTitle, location: b.locationName, date: b.localDate, time: b.localTime, seats: b.seats.join(', ') || String(b.quantity), customer: who }) });
    } else if (result?.type === 'cancel_ok') {
      notes.push({ key: `cancelled:${result.ref}`, text: t(staffLang, 'staff.booking_cancelled', { ref: result.ref, customer: who }) });
    } else if (command.type === 'handoff') {
      notes.push({ key: `handoff:${customer.id}:${now}`, text: t(staffLang, 'staff.handoff', { customer: who, cinema: cinema.name }) });
    }
  }
  const items: OutboundItem[] = [];
  for (const n of notes) {
    for (const number of cinema.settings.staffNumbers) {
      const digits = number.replace(/\D/g, '');
      items.push({ cinemaId: cinema.id, toEnc: encrypt(deps.config.secretKey, digits), kind: 'staff', message: { type: 'text', text: { body: n.text } }, dedupeKey: `staff:${n.key}:${digits}` });
    }
  }
  await queueOutbound(trx, now, items);
}

/** Stale and flooding messages are recorded; the customer gets one polite notice, not an answer to each. */
async function noticeFor(deps: AppDeps, trx: Trx, row: InboundRow, mode: 'stale' | 'flood', lang: Lang, base: { cinemaId: string; customerId: string; inboundId: number }): Promise<void> {
  if (mode === 'stale') {
    // Answer the last of a backlog only: one apology, then the customer carries on.
    const newer = await trx.selectFrom('inbound_messages').select('id').where('customer_id', '=', row.customer_id).where('id', '>', row.id).where('type', '!=', 'internal').limit(1).executeTakeFirst();
    if (newer) return;
    await queueOutbound(trx, deps.clock.now(), [{ ...base, kind: 'notice', message: { type: 'text', text: { body: t(lang, 'system.stale') } }, dedupeKey: `stale:${row.customer_id}:${Math.floor(row.received_at / 3_600_000)}` }]);
  } else {
    await queueOutbound(trx, deps.clock.now(), [{ ...base, kind: 'notice', message: { type: 'text', text: { body: t(lang, 'system.flood') } }, dedupeKey: `flood:${row.customer_id}:${Math.floor(row.received_at / 600_000)}` }]);
  }
}

/** A message that could not be processed at all: the customer hears so, instead of silence. */
async function failed(deps: AppDeps, row: InboundRow): Promise<void> {
  const cinema = await getCinema(deps.db, row.cinema_id);
  const c = await deps.db.selectFrom('customers').select(['language']).where('id', '=', row.customer_id).executeTakeFirst();
  const lang = asLang(c?.language) ?? cinema?.defaultLanguage ?? 'en';
  await queueOutbound(deps.db, deps.clock.now(), [
    { cinemaId: row.cinema_id, customerId: row.customer_id, inboundId: row.id, kind: 'notice', message: { type: 'text', text: { body: t(lang, 'system.error') } }, dedupeKey: `failed:${row.id}` },
  ]);
  deps.wake();
}

export const conversationHandlers: InboundHandlers = { turn, failed };
