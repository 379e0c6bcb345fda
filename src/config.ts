import { z } from 'zod';

/** Everything Marquee reads from the environment, parsed once at start and frozen. */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => /^(postgres|postgresql):\/\//.test(v) || /^(sqlite:|file:)/.test(v), {
      message: 'must start with postgres:// (PostgreSQL) or sqlite: / file: (a SQLite file)',
    })
    .optional(),
  DATA_DIR: z.string().default('./data'),
  WHATSAPP_API_URL: z.string().url().optional(),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, 'must look like v25.0').default('v25.0'),
  WHATSAPP_APP_SECRET: z.string().min(1).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(1).optional(),
  MARQUEE_SECRET_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, {
      message: 'must be 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -hex 32`)',
    })
    .optional(),
  MARQUEE_DEMO: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STALE_MESSAGE_SECONDS: z.coerce.number().int().positive().default(15 * 60),
  FLOOD_MAX_PER_MINUTE: z.coerce.number().int().positive().default(20),
  SEND_RATE_PER_SECOND: z.coerce.number().positive().default(80),
  WORKERS: bool.optional(),
});

export type Config = Readonly<{
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  /** Graph API base; in demo mode the built-in emulator mounted under /graph. */
  whatsappApiUrl: string;
  whatsappApiVersion: string;
  appSecret: string;
  verifyToken: string;
  secretKey: Buffer;
  demo: boolean;
  logLevel: string;
  staleMessageSeconds: number;
  floodMaxPerMinute: number;
  sendRatePerSecond: number;
  /** Run the background workers in this process (tests may turn them off). */
  workers: boolean;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** A fixed, public key for demo mode only: demo data holds no real secrets. */
const DEMO_KEY = Buffer.alloc(32, 7);
const DEMO_APP_SECRET = 'marquee-demo-app-secret';
const DEMO_VERIFY_TOKEN = 'marquee-demo-verify-token';

function decodeKey(v: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, 'hex');
  const b = Buffer.from(v, 'base64');
  return b.length === 32 ? b : null;
}

/**
 * Parses the environment. Demo mode is on when asked for, or when nothing that a
 * real installation needs (API URL, app secret, secret key) is set.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  const e = parsed.data;
  const demo = e.MARQUEE_DEMO ?? (!e.WHATSAPP_API_URL && !e.WHATSAPP_APP_SECRET && !e.MARQUEE_SECRET_KEY);
  const problems: string[] = [];
  if (!demo) {
    if (!e.MARQUEE_SECRET_KEY) problems.push('MARQUEE_SECRET_KEY: required outside demo mode (32 bytes, hex or base64)');
    if (!e.WHATSAPP_APP_SECRET) problems.push('WHATSAPP_APP_SECRET: required outside demo mode (your Meta app secret)');
    if (!e.WHATSAPP_VERIFY_TOKEN) problems.push('WHATSAPP_VERIFY_TOKEN: required outside demo mode (the webhook verify token)');
  }
  if (problems.length) throw new ConfigError(problems);
  const port = e.PORT;
  const publicUrl = (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${port}`).replace(/\/$/, '');
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${e.DATA_DIR.replace(/\/$/, '')}/marquee.db`;
  const config: Config = {
    port,
    host: e.HOST,
    publicUrl,
    databaseUrl,
    dialect: /^postgres/.test(databaseUrl) ? 'postgres' : 'sqlite',
    dataDir: e.DATA_DIR,
    whatsappApiUrl: (e.WHATSAPP_API_URL ?? `${publicUrl}/graph`).replace(/\/$/, ''),
    whatsappApiVersion: e.WHATSAPP_API_VERSION,
    appSecret: e.WHATSAPP_APP_SECRET ?? DEMO_APP_SECRET,
    verifyToken: e.WHATSAPP_VERIFY_TOKEN ?? DEMO_VERIFY_TOKEN,
    secretKey: e.MARQUEE_SECRET_KEY ? decodeKey(e.MARQUEE_SECRET_KEY)! : DEMO_KEY,
    demo,
    logLevel: e.LOG_LEVEL,
    staleMessageSeconds: e.STALE_MESSAGE_SECONDS,
    floodMaxPerMinute: e.FLOOD_MAX_PER_MINUTE,
    sendRatePerSecond: e.SEND_RATE_PER_SECOND,
    workers: e.WORKERS ?? true,
    ...overrides,
  };
  return Object.freeze(config);
}
