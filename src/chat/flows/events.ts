/**
 * Special events (e.g. a women-only first-day-first-show): a keyword or the Special shows menu, the
 * description and terms in the customer's language, clear acceptance, then the usual slots.
 */
import { findEvent, openEvents } from '../catalog-queries.ts';
import { optionId } from '../options.ts';
import type { Turn } from '../turn.ts';
import type { EventView, Lang } from '../types.ts';
import { parseConsent } from '../understand/index.ts';
import { ask } from './ask.ts';
import { advance } from './booking.ts';
import { showMenu } from './menu.ts';
import { resetFlow } from './reset.ts';

/** An event's text in the customer's language, falling back to English, then to any language it has. */
export function eventText(field: Record<Lang, string>, lang: Lang): string {
  const own = field?.[lang];
  if (typeof own === 'string' && own.trim() !== '') return own;
  if (typeof field?.en === 'string' && field.en.trim() !== '') return field.en;
  return Object.values(field ?? {}).find((v) => typeof v === 'string' && v.trim() !== '') ?? '';
}

export function showEvents(turn: Turn): void {
  const events = openEvents(turn.ctx);
  if (events.length === 0) {
    resetFlow(turn);
    turn.note(turn.say('events.none'));
    return showMenu(turn);
  }
  if (events.length === 1) return startEvent(turn, events[0]!);
  resetFlow(turn);
  turn.update({ step: { name: 'events' } });
  turn.offer(
    turn.say('events.prompt'),
    events.slice(0, 10).map((e) => ({ id: optionId({ kind: 'event', eventId: e.id }), title: eventText(e.title, turn.lang) || e.keyword, description: eventText(e.description, turn.lang) })),
    { button: turn.say('button.events') },
  );
}

/** Starts a booking for the event, at once, whatever was going on (a repeated keyword starts a new one). */
export function startEvent(turn: Turn, event: EventView): void {
  resetFlow(turn);
  turn.update({ slots: { flow: 'event', eventId: event.id, trail: [], soldOut: [] } });
  if (turn.state.acceptedEvents.includes(event.id)) turn.note(turn.say('terms.already_accepted', { event: eventText(event.title, turn.lang) }));
  advance(turn);
}

/** The description and terms, then Accept / Decline; a re-ask after an unclear answer shows only the buttons. */
export function askTerms(turn: Turn, event: EventView, again = false): void {
  turn.update({ step: { name: 'terms' } });
  if (!again) {
    const title = eventText(event.title, turn.lang);
    turn.push({ type: 'text', text: [`*${title}*`, eventText(event.description, turn.lang), `*${turn.say('terms.heading')}*\n${eventText(event.terms, turn.lang)}`].filter((p) => p.replace(/\*/g, '').trim() !== '').join('\n\n') });
  }
  turn.offer(turn.say('terms.prompt'), [
    { id: optionId({ kind: 'terms', accept: true, eventId: event.id }), title: turn.say('button.accept') },
    { id: optionId({ kind: 'terms', accept: false, eventId: event.id }), title: turn.say('button.decline') },
  ]);
}

/** Accept or Decline, tapped now or on an older copy of the terms. */
export function answerTerms(turn: Turn, eventId: string, accept: boolean): void {
  const event = findEvent(turn.ctx, eventId);
  const inThisEvent = turn.state.slots.flow === 'event' && turn.state.slots.eventId === eventId;
  if (!event || !openEvents(turn.ctx).some((e) => e.id === eventId)) {
    if (inThisEvent) resetFlow(turn);
    turn.note(turn.say('event_not_found'));
    return showMenu(turn);
  }
  if (!accept) {
    if (!inThisEvent && turn.state.slots.flow !== undefined) return ask(turn);
    resetFlow(turn);
    turn.note(turn.say('terms.declined', { event: eventText(event.title, turn.lang) }));
    return showMenu(turn);
  }
  if (!turn.state.acceptedEvents.includes(eventId)) turn.update({ acceptedEvents: [...turn.state.acceptedEvents, eventId].slice(-100) });
  if (!inThisEvent) {
    resetFlow(turn);
    turn.update({ slots: { flow: 'event', eventId, trail: [], soldOut: [] } });
  }
  if (turn.state.step.name === 'terms') turn.note(turn.say('terms.accepted'));
  advance(turn);
}

/** Typed consent at the terms step: only a clear yes counts ("not accept" is not acceptance). */
export function answerTermsText(turn: Turn, text: string): boolean {
  const eventId = turn.state.slots.eventId;
  const event = findEvent(turn.ctx, eventId);
  if (!event) return false;
  const consent = parseConsent(text);
  if (consent === 'accept') answerTerms(turn, event.id, true);
  else if (consent === 'decline') answerTerms(turn, event.id, false);
  else {
    turn.note(turn.say('terms.hint'));
    askTerms(turn, event, true);
  }
  return true;
}
