/** The customer's upcoming bookings: details, the ticket again, and cancellation within the cut-off. */
import { showWhen, price, tickets } from '../labels.ts';
import { errorText } from '../messages/index.ts';
import { optionId, type BookingAction } from '../options.ts';
import { paginate } from '../paginate.ts';
import type { Turn } from '../turn.ts';
import type { BookingView, CommandResult } from '../types.ts';
import { findBookingRef, parseYesNo } from '../understand/index.ts';
import { showMenu } from './menu.ts';

const MINUTE = 60_000;

/** Confirmed bookings still to come, soonest first. */
function upcoming(turn: Turn): BookingView[] {
  return turn.ctx.bookings.filter((b) => b.status === 'confirmed' && b.startsAt > turn.ctx.now).sort((a, b) => a.startsAt - b.startsAt);
}

function findBooking(turn: Turn, ref: string): BookingView | undefined {
  return upcoming(turn).find((b) => b.ref === ref);
}

/** Cancellable by the domain's flag and still outside the cinema's cut-off. */
function canCancel(turn: Turn, b: BookingView): boolean {
  return b.cancellable && b.startsAt - turn.ctx.now >= Math.max(0, turn.ctx.cinema.cancelCutoffMinutes) * MINUTE;
}

export function showBookings(turn: Turn, page: number): void {
  const list = upcoming(turn);
  if (list.length === 0) {
    turn.note(turn.say('bookings.none'));
    return showMenu(turn);
  }
  const p = paginate(list, page);
  turn.update({ step: { name: 'bookings', page: p.page } });
  const rows = p.items.map((b) => ({ id: optionId({ kind: 'booking', action: 'view', ref: b.ref }), title: b.movieTitle, description: `${showWhen(turn, b)} · ${b.locationName} · ${b.ref}` }));
  if (p.next !== undefined) rows.push({ id: optionId({ kind: 'more', list: 'bookings', page: p.next }), title: turn.say('list.more'), description: turn.say('list.more_bookings') });
  turn.offer(list.length === 1 ? turn.say('bookings.intro_one') : turn.say('bookings.intro', { count: list.length }), rows, { button: turn.say('button.bookings') });
}

export function showBooking(turn: Turn, ref: string): void {
  const b = findBooking(turn, ref);
  if (!b) {
    turn.note(errorText(turn.lang, 'booking_not_found', {}, turn.ctx.cinema.texts));
    return showBookings(turn, 0);
  }
  turn.update({ step: { name: 'booking', ref } });
  const cancellable = canCancel(turn, b);
  const options = [{ id: optionId({ kind: 'booking', action: 'ticket', ref }), title: turn.say('button.send_ticket') }];
  if (cancellable) options.push({ id: optionId({ kind: 'booking', action: 'cancel', ref }), title: turn.say('button.cancel_booking') });
  options.push({ id: optionId({ kind: 'menu', action: 'bookings' }), title: turn.say('button.my_bookings') });
  const policy = cancellable
    ? turn.say('booking.cancel_until', { minutes: turn.ctx.cinema.cancelCutoffMinutes })
    : b.cancellable
      ? errorText(turn.lang, 'cancel_too_late', { minutes: turn.ctx.cinema.cancelCutoffMinutes }, turn.ctx.cinema.texts)
      : turn.say('booking.not_cancellable');
  turn.offer([details(turn, b), policy].join('\n\n'), options);
}

function details(turn: Turn, b: BookingView): string {
  const seats = b.seats.length > 0 ? `${tickets(turn, b.quantity)}: ${b.seats.join(', ')}` : tickets(turn, b.quantity);
  return `${turn.say('booking.ref', { ref: b.ref })}\n🎬 ${b.movieTitle}\n📍 ${b.locationName} · ${b.screenName}\n🗓 ${showWhen(turn, b)}\n🎟 ${seats}\n💰 ${turn.say('review.total', { total: price(turn, b.total) })}`;
}

export function bookingAction(turn: Turn, action: BookingAction, ref: string): void {
  const b = findBooking(turn, ref);
  if (!b) {
    turn.note(errorText(turn.lang, 'booking_not_found', {}, turn.ctx.cinema.texts));
    return showBookings(turn, 0);
  }
  switch (action) {
    case 'view':
      return showBooking(turn, ref);
    case 'ticket':
      turn.push({ type: 'ticket', bookingRef: b.ref, caption: turn.say('ticket.caption', { ref: b.ref, movie: b.movieTitle, when: showWhen(turn, b), location: b.locationName }) });
      turn.update({ step: { name: 'booking', ref } });
      turn.offer(turn.say('booking.ticket_sent'), [
        { id: optionId({ kind: 'menu', action: 'bookings' }), title: turn.say('button.my_bookings') },
        { id: optionId({ kind: 'menu', action: 'main' }), title: turn.say('button.main_menu') },
      ]);
      return;
    case 'cancel':
      if (!canCancel(turn, b)) {
        turn.note(b.cancellable ? errorText(turn.lang, 'cancel_too_late', { minutes: turn.ctx.cinema.cancelCutoffMinutes }, turn.ctx.cinema.texts) : turn.say('booking.not_cancellable'));
        return showBooking(turn, ref);
      }
      turn.update({ step: { name: 'cancel_confirm', ref } });
      turn.offer(turn.say('cancel.confirm', { ref, movie: b.movieTitle, when: showWhen(turn, b) }), [
        { id: optionId({ kind: 'booking', action: 'yes', ref }), title: turn.say('button.yes_cancel') },
        { id: optionId({ kind: 'booking', action: 'no', ref }), title: turn.say('button.no_keep') },
      ]);
      return;
    case 'yes':
      if (!canCancel(turn, b)) return bookingAction(turn, 'cancel', ref);
      turn.command({ type: 'cancel_booking', ref });
      turn.update({ pending: { kind: 'cancel', ref } });
      return;
    case 'no':
      turn.note(turn.say('cancel.kept'));
      return showBooking(turn, ref);
  }
}

/** Typed text while looking at bookings: a reference opens it, yes/no answers the cancel question. */
export function answerBookingsText(turn: Turn, text: string): boolean {
  const step = turn.state.step;
  if (step.name === 'cancel_confirm') {
    const yn = parseYesNo(text);
    if (yn === 'yes' || yn === 'no') {
      bookingAction(turn, yn, step.ref);
      return true;
    }
    return false;
  }
  const ref = findBookingRef(text);
  if (ref && upcoming(turn).some((b) => b.ref === ref)) {
    showBooking(turn, ref);
    return true;
  }
  return false;
}

/** The outcome of cancel_booking; only the domain's answer decides what is said. */
export function onCancelResult(turn: Turn, result: Extract<CommandResult, { type: 'cancel_ok' | 'cancel_failed' }>): void {
  const pending = turn.state.pending;
  if (pending?.kind !== 'cancel') {
    // A cancellation nobody is waiting for still happened: say so rather than stay silent.
    if (result.type === 'cancel_ok') {
      turn.note(turn.say('cancel.done', { ref: result.ref }));
      showMenu(turn);
    }
    return;
  }
  const { pending: _done, ...rest } = turn.state;
  turn.state = rest;
  if (result.type === 'cancel_ok') {
    turn.note(turn.say('cancel.done', { ref: result.ref }));
    return showMenu(turn);
  }
  turn.note(errorText(turn.lang, result.code, { minutes: turn.ctx.cinema.cancelCutoffMinutes }, turn.ctx.cinema.texts));
  if (result.code === 'booking_not_found') return showMenu(turn);
  showBooking(turn, pending.ref);
}
