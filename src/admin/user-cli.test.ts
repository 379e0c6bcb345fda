import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { userCommands } from '../cli/user-commands.ts';
import type { CliContext } from '../cli/types.ts';
import { createLogger } from '../log.ts';
import { addCinema, createAdminTestApp, Browser, type AdminTestContext } from './test-app.ts';

let ctx: AdminTestContext;
before(async () => {
  ctx = await createAdminTestApp();
});
after(() => ctx.close());

function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliContext = {
    config: ctx.deps.config,
    log: createLogger('silent'),
    db: async () => ({ db: ctx.deps.db, dialect: ctx.deps.dialect }),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const saved = process.env.MARQUEE_USER_PASSWORD;
  if (env.MARQUEE_USER_PASSWORD !== undefined) process.env.MARQUEE_USER_PASSWORD = env.MARQUEE_USER_PASSWORD;
  else delete process.env.MARQUEE_USER_PASSWORD;
  return userCommands[0]!.run(argv, cli).then((code) => {
    if (saved === undefined) delete process.env.MARQUEE_USER_PASSWORD;
    else process.env.MARQUEE_USER_PASSWORD = saved;
    return { code, out: out.join('\n'), err: err.join('\n') };
  });
}

test('user:add creates a manager who can then sign in', async () => {
  const cinema = await addCinema(ctx);
  const r = await run(['--email', 'Asha@Example.com', '--role', 'manager', '--cinema', cinema.id], { MARQUEE_USER_PASSWORD: 'a long enough secret' });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /Created manager asha@example.com/);
  const b = new Browser(ctx.app);
  const res = await b.login('asha@example.com', 'a long enough secret');
  assert.equal(res.statusCode, 303);
});

test('user:add refuses bad usage with exit code 2 and a duplicate with 1', async () => {
  const cinema = await addCinema(ctx);
  assert.equal((await run(['--email', 'x@example.com', '--role', 'manager', '--password', 'long enough password'])).code, 2);
  assert.equal((await run(['--email', 'x@example.com', '--role', 'boss', '--cinema', cinema.id, '--password', 'long enough password'])).code, 2);
  assert.equal((await run(['--email', 'x@example.com', '--role', 'staff', '--cinema', cinema.id, '--password', 'short'])).code, 2);
  assert.equal((await run(['--bogus'])).code, 2);
  assert.equal((await run(['--email', 'op@example.com', '--role', 'operator', '--password', 'long enough password'])).code, 0);
  const dup = await run(['--email', 'op@example.com', '--role', 'operator', '--password', 'long enough password']);
  assert.equal(dup.code, 1);
  assert.match(dup.err, /already exists/);
  assert.equal((await run(['--email', 'y@example.com', '--role', 'staff', '--cinema', 'cin_missing', '--password', 'long enough password'])).code, 1);
});
