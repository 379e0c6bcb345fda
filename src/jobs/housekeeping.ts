import type { AppDeps } from '../app-deps.ts';
import type { Dispatcher } from './dispatcher.ts';
import { expireHolds } from '../cinema/index.ts';
import { purgeExpiredSessions } from '../admin/sessions-repo.ts';
import { purgeOldAttempts } from '../admin/login-throttle.ts';

/**
 * Periodic tidying. None of it is needed for correctness (an expired hold already blocks nothing),
 * it keeps tables and dashboards truthful.
 */
export async function housekeeping(deps: AppDeps, dispatcher: Dispatcher): Promise<void> {
  await dispatcher.recoverInterrupted();
  await expireHolds({ db: deps.db, clock: deps.clock });
  await purgeExpiredSessions(deps.db, deps.clock.now());
  await purgeOldAttempts(deps.db, deps.clock.now());
}
