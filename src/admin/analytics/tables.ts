import type { Generated } from 'kysely';

/** The booking funnel, in order; `abandoned` stands outside it (a conversation that timed out). */
export const FUNNEL_STEPS = ['started', 'show_chosen', 'quantity_chosen', 'confirmed'] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number] | 'abandoned';

/**
 * One step a conversation reached. Written by the conversation worker in the transaction that
 * advanced the session, so a step is recorded exactly when it happened.
 */
export type FunnelEventsTable = {
  id: Generated<number>;
  cinema_id: string;
  customer_id: string;
  step: FunnelStep;
  at: number;
  /** Groups the events of one conversation: `<customer id>:<time it started>`. */
  conversation_key: string;
  is_test: number;
};

/**
 * Tables owned by analytics; repositories reach them through `db.withTables<AnalyticsTables>()`.
 * Type aliases rather than interfaces because withTables wants types with implicit index signatures.
 */
export type AnalyticsTables = {
  funnel_events: FunnelEventsTable;
};
