import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertPersistable, assertRenderable, MAX_REPLIES_PER_MESSAGE } from './testing/conversation.ts';
import { HANDOFF_IDLE_MS } from './flows/handoff.ts';
import { FakeExecutor } from './testing/fake-executor.ts';
import { fixtureContext, NOW } from './testing/fixture.ts';
import type { SessionState } from './session-state.ts';
import { stepUnguarded } from './step.ts';
import type { ChatInput, CommandResult, InboundContent, Lang, Reply } from './types.ts';

/**
 * Random conversations: every kind of input in any order, time jumping about, and command results
 * that are sometimes realistic and sometimes anything the contract allows. The dialogue must never
 * throw, must leave a state that loads back unchanged, and must never produce a message WhatsApp
 * would refuse or more than three replies for one input.
 */

const TEXTS = [
  'hi', 'hello', 'नमस्ते', 'வணக்கம்', 'menu', 'help', 'back', 'restart', 'cancel', 'stop', 'language', 'talk to staff', 'my bookings',
  '#WRETRO', 'I accept', 'not accept', 'decline', 'yes', 'no', '2', '3', '12', '0', '2 tickets for 3 people', 'F7 F8', 'Z99', 'G5-G9',
  '2 tickets for Retro tomorrow evening at Tirupur', 'Retro', 'Kaveri', 'tomorrow', 'Sunday', '7pm', 'evening', 'Tamil', 'हिंदी',
  'कल शाम रेट्रो के 2 टिकट', 'நாளை மாலை ரெட்ரோ 2 டிக்கெட்', 'my ref is K7MX2Q', 'मदद', 'மெனு', '', '   ', '🎬🎬', 'book '.repeat(400),
];

const IDS = [
  'menu:main', 'menu:book', 'menu:films', 'menu:events', 'menu:bookings', 'menu:locations', 'menu:language', 'menu:staff', 'lang:hi', 'lang:ta', 'lang:en',
  'mv:retro', 'mv:gone', 'loc:tpr', 'loc:cbe', 'loc:nowhere', 'day:2026-11-26', 'day:2030-01-01', 'show:r-tpr-thu-1830', 'show:evt-tpr', 'show:gone',
  'qty:1', 'qty:4', 'qty:11', 'more:movie:1', 'more:show:3', 'more:bookings:0', 'hold:confirm', 'hold:seats', 'hold:cancel', 'hold:best', 'hold:again',
  'ev:wretro', 'ev:gone', 'terms:yes:wretro', 'terms:no:wretro', 'bk:view:K7MX2Q', 'bk:cancel:K7MX2Q', 'bk:yes:K7MX2Q', 'bk:no:P4RT8W', 'bk:ticket:K7MX2Q',
  'info:tpr', 'n:1', 'n:9', 'garbage', '', ' menu:main ',
];

const content: fc.Arbitrary<InboundContent> = fc.oneof(
  { weight: 5, arbitrary: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ unit: 'grapheme', maxLength: 40 })).map((text) => ({ type: 'text' as const, text })) },
  { weight: 4, arbitrary: fc.constantFrom(...IDS).map((id) => ({ type: 'button_reply' as const, id, title: 'tap' })) },
  { weight: 1, arbitrary: fc.constantFrom(...IDS).map((id) => ({ type: 'list_reply' as const, id, title: 'row', description: 'd' })) },
  { weight: 1, arbitrary: fc.record({ payload: fc.constantFrom(...IDS, 'PROMO'), text: fc.constantFrom(...TEXTS) }).map((b) => ({ type: 'button' as const, ...b })) },
  {
    weight: 1,
    arbitrary: fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }).map((p) => ({ type: 'location' as const, ...p })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ mediaType: fc.constantFrom('image', 'video', 'audio', 'document', 'sticker'), caption: fc.option(fc.constantFrom(...TEXTS), { nil: undefined }) })
      .map(({ mediaType, caption }) => ({ type: 'media' as const, mediaType, id: 'media-1', ...(caption === undefined ? {} : { caption }) })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<InboundContent>(
      { type: 'contacts', count: 2 },
      { type: 'order' },
      { type: 'system', body: 'changed', systemType: 'user_changed_number' },
      { type: 'system' },
      { type: 'unsupported' },
      { type: 'unsupported', originalType: 'poll' },
      { type: 'flow_reply', response: { a: 1 } },
      { type: 'reaction', messageId: 'wamid.1', emoji: '👍' },
      { type: 'reaction', messageId: 'wamid.1', emoji: '' },
    ),
  },
);

const code = fc.constantFrom('seat_unavailable', 'not_enough_seats', 'show_sold_out', 'too_many_tickets', 'show_not_bookable', 'invalid_seat', 'hold_expired', 'hold_not_found', 'cancel_too_late', 'booking_not_found', 'weird_new_code');
const booking = fc.record({
  ref: fc.constantFrom('K7MX2Q', 'ZZZ999', ''),
  showId: fc.constantFrom('r-tpr-thu-1830', 'gone'),
  movieTitle: fc.string({ maxLength: 30 }),
  locationName: fc.string({ maxLength: 30 }),
  screenName: fc.string({ maxLength: 10 }),
  startsAt: fc.integer({ min: NOW - 86_400_000, max: NOW + 7 * 86_400_000 }),
  localDate: fc.constantFrom('2026-11-25', '2026-11-26', 'not-a-date'),
  localTime: fc.constantFrom('00:30', '19:30', 'xx'),
  seats: fc.array(fc.constantFrom('F7', 'F8', 'A1'), { maxLength: 4 }),
  quantity: fc.integer({ min: 0, max: 20 }),
  total: fc.integer({ min: 0, max: 10_000_000 }),
  status: fc.constantFrom('confirmed' as const, 'cancelled' as const),
  cancellable: fc.boolean(),
});
const result: fc.Arbitrary<CommandResult> = fc.oneof(
  fc.record({
    type: fc.constant('hold_ok' as const),
    holdId: fc.constantFrom('hold-x', 'hold-1', ''),
    showId: fc.constantFrom('r-tpr-thu-1830', 'r-tpr-wed-1930', 'evt-tpr', 'gone'),
    seats: fc.array(fc.record({ code: fc.constantFrom('F7', 'G2', ''), category: fc.constantFrom('Gold', '') }), { maxLength: 5 }),
    quantity: fc.integer({ min: 0, max: 12 }),
    arrangement: fc.constantFrom('together' as const, 'split_rows' as const, 'scattered' as const, 'general_admission' as const),
    total: fc.integer({ min: 0, max: 1_000_000 }),
    expiresAt: fc.integer({ min: NOW - 3_600_000, max: NOW + 3_600_000 }),
  }),
  fc.record({ type: fc.constant('hold_failed' as const), code, unavailableSeats: fc.option(fc.array(fc.constantFrom('F7', 'Q1'), { maxLength: 3 }), { nil: undefined }) }),
  booking.map((b) => ({ type: 'confirm_ok' as const, booking: b })),
  code.map((c) => ({ type: 'confirm_failed' as const, code: c })),
  fc.constantFrom('K7MX2Q', 'P4RT8W', 'NOPE22').map((ref) => ({ type: 'cancel_ok' as const, ref })),
  code.map((c) => ({ type: 'cancel_failed' as const, code: c })),
);

type Move =
  | { kind: 'message'; content: InboundContent; menuPick?: number }
  | { kind: 'timer'; timer: 'hold_warning' | 'hold_expired'; current: boolean }
  | { kind: 'handoff_ended' }
  | { kind: 'result'; result: CommandResult };

const move: fc.Arbitrary<Move> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('message' as const), content, menuPick: fc.option(fc.nat(11), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timer' as const), timer: fc.constantFrom('hold_warning' as const, 'hold_expired' as const), current: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'handoff_ended' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('result' as const), result }) },
);

const turn = fc.record({
  move,
  minutes: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 15 }) }, { weight: 1, arbitrary: fc.integer({ min: 25, max: 200 }) }),
  /** per command: the realistic result (undefined), or any result the contract allows for that command */
  results: fc.array(fc.option(result, { nil: undefined, freq: 3 }), { maxLength: 3 }),
});

/** Which results can answer which command. */
const ANSWERS: Record<string, CommandResult['type'][]> = {
  hold_best: ['hold_ok', 'hold_failed'],
  hold_seats: ['hold_ok', 'hold_failed'],
  hold_ga: ['hold_ok', 'hold_failed'],
  confirm: ['confirm_ok', 'confirm_failed'],
  cancel_booking: ['cancel_ok', 'cancel_failed'],
};

function materialize(m: Move, state: SessionState | undefined): ChatInput {
  switch (m.kind) {
    case 'message': {
      // Half the taps pick from the menu really on screen, so the walk goes deep as well as wide.
      const id = m.menuPick === undefined ? undefined : state?.menu[m.menuPick % Math.max(1, state.menu.length)];
      return { kind: 'message', content: id === undefined ? m.content : { type: 'list_reply', id, title: 'picked' } };
    }
    case 'timer':
      return { kind: 'timer', timer: m.timer, holdId: m.current ? (state?.slots.hold?.id ?? 'hold-none') : 'hold-other' };
    case 'handoff_ended':
      return { kind: 'handoff_ended' };
    case 'result':
      return { kind: 'result', result: m.result };
  }
}

describe('the dialogue under random input', () => {
  it('never throws, always leaves a loadable state, never renders an over-limit message, never says more than three things', () => {
    const outcome = fc.check(
      fc.property(fc.constantFrom<Lang>('en', 'hi', 'ta'), fc.array(turn, { minLength: 1, maxLength: 25 }), (lang, turns) => {
        let state: SessionState | undefined;
        let now = NOW;
        const executor = new FakeExecutor();
        for (const t of turns) {
          now += t.minutes * 60_000;
          const stillHandedOff = state?.mode.kind === 'handoff' && now - state.updatedAt < HANDOFF_IDLE_MS;
          const ctx = fixtureContext({ now, customer: { language: lang }, bookings: undefined });
          const input = materialize(t.move, state);
          const first = stepUnguarded(state, input, ctx);
          state = assertPersistable(first.state);
          const replies: Reply[] = [...first.replies];
          const queue = [...first.commands];
          const scripted = [...t.results];
          while (queue.length > 0) {
            const cmd = queue.shift()!;
            const planned = scripted.shift();
            const res = planned && ANSWERS[cmd.type]?.includes(planned.type) ? planned : executor.run(cmd, ctx);
            if (!res) continue;
            const next = stepUnguarded(state, { kind: 'result', result: res }, ctx);
            state = assertPersistable(next.state);
            if (res.type === 'hold_failed' || res.type === 'confirm_failed') assert.notEqual(state.step.name, 'done', 'a failed command never advances');
            if (res.type === 'hold_failed') assert.notEqual(state.step.name, 'review', 'a failed hold never advances');
            replies.push(...next.replies);
            queue.push(...next.commands);
            assert.ok(queue.length < 20, 'commands must not multiply without end');
          }
          assert.ok(replies.length <= MAX_REPLIES_PER_MESSAGE, `${replies.length} replies to ${JSON.stringify(input)}`);
          assert.equal(state.pending, undefined, 'every command asked for has had its answer');
          if (state.step.name === 'review') assert.ok(state.slots.hold, 'the summary is only shown for seats actually held');
          for (const r of replies) assertRenderable(r, state.lang);
          if (stillHandedOff && state.mode.kind === 'handoff') {
            // While staff have the conversation the bot says nothing.
            assert.equal(replies.length, 0, `replied in hand-off to ${JSON.stringify(input)}`);
          }
        }
      }),
      { numRuns: 500, endOnFailure: true },
    );
    // The failure itself, not only the counterexample: the test reporter does not print an error's cause.
    if (outcome.failed) assert.fail(`${String(outcome.errorInstance)}\n${fc.defaultReportMessage(outcome)}`);
  });
});
