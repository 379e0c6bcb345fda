import type { CliCommand } from './types.ts';
import { parseFlags } from './parse-args.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase } from '../db/database.ts';
import { GraphClient } from '../whatsapp/graph-client.ts';
import { onboardCinema } from '../tenants/onboard.ts';
import { insertCinema, listCinemas, getCinemaByPhoneNumberId } from '../tenants/cinemas.ts';
import { systemClock } from '../clock.ts';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const dbMigrate: CliCommand = {
  name: 'db:migrate',
  summary: 'Apply pending database migrations',
  usage: 'marquee db:migrate',
  async run(_argv, ctx) {
    const { db, dialect } = openDatabase({ url: ctx.config.databaseUrl });
    try {
      const applied = await migrateToLatest(db, dialect);
      ctx.out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'The database is up to date.');
      return 0;
    } finally {
      await db.destroy();
    }
  },
};

const cinemaAdd: CliCommand = {
  name: 'cinema:add',
  summary: 'Onboard a cinema business from its WhatsApp access token',
  usage:
    'marquee cinema:add --access-token T [--phone-number-id ID] [--name N] [--app-secret S] [--timezone Area/City] [--language en|hi|ta]\n' +
    '       marquee cinema:add --access-token T --phone-number-id ID --waba-id W --name N   (no discovery)',
  async run(argv, ctx) {
    const p = parseFlags(argv, {
      'access-token': { type: 'string' },
      'phone-number-id': { type: 'string' },
      'waba-id': { type: 'string' },
      'display-phone-number': { type: 'string' },
      name: { type: 'string' },
      'app-secret': { type: 'string' },
      timezone: { type: 'string' },
      language: { type: 'string' },
    });
    if (!p.ok) return ctx.err(`${p.error}\nUsage: ${this.usage}`), 2;
    const f = p.flags as Record<string, string | undefined>;
    const token = f['access-token'] ?? process.env.MARQUEE_ACCESS_TOKEN;
    if (!token) return ctx.err(`--access-token is required (or MARQUEE_ACCESS_TOKEN).\nUsage: ${this.usage}`), 2;
    if (f.language && !['en', 'hi', 'ta'].includes(f.language)) return ctx.err('--language must be en, hi or ta.'), 2;
    if (f.timezone && !isTimeZone(f.timezone)) return ctx.err(`--timezone ${f.timezone} is not a time zone (e.g. Asia/Kolkata).`), 2;
    const { db } = await ctx.db();
    const language = f.language as 'en' | 'hi' | 'ta' | undefined;
    if (f['waba-id']) {
      if (!f['phone-number-id'] || !f.name) return ctx.err('--waba-id needs --phone-number-id and --name as well.'), 2;
      if (await getCinemaByPhoneNumberId(db, f['phone-number-id'])) return ctx.err(`already_onboarded: the phone number id ${f['phone-number-id']} is already onboarded.`), 1;
      const cinema = await insertCinema(db, ctx.config.secretKey, systemClock.now(), {
        name: f.name,
        wabaId: f['waba-id'],
        phoneNumberId: f['phone-number-id'],
        displayPhoneNumber: f['display-phone-number'] ?? f['phone-number-id'],
        accessToken: token,
        appSecret: f['app-secret'] ?? null,
        timezone: f.timezone ?? 'UTC',
        defaultLanguage: language ?? 'en',
      });
      ctx.out(`Added cinema ${cinema.id} "${cinema.name}" (phone number id ${cinema.phoneNumberId}).`);
      return 0;
    }
    const graph = new GraphClient({ baseUrl: ctx.config.whatsappApiUrl, version: ctx.config.whatsappApiVersion });
    const r = await onboardCinema(
      { db, graph, clock: systemClock, config: ctx.config },
      { accessToken: token, phoneNumberId: f['phone-number-id'], name: f.name, timezone: f.timezone, language, appSecret: f['app-secret'] },
    );
    if (!r.ok) return ctx.err(`${r.code}: ${r.message}`), 1;
    ctx.out(`Onboarded cinema ${r.cinema.id} "${r.cinema.name}" (${r.cinema.displayPhoneNumber}, phone number id ${r.cinema.phoneNumberId}); webhooks subscribed.`);
    return 0;
  },
};

const cinemaList: CliCommand = {
  name: 'cinema:list',
  summary: 'List onboarded cinemas with their token health',
  usage: 'marquee cinema:list [--json]',
  async run(argv, ctx) {
    const p = parseFlags(argv, { json: { type: 'boolean' } });
    if (!p.ok) return ctx.err(`${p.error}\nUsage: ${this.usage}`), 2;
    const { db } = await ctx.db();
    const all = await listCinemas(db);
    if (p.flags.json) {
      ctx.out(JSON.stringify(all.map((c) => ({ id: c.id, name: c.name, phoneNumberId: c.phoneNumberId, displayPhoneNumber: c.displayPhoneNumber, wabaId: c.wabaId, token: c.tokenStatus, tokenError: c.tokenError, timezone: c.timezone, demo: c.isDemo })), null, 2));
      return 0;
    }
    if (!all.length) return ctx.out('No cinemas yet. Add one with: marquee cinema:add --access-token …'), 0;
    for (const c of all) {
      ctx.out(`${c.id}  ${c.name}  ${c.displayPhoneNumber} (id ${c.phoneNumberId})  token: ${c.tokenStatus === 'valid' ? 'valid' : `INVALID — sends paused (${c.tokenError ?? 'refused'})`}${c.isDemo ? '  [demo]' : ''}`);
    }
    return 0;
  },
};

export const coreCommands: CliCommand[] = [dbMigrate, cinemaAdd, cinemaList];
