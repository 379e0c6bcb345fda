/**
 * Booking as slot filling: film → location → date → show → quantity for a regular booking, and
 * location → show → quantity for a special event. `advance` asks for the first slot still open,
 * fills a slot by itself when only one answer is possible, and asks for a hold once all are filled —
 * so a one-shot request ("2 tickets for Retro tomorrow evening at Tirupur") skips what it already said.
 */
import { bookableMovies, distinct, eventShows, findEvent, findLocation, findMovie, findShow, inWindow, locationsOf, regularShows, showDay, showMinutes } from '../catalog-queries.ts';
import { formatClock, localeOf } from '../format.ts';
import { dayLabel, movieFacts, showRow, showWhen, tickets } from '../labels.ts';
import { optionId } from '../options.ts';
import { paginate } from '../paginate.ts';
import { pickMatch } from '../pick-match.ts';
import type { SlotName, Slots } from '../session-state.ts';
import type { Turn } from '../turn.ts';
import type { ShowView } from '../types.ts';
import { matchNames, parseDate, parseQuantity, parseSeatCodes, parseTimeOfDay } from '../understand/index.ts';
import { askTerms } from './events.ts';
import { holdSeats, requestHold } from './hold.ts';
import { showMenu } from './menu.ts';
import { releaseHold, resetFlow } from './reset.ts';

const ORDER: SlotName[] = ['movie', 'location', 'date', 'show', 'quantity'];
const SLOT_FIELD = { movie: 'movieId', location: 'locationId', date: 'date', show: 'showId', quantity: 'quantity' } as const;

export type BookingSlots = Partial<Pick<Slots, 'movieId' | 'locationId' | 'date' | 'time' | 'showId' | 'quantity' | 'quantityChoices'>>;

/** Starts a regular booking with whatever the customer already told us (`chosen` says which slots they named). */
export function startBooking(turn: Turn, given: BookingSlots = {}, chosen: SlotName[] = [], movieCandidates?: string[]): void {
  resetFlow(turn);
  turn.update({ slots: { flow: 'booking', ...defined(given), trail: ORDER.filter((n) => chosen.includes(n)), soldOut: [] } });
  if (given.movieId === undefined && movieCandidates && movieCandidates.length > 1) return askMovie(turn, 0, movieCandidates);
  advance(turn);
}

/** The shows the current flow may sell. */
export function flowShows(turn: Turn): ShowView[] {
  const s = turn.state.slots;
  if (s.flow === 'event') {
    const event = findEvent(turn.ctx, s.eventId);
    return event ? eventShows(turn.ctx, event, s.soldOut) : [];
  }
  return s.flow === 'booking' ? regularShows(turn.ctx, s.soldOut) : [];
}

/**
 * Slots without `name` and without what was derived from it: the show and quantity always depend on
 * earlier slots, and a later slot we filled by ourselves (the only location showing a film) is re-derived.
 */
export function withoutSlot(slots: Slots, name: SlotName): Slots {
  const next: Slots = { ...slots };
  delete next[SLOT_FIELD[name]];
  let trail = slots.trail.filter((n) => n !== name);
  for (const n of ORDER.slice(ORDER.indexOf(name) + 1)) {
    if (n === 'show' || n === 'quantity' || !trail.includes(n)) {
      delete next[SLOT_FIELD[n]];
      trail = trail.filter((x) => x !== n);
    }
  }
  return { ...next, trail };
}

/** The customer chose a slot's value: what depended on the old value goes, and the flow moves on. */
export function setSlot(turn: Turn, name: SlotName, patch: Partial<Slots>): void {
  releaseHold(turn);
  const before = turn.state.slots;
  const cleared = withoutSlot(before, name);
  // A quantity the customer already gave ("2 tickets for Retro tomorrow evening") is not about
  // which show: picking the show keeps it, and `advance` re-checks it against that show's cap.
  const keepQuantity = name === 'show' && before.quantity !== undefined && before.trail.includes('quantity');
  const kept: Partial<Slots> = keepQuantity ? { quantity: before.quantity } : {};
  const trail: SlotName[] = keepQuantity ? [...cleared.trail, 'quantity', name] : [...cleared.trail, name];
  turn.update({ slots: { ...cleared, ...kept, ...patch, trail } });
  advance(turn);
}

/** `back` within a booking: undoes the customer's last choice before the current step; false when there is none. */
export function undoLastSlot(turn: Turn): boolean {
  const step = turn.state.step.name;
  const here = (ORDER as string[]).includes(step) ? ORDER.indexOf(step as SlotName) : ORDER.length;
  const last = [...turn.state.slots.trail].reverse().find((n) => ORDER.indexOf(n) < here);
  if (!last) return false;
  releaseHold(turn);
  turn.update({ slots: withoutSlot(turn.state.slots, last) });
  advance(turn);
  return true;
}

/** How many tickets one booking of the chosen show may have. */
export function quantityCap(turn: Turn): number {
  const s = turn.state.slots;
  const show = findShow(turn.ctx, s.showId);
  const event = s.flow === 'event' ? findEvent(turn.ctx, s.eventId) : undefined;
  const rule = event ? event.maxTickets : turn.ctx.cinema.maxTicketsPerBooking;
  const cap = Math.min(Number.isFinite(rule) ? Math.floor(rule) : 1, show ? show.seatsLeft : Infinity);
  return Math.max(1, Math.min(cap, 1000));
}

/** Asks for the first open slot, or for a hold when every slot is filled. */
export function advance(turn: Turn): void {
  let s: Slots = { ...turn.state.slots };
  const commit = () => turn.update({ slots: s });
  const { ctx } = turn;
  if (s.flow === 'event') {
    const event = findEvent(ctx, s.eventId);
    if (!event) {
      turn.note(turn.say('event_not_found'));
      resetFlow(turn);
      return showMenu(turn);
    }
    if (!turn.state.acceptedEvents.includes(event.id)) return askTerms(turn, event);
  } else if (s.flow !== 'booking') {
    return showMenu(turn);
  }

  let shows = flowShows(turn);
  if (shows.length === 0) {
    turn.note(turn.say(s.flow === 'event' ? 'event.sold_out' : 'booking.no_shows'));
    resetFlow(turn);
    return showMenu(turn);
  }

  if (s.flow === 'booking') {
    if (s.movieId !== undefined && !shows.some((x) => x.movieId === s.movieId)) {
      turn.note(turn.say('booking.movie_unavailable', { movie: findMovie(ctx, s.movieId)?.title ?? '' }));
      s = withoutSlot(s, 'movie');
    }
    if (s.movieId === undefined) {
      commit();
      return askMovie(turn, 0);
    }
    shows = shows.filter((x) => x.movieId === s.movieId);
  }

  if (s.time) {
    const inTime = shows.filter((x) => inWindow(x, s.time));
    if (inTime.length > 0) shows = inTime;
    else {
      turn.note(turn.say('booking.no_shows_at_that_time'));
      delete s.time;
    }
  }

  const locations = locationsOf(ctx, shows);
  if (s.locationId !== undefined && !locations.some((l) => l.id === s.locationId)) {
    turn.note(turn.say('booking.not_at_location', { location: findLocation(ctx, s.locationId)?.name ?? '' }));
    s = withoutSlot(s, 'location');
  }
  if (s.locationId === undefined) {
    if (locations.length !== 1) {
      commit();
      return askLocation(turn);
    }
    s.locationId = locations[0]!.id;
  }
  shows = shows.filter((x) => x.locationId === s.locationId);

  if (s.flow === 'booking') {
    const dates = distinct(shows.map((x) => showDay(x, ctx.today))).sort();
    if (s.date !== undefined && !dates.includes(s.date)) {
      turn.note(turn.say('booking.no_shows_on_date', { day: dayLabel(turn, s.date) }));
      s = withoutSlot(s, 'date');
    }
    if (s.date === undefined) {
      if (dates.length !== 1) {
        commit();
        return askDate(turn);
      }
      s.date = dates[0]!;
    }
    shows = shows.filter((x) => showDay(x, ctx.today) === s.date);
  }

  if (s.showId !== undefined && !shows.some((x) => x.id === s.showId)) {
    turn.note(turn.say('show_unavailable'));
    s = withoutSlot(s, 'show');
  }
  if (s.showId === undefined) {
    if (shows.length !== 1) {
      commit();
      return askShow(turn, 0);
    }
    s.showId = shows[0]!.id;
  }

  commit();
  const cap = quantityCap(turn);
  if (s.quantity !== undefined && s.quantity > cap) {
    turn.note(turn.say('too_many_tickets', { max: cap }));
    s = withoutSlot(s, 'quantity');
    commit();
  }
  if (s.quantity === undefined) return askQuantity(turn);
  requestHold(turn);
}

/** What the flow's remaining choices are narrowed to, for prompts and for checking taps on old menus. */
export function candidateShows(turn: Turn, upTo: SlotName): ShowView[] {
  const s = turn.state.slots;
  let shows = flowShows(turn);
  const stop = ORDER.indexOf(upTo);
  if (s.movieId !== undefined && stop > 0) shows = shows.filter((x) => x.movieId === s.movieId);
  if (s.time) {
    const inTime = shows.filter((x) => inWindow(x, s.time));
    if (inTime.length > 0) shows = inTime;
  }
  if (s.locationId !== undefined && stop > 1) shows = shows.filter((x) => x.locationId === s.locationId);
  if (s.date !== undefined && stop > 2) shows = shows.filter((x) => showDay(x, turn.ctx.today) === s.date);
  return shows;
}

export function askMovie(turn: Turn, page: number, candidates?: string[]): void {
  const s = turn.state.slots;
  const open = flowShows(turn).filter((x) => s.locationId === undefined || x.locationId === s.locationId);
  const withShows = new Set(open.map((x) => x.movieId));
  let films = bookableMovies(turn.ctx, s.soldOut).filter((m) => withShows.has(m.id));
  if (films.length === 0) films = bookableMovies(turn.ctx, s.soldOut);
  const among = candidates?.filter((id) => films.some((m) => m.id === id));
  if (among && among.length > 1) films = films.filter((m) => among.includes(m.id));
  const p = paginate(films, page);
  turn.update({ step: among && among.length > 1 ? { name: 'movie', page: p.page, candidates: among } : { name: 'movie', page: p.page } });
  const rows = p.items.map((m) => ({ id: optionId({ kind: 'movie', movieId: m.id }), title: m.title, description: movieFacts(turn, m) }));
  if (p.next !== undefined) rows.push({ id: optionId({ kind: 'more', list: 'movie', page: p.next }), title: turn.say('list.more'), description: turn.say('list.more_films') });
  const location = findLocation(turn.ctx, s.locationId);
  const text = among && among.length > 1 ? turn.say('booking.which_of_films') : location ? turn.say('booking.ask_movie_at', { location: location.name }) : turn.say('booking.ask_movie');
  turn.offer(text, rows, { button: turn.say('button.films') });
}

function askLocation(turn: Turn): void {
  const shows = candidateShows(turn, 'location');
  const locations = locationsOf(turn.ctx, shows);
  const movie = findMovie(turn.ctx, turn.state.slots.movieId);
  turn.update({ step: { name: 'location' } });
  turn.offer(
    movie ? turn.say('booking.ask_location', { movie: movie.title }) : turn.say('booking.ask_location_event'),
    locations.map((l) => ({ id: optionId({ kind: 'location', locationId: l.id }), title: l.name, description: [l.city, l.address].filter(Boolean).join(' · ') })),
    { button: turn.say('button.locations') },
  );
}

function askDate(turn: Turn): void {
  const shows = candidateShows(turn, 'date');
  const dates = distinct(shows.map((x) => showDay(x, turn.ctx.today))).sort();
  const movie = findMovie(turn.ctx, turn.state.slots.movieId);
  const location = findLocation(turn.ctx, turn.state.slots.locationId);
  turn.update({ step: { name: 'date' } });
  const rows = dates.slice(0, 10).map((d) => {
    const times = shows.filter((x) => showDay(x, turn.ctx.today) === d).map((x) => formatClock(x.localTime, turn.lang));
    return { id: optionId({ kind: 'date', date: d }), title: dayLabel(turn, d), description: times.join(', ') };
  });
  turn.offer(turn.say('booking.ask_date', { movie: movie?.title ?? '', location: location?.name ?? '' }), rows, { button: turn.say('button.dates') });
}

export function askShow(turn: Turn, page: number): void {
  const s = turn.state.slots;
  const shows = candidateShows(turn, 'show');
  const p = paginate(shows, page);
  const event = s.flow === 'event';
  turn.update({ step: { name: 'show', page: p.page } });
  const rows = p.items.map((x) => ({ id: optionId({ kind: 'show', showId: x.id }), ...showRow(turn, x, event) }));
  if (p.next !== undefined) rows.push({ id: optionId({ kind: 'more', list: 'show', page: p.next }), title: turn.say('list.more'), description: turn.say('list.more_times') });
  const movie = findMovie(turn.ctx, s.movieId);
  const location = findLocation(turn.ctx, s.locationId);
  const text = event
    ? turn.say('booking.ask_show_event', { location: location?.name ?? '' })
    : turn.say('booking.ask_show', { movie: movie?.title ?? '', day: s.date ? dayLabel(turn, s.date) : '', location: location?.name ?? '' });
  turn.offer(text, rows, { button: turn.say('button.times') });
}

export function askQuantity(turn: Turn): void {
  const s = turn.state.slots;
  const cap = quantityCap(turn);
  const show = findShow(turn.ctx, s.showId);
  turn.update({ step: { name: 'quantity' } });
  const choices = (s.quantityChoices ?? []).filter((n) => n <= cap);
  if (choices.length >= 2) {
    const list = new Intl.ListFormat(localeOf(turn.lang), { type: 'disjunction' }).format(choices.map(String));
    turn.offer(
      turn.say('quantity.which', { choices: list }),
      choices.slice(0, 3).map((n) => ({ id: optionId({ kind: 'qty', quantity: n }), title: tickets(turn, n) })),
    );
    return;
  }
  const movie = findMovie(turn.ctx, show?.movieId);
  const location = findLocation(turn.ctx, show?.locationId);
  const about = show ? turn.say('quantity.show', { movie: movie?.title ?? '', when: showWhen(turn, show), location: location?.name ?? '' }) : '';
  const hint = show?.assignedSeating ? turn.say('quantity.seat_hint', { max: cap }) : turn.say('quantity.max', { max: cap });
  const rows = Array.from({ length: Math.min(cap, 10) }, (_, i) => ({ id: optionId({ kind: 'qty', quantity: i + 1 }), title: tickets(turn, i + 1) }));
  turn.offer([turn.say('quantity.ask'), about, hint].filter(Boolean).join('\n'), rows, { button: turn.say('button.tickets') });
}

/** The customer chose how many tickets; too many is refused with the limit, never trimmed silently. */
export function chooseQuantity(turn: Turn, n: number): void {
  const cap = quantityCap(turn);
  if (n < 1 || n > cap) {
    turn.note(turn.say('too_many_tickets', { max: cap }));
    return askQuantity(turn);
  }
  const { quantityChoices: _asked, ...slots } = turn.state.slots;
  turn.update({ slots });
  setSlot(turn, 'quantity', { quantity: n });
}

/** Free text at one of the slot steps; false when it says nothing about that slot. */
export function answerSlot(turn: Turn, text: string): boolean {
  const { ctx } = turn;
  const s = turn.state.slots;
  switch (turn.state.step.name) {
    case 'movie': {
      const step = turn.state.step;
      const pool = (step.candidates ?? bookableMovies(ctx, s.soldOut).map((m) => m.id)).map((id) => findMovie(ctx, id)).filter((m) => m !== undefined);
      const match = pickMatch(matchNames(text, pool.map((m) => ({ id: m.id, names: [m.title, ...m.aliases] }))));
      if (match.id !== undefined) {
        setSlot(turn, 'movie', { movieId: match.id });
        return true;
      }
      if (match.candidates.length > 1) {
        askMovie(turn, 0, match.candidates);
        return true;
      }
      return false;
    }
    case 'location': {
      const options = locationsOf(ctx, candidateShows(turn, 'location'));
      const match = pickMatch(matchNames(text, options.map((l) => ({ id: l.id, names: [l.name, l.city] }))));
      if (match.id === undefined) return false;
      setSlot(turn, 'location', { locationId: match.id });
      return true;
    }
    case 'date': {
      const parsed = parseDate(text, ctx.today);
      if (!parsed) return false;
      const dates = distinct(candidateShows(turn, 'date').map((x) => showDay(x, ctx.today)));
      if (dates.includes(parsed.date)) setSlot(turn, 'date', { date: parsed.date });
      else {
        turn.note(turn.say('booking.no_shows_on_date', { day: dayLabel(turn, parsed.date) }));
        askDate(turn);
      }
      return true;
    }
    case 'show': {
      const time = parseTimeOfDay(text);
      if (!time) return false;
      const window = { from: time.fromMinutes, to: time.toMinutes, ...(time.exact !== undefined ? { exact: time.exact } : {}) };
      const shows = candidateShows(turn, 'show').filter((x) => inWindow(x, window));
      const exact = time.exact === undefined ? [] : shows.filter((x) => showMinutes(x) === time.exact);
      const picked = exact.length === 1 ? exact : shows.length === 1 ? shows : [];
      if (picked.length === 1) setSlot(turn, 'show', { showId: picked[0]!.id });
      else {
        if (shows.length > 1) turn.update({ slots: { ...s, time: window } });
        else turn.note(turn.say('booking.no_shows_at_that_time'));
        askShow(turn, 0);
      }
      return true;
    }
    case 'quantity': {
      if (findShow(ctx, s.showId)?.assignedSeating) {
        const codes = parseSeatCodes(text);
        if (codes.length > 0) {
          holdSeats(turn, codes);
          return true;
        }
      }
      const q = parseQuantity(text);
      if (q.kind === 'ok') {
        chooseQuantity(turn, q.value);
        return true;
      }
      if (q.kind === 'ambiguous') {
        turn.update({ slots: { ...s, quantityChoices: distinct(q.values).filter((n) => n >= 1).slice(0, 10) } });
        askQuantity(turn);
        return true;
      }
      return false;
    }
    default:
      return false;
  }
}

function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
