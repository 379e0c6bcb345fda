import type { CliCommand } from './types.ts';
import { parseFlags } from './parse-args.ts';
import { getCinema } from '../tenants/cinemas.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../admin/passwords.ts';
import { insertUser, normalizeEmail, ROLES, type Role } from '../admin/users-repo.ts';
import { systemClock } from '../clock.ts';

const USAGE =
  'marquee user:add --email E --role operator|manager|staff [--cinema CINEMA_ID] [--name N] [--password P]\n' +
  '       (without --password the password is read from MARQUEE_USER_PASSWORD)';

const userAdd: CliCommand = {
  name: 'user:add',
  summary: 'Create a dashboard user (operator, or manager/staff of one cinema)',
  usage: USAGE,
  async run(argv, ctx) {
    const p = parseFlags(argv, { email: { type: 'string' }, role: { type: 'string' }, cinema: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } });
    if (!p.ok) {
      ctx.err(`${p.error}\nusage: ${USAGE}`);
      return 2;
    }
    const f = p.flags;
    const email = typeof f.email === 'string' ? normalizeEmail(f.email) : '';
    const role = f.role as Role | undefined;
    const cinemaId = typeof f.cinema === 'string' ? f.cinema : null;
    // The environment keeps the password out of shell history and the process list.
    const password = typeof f.password === 'string' ? f.password : (process.env.MARQUEE_USER_PASSWORD ?? '');
    const problems: string[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push('--email: a valid e-mail address is required');
    if (!role || !ROLES.includes(role)) problems.push('--role: must be operator, manager or staff');
    if (role && role !== 'operator' && !cinemaId) problems.push('--cinema: managers and staff belong to one cinema; give its id (see `marquee cinema:list`)');
    if (role === 'operator' && cinemaId) problems.push('--cinema: operators see every cinema; leave it out');
    if (password.length < MIN_PASSWORD_LENGTH) problems.push(`password: at least ${MIN_PASSWORD_LENGTH} characters (--password or MARQUEE_USER_PASSWORD)`);
    if (problems.length) {
      ctx.err(`${problems.join('\n')}\nusage: ${USAGE}`);
      return 2;
    }
    const { db } = await ctx.db();
    if (cinemaId && !(await getCinema(db, cinemaId))) {
      ctx.err(`No cinema with id ${cinemaId}.`);
      return 1;
    }
    const user = await insertUser(db, systemClock.now(), { email, name: typeof f.name === 'string' ? f.name : null, role: role!, cinemaId, passwordHash: await hashPassword(password) });
    if (!user) {
      ctx.err(`A user with the e-mail ${email} already exists.`);
      return 1;
    }
    ctx.out(`Created ${user.role} ${user.email}${user.cinemaId ? ` for cinema ${user.cinemaId}` : ''} (${user.id}).`);
    return 0;
  },
};

export const userCommands: CliCommand[] = [userAdd];
