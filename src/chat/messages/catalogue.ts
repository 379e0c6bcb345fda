import type { en } from './en.ts';

/** A message key: every customer-facing text has one. */
export type MessageKey = keyof typeof en;

/** A language's catalogue: exactly the English keys, no more, no fewer (the compiler checks both). */
export type Catalogue = Record<MessageKey, string>;
