import { z } from 'zod';
import { layoutRow } from './seat-layout.ts';
import type { LayoutRow, SeatLayout } from './types.ts';

/**
 * The catalogue file (docs/catalog-format.md): locations with their screens and seat layouts,
 * films, shows and special events, each matched on re-import by a natural key — location code,
 * screen name within its location, film code, show location + screen + local start, event keyword.
 */
export const CATALOG_FORMAT = 'marquee.catalog';
export const CATALOG_VERSION = 1;

const cellSchema = z
  .object({
    number: z.number(),
    category: z.string(),
    wheelchair: z.boolean().optional(),
    blocked: z.boolean().optional(),
  })
  .nullable();

/** A row either cell by cell, or as a pattern ('SSSS_SSSS', see layoutRow) in one category. */
const rowSchema = z.union([
  z.object({ label: z.string(), cells: z.array(cellSchema) }).strict(),
  z.object({ label: z.string(), category: z.string().min(1), seats: z.string().regex(/^[SWX_ ]+$/, 'S, W, X, _ only') }).strict(),
]);

const screenSchema = z.object({
  name: z.string(),
  isActive: z.boolean().optional(),
  layout: z.object({ rows: z.array(rowSchema).min(1) }),
});

const locationSchema = z.object({
  code: z.string(),
  name: z.string(),
  city: z.string(),
  address: z.string(),
  latitude: z.number().nullable().optional(),
  longitude: z.number().nullable().optional(),
  timezone: z.string(),
  openingHours: z.record(z.string(), z.array(z.object({ opens: z.string(), closes: z.string() }))).optional(),
  phone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  isActive: z.boolean().optional(),
  screens: z.array(screenSchema).default([]),
});

const movieSchema = z.object({
  code: z.string(),
  title: z.string(),
  synopsis: z.string().optional(),
  durationMinutes: z.number(),
  certificate: z.string(),
  languages: z.array(z.string()).optional(),
  genres: z.array(z.string()).optional(),
  posterUrl: z.string().nullable().optional(),
  trailerUrl: z.string().nullable().optional(),
  releaseDate: z.string().nullable().optional(),
  isActive: z.boolean().optional(),
});

/** 'YYYY-MM-DD HH:mm' in the show's location time zone. */
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, "a local date and time like '2026-11-26 09:00'");

const showKeySchema = z.object({ location: z.string(), screen: z.string(), date: z.string(), time: z.string() });

const showSchema = showKeySchema.extend({
  movie: z.string(),
  language: z.string(),
  format: z.string().optional(),
  pricesPaise: z.record(z.string(), z.number()),
  seating: z.enum(['assigned', 'general_admission']).optional(),
  capacity: z.number().nullable().optional(),
  bookingOpens: localDateTime.nullable().optional(),
  bookingCloses: localDateTime.nullable().optional(),
  status: z.enum(['scheduled', 'cancelled']).optional(),
});

const eventTextSchema = z.object({ title: z.string(), description: z.string(), terms: z.string() });

const eventSchema = z.object({
  keyword: z.string(),
  name: z.string(),
  movie: z.string().nullable().optional(),
  texts: z.object({ en: eventTextSchema, hi: eventTextSchema.optional(), ta: eventTextSchema.optional() }),
  maxTicketsPerBooking: z.number(),
  seating: z.enum(['assigned', 'general_admission']),
  capacity: z.number().nullable().optional(),
  locations: z.array(z.string()).optional(),
  shows: z.array(showKeySchema).optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const catalogDocumentSchema = z.object({
  format: z.literal(CATALOG_FORMAT),
  version: z.literal(CATALOG_VERSION),
  locations: z.array(locationSchema).default([]),
  movies: z.array(movieSchema).default([]),
  shows: z.array(showSchema).default([]),
  events: z.array(eventSchema).default([]),
});

export type CatalogDocument = z.input<typeof catalogDocumentSchema>;
export type ParsedCatalog = z.output<typeof catalogDocumentSchema>;
export type CatalogLocation = z.output<typeof locationSchema>;
export type CatalogScreen = z.output<typeof screenSchema>;
export type CatalogMovie = z.output<typeof movieSchema>;
export type CatalogShow = z.output<typeof showSchema>;
export type CatalogShowKey = z.output<typeof showKeySchema>;
export type CatalogEvent = z.output<typeof eventSchema>;
export type CatalogRow = z.output<typeof rowSchema>;

/** The layout of a catalogue screen, with pattern rows expanded. */
export function expandLayout(rows: readonly CatalogRow[]): SeatLayout {
  return { rows: rows.map((r): LayoutRow => ('cells' in r ? { label: r.label, cells: r.cells } : layoutRow(r.label, r.category, r.seats))) };
}

/** A layout in its most readable catalogue form: a pattern where a row allows it, else cell by cell. */
export function compactLayout(layout: SeatLayout): CatalogRow[] {
  return layout.rows.map((row) => {
    const seats = row.cells.filter((c) => c !== null);
    const category = seats[0]?.category;
    const numberedInOrder = seats.every((c, i) => c!.number === i + 1);
    if (category && numberedInOrder && seats.every((c) => c!.category === category)) {
      const pattern = row.cells.map((c) => (c === null ? '_' : c.blocked ? 'X' : c.wheelchair ? 'W' : 'S')).join('');
      // A seat both blocked and a wheelchair space cannot be written as a pattern.
      if (!seats.some((c) => c!.blocked && c!.wheelchair)) return { label: row.label, category, seats: pattern };
    }
    return { label: row.label, cells: row.cells };
  });
}
