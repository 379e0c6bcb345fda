import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation, type Conversation } from './testing/conversation.ts';
import type { ChatInput, Lang } from './types.ts';

/**
 * Walks every flow by tapping every option offered, from "hi", in each language; at each distinct
 * state it also tries the inputs a customer might send instead. The conversation harness checks
 * every turn: at most three replies, every reply rendered to WhatsApp messages that pass
 * validateOutgoing, and the state saved and loaded unchanged.
 */
const MAX_STATES = 400;
const MAX_DEPTH = 12;

type Action = ChatInput;

const SIDE_INPUTS: Action[] = [
  { kind: 'message', content: { type: 'text', text: 'help' } },
  { kind: 'message', content: { type: 'text', text: 'back' } },
  { kind: 'message', content: { type: 'text', text: 'zzqx blorp' } },
  { kind: 'message', content: { type: 'media', mediaType: 'image', id: 'img' } },
  { kind: 'message', content: { type: 'location', latitude: 11.05, longitude: 77.1 } },
  { kind: 'message', content: { type: 'button_reply', id: 'show:gone', title: 'Old' } },
];

function signature(c: Conversation): string {
  const s = c.state!;
  const { trail: _t, quantity: _q, quantityChoices: _c, hold, ...slots } = s.slots;
  return JSON.stringify([s.lang, s.mode.kind, s.step, slots, Boolean(hold), s.acceptedEvents]);
}

function walk(lang: Lang): { states: number; steps: Set<string> } {
  const seen = new Set<string>();
  const steps = new Set<string>();
  const start = conversation({ customer: { name: 'Priya', language: lang } }).say('hi');
  const queue: { c: Conversation; depth: number }[] = [{ c: start, depth: 1 }];
  while (queue.length > 0 && seen.size < MAX_STATES) {
    const { c, depth } = queue.shift()!;
    const sig = signature(c);
    if (seen.has(sig)) continue;
    seen.add(sig);
    steps.add(c.state!.step.name);
    for (const side of SIDE_INPUTS) {
      const s = c.fork();
      s.input(side);
      steps.add(s.state!.step.name);
    }
    if (depth >= MAX_DEPTH) continue;
    const next = (a: Action) => {
      const f = c.fork();
      f.input(a);
      queue.push({ c: f, depth: depth + 1 });
    };
    const last = c.replies.filter((r) => r.type === 'choice').at(-1);
    if (last?.type === 'choice') for (const o of last.options) next({ kind: 'message', content: { type: 'button_reply', id: o.id, title: o.title } });
    const hold = c.state!.slots.hold;
    if (hold) {
      next({ kind: 'timer', timer: 'hold_warning', holdId: hold.id });
      next({ kind: 'timer', timer: 'hold_expired', holdId: hold.id });
    }
    if (c.state!.mode.kind === 'handoff') next({ kind: 'handoff_ended' });
  }
  return { states: seen.size, steps };
}

describe('walking every flow', () => {
  for (const lang of ['en', 'hi', 'ta'] as const) {
    it(`renders every message of every step within WhatsApp's limits (${lang})`, () => {
      const { states, steps } = walk(lang);
      assert.ok(states > 100, `walked ${states} states`);
      for (const name of ['menu', 'movie', 'location', 'date', 'show', 'quantity', 'review', 'seats', 'hold_lost', 'done', 'terms', 'bookings', 'booking', 'cancel_confirm', 'locations', 'location_info', 'language']) {
        assert.ok(steps.has(name), `the walk never reached ${name}`);
      }
    });
  }
});
