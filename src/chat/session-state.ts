/**
 * The persisted conversation state: a versioned, schema-validated document. Loading goes through
 * `parseSessionState`, the one place where older shapes are migrated, so a deploy never strands a
 * customer mid-booking and a corrupt row never crashes the worker.
 */
import { z } from 'zod';

/** Bump when the shape changes, and add the step from the previous version to MIGRATIONS. */
export const SESSION_VERSION = 1;

const lang = z.enum(['en', 'hi', 'ta']);
const id = z.string().min(1).max(500);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const minutes = z.number().int().min(-1440).max(2880);
const count = z.number().int().min(1).max(1000);
const epochMs = z.number().finite();

/** The steps a customer can be at; each carries only what it needs beyond the slots. */
const coreSteps = [
  z.object({ name: z.literal('start') }),
  z.object({ name: z.literal('menu') }),
  z.object({ name: z.literal('movie'), page: z.number().int().min(0), candidates: z.array(id).optional() }),
  z.object({ name: z.literal('location') }),
  z.object({ name: z.literal('date') }),
  z.object({ name: z.literal('show'), page: z.number().int().min(0) }),
  z.object({ name: z.literal('quantity') }),
  z.object({ name: z.literal('seats') }),
  z.object({ name: z.literal('review') }),
  z.object({ name: z.literal('hold_lost') }),
  z.object({ name: z.literal('done'), ref: id }),
  z.object({ name: z.literal('events') }),
  z.object({ name: z.literal('terms') }),
  z.object({ name: z.literal('bookings'), page: z.number().int().min(0) }),
  z.object({ name: z.literal('booking'), ref: id }),
  z.object({ name: z.literal('cancel_confirm'), ref: id }),
  z.object({ name: z.literal('locations') }),
  z.object({ name: z.literal('location_info'), locationId: id }),
] as const;
const coreStep = z.discriminatedUnion('name', [...coreSteps]);

/** The language picker interrupts a step and returns to it afterwards. */
const stepSchema = z.discriminatedUnion('name', [...coreSteps, z.object({ name: z.literal('language'), resume: coreStep })]);

const slotName = z.enum(['movie', 'location', 'date', 'show', 'quantity']);

const holdSchema = z.object({
  id,
  showId: id,
  seats: z.array(z.object({ code: z.string().max(50), category: z.string().max(100) })),
  quantity: count,
  arrangement: z.enum(['together', 'split_rows', 'scattered', 'general_admission']),
  total: z.number().finite(),
  expiresAt: epochMs,
});

const slotsSchema = z.object({
  flow: z.enum(['booking', 'event']).optional(),
  movieId: id.optional(),
  locationId: id.optional(),
  date: isoDate.optional(),
  /**
   * the part of the day the customer asked for ("evening", "7pm"), in minutes after the programme
   * day's midnight; a cinema's day runs to 06:00, so night is 20:00–30:00
   */
  time: z.object({ from: minutes, to: minutes, exact: minutes.optional() }).optional(),
  showId: id.optional(),
  quantity: count.optional(),
  /** the quantities a message left open ("2 tickets for 3 people" → [2, 3]): asked, never guessed */
  quantityChoices: z.array(count).max(10).optional(),
  eventId: id.optional(),
  hold: holdSchema.optional(),
  /** slots the customer chose, in order: `back` undoes the last one */
  trail: z.array(slotName),
  /** shows the domain reported sold out during this booking, hidden until the next one */
  soldOut: z.array(id),
});

/** A command awaiting its result: the state does not move on until the result says it may. */
const pendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hold'), showId: id, quantity: count, seatCodes: z.array(z.string().max(20)).optional() }),
  z.object({ kind: z.literal('confirm'), holdId: id }),
  z.object({ kind: z.literal('cancel'), ref: id }),
]);

const modeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bot') }),
  z.object({ kind: z.literal('handoff'), since: epochMs }),
]);

export const sessionStateSchema = z.object({
  version: z.literal(SESSION_VERSION),
  lang,
  step: stepSchema,
  slots: slotsSchema,
  pending: pendingSchema.optional(),
  /** ids of the options of the last choice offered: a typed "2" picks the second */
  menu: z.array(z.string().max(500)).max(100),
  /** special events whose terms the customer accepted in this session */
  acceptedEvents: z.array(id).max(100),
  mode: modeSchema,
  /** the customer's last message (epoch ms): idle expiry and the hand-off timeout count from it */
  updatedAt: epochMs,
});

export type SessionState = z.infer<typeof sessionStateSchema>;
export type Step = SessionState['step'];
export type CoreStep = z.infer<typeof coreStep>;
export type Slots = SessionState['slots'];
export type SlotName = z.infer<typeof slotName>;
export type Hold = z.infer<typeof holdSchema>;

/** A hold as the state can keep it; a result the domain should never send is refused, not stored. */
export function validHold(hold: unknown): Hold | undefined {
  const parsed = holdSchema.safeParse(hold);
  return parsed.success ? parsed.data : undefined;
}

/** An id the state can keep (a booking reference, say). */
export function validId(value: unknown): value is string {
  return id.safeParse(value).success;
}
export type Pending = z.infer<typeof pendingSchema>;

/** A state for someone the bot has not talked to yet (or whose stored state was unusable). */
export function freshState(language: SessionState['lang'] = 'en', now = 0): SessionState {
  return {
    version: SESSION_VERSION,
    lang: language,
    step: { name: 'start' },
    slots: { trail: [], soldOut: [] },
    menu: [],
    acceptedEvents: [],
    mode: { kind: 'bot' },
    updatedAt: now,
  };
}

/**
 * Upgrades from version n to n + 1, keyed by n. Version 1 is the first persisted shape (the seed
 * bot kept nothing), so the chain is empty; a future change adds its step here and nowhere else.
 */
export type Migrations = Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>;
const MIGRATIONS: Migrations = {};

/**
 * Validates a stored state, migrating older versions; anything unusable becomes a fresh state
 * (keeping the customer's language when that much is readable). Never throws.
 * Example: `parseSessionState(JSON.parse(row.state_json))`.
 */
export function parseSessionState(json: unknown, migrations: Migrations = MIGRATIONS): SessionState {
  let doc: unknown = json;
  try {
    while (isObject(doc) && typeof doc.version === 'number' && doc.version < SESSION_VERSION) {
      const up = migrations[doc.version];
      if (!up) break;
      doc = { ...up(doc), version: doc.version + 1 };
    }
  } catch {
    doc = undefined;
  }
  const parsed = sessionStateSchema.safeParse(doc);
  if (parsed.success) return parsed.data;
  const salvaged = isObject(json) ? lang.safeParse(json.lang) : undefined;
  return freshState(salvaged?.success ? salvaged.data : undefined, isObject(json) && typeof json.updatedAt === 'number' && Number.isFinite(json.updatedAt) ? json.updatedAt : 0);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
