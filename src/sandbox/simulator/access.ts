import type { AppDeps } from '../../app-deps.ts';
import type { StaffIdentity } from '../../admin/auth.ts';
import { getCinema, listCinemas, type Cinema } from '../../tenants/cinemas.ts';
import { SimulatorError } from './simulator-error.ts';

/**
 * How a cinema may be simulated. `open`: the demo cinema in demo mode — anyone, ordinary customers
 * (the cinema is fake anyway). `rehearsal`: an onboarded cinema — its own staff or the operator,
 * with test customers whose messages go to the built-in emulator and whose bookings are test bookings.
 */
export type SimulationMode = 'open' | 'rehearsal';

export function simulationMode(deps: Pick<AppDeps, 'config'>, cinema: Cinema): SimulationMode {
  return deps.config.demo && cinema.isDemo ? 'open' : 'rehearsal';
}

function mayRehearse(staff: StaffIdentity | null, cinema: Cinema): boolean {
  return !!staff && (staff.role === 'operator' || staff.cinemaId === cinema.id);
}

/** Every cinema this viewer may simulate, in onboarding order. */
export async function visibleCinemas(deps: AppDeps, staff: StaffIdentity | null): Promise<Cinema[]> {
  const all = await listCinemas(deps.db);
  return all.filter((c) => simulationMode(deps, c) === 'open' || mayRehearse(staff, c));
}

/**
 * The cinema, if this viewer may simulate it. A cinema of someone else answers 404 exactly like one
 * that does not exist, so nobody learns which cinema ids there are.
 */
export async function cinemaForViewer(deps: AppDeps, staff: StaffIdentity | null, cinemaId: string): Promise<Cinema> {
  const cinema = await getCinema(deps.db, cinemaId);
  if (cinema && simulationMode(deps, cinema) === 'open') return cinema;
  if (!staff) throw new SimulatorError(401, 'sign_in_required', 'Sign in to the dashboard to rehearse this cinema in the simulator.');
  if (!cinema || !mayRehearse(staff, cinema)) throw new SimulatorError(404, 'cinema_not_found', 'No cinema with that id is available to you in the simulator.');
  return cinema;
}
