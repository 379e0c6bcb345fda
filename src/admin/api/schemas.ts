import { z } from 'zod';

/**
 * Response shapes of the admin API, for the OpenAPI document. Loose objects: the listed fields are
 * guaranteed, more may be added without a version change.
 */
export const idParams = {
  cinema: z.object({ cinemaId: z.string().max(64) }),
};

export const cinemaOut = z.looseObject({
  id: z.string(),
  name: z.string(),
  displayPhoneNumber: z.string(),
  tokenStatus: z.enum(['valid', 'invalid']),
  tokenError: z.string().nullable(),
  timezone: z.string(),
  defaultLanguage: z.string(),
});

export const locationOut = z.looseObject({ id: z.string(), code: z.string(), name: z.string(), city: z.string(), timezone: z.string(), isActive: z.boolean() });
export const screenOut = z.looseObject({ id: z.string(), locationId: z.string(), name: z.string(), categories: z.array(z.string()), sellableSeats: z.number(), layout: z.looseObject({ rows: z.array(z.any()) }) });
export const movieOut = z.looseObject({ id: z.string(), code: z.string(), title: z.string(), durationMinutes: z.number(), certificate: z.string(), languages: z.array(z.string()), posterUrl: z.string().nullable() });
export const showOut = z.looseObject({ id: z.string(), movieId: z.string(), screenId: z.string(), startsAt: z.number(), status: z.enum(['scheduled', 'cancelled']), prices: z.array(z.object({ category: z.string(), pricePaise: z.number() })) });
export const eventOut = z.looseObject({ id: z.string(), keyword: z.string(), name: z.string(), status: z.enum(['active', 'inactive']), showIds: z.array(z.string()) });
export const bookingOut = z.looseObject({
  id: z.string(),
  ref: z.string(),
  status: z.enum(['held', 'confirmed', 'cancelled', 'expired']),
  quantity: z.number(),
  totalPaise: z.number(),
  showId: z.string(),
  customerId: z.string(),
  checkedInAt: z.number().nullable(),
});
export const customerOut = z.object({
  id: z.string(),
  name: z.string().nullable(),
  /** Masked: the last four digits only. */
  phone: z.string(),
  language: z.string().nullable(),
  lastInboundAt: z.number().nullable(),
  isTest: z.boolean(),
});
export const messageOut = z.object({
  direction: z.enum(['in', 'out']),
  at: z.number(),
  kind: z.string(),
  text: z.string(),
  status: z.string(),
  errorCode: z.number().nullable().optional(),
  error: z.string().nullable().optional(),
});
export const checkinOut = z.object({
  result: z.enum(['admitted', 'already_used', 'not_valid']),
  reason: z.string().optional(),
  booking: bookingOut,
  checkedInAt: z.number().optional(),
  checkedInBy: z.string().optional(),
  repeatScans: z.number().optional(),
});

export const list = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });
