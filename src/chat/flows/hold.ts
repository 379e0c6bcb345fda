/**
 * Holding seats and confirming them. Every step here asks the domain by command and moves on only
 * when the result arrives: a hold that failed leaves the customer where they were, with the reason.
 */
import { findEvent, findLocation, findMovie, findShow } from '../catalog-queries.ts';
import { formatTime } from '../format.ts';
import { price, showWhen, tickets } from '../labels.ts';
import { errorText } from '../messages/index.ts';
import { optionId, type HoldAction } from '../options.ts';
import { validHold, validId } from '../session-state.ts';
import type { Turn } from '../turn.ts';
import type { BookingView, CommandResult } from '../types.ts';
import { advance, askQuantity, quantityCap, withoutSlot } from './booking.ts';
import { showMenu } from './menu.ts';
import { releaseHold, resetFlow } from './reset.ts';

type HoldResult = Extract<CommandResult, { type: 'hold_ok' | 'hold_failed' }>;
type ConfirmResult = Extract<CommandResult, { type: 'confirm_ok' | 'confirm_failed' }>;

/** Asks the domain to hold seats for the chosen show: the best available, the codes given, or general admission. */
export function requestHold(turn: Turn, seatCodes?: string[]): void {
  const s = turn.state.slots;
  const show = findShow(turn.ctx, s.showId);
  if (!show) {
    turn.note(turn.say('show_unavailable'));
    turn.update({ slots: withoutSlot(s, 'show') });
    return advance(turn);
  }
  releaseHold(turn);
  const event = s.flow === 'event' ? findEvent(turn.ctx, s.eventId) : undefined;
  if (seatCodes && seatCodes.length > 0) {
    turn.command({ type: 'hold_seats', showId: show.id, seatCodes });
    turn.update({ pending: { kind: 'hold', showId: show.id, quantity: seatCodes.length, seatCodes } });
    return;
  }
  const quantity = s.quantity ?? 1;
  if (event?.generalAdmission || !show.assignedSeating) {
    turn.command({ type: 'hold_ga', showId: show.id, quantity, ...(event ? { eventId: event.id } : {}) });
  } else {
    turn.command({ type: 'hold_best', showId: show.id, quantity });
  }
  turn.update({ pending: { kind: 'hold', showId: show.id, quantity } });
}

/** Seat codes the customer typed ("F7 F8"): the earlier hold is released first, so its seats can be chosen again. */
export function holdSeats(turn: Turn, codes: string[]): void {
  const s = turn.state.slots;
  const show = findShow(turn.ctx, s.showId);
  if (!show) return requestHold(turn);
  if (!show.assignedSeating) {
    turn.note(turn.say('seats.free_seating'));
    return s.hold ? showReview(turn) : askQuantity(turn);
  }
  const unique = [...new Set(codes.map((c) => c.toUpperCase()))];
  const cap = quantityCap(turn);
  if (unique.length > cap) {
    turn.note(turn.say('too_many_tickets', { max: cap }));
    return s.hold ? askSeats(turn) : askQuantity(turn);
  }
  turn.update({ slots: { ...s, quantity: unique.length, trail: s.trail.includes('quantity') ? s.trail : [...s.trail, 'quantity'] } });
  requestHold(turn, unique);
}

/** The held seats with the total and the time they are kept until: Confirm · Choose seats · Cancel. */
export function showReview(turn: Turn): void {
  const { hold, showId, quantity } = turn.state.slots;
  // Re-asking must never hold seats again by itself: a lost hold is offered back, not retaken.
  if (!hold) return showId !== undefined && quantity !== undefined ? askHoldLost(turn) : advance(turn);
  const show = findShow(turn.ctx, hold.showId);
  turn.update({ step: { name: 'review' } });
  const options = [{ id: optionId({ kind: 'hold', action: 'confirm' }), title: turn.say('button.confirm') }];
  if (show?.assignedSeating && hold.arrangement !== 'general_admission') options.push({ id: optionId({ kind: 'hold', action: 'seats' }), title: turn.say('button.choose_seats') });
  options.push({ id: optionId({ kind: 'hold', action: 'cancel' }), title: turn.say('button.cancel') });
  turn.offer([holdSummary(turn), turn.say(options.length === 3 ? 'review.prompt_seats' : 'review.prompt')].join('\n\n'), options);
}

/** What is held, for the review and the expiry warning. */
function holdSummary(turn: Turn): string {
  const hold = turn.state.slots.hold!;
  const show = findShow(turn.ctx, hold.showId);
  const movie = findMovie(turn.ctx, show?.movieId);
  const location = findLocation(turn.ctx, show?.locationId);
  const seats =
    hold.arrangement === 'general_admission' || hold.seats.length === 0
      ? turn.say('review.free_seating', { tickets: tickets(turn, hold.quantity) })
      : turn.say('review.seats', { tickets: tickets(turn, hold.quantity), seats: hold.seats.map((x) => x.code).join(', '), categories: [...new Set(hold.seats.map((x) => x.category))].join(', ') });
  const lines = [
    turn.say('review.title'),
    movie ? `🎬 ${movie.title}${movie.certificate ? ` (${movie.certificate})` : ''}` : '',
    location && show ? `📍 ${location.name} · ${show.screenName}` : '',
    show ? `🗓 ${showWhen(turn, show)}${show.format ? ` · ${show.format}` : ''}` : '',
    `🎟 ${seats}`,
    hold.arrangement === 'split_rows' ? turn.say('review.split_rows') : hold.arrangement === 'scattered' ? turn.say('review.scattered') : '',
    `💰 ${turn.say('review.total', { total: price(turn, hold.total) })}`,
    `⏳ ${turn.say('review.held_until', { time: formatTime(hold.expiresAt, turn.lang, turn.ctx.cinema.timezone) })}`,
  ];
  return lines.filter((l) => l.trim() !== '').join('\n');
}

/** Seat choice by typing codes; the seats already held stay held until new ones are. */
export function askSeats(turn: Turn): void {
  const s = turn.state.slots;
  const show = findShow(turn.ctx, s.showId ?? s.hold?.showId);
  if (!show) return advance(turn);
  turn.update({ step: { name: 'seats' } });
  const count = s.hold?.quantity ?? s.quantity ?? 1;
  const categories = show.categories.filter((c) => c.seatsLeft > 0).map((c) => turn.say('seats.category', { name: c.name, price: price(turn, c.price) }));
  const text = [turn.say('seats.prompt', { tickets: tickets(turn, count) }), categories.length > 0 ? categories.join('\n') : '', s.hold ? turn.say('seats.current', { seats: s.hold.seats.map((x) => x.code).join(', ') }) : '']
    .filter(Boolean)
    .join('\n\n');
  const options = s.hold
    ? [
        { id: optionId({ kind: 'hold', action: 'confirm' }), title: turn.say('button.keep_seats') },
        { id: optionId({ kind: 'hold', action: 'cancel' }), title: turn.say('button.cancel') },
      ]
    : [
        { id: optionId({ kind: 'hold', action: 'best' }), title: turn.say('button.best_seats') },
        { id: optionId({ kind: 'hold', action: 'cancel' }), title: turn.say('button.cancel') },
      ];
  turn.offer(text, options);
}

/** After a hold ran out or could not be confirmed: the same seats again, or the menu. */
export function askHoldLost(turn: Turn): void {
  turn.update({ step: { name: 'hold_lost' } });
  const s = turn.state.slots;
  const options = [];
  if (findShow(turn.ctx, s.showId) && s.quantity !== undefined) options.push({ id: optionId({ kind: 'hold', action: 'again' }), title: turn.say('button.try_again') });
  options.push({ id: optionId({ kind: 'menu', action: 'main' }), title: turn.say('button.main_menu') });
  turn.offer(turn.say('hold_lost.prompt'), options);
}

export function holdAction(turn: Turn, action: HoldAction): void {
  const s = turn.state.slots;
  switch (action) {
    case 'confirm':
      if (!s.hold) {
        turn.note(turn.say('hold.gone'));
        return s.showId && s.quantity !== undefined ? askHoldLost(turn) : showMenu(turn);
      }
      turn.command({ type: 'confirm', holdId: s.hold.id });
      turn.update({ pending: { kind: 'confirm', holdId: s.hold.id } });
      return;
    case 'seats':
      if (!s.hold && !s.showId) return expired(turn);
      if (!findShow(turn.ctx, s.showId ?? s.hold?.showId)?.assignedSeating) {
        turn.note(turn.say('seats.free_seating'));
        return s.hold ? showReview(turn) : advance(turn);
      }
      return askSeats(turn);
    case 'cancel': {
      const had = resetFlow(turn);
      turn.note(turn.say(had ? 'cancel.released' : 'cancel.nothing'));
      return showMenu(turn);
    }
    case 'best':
    case 'again':
      if (!s.showId || !findShow(turn.ctx, s.showId)) return expired(turn);
      if (s.quantity === undefined) return askQuantity(turn);
      return requestHold(turn);
  }
}

function expired(turn: Turn): void {
  turn.note(turn.say('menu.expired'));
  showMenu(turn);
}

/** The outcome of hold_best / hold_seats / hold_ga. */
export function onHoldResult(turn: Turn, result: HoldResult): void {
  const pending = turn.state.pending;
  if (pending?.kind !== 'hold') {
    // A hold nobody is waiting for (the customer moved on): give the seats back, say nothing.
    if (result.type === 'hold_ok') turn.command({ type: 'release_hold', holdId: result.holdId });
    return;
  }
  const { pending: _done, ...rest } = turn.state;
  turn.state = rest;
  const s = turn.state.slots;
  if (result.type === 'hold_ok') {
    const hold = validHold({
      id: result.holdId,
      showId: result.showId,
      seats: result.seats,
      quantity: result.quantity,
      arrangement: result.arrangement,
      total: result.total,
      expiresAt: result.expiresAt,
    });
    if (hold && hold.showId === pending.showId) {
      turn.update({ slots: { ...s, quantity: hold.quantity, hold } });
      return showReview(turn);
    }
    // A hold for another show, or one we could not keep: give it back rather than sell the wrong seats.
    if (validId(result.holdId)) turn.command({ type: 'release_hold', holdId: result.holdId });
    turn.note(turn.say('error.generic'));
    turn.update({ slots: withoutSlot(s, 'quantity') });
    return advance(turn);
  }
  turn.note(errorText(turn.lang, result.code, { max: quantityCap(turn) }, turn.ctx.cinema.texts));
  if (result.unavailableSeats && result.unavailableSeats.length > 0) turn.note(turn.say('seats.unavailable_list', { seats: result.unavailableSeats.join(', ') }));
  switch (result.code) {
    case 'seat_unavailable':
    case 'invalid_seat':
    case 'seat_not_found':
    case 'seats_not_together':
      if (pending.seatCodes) return askSeats(turn);
      turn.update({ slots: withoutSlot(s, 'quantity') });
      return advance(turn);
    case 'show_sold_out':
    case 'show_not_bookable':
    case 'show_not_found':
      turn.update({ slots: { ...withoutSlot(s, 'show'), soldOut: [...s.soldOut, pending.showId].slice(-50) } });
      return advance(turn);
    default:
      turn.update({ slots: withoutSlot(s, 'quantity') });
      return advance(turn);
  }
}

/** The outcome of confirm: a booking with its ticket, or the reason there is none. */
export function onConfirmResult(turn: Turn, result: ConfirmResult): void {
  const pending = turn.state.pending;
  if (result.type === 'confirm_ok') {
    // Said even when nobody was waiting: a booking that exists must never go unmentioned.
    // The hold became the booking, so it is forgotten rather than released.
    const { hold: _booked, ...slots } = turn.state.slots;
    turn.update({ slots });
    resetFlow(turn);
    return showBooked(turn, result.booking);
  }
  if (pending?.kind !== 'confirm') return;
  const { pending: _done, ...rest } = turn.state;
  turn.state = rest;
  turn.note(errorText(turn.lang, result.code, {}, turn.ctx.cinema.texts));
  if (result.code === 'hold_expired' || result.code === 'hold_not_found') {
    const { hold: _gone, ...slots } = turn.state.slots;
    turn.update({ slots });
    return askHoldLost(turn);
  }
  showReview(turn);
}

/** The booking is made: the e-ticket, then the summary with what to do next. */
function showBooked(turn: Turn, booking: BookingView): void {
  turn.update({ step: validId(booking.ref) ? { name: 'done', ref: booking.ref } : { name: 'menu' } });
  const when = showWhen(turn, booking);
  if (validId(booking.ref)) turn.push({ type: 'ticket', bookingRef: booking.ref, caption: turn.say('ticket.caption', { ref: booking.ref, movie: booking.movieTitle, when, location: booking.locationName }) });
  const seats = booking.seats.length > 0 ? booking.seats.join(', ') : tickets(turn, booking.quantity);
  turn.offer(
    [
      turn.say('booked.title', { ref: booking.ref }),
      `🎬 ${booking.movieTitle}\n📍 ${booking.locationName} · ${booking.screenName}\n🗓 ${when}\n🎟 ${seats}\n💰 ${turn.say('review.total', { total: price(turn, booking.total) })}`,
      turn.say('booked.next'),
    ].join('\n\n'),
    [
      { id: optionId({ kind: 'menu', action: 'book' }), title: turn.say('button.book_more') },
      { id: optionId({ kind: 'menu', action: 'bookings' }), title: turn.say('button.my_bookings') },
      { id: optionId({ kind: 'menu', action: 'main' }), title: turn.say('button.main_menu') },
    ],
  );
}

/** The dialogue timers: a warning shortly before a hold runs out, and the moment it has. */
export function onHoldTimer(turn: Turn, timer: 'hold_warning' | 'hold_expired', holdId: string, quiet: boolean): void {
  const s = turn.state.slots;
  if (s.hold?.id !== holdId || turn.state.pending) return;
  if (timer === 'hold_warning') {
    if (quiet) return;
    turn.offer(turn.say('hold.warning', { time: formatTime(s.hold.expiresAt, turn.lang, turn.ctx.cinema.timezone) }), [
      { id: optionId({ kind: 'hold', action: 'confirm' }), title: turn.say('button.confirm') },
      { id: optionId({ kind: 'hold', action: 'cancel' }), title: turn.say('button.cancel') },
    ]);
    return;
  }
  const { hold: _gone, ...slots } = s;
  turn.update({ slots });
  if (quiet) return;
  turn.note(errorText(turn.lang, 'hold_expired', {}, turn.ctx.cinema.texts));
  askHoldLost(turn);
}
