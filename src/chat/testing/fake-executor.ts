/**
 * Carries out the dialogue's commands the way the application would, against an in-memory cinema:
 * holds expire, taken seats stay taken, confirmations need a live hold. A test can script the next
 * result of a command to reproduce a failure.
 */
import { findShow } from '../catalog-queries.ts';
import type { BookingView, ChatContext, Command, CommandResult } from '../types.ts';

interface HeldSeats {
  id: string;
  showId: string;
  seats: string[];
  quantity: number;
  total: number;
  expiresAt: number;
  eventId?: string;
}

export class FakeExecutor {
  private holds = new Map<string, HeldSeats>();
  private taken = new Map<string, Set<string>>();
  private scripted = new Map<Command['type'], CommandResult[]>();
  private seq = 0;
  readonly bookings: BookingView[] = [];
  readonly executed: Command[] = [];

  /** An independent copy, for exploring several futures of one conversation. */
  clone(): FakeExecutor {
    const copy = new FakeExecutor();
    for (const [k, v] of this.holds) copy.holds.set(k, { ...v, seats: [...v.seats] });
    for (const [k, v] of this.taken) copy.taken.set(k, new Set(v));
    for (const [k, v] of this.scripted) copy.scripted.set(k, [...v]);
    copy.seq = this.seq;
    copy.bookings.push(...this.bookings);
    copy.executed.push(...this.executed);
    return copy;
  }

  /** The next `type` command answers `result` instead of doing its work. */
  script(type: Command['type'], result: CommandResult): this {
    this.scripted.set(type, [...(this.scripted.get(type) ?? []), result]);
    return this;
  }

  /** Seats someone else already has. */
  takeSeats(showId: string, codes: string[]): this {
    const set = this.taken.get(showId) ?? new Set<string>();
    for (const c of codes) set.add(c);
    this.taken.set(showId, set);
    return this;
  }

  activeHolds(now: number): string[] {
    return [...this.holds.values()].filter((h) => h.expiresAt > now).map((h) => h.id);
  }

  /** The result the application would feed back, or undefined for commands that have none. */
  run(cmd: Command, ctx: ChatContext): CommandResult | undefined {
    this.executed.push(cmd);
    const queued = this.scripted.get(cmd.type);
    if (queued && queued.length > 0) return queued.shift();
    switch (cmd.type) {
      case 'hold_best':
      case 'hold_ga':
        return this.holdCount(cmd.showId, cmd.quantity, ctx, cmd.type === 'hold_ga');
      case 'hold_seats':
        return this.holdCodes(cmd.showId, cmd.seatCodes, ctx);
      case 'release_hold':
        this.holds.delete(cmd.holdId);
        return undefined;
      case 'confirm':
        return this.confirm(cmd.holdId, ctx);
      case 'cancel_booking': {
        const b = [...ctx.bookings, ...this.bookings].find((x) => x.ref === cmd.ref);
        if (!b) return { type: 'cancel_failed', code: 'booking_not_found' };
        if (b.startsAt - ctx.now < ctx.cinema.cancelCutoffMinutes * 60_000) return { type: 'cancel_failed', code: 'cancel_too_late' };
        return { type: 'cancel_ok', ref: b.ref };
      }
      case 'set_language':
      case 'handoff':
        return undefined;
    }
  }

  private taker(showId: string): Set<string> {
    const set = this.taken.get(showId) ?? new Set<string>();
    this.taken.set(showId, set);
    return set;
  }

  private heldCodes(showId: string, now: number): Set<string> {
    return new Set([...this.holds.values()].filter((h) => h.showId === showId && h.expiresAt > now).flatMap((h) => h.seats));
  }

  private holdCount(showId: string, quantity: number, ctx: ChatContext, ga: boolean): CommandResult {
    const show = findShow(ctx, showId);
    if (!show) return { type: 'hold_failed', code: 'show_not_bookable' };
    if (quantity > ctx.cinema.maxTicketsPerBooking) return { type: 'hold_failed', code: 'too_many_tickets' };
    if (quantity > show.seatsLeft) return { type: 'hold_failed', code: show.seatsLeft === 0 ? 'show_sold_out' : 'not_enough_seats' };
    const seats: string[] = [];
    if (!ga) {
      const busy = new Set([...this.taker(showId), ...this.heldCodes(showId, ctx.now)]);
      for (let n = 7; seats.length < quantity && n < 40; n++) if (!busy.has(`F${n}`)) seats.push(`F${n}`);
    }
    return this.grant(showId, seats, quantity, show.priceFrom * quantity, ctx, ga);
  }

  private holdCodes(showId: string, codes: string[], ctx: ChatContext): CommandResult {
    const show = findShow(ctx, showId);
    if (!show) return { type: 'hold_failed', code: 'show_not_bookable' };
    const invalid = codes.filter((c) => !/^[A-M]([1-9]|1\d|20)$/.test(c));
    if (invalid.length > 0) return { type: 'hold_failed', code: 'invalid_seat', unavailableSeats: invalid };
    const busy = new Set([...this.taker(showId), ...this.heldCodes(showId, ctx.now)]);
    const unavailable = codes.filter((c) => busy.has(c));
    if (unavailable.length > 0) return { type: 'hold_failed', code: 'seat_unavailable', unavailableSeats: unavailable };
    return this.grant(showId, codes, codes.length, show.priceFrom * codes.length, ctx, false);
  }

  private grant(showId: string, seats: string[], quantity: number, total: number, ctx: ChatContext, ga: boolean): CommandResult {
    const id = `hold-${++this.seq}`;
    const expiresAt = ctx.now + ctx.cinema.holdMinutes * 60_000;
    this.holds.set(id, { id, showId, seats, quantity, total, expiresAt });
    const rowsUsed = new Set(seats.map((s) => s[0]));
    return {
      type: 'hold_ok',
      holdId: id,
      showId,
      seats: seats.map((code) => ({ code, category: 'Gold' })),
      quantity,
      arrangement: ga ? 'general_admission' : rowsUsed.size > 1 ? 'split_rows' : 'together',
      total,
      expiresAt,
    };
  }

  private confirm(holdId: string, ctx: ChatContext): CommandResult {
    const hold = this.holds.get(holdId);
    if (!hold) return { type: 'confirm_failed', code: 'hold_not_found' };
    if (hold.expiresAt <= ctx.now) return { type: 'confirm_failed', code: 'hold_expired' };
    this.holds.delete(holdId);
    for (const s of hold.seats) this.taker(hold.showId).add(s);
    const show = findShow(ctx, hold.showId)!;
    const booking: BookingView = {
      ref: bookingRef(++this.seq),
      showId: hold.showId,
      movieTitle: ctx.catalog.movies.find((m) => m.id === show.movieId)?.title ?? '',
      locationName: ctx.catalog.locations.find((l) => l.id === show.locationId)?.name ?? '',
      screenName: show.screenName,
      startsAt: show.startsAt,
      localDate: show.localDate,
      localTime: show.localTime,
      seats: hold.seats,
      quantity: hold.quantity,
      total: hold.total,
      status: 'confirmed',
      cancellable: true,
    };
    this.bookings.push(booking);
    return { type: 'confirm_ok', booking };
  }
}

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A booking reference in the domain's alphabet, different for each number. */
function bookingRef(n: number): string {
  let s = '';
  for (let i = 0, x = n * 7919 + 104729; i < 6; i++, x = Math.floor(x / 32)) s += REF_ALPHABET[x % 32];
  return s;
}
