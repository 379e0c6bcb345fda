import { z } from 'zod';
import { SimulatorError } from './simulator-error.ts';

/**
 * Simulated customers get numbers from +91 90000 00000 – +91 90000 99999 only, so a rehearsal can
 * never write to, or be mistaken for, a real customer.
 */
export const SIMULATED_NUMBER_PREFIX = '9190000';
export const SIMULATED_NUMBER_EXAMPLE = '+91 90000 00001';

const simulatedNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s()-]/g, ''))
  .refine((v) => /^\+?\d+$/.test(v), { message: 'must be a phone number: digits, optionally with + and spaces' })
  .transform((v) => v.replace(/^\+/, ''))
  .refine((v) => new RegExp(`^${SIMULATED_NUMBER_PREFIX}\\d{5}$`).test(v), {
    message: `must be in the simulator's reserved range +91 90000 00000 – +91 90000 99999 (e.g. ${SIMULATED_NUMBER_EXAMPLE})`,
  });

const cinemaId = z.string().trim().min(1, 'is required').max(100);
// Meta's wamids are base64 after "wamid." and may contain / + =.
const wamid = z.string().regex(/^wamid\.[A-Za-z0-9+/=_-]{4,200}$/, 'must be the id of a message, like wamid.HBgM…');

export const customerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().max(4096, 'is longer than WhatsApp allows (4096 characters)').refine((s) => s.trim() !== '', 'must not be empty') }),
  z.object({ type: z.literal('button_reply'), contextId: wamid, id: z.string().min(1).max(256) }),
  z.object({ type: z.literal('list_reply'), contextId: wamid, id: z.string().min(1).max(200) }),
  z.object({
    type: z.literal('location'),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().trim().max(100).optional(),
    address: z.string().trim().max(200).optional(),
  }),
  z.object({ type: z.literal('image'), caption: z.string().max(1024).optional() }),
  z.object({ type: z.literal('sticker') }),
  z.object({ type: z.literal('unsupported') }),
]);

export type CustomerMessageInput = z.infer<typeof customerMessageSchema>;

export const sendSchema = z.object({
  cinemaId,
  customer: z.object({
    phone: simulatedNumber,
    name: z.string().trim().min(1, 'is required').max(60, 'is longer than 60 characters'),
  }),
  message: customerMessageSchema,
});

export const streamQuerySchema = z.object({ cinema: cinemaId, customer: simulatedNumber });

export const mediaParamsSchema = z.object({ id: z.string().regex(/^\d{1,30}$/, 'must be a media id (digits)') });

/** Parses `value` or throws a 400 that names every problem, e.g. `customer.phone: must be in … range`. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : what}: ${i.message}`);
  throw new SimulatorError(400, 'invalid_request', `Invalid ${what}: ${problems.join('; ')}`);
}
