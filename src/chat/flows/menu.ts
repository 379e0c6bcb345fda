/** The welcome, the main menu, help and the language picker. */
import { bookableMovies } from '../catalog-queries.ts';
import { shorten } from '../fit-text.ts';
import { fill } from '../messages/index.ts';
import { movieFacts } from '../labels.ts';
import { optionId, type MenuAction } from '../options.ts';
import type { CoreStep } from '../session-state.ts';
import type { Turn } from '../turn.ts';
import type { ChoiceOption, Lang } from '../types.ts';
import { ask } from './ask.ts';
import { askMovie, startBooking } from './booking.ts';
import { showEvents } from './events.ts';
import { startHandoff } from './handoff.ts';
import { showBookings } from './my-bookings.ts';
import { showLocations } from './locations.ts';
import { resetFlow } from './reset.ts';

const ROWS_MAX = 10;
/** A line or two per film keeps Now showing readable on a phone. */
const SYNOPSIS_MAX = 160;

/** The languages this cinema speaks, never empty. */
export function supportedLanguages(turn: Turn): Lang[] {
  const langs = turn.ctx.cinema.languages.filter((l) => l === 'en' || l === 'hi' || l === 'ta');
  return langs.length > 0 ? langs : [turn.ctx.cinema.defaultLanguage ?? 'en'];
}

/** The cinema's own welcome (from its branding) or ours, greeting the customer by name when we know it. */
export function welcomeText(turn: Turn): string {
  const { cinema, customer } = turn.ctx;
  const params = { cinema: cinema.name, name: customer.name ?? '' };
  const own = cinema.welcomeText?.[turn.lang];
  if (own && own.trim() !== '') return fill(own, params, true);
  return customer.name ? turn.say('welcome.named', params) : turn.say('welcome', params);
}

/** First contact: the welcome, with the language choice when the cinema speaks more than one. */
export function welcome(turn: Turn): void {
  const langs = supportedLanguages(turn);
  if (langs.length > 1) turn.offer(`${welcomeText(turn)}\n\n${turn.say('welcome.language')}`, languageOptions(turn, langs));
  else turn.tell(welcomeText(turn));
}

/**
 * The main menu. The first rows are films, so a booking can start with the first tap after "hi";
 * then Now showing · Book tickets · Special shows · My bookings · Locations & hours · Language · Talk to us.
 */
export function showMenu(turn: Turn, intro?: string): void {
  turn.update({ step: { name: 'menu' } });
  const fixed: ChoiceOption[] = [
    menuRow(turn, 'films', 'menu.films', 'menu.films_about'),
    menuRow(turn, 'book', 'menu.book', 'menu.book_about'),
    menuRow(turn, 'events', 'menu.events', 'menu.events_about'),
    menuRow(turn, 'bookings', 'menu.bookings', 'menu.bookings_about'),
    menuRow(turn, 'locations', 'menu.locations', 'menu.locations_about'),
    ...(supportedLanguages(turn).length > 1 ? [menuRow(turn, 'language', 'menu.language', 'menu.language_about')] : []),
    menuRow(turn, 'staff', 'menu.staff', 'menu.staff_about'),
  ];
  const films = bookableMovies(turn.ctx)
    .slice(0, ROWS_MAX - fixed.length)
    .map((m) => ({ id: optionId({ kind: 'movie', movieId: m.id }), title: m.title, description: turn.say('menu.film_row', { facts: movieFacts(turn, m) }) }));
  turn.offer(intro ?? turn.say('menu.prompt'), [...films, ...fixed], { button: turn.say('button.menu') });
}

function menuRow(turn: Turn, action: MenuAction, title: Parameters<Turn['say']>[0], about: Parameters<Turn['say']>[0]): ChoiceOption {
  return { id: optionId({ kind: 'menu', action }), title: turn.say(title), description: turn.say(about) };
}

export function runMenuAction(turn: Turn, action: MenuAction): void {
  switch (action) {
    case 'main':
      resetFlow(turn);
      return showMenu(turn);
    case 'book':
      return startBooking(turn);
    case 'films':
      return showNowShowing(turn);
    case 'events':
      return showEvents(turn);
    case 'bookings':
      resetFlow(turn);
      return showBookings(turn, 0);
    case 'locations':
      return showLocations(turn);
    case 'language':
      return showLanguagePicker(turn);
    case 'staff':
      return startHandoff(turn);
  }
}

/** Every film with its facts and a line of synopsis, then the choice of film. */
function showNowShowing(turn: Turn): void {
  startBookingQuietly(turn);
  const films = bookableMovies(turn.ctx);
  if (films.length === 0) return askMovie(turn, 0);
  const lines = films.map((m) => {
    const synopsis = m.synopsis ? `\n${shorten(m.synopsis, SYNOPSIS_MAX)}` : '';
    const genres = m.genres.length > 0 ? ` · ${m.genres.join(', ')}` : '';
    return `*${m.title}*\n${movieFacts(turn, m)}${genres}${synopsis}`;
  });
  turn.push({ type: 'text', text: `${turn.say('films.title')}\n\n${lines.join('\n\n')}` });
  askMovie(turn, 0);
}

function startBookingQuietly(turn: Turn): void {
  resetFlow(turn);
  turn.update({ slots: { flow: 'booking', trail: [], soldOut: [] } });
}

export function showHelp(turn: Turn): void {
  turn.tell(turn.say('help', { cinema: turn.ctx.cinema.name }));
  ask(turn);
}

function languageOptions(turn: Turn, langs: Lang[]): ChoiceOption[] {
  return langs.map((l) => ({ id: optionId({ kind: 'lang', lang: l }), title: turn.say(`language.${l}`) }));
}

/** The language picker; the step it interrupted is resumed once a language is chosen. */
export function showLanguagePicker(turn: Turn): void {
  const current = turn.state.step;
  const resume: CoreStep = current.name === 'language' ? current.resume : current.name === 'start' ? { name: 'menu' } : current;
  turn.update({ step: { name: 'language', resume } });
  turn.offer(turn.say('language.prompt'), languageOptions(turn, supportedLanguages(turn)));
}

export function setLanguage(turn: Turn, lang: Lang): void {
  const step = turn.state.step;
  if (!supportedLanguages(turn).includes(lang)) {
    turn.note(turn.say('language.unavailable'));
    return ask(turn);
  }
  if (lang !== turn.lang) turn.command({ type: 'set_language', lang });
  turn.update({ lang, step: step.name === 'language' ? step.resume : step });
  turn.note(turn.say('language.set'));
  ask(turn);
}
