import type { Clock } from '../../clock.ts';
import type { DbOrTrx } from '../../db/database.ts';
import { confirmBooking } from '../confirm-booking.ts';
import { isDomainError } from '../domain-error.ts';
import { holdBestAvailable } from '../hold-best-available.ts';
import { holdGeneralAdmission } from '../hold-general-admission.ts';
import { holdSeats } from '../hold-seats.ts';

/** Many customers at once going for the same show: what each got, or the code it was refused with. */

export type RaceMode = 'seats' | 'general_admission';

export interface RacePlan {
  cinemaId: string;
  showId: string;
  customers: string[];
  /** Seat codes the seat racers choose among (the last ones left). */
  codes: string[];
  mode: RaceMode;
  eventId?: string;
  /** Seeds the racers' choices so a failing run can be repeated. */
  seed: number;
  /** PostgreSQL advisory lock key both processes wait on before racing (two-process races). */
  startLock?: number;
}

export interface RaceOutcome {
  customerId: string;
  bookingId?: string;
  seats?: string[];
  quantity?: number;
  refused?: string;
}

/** A small deterministic generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every customer at once (Promise.all): seat racers alternate between choosing one or two of the
 * remaining seats and asking for the best one or two; general-admission racers ask for 1–3
 * tickets. Whoever gets a hold confirms it straight away.
 */
export async function race(deps: { db: DbOrTrx; clock: Clock }, plan: RacePlan, barrier?: () => Promise<void>): Promise<RaceOutcome[]> {
  const rnd = random(plan.seed);
  const common = { cinemaId: plan.cinemaId, showId: plan.showId, holdMinutes: 10, eventId: plan.eventId };
  const attempts = plan.customers.map((customerId, i) => {
    const pickCodes = () => {
      const first = plan.codes[Math.floor(rnd() * plan.codes.length)]!;
      const second = plan.codes[Math.floor(rnd() * plan.codes.length)]!;
      return rnd() < 0.5 || first === second ? [first] : [first, second];
    };
    const quantity = 1 + Math.floor(rnd() * 2);
    const gaQuantity = 1 + Math.floor(rnd() * 3);
    const chosen = pickCodes();
    return async (): Promise<RaceOutcome> => {
      try {
        const held =
          plan.mode === 'general_admission'
            ? await holdGeneralAdmission(deps, { ...common, customerId, quantity: gaQuantity })
            : i % 2 === 0
              ? await holdSeats(deps, { ...common, customerId, seatCodes: chosen })
              : await holdBestAvailable(deps, { ...common, customerId, quantity: i % 4 === 1 ? 1 : quantity });
        const sold = await confirmBooking(deps, { cinemaId: plan.cinemaId, bookingId: held.id, customerId });
        return { customerId, bookingId: sold.id, seats: sold.seats.map((s) => s.code), quantity: sold.quantity };
      } catch (e) {
        if (!isDomainError(e)) throw e;
        return { customerId, refused: e.code };
      }
    };
  });
  // Waiting at a common barrier lets racers in two processes start at the same instant.
  if (barrier) await barrier();
  return Promise.all(attempts.map((go) => go()));
}
