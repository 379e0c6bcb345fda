/**
 * A second process racing against the first on the same database (PostgreSQL). It connects, says
 * "ready", waits at the start barrier (an advisory lock the parent holds), races, and prints its
 * outcomes as one JSON line.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../db/database.ts';
import { ManualClock } from '../../clock.ts';
import { race, type RacePlan } from './race.ts';

const { url, now, plan } = JSON.parse(process.argv[2]!) as { url: string; now: number; plan: RacePlan };
const { db } = openDatabase({ url, poolSize: 10 });
// Open the pool's connections before the start so both processes begin racing together.
await Promise.all(Array.from({ length: 10 }, () => db.selectFrom('shows').select('id').limit(1).execute()));
process.stdout.write('ready\n');
try {
  const barrier = async () => {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock_shared(${plan.startLock!})`.execute(trx);
    });
  };
  const outcomes = await race({ db, clock: new ManualClock(now) }, plan, barrier);
  process.stdout.write(JSON.stringify(outcomes) + '\n');
} finally {
  await db.destroy();
}
