import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation } from './testing/conversation.ts';

/** The target: a special-event booking in at most 5 customer messages. */
const EVENT_BOOKING_MAX = 5;

describe('the special event (#WRETRO)', () => {
  const cases = [
    { lang: 'en', first: 'Hi, I saw #wretro on Instagram', accept: 'Accept', tickets: '2 tickets', confirm: 'Confirm', terms: /photo ID is checked/ },
    { lang: 'hi', first: 'नमस्ते #WRETRO', accept: 'स्वीकार है', tickets: '2 टिकट', confirm: 'पक्का करें', terms: /फ़ोटो पहचान पत्र/ },
    { lang: 'ta', first: '#Wretro வணக்கம்', accept: 'ஏற்கிறேன்', tickets: '2 டிக்கெட்டுகள்', confirm: 'உறுதிசெய்', terms: /புகைப்பட அடையாள அட்டை/ },
  ] as const;
  for (const x of cases) {
    it(`books in at most ${EVENT_BOOKING_MAX} messages in ${x.lang}, with the terms in that language`, () => {
      const c = conversation()
        .say(x.first)
        .check((c) => assert.equal(c.state?.lang, x.lang))
        .expectText(x.terms)
        .expectStep('terms')
        .tap(x.accept)
        .expectStep('location')
        .tap('Marquee Coimbatore')
        .expectStep('quantity')
        .tap(x.tickets)
        .expectCommand('hold_ga')
        .expectStep('review')
        .tap(x.confirm)
        .expectTicket()
        .expectStep('done');
      assert.ok(c.customerMessages <= EVENT_BOOKING_MAX, `took ${c.customerMessages} messages`);
      const hold = c.turns.flatMap((t) => t.commands).find((cmd) => cmd.type === 'hold_ga');
      assert.deepEqual(hold, { type: 'hold_ga', showId: 'evt-cbe', quantity: 2, eventId: 'wretro' });
    });
  }

  for (const refusal of ['not accept', "I don't accept", 'decline', 'no', 'स्वीकार नहीं', 'ஏற்க மாட்டேன்']) {
    it(`does not count “${refusal}” as acceptance`, () => {
      const c = conversation().say('#WRETRO').say(refusal);
      assert.ok(!c.state?.acceptedEvents.includes('wretro'));
      assert.notEqual(c.state?.step.name, 'location');
      assert.ok(!c.turns.flatMap((t) => t.commands).some((cmd) => cmd.type.startsWith('hold')));
    });
  }

  it('accepts a clear typed yes', () => {
    conversation().say('#WRETRO').say('I accept the terms').expectStep('location').check((c) => assert.ok(c.state?.acceptedEvents.includes('wretro')));
  });

  it('re-asks with only the buttons when the answer is unclear', () => {
    conversation().say('#WRETRO').say('what time is it?').expectStep('terms').expectReplies(1).expectText('Please tap Accept').expectOptions('Accept', 'Decline');
  });

  it('caps the quantity at the event maximum', () => {
    conversation()
      .say('#WRETRO')
      .tap('Accept')
      .tap('Marquee Tirupur')
      .check((c) => assert.equal(c.lastChoice().options.length, 4))
      .say('6')
      .expectText('at most 4 tickets')
      .expectStep('quantity');
  });

  it('starts a new booking at once when the keyword comes again after a booking', () => {
    conversation()
      .say('#WRETRO')
      .tap('Accept')
      .tap('Marquee Tirupur')
      .tap('1 ticket')
      .tap('Confirm')
      .expectStep('done')
      .say('#wretro')
      .expectStep('location')
      .expectText("You've already accepted the terms");
  });

  it('the keyword mid-booking leaves the booking and releases its seats', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets').say('book #WRETRO').expectCommand('release_hold').expectStep('terms');
  });

  it('is reached from Special shows in the menu', () => {
    conversation().say('hi').tap('Special shows').expectStep('terms').expectText("Retro: Women's Special Show");
  });

  it('is not bookable through the regular flow without the terms', () => {
    conversation()
      .say('hi')
      .tap('Retro')
      .tap('Marquee Tirupur')
      .check((c) => assert.ok(!c.lastChoice().options.some((o) => o.title.startsWith('Sat'))))
      .tapId('show:evt-tpr')
      .expectStep('terms');
  });

  it('an old Accept tap for the event starts it with the terms accepted', () => {
    conversation().say('hi').tapId('terms:yes:wretro').expectStep('location').check((c) => assert.ok(c.state?.acceptedEvents.includes('wretro')));
  });

  it('says so when the event is fully booked', () => {
    const c = conversation();
    c.executor.script('hold_ga', { type: 'hold_failed', code: 'show_sold_out' });
    c.say('#WRETRO').tap('Accept').tap('Marquee Tirupur').tap('2 tickets').expectText('just sold out');
    // The other location is the only one left, so it is chosen by itself.
    c.expectStep('quantity').expectText('Marquee Coimbatore');
  });
});
