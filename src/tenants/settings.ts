import { z } from 'zod';

const lang = z.enum(['en', 'hi', 'ta']);
const perLang = z.object({ en: z.string().max(1024).optional(), hi: z.string().max(1024).optional(), ta: z.string().max(1024).optional() });

/** A cinema's own settings, stored as JSON on its row and validated whenever read or written. */
export const cinemaSettingsSchema = z.object({
  welcomeText: perLang.default({}),
  languages: z.array(lang).min(1).default(['en', 'hi', 'ta']),
  /** E.164 numbers (digits, with or without +) notified of bookings and cancellations. */
  staffNumbers: z.array(z.string().regex(/^\+?\d{8,15}$/)).default([]),
  holdMinutes: z.number().int().min(2).max(60).default(10),
  sessionTimeoutMinutes: z.number().int().min(5).max(24 * 60).default(30),
  cancelCutoffMinutes: z.number().int().min(0).max(7 * 24 * 60).default(120),
  maxTicketsPerBooking: z.number().int().min(1).max(20).default(10),
  handoffTimeoutMinutes: z.number().int().min(5).max(7 * 24 * 60).default(120),
  /** Overrides of message catalogue keys, per language. */
  texts: z.object({ en: z.record(z.string(), z.string()).optional(), hi: z.record(z.string(), z.string()).optional(), ta: z.record(z.string(), z.string()).optional() }).default({}),
  branding: z
    .object({ color: z.string().regex(/^#[0-9a-fA-F]{6}$/).default('#b3261e'), logoUrl: z.string().optional() })
    .default({ color: '#b3261e' }),
  /** Approved template used to notify staff outside the 24-hour window: body parameter {{1}} is the notice text. */
  staffTemplate: z.object({ name: z.string(), languageCode: z.string() }).optional(),
  /** Local time for the daily export, 'HH:mm'; unset = no scheduled export. */
  dailyExportAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  supportPhone: z.string().optional(),
});

export type CinemaSettings = z.infer<typeof cinemaSettingsSchema>;
export type Lang = z.infer<typeof lang>;

/** Reads stored settings; a value that no longer validates falls back to defaults field by field. */
export function parseSettings(json: string | null | undefined): CinemaSettings {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const r = cinemaSettingsSchema.safeParse(raw);
  if (r.success) return r.data;
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const good: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const field = (cinemaSettingsSchema.shape as Record<string, z.ZodTypeAny>)[k];
    if (field && field.safeParse(v).success) good[k] = v;
  }
  return cinemaSettingsSchema.parse(good);
}
