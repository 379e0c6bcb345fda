/**
 * The dialogue: `step(state, input, ctx) → { state, replies, commands }`, pure — no database,
 * network or clock (time comes in `ctx.now`). The application executes the commands in the same
 * transaction and feeds each result back as the next input, so nothing here assumes a command worked.
 */
import { endHandoff } from './flows/handoff.ts';
import { onConfirmResult, onHoldResult, onHoldTimer } from './flows/hold.ts';
import { onCancelResult } from './flows/my-bookings.ts';
import { t } from './messages/index.ts';
import { onMessage } from './on-message.ts';
import { freshState, type SessionState } from './session-state.ts';
import { Turn } from './turn.ts';
import type { ChatContext, ChatInput, Command, StepResult } from './types.ts';

/**
 * One input, one turn. Never throws: should a bug slip through, the customer gets an apology and
 * the menu state, and any seats they held are released.
 * Example: `step(undefined, { kind: 'message', content: { type: 'text', text: 'hi' } }, ctx)`.
 */
export function step(state: SessionState | undefined, input: ChatInput, ctx: ChatContext): StepResult {
  try {
    return stepUnguarded(state, input, ctx);
  } catch {
    return recover(state, input, ctx);
  }
}

/** `step` without the safety net, for tests that must see a failure rather than the apology. */
export function stepUnguarded(state: SessionState | undefined, input: ChatInput, ctx: ChatContext): StepResult {
  switch (input.kind) {
    case 'message':
      return onMessage(state, input.content, ctx);
    case 'result': {
      if (!state) {
        // A result for a conversation we do not know: give held seats back, say nothing.
        const commands: Command[] = input.result.type === 'hold_ok' ? [{ type: 'release_hold', holdId: input.result.holdId }] : [];
        return { state: freshState(ctx.cinema.defaultLanguage, ctx.now), replies: [], commands };
      }
      const turn = new Turn(state, ctx);
      const r = input.result;
      // While staff have the conversation, results only update the state; the bot stays silent.
      const quiet = state.mode.kind === 'handoff';
      switch (r.type) {
        case 'hold_ok':
        case 'hold_failed':
          onHoldResult(turn, r);
          break;
        case 'confirm_ok':
        case 'confirm_failed':
          onConfirmResult(turn, r);
          break;
        case 'cancel_ok':
        case 'cancel_failed':
          onCancelResult(turn, r);
          break;
      }
      const done = turn.finish();
      return quiet ? { ...done, replies: [] } : done;
    }
    case 'timer': {
      if (!state) return { state: freshState(ctx.cinema.defaultLanguage, ctx.now), replies: [], commands: [] };
      const turn = new Turn(state, ctx);
      onHoldTimer(turn, input.timer, input.holdId, state.mode.kind === 'handoff');
      return turn.finish();
    }
    case 'handoff_ended': {
      if (!state || state.mode.kind !== 'handoff') return { state: state ?? freshState(ctx.cinema.defaultLanguage, ctx.now), replies: [], commands: [] };
      const turn = new Turn(state, ctx);
      endHandoff(turn, 'handoff.ended');
      return turn.finish();
    }
  }
}

function recover(state: SessionState | undefined, input: ChatInput, ctx: ChatContext): StepResult {
  const lang = state?.lang ?? ctx.cinema.defaultLanguage ?? 'en';
  const fresh = freshState(lang, input.kind === 'message' ? ctx.now : (state?.updatedAt ?? ctx.now));
  const commands: Command[] = state?.slots?.hold ? [{ type: 'release_hold', holdId: state.slots.hold.id }] : [];
  return {
    state: { ...fresh, step: { name: 'menu' }, mode: state?.mode ?? fresh.mode },
    replies: state?.mode?.kind === 'handoff' ? [] : [{ type: 'text', text: t(lang, 'error.generic', {}, ctx.cinema.texts) }],
    commands,
  };
}
