import type { AppDeps } from '../app-deps.ts';
import type { Dispatcher } from './dispatcher.ts';
import { expireHolds } from '../cinema/index.ts';

/**
 * Periodic tidying. None of it is needed for correctness (an expired hold already blocks nothing),
 * it keeps tables and dashboards truthful.
 */
export async function housekeeping(deps: AppDeps, dispatcher: Dispatcher): Promise<void> {
  await dispatcher.recoverInterrupted();
  await expireHolds({ db: deps.db, clock: deps.clock });
}
