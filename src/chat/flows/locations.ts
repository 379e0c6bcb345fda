/** Locations & hours, and what a location pinned by the customer means at each point of the dialogue. */
import { locationsOf } from '../catalog-queries.ts';
import { nearest } from '../haversine.ts';
import { km } from '../labels.ts';
import { optionId } from '../options.ts';
import type { Turn } from '../turn.ts';
import type { LocationView } from '../types.ts';
import { ask } from './ask.ts';
import { candidateShows, setSlot } from './booking.ts';
import { showMenu } from './menu.ts';

export function showLocations(turn: Turn): void {
  const all = turn.ctx.catalog.locations;
  if (all.length === 0) {
    turn.note(turn.say('locations.none'));
    return showMenu(turn);
  }
  if (all.length === 1) return showLocationInfo(turn, all[0]!);
  turn.update({ step: { name: 'locations' } });
  const summary = all.map((l) => `*${l.name}*, ${l.city}\n${l.address}\n🕒 ${l.openingHours}`).join('\n\n');
  turn.offer(
    `${turn.say('locations.title')}\n\n${summary}\n\n${turn.say('locations.prompt')}`,
    all.slice(0, 10).map((l) => ({ id: optionId({ kind: 'info', locationId: l.id }), title: l.name, description: `${l.city} · ${l.openingHours}` })),
    { button: turn.say('button.locations') },
  );
}

/** The pin, then address, hours and phone, with "Book here". */
export function showLocationInfo(turn: Turn, l: LocationView, distanceKm?: number): void {
  turn.update({ step: { name: 'location_info', locationId: l.id } });
  turn.push({ type: 'location', latitude: l.latitude, longitude: l.longitude, name: l.name, address: l.address });
  const lines = [
    `*${l.name}*`,
    distanceKm !== undefined ? turn.say('location.distance', { distance: km(turn, distanceKm) }) : '',
    l.address.includes(l.city) ? l.address : `${l.address}, ${l.city}`,
    turn.say('location.hours', { hours: l.openingHours }),
    l.phone ? turn.say('location.phone', { phone: l.phone }) : '',
  ];
  const options = [{ id: optionId({ kind: 'location', locationId: l.id }), title: turn.say('button.book_here') }];
  if (turn.ctx.catalog.locations.length > 1) options.push({ id: optionId({ kind: 'menu', action: 'locations' }), title: turn.say('button.all_locations') });
  options.push({ id: optionId({ kind: 'menu', action: 'main' }), title: turn.say('button.main_menu') });
  turn.offer(lines.filter((x) => x.trim() !== '').join('\n'), options);
}

/** A location the customer shared: picks the nearest cinema where one is being chosen, informs elsewhere. */
export function answerLocation(turn: Turn, latitude: number, longitude: number): void {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) {
    turn.note(turn.say('inbound.unsupported'));
    return ask(turn);
  }
  const step = turn.state.step.name;
  if (step === 'location' && turn.state.slots.flow !== undefined) {
    const near = nearest(locationsOf(turn.ctx, candidateShows(turn, 'location')), latitude, longitude);
    if (near) {
      turn.note(turn.say('location.nearest_chosen', { location: near.place.name, distance: km(turn, near.km) }));
      return setSlot(turn, 'location', { locationId: near.place.id });
    }
  }
  const near = nearest(turn.ctx.catalog.locations, latitude, longitude);
  if (!near) {
    turn.note(turn.say('locations.none'));
    return ask(turn);
  }
  if (step === 'menu' || step === 'start' || step === 'locations' || step === 'location_info' || step === 'done') {
    turn.note(turn.say('location.nearest_is', { location: near.place.name, distance: km(turn, near.km) }));
    return showLocationInfo(turn, near.place, near.km);
  }
  turn.note(turn.say('location.nearest_is', { location: near.place.name, distance: km(turn, near.km) }));
  ask(turn);
}
