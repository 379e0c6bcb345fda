/**
 * Understanding what moviegoers type, in English, Hindi and Tamil (native script or romanised).
 * Pure functions: no I/O and no clock; dates are resolved against a `today` the caller passes in.
 * Spans (`start`/`end`) are UTF-16 offsets into the text as given.
 */
export type { Lang } from './lang.ts';
export type { GlobalCommand } from './command-words.ts';
export type { Quantity } from './quantity.ts';
export type { TimeWindow } from './time-of-day.ts';
export type { ParsedRequest } from './request.ts';

export { normalize } from './normalize.ts';
export { detectLanguage } from './language.ts';
export { parseGlobalCommand } from './global-commands.ts';
export { findNumbers } from './numbers.ts';
export { parseQuantity } from './quantity.ts';
export { parseConsent } from './consent.ts';
export { parseYesNo } from './yes-no.ts';
export { parseDate } from './dates.ts';
export { parseTimeOfDay } from './time-of-day.ts';
export { parseSeatCodes } from './seats.ts';
export { matchNames } from './fuzzy.ts';
export { findBookingRef } from './booking-ref.ts';
export { findEventKeyword } from './keywords.ts';
export { parseRequest } from './request.ts';
