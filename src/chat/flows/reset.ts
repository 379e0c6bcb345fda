/** Ending or abandoning a booking: any hold goes back to the pool before the slots are forgotten. */
import type { Turn } from '../turn.ts';

/** Asks for the customer's hold, if any, to be released, and forgets it. */
export function releaseHold(turn: Turn): void {
  const hold = turn.state.slots.hold;
  if (!hold) return;
  turn.command({ type: 'release_hold', holdId: hold.id });
  const { hold: _released, ...slots } = turn.state.slots;
  turn.update({ slots });
}

/** Leaves whatever booking was in progress; true when there was one to leave. */
export function resetFlow(turn: Turn): boolean {
  const s = turn.state.slots;
  const hadFlow = s.flow !== undefined || s.hold !== undefined;
  releaseHold(turn);
  const { pending: _dropped, ...rest } = turn.state;
  turn.state = { ...rest, slots: { trail: [], soldOut: [] } };
  return hadFlow;
}
