/** Talking to a person: the bot steps aside until staff hand the customer back or the chat goes quiet. */
import type { Turn } from '../turn.ts';
import { showMenu } from './menu.ts';
import { resetFlow } from './reset.ts';

/** Quiet this long in hand-off, the customer is the bot's again. */
export const HANDOFF_IDLE_MS = 2 * 60 * 60 * 1000;

export function startHandoff(turn: Turn): void {
  // Seats held while waiting for a person would block other customers for nothing.
  resetFlow(turn);
  turn.command({ type: 'handoff' });
  turn.update({ step: { name: 'menu' }, menu: [], mode: { kind: 'handoff', since: turn.ctx.now } });
  const phone = turn.ctx.cinema.supportPhone;
  turn.tell([turn.say('handoff.started'), phone ? turn.say('handoff.phone', { phone }) : ''].filter(Boolean).join('\n'));
}

export function endHandoff(turn: Turn, noticeKey: 'handoff.ended' | 'handoff.timed_out'): void {
  turn.update({ mode: { kind: 'bot' } });
  turn.note(turn.say(noticeKey));
  showMenu(turn);
}
