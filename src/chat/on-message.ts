/**
 * A message from the customer. Order matters: hand-off, first contact and idle expiry decide the
 * frame; then global words, an event keyword, a typed menu number, the current step's own reading,
 * and last a booking request in free text. Anything else re-asks with a hint and moves nothing.
 */
import { bookableMovies, openEvents } from './catalog-queries.ts';
import { chooseId } from './choose-option.ts';
import { ask } from './flows/ask.ts';
import { answerSlot, startBooking, undoLastSlot, type BookingSlots } from './flows/booking.ts';
import { answerTermsText, showEvents, startEvent } from './flows/events.ts';
import { HANDOFF_IDLE_MS, startHandoff } from './flows/handoff.ts';
import { askSeats, holdAction, holdSeats, showReview } from './flows/hold.ts';
import { answerLocation, showLocationInfo, showLocations } from './flows/locations.ts';
import { setLanguage, showHelp, showLanguagePicker, showMenu, supportedLanguages, welcome, welcomeText } from './flows/menu.ts';
import { answerBookingsText, bookingAction, showBooking, showBookings } from './flows/my-bookings.ts';
import { resetFlow } from './flows/reset.ts';
import { pickMatch } from './pick-match.ts';
import type { MessageKey } from './messages/index.ts';
import { freshState, type SessionState, type SlotName } from './session-state.ts';
import { Turn } from './turn.ts';
import type { ChatContext, InboundContent, Lang, StepResult } from './types.ts';
import {
  detectLanguage,
  findBookingRef,
  findEventKeyword,
  matchNames,
  parseGlobalCommand,
  parseRequest,
  parseSeatCodes,
  parseYesNo,
  type GlobalCommand,
  type ParsedRequest,
} from './understand/index.ts';

const MINUTE = 60_000;
const DEFAULT_SESSION_MINUTES = 30;
/** Steps where nothing is half done: an idle customer there has nothing to be told about. */
const AT_REST = new Set(['start', 'menu', 'done']);

export function onMessage(prev: SessionState | undefined, content: InboundContent, ctx: ChatContext): StepResult {
  const first = prev === undefined || prev.step.name === 'start';
  const base = prev ?? freshState(ctx.cinema.defaultLanguage, ctx.now);
  // A reaction is a nod, not a request: nothing to answer, nothing to change.
  if (content.type === 'reaction') return { state: base, replies: [], commands: [] };

  const idle = ctx.now - base.updatedAt;
  if (base.mode.kind === 'handoff' && idle < HANDOFF_IDLE_MS) {
    // Staff answer from the dashboard; the bot stays silent and only notes that the customer is active.
    return { state: { ...base, updatedAt: ctx.now }, replies: [], commands: [] };
  }

  const { pending: _stale, ...rest } = base;
  const turn = new Turn({ ...rest, updatedAt: ctx.now }, ctx);
  if (!supportedLanguages(turn).includes(turn.lang)) turn.update({ lang: supportedLanguages(turn)[0]! });

  let returning = false;
  if (base.mode.kind === 'handoff') {
    resetFlow(turn);
    turn.update({ mode: { kind: 'bot' }, step: { name: 'menu' }, menu: [] });
    turn.note(turn.say('handoff.timed_out'));
  } else if (first) {
    turn.update({ lang: firstLanguage(turn, content), step: { name: 'menu' } });
    welcome(turn);
  } else if (idle > sessionMinutes(ctx) * MINUTE) {
    const wasBusy = resetFlow(turn) || !AT_REST.has(turn.state.step.name);
    turn.update({ step: { name: 'menu' }, menu: [], acceptedEvents: [] });
    if (wasBusy) turn.note(turn.say('session.expired'));
    returning = true;
  }

  answer(turn, content, { first, returning });
  return turn.finish();
}

function sessionMinutes(ctx: ChatContext): number {
  const m = ctx.cinema.sessionTimeoutMinutes;
  return Number.isFinite(m) && m > 0 ? m : DEFAULT_SESSION_MINUTES;
}

/** First contact: the script of the first message (Devanagari → Hindi, Tamil → Tamil), else what we know. */
function firstLanguage(turn: Turn, content: InboundContent): Lang {
  const langs = supportedLanguages(turn);
  const text = content.type === 'text' ? content.text : content.type === 'media' ? (content.caption ?? '') : '';
  if (/[\p{Script=Devanagari}\p{Script=Tamil}]/u.test(text)) {
    const detected = detectLanguage(text);
    if (detected && detected !== 'en' && langs.includes(detected)) return detected;
  }
  const known = turn.ctx.customer.language;
  if (known && langs.includes(known)) return known;
  return langs.includes(turn.ctx.cinema.defaultLanguage) ? turn.ctx.cinema.defaultLanguage : langs[0]!;
}

interface Frame {
  first: boolean;
  /** the customer came back after the session went idle */
  returning: boolean;
}

function answer(turn: Turn, content: InboundContent, frame: Frame): void {
  switch (content.type) {
    case 'text':
      return answerText(turn, content.text, frame);
    case 'button_reply':
    case 'list_reply':
      return chooseId(turn, content.id);
    case 'button':
      // A template's quick reply: its payload is one of our ids when we wrote the template, else read its text.
      return content.payload.includes(':') ? chooseId(turn, content.payload) : answerText(turn, content.text || content.payload, frame);
    case 'location':
      return answerLocation(turn, content.latitude, content.longitude);
    case 'media':
      if (content.caption && content.caption.trim() !== '') return answerText(turn, content.caption, frame);
      return aside(turn, `inbound.${content.mediaType}`);
    case 'contacts':
      return aside(turn, 'inbound.contacts');
    case 'order':
      return aside(turn, 'inbound.order');
    case 'system':
      return aside(turn, 'inbound.system');
    case 'flow_reply':
      return aside(turn, 'inbound.flow');
    case 'unsupported':
      return aside(turn, 'inbound.unsupported');
    case 'reaction':
      return;
  }
}

/** A short word about a message we cannot use, then the question still open. */
function aside(turn: Turn, key: MessageKey): void {
  turn.note(turn.say(key));
  ask(turn);
}

function answerText(turn: Turn, text: string, frame: Frame): void {
  if (text.trim() === '') return aside(turn, hintKey(turn));
  const command = parseGlobalCommand(text);
  if (command) return runGlobal(turn, command);

  const event = eventByKeyword(turn, text);
  if (event) return startEvent(turn, event);

  // Mid-booking, a message naming another film ("actually 2 for Leo tomorrow") starts over before the step reads it.
  const request = readRequest(turn, text);
  const s = turn.state.slots;
  if (s.flow === 'booking' && request.movieId !== undefined && request.movieId !== s.movieId && bookingRequest(turn, request)) return;

  // At the quantity step a bare number is a count, not a menu position ("2" after "2 or 3?").
  if (turn.state.step.name === 'quantity' && answerSlot(turn, text)) return;

  const n = typedNumber(text);
  if (n !== undefined && turn.state.menu[n - 1] !== undefined) return chooseId(turn, turn.state.menu[n - 1]!);

  if (answerStep(turn, text)) return;
  const ref = findBookingRef(text);
  if (ref && turn.ctx.bookings.some((b) => b.ref === ref && b.status === 'confirmed')) return showBooking(turn, ref);
  if (bookingRequest(turn, request)) return;

  const step = turn.state.step.name;
  if (AT_REST.has(step)) {
    // A greeting or a question we cannot read: the menu, welcoming back someone who has been away.
    if (frame.first) return showMenu(turn);
    if (frame.returning && !turn.hasNotice) return showMenu(turn, `${welcomeText(turn)}\n\n${turn.say('menu.prompt')}`);
  }
  aside(turn, hintKey(turn));
}

function runGlobal(turn: Turn, command: GlobalCommand): void {
  const step = turn.state.step;
  switch (command) {
    case 'menu':
      resetFlow(turn);
      return showMenu(turn);
    case 'help':
      return showHelp(turn);
    case 'back':
      return goBack(turn);
    case 'restart':
      resetFlow(turn);
      turn.note(turn.say('restart.done'));
      return showMenu(turn);
    case 'cancel': {
      // Looking at one booking, "cancel" means that booking; while confirming, it needs a clear yes or no.
      if (step.name === 'booking') return bookingAction(turn, 'cancel', step.ref);
      if (step.name === 'cancel_confirm') return aside(turn, 'hint.yes_no');
      const had = resetFlow(turn);
      turn.note(turn.say(had ? 'cancel.released' : 'cancel.nothing'));
      return showMenu(turn);
    }
    case 'stop':
      resetFlow(turn);
      turn.update({ step: { name: 'menu' }, menu: [] });
      return turn.tell(turn.say('stop.done'));
    case 'language':
      return showLanguagePicker(turn);
    case 'staff':
      return startHandoff(turn);
    case 'my_bookings':
      resetFlow(turn);
      return showBookings(turn, 0);
  }
}

/** `back`: the previous question of this flow, or the list this screen was opened from. */
function goBack(turn: Turn): void {
  const step = turn.state.step;
  switch (step.name) {
    case 'language':
      turn.update({ step: step.resume });
      return ask(turn);
    case 'movie':
    case 'location':
    case 'date':
    case 'show':
    case 'quantity':
    case 'review':
    case 'seats':
    case 'hold_lost':
      if (turn.state.slots.flow !== undefined && undoLastSlot(turn)) return;
      if (turn.state.slots.flow === 'event' && openEvents(turn.ctx).length > 1) return showEvents(turn);
      resetFlow(turn);
      return showMenu(turn);
    case 'terms':
      return openEvents(turn.ctx).length > 1 ? showEvents(turn) : (resetFlow(turn), showMenu(turn));
    case 'booking':
      return showBookings(turn, 0);
    case 'cancel_confirm':
      return showBooking(turn, step.ref);
    case 'location_info':
      return turn.ctx.catalog.locations.length > 1 ? showLocations(turn) : showMenu(turn);
    default:
      resetFlow(turn);
      return showMenu(turn);
  }
}

/** Free text read the way the current step expects it; false when it says nothing to this step. */
function answerStep(turn: Turn, text: string): boolean {
  const step = turn.state.step;
  const s = turn.state.slots;
  switch (step.name) {
    case 'movie':
    case 'location':
    case 'date':
    case 'show':
    case 'quantity':
      return answerSlot(turn, text);
    case 'terms':
      return answerTermsText(turn, text);
    case 'review':
    case 'seats': {
      const codes = parseSeatCodes(text);
      if (codes.length > 0) {
        holdSeats(turn, codes);
        return true;
      }
      const yn = parseYesNo(text);
      if (yn === 'yes' && s.hold) {
        holdAction(turn, 'confirm');
        return true;
      }
      if (yn === 'no' && step.name === 'seats') {
        if (s.hold) showReview(turn);
        else askSeats(turn);
        return true;
      }
      return false;
    }
    case 'hold_lost':
      if (parseYesNo(text) === 'yes') {
        holdAction(turn, 'again');
        return true;
      }
      return false;
    case 'bookings':
    case 'booking':
    case 'cancel_confirm':
      return answerBookingsText(turn, text);
    case 'language': {
      const match = pickMatch(matchNames(text, supportedLanguages(turn).map((l) => ({ id: l, names: LANGUAGE_NAMES[l] }))));
      if (match.id === undefined) return false;
      setLanguage(turn, match.id as Lang);
      return true;
    }
    case 'locations':
    case 'location_info': {
      const match = pickMatch(matchNames(text, turn.ctx.catalog.locations.map((l) => ({ id: l.id, names: [l.name, l.city] }))));
      const l = turn.ctx.catalog.locations.find((x) => x.id === match.id);
      if (!l) return false;
      showLocationInfo(turn, l);
      return true;
    }
    case 'events': {
      const events = openEvents(turn.ctx);
      const match = pickMatch(matchNames(text, events.map((e) => ({ id: e.id, names: [...Object.values(e.title), e.keyword] }))));
      const e = events.find((x) => x.id === match.id);
      if (!e) return false;
      startEvent(turn, e);
      return true;
    }
    default:
      return false;
  }
}

/** The names a language goes by, so "Tamil", "tamizh" or "தமிழ்" picks it. */
const LANGUAGE_NAMES: Record<Lang, string[]> = {
  en: ['English', 'Angrezi', 'अंग्रेज़ी', 'ஆங்கிலம்'],
  hi: ['Hindi', 'हिंदी', 'हिन्दी', 'இந்தி'],
  ta: ['Tamil', 'Tamizh', 'Thamizh', 'தமிழ்', 'तमिल'],
};

function readRequest(turn: Turn, text: string): ParsedRequest {
  const { ctx } = turn;
  return parseRequest(text, {
    today: ctx.today,
    movies: bookableMovies(ctx).map((m) => ({ id: m.id, names: [m.title, ...m.aliases] })),
    locations: ctx.catalog.locations.map((l) => ({ id: l.id, names: [l.name, l.city] })),
  });
}

/**
 * "2 tickets for Retro tomorrow evening at Tirupur": every slot it names is filled and its step skipped.
 * Mid-booking only a message naming a film starts over; elsewhere any wish to book does.
 */
function bookingRequest(turn: Turn, req: ParsedRequest): boolean {
  const namesFilm = req.movieId !== undefined || (req.movieCandidates?.length ?? 0) > 1;
  const midFlow = turn.state.slots.flow !== undefined && !AT_REST.has(turn.state.step.name);
  if (!namesFilm && (midFlow || !req.wantsBooking)) return false;

  const given: BookingSlots = {};
  const chosen: SlotName[] = [];
  if (req.movieId !== undefined) (given.movieId = req.movieId), chosen.push('movie');
  if (req.locationId !== undefined) (given.locationId = req.locationId), chosen.push('location');
  if (req.date !== undefined) (given.date = req.date), chosen.push('date');
  if (req.time !== undefined) given.time = { from: req.time.fromMinutes, to: req.time.toMinutes, ...(req.time.exact !== undefined ? { exact: req.time.exact } : {}) };
  // "2 tickets for 3 people" is asked about, never guessed.
  if (req.quantity?.kind === 'ambiguous') given.quantityChoices = [...new Set(req.quantity.values)].filter((v) => v >= 1 && v <= 1000).slice(0, 10);
  else if (req.quantity?.kind === 'ok' && req.quantity.value >= 1 && req.quantity.value <= 1000) (given.quantity = req.quantity.value), chosen.push('quantity');
  startBooking(turn, given, chosen, req.movieCandidates);
  return true;
}

/** An event keyword anywhere in the message, in any case ("#wretro please"). */
function eventByKeyword(turn: Turn, text: string) {
  const events = turn.ctx.catalog.events;
  if (events.length === 0) return undefined;
  const hit = findEventKeyword(text, events.map((e) => e.keyword));
  return hit === undefined ? undefined : events.find((e) => e.keyword === hit);
}

/** "2", "#2", "२", "௨" typed alone: a position in the last menu. */
function typedNumber(text: string): number | undefined {
  const digits = text.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966)).replace(/[\u0BE6-\u0BEF]/g, (d) => String(d.charCodeAt(0) - 0x0be6));
  const m = /^\s*#?\s*(\d{1,2})\s*[.)]?\s*$/.exec(digits);
  return m ? Number(m[1]) : undefined;
}

/** The hint for an answer this step could not use. */
function hintKey(turn: Turn): MessageKey {
  switch (turn.state.step.name) {
    case 'movie':
      return 'hint.movie';
    case 'location':
      return 'hint.location';
    case 'date':
      return 'hint.date';
    case 'show':
      return 'hint.show';
    case 'quantity':
      return 'hint.quantity';
    case 'seats':
      return 'hint.seats';
    case 'review':
      return 'hint.review';
    case 'terms':
      return 'terms.hint';
    case 'cancel_confirm':
      return 'hint.yes_no';
    case 'start':
    case 'menu':
    case 'done':
      return 'hint.menu';
    default:
      return 'hint.tap';
  }
}
