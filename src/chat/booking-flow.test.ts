import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG } from './testing/fixture.ts';
import { conversation } from './testing/conversation.ts';

/** The target: a regular booking by taps in at most 7 customer messages, "hi" counting as the first. */
const REGULAR_BOOKING_MAX = 7;

describe('a regular booking by taps', () => {
  const cases = [
    { lang: 'en', hi: 'hi', tomorrow: 'Tomorrow', tickets: '2 tickets', confirm: 'Confirm', booked: /Booked!/ },
    { lang: 'hi', hi: 'नमस्ते', tomorrow: 'कल', tickets: '2 टिकट', confirm: 'पक्का करें', booked: /बुकिंग हो गई/ },
    { lang: 'ta', hi: 'வணக்கம்', tomorrow: 'நாளை', tickets: '2 டிக்கெட்டுகள்', confirm: 'உறுதிசெய்', booked: /முன்பதிவு முடிந்தது/ },
  ] as const;
  for (const x of cases) {
    it(`takes at most ${REGULAR_BOOKING_MAX} messages in ${x.lang}`, () => {
      const c = conversation()
        .say(x.hi)
        .check((c) => assert.equal(c.state?.lang, x.lang))
        .tap('Retro')
        .expectStep('location')
        .tap('Marquee Tirupur')
        .expectStep('date')
        .tap(x.tomorrow)
        .expectStep('show')
        .tap(/6:30/)
        .expectStep('quantity')
        .tap(x.tickets)
        .expectStep('review')
        .expectCommand('hold_best')
        .expectText('₹500')
        .tap(x.confirm)
        .expectCommand('confirm')
        .expectTicket()
        .expectText(x.booked)
        .expectStep('done');
      assert.ok(c.customerMessages <= REGULAR_BOOKING_MAX, `took ${c.customerMessages} messages`);
      assert.equal(c.customerMessages, 7);
      assert.equal(c.executor.bookings.length, 1);
      assert.deepEqual(c.executor.bookings[0]!.seats, ['F7', 'F8']);
      assert.equal(c.state?.slots.hold, undefined, 'a booked hold is not kept in the session');
      assert.ok(!c.commands.some((cmd) => cmd.type === 'release_hold'), 'the confirmed hold is not released');
    });
  }

  it('greets with the language choice and a menu that already offers the films', () => {
    conversation()
      .say('hi')
      .expectReplies(2)
      .check((c) => {
        const [welcome, menu] = c.replies;
        assert.equal(welcome?.type, 'choice');
        assert.deepEqual(welcome?.type === 'choice' && welcome.options.map((o) => o.id), ['lang:en', 'lang:hi', 'lang:ta']);
        assert.equal(menu?.type, 'choice');
      })
      .expectOptions('Retro', 'Now showing', 'Book tickets', 'Special shows', 'My bookings', 'Locations & hours', 'Language', 'Talk to us');
  });

  it("uses the cinema's own welcome text", () => {
    conversation({ cinema: { welcomeText: { en: 'Vanakkam from {cinema}! Best seats in town.' } } })
      .say('hello')
      .expectText('Vanakkam from Marquee Cinemas! Best seats in town.');
  });

  it('skips the location question when the film plays at one cinema only', () => {
    conversation().say('hi').tap('Book tickets').tap('Kaveri Express').expectStep('date').expectText('Marquee Tirupur');
  });

  it('lists a show after midnight with the evening before, saying which calendar day it is', () => {
    conversation()
      .say('hi')
      .tap('Retro')
      .tap('Marquee Tirupur')
      .check((c) => {
        const today = c.lastChoice().options.find((o) => o.title === 'Today');
        assert.match(today?.description ?? '', /12:30 am/);
      })
      .tap('Today')
      .expectText('After midnight (Thu, 26 Nov)')
      .tap(/12:30 am/)
      .tap('1 ticket')
      .expectText('Thu, 26 Nov, 12:30 am');
  });

  it('lets the customer type seat codes, releasing the earlier hold first', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Today').tap(/7:30 pm/).tap('2 tickets').tap('Choose seats').expectStep('seats').say('G5 G6');
    assert.deepEqual(
      c.commands.map((x) => x.type),
      ['release_hold', 'hold_seats'],
    );
    c.expectStep('review').expectText('G5, G6').tap('Confirm').expectTicket();
    assert.deepEqual(c.executor.bookings[0]!.seats, ['G5', 'G6']);
  });

  it('accepts seat codes typed straight at the summary', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Today').tap(/7:30 pm/).tap('2 tickets').say('H1, H2 please').expectStep('review').expectText('H1, H2');
  });

  it('a seat someone else took is explained and nothing advances', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Today').tap(/7:30 pm/).tap('2 tickets').tap('Choose seats');
    c.executor.takeSeats('r-tpr-wed-1930', ['G6']);
    c.say('G5 G6').expectStep('seats').expectText('those seats were just taken').expectText('Not available: G6');
    assert.equal(c.state?.slots.hold, undefined);
    c.tap('Best available').expectStep('review');
  });

  it('says the seats are free seating when codes are typed for such a show', () => {
    conversation().say('hi').tap('Kaveri Express').tap('Today').tap('2 tickets').expectStep('review').expectNoText('Choose seats').say('F7 F8').expectText('free seating').expectStep('review');
  });

  it('a failed hold never advances: the customer stays at the question, with the reason', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/);
    c.executor.script('hold_best', { type: 'hold_failed', code: 'not_enough_seats' });
    c.tap('4 tickets').expectStep('quantity').expectText("there aren't that many seats left");
    assert.equal(c.state?.slots.hold, undefined);
    assert.equal(c.state?.pending, undefined);
    c.tap('2 tickets').expectStep('review');
  });

  it('a sold-out show is taken off the list and the show question asked again', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/);
    c.executor.script('hold_best', { type: 'hold_failed', code: 'show_sold_out' });
    c.tap('2 tickets').expectText('just sold out');
    // Only the 10:00 show is left that day, so it is chosen and the ticket count asked for it.
    c.expectStep('quantity').expectText('10:00 am');
  });

  it('a failed confirmation never books: the hold is gone and holding again is offered', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets');
    c.executor.script('confirm', { type: 'confirm_failed', code: 'hold_expired' });
    c.tap('Confirm').expectStep('hold_lost').expectText('time to confirm ran out').check((c) => assert.equal(c.state?.slots.hold, undefined));
    assert.equal(c.executor.bookings.length, 0);
    c.tap('Try again').expectStep('review').expectCommand('hold_best');
  });

  it('an unknown confirmation error keeps the hold and the summary', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets');
    c.executor.script('confirm', { type: 'confirm_failed', code: 'database_on_fire' });
    c.tap('Confirm').expectStep('review').expectText('something went wrong').expectNoText('database_on_fire');
    assert.ok(c.state?.slots.hold);
  });

  it('warns before the hold runs out and tells when it has', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets').advance(8);
    c.timer('hold_warning').expectReplies(1).expectText('held only until 10:10 am').expectOptions('Confirm', 'Cancel');
    c.advance(2).timer('hold_expired').expectStep('hold_lost').expectText('seats were released').expectOptions('Try again', 'Main menu');
    assert.equal(c.state?.slots.hold, undefined);
  });

  it('ignores a timer for a hold that is no longer the current one', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets').timer('hold_expired', 'hold-old').expectReplies(0).expectStep('review');
  });

  it('back undoes the last choice, and from a held summary releases the seats', () => {
    conversation()
      .say('hi')
      .tap('Retro')
      .tap('Marquee Tirupur')
      .tap('Tomorrow')
      .say('back')
      .expectStep('date')
      .tap('Tomorrow')
      .tap(/6:30/)
      .tap('2 tickets')
      .say('back')
      .expectCommand('release_hold')
      .expectStep('quantity')
      .say('back')
      .expectStep('show')
      .say('back')
      .say('back')
      .expectStep('location')
      .say('back')
      .say('back')
      .expectStep('menu');
  });

  it('an answer it cannot use re-asks with a hint and changes nothing', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur');
    const before = c.state;
    c.say('purple elephant').expectStep('date').expectText('Please tap a day');
    assert.deepEqual(c.state?.slots, before?.slots);
  });

  it('understands a typed number as the option at that position, and typed days and times', () => {
    conversation().say('hi').say('1').expectStep('location').say('2').expectStep('date').check((c) => assert.equal(c.state?.slots.locationId, 'cbe'));
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').say('tomorrow').expectStep('show').say('6.30 pm').expectStep('quantity').say('3').expectStep('review').expectText('3 tickets');
  });

  it('refuses more tickets than allowed rather than trimming them', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).say('12 tickets').expectStep('quantity').expectText('at most 10 tickets');
    // Three seats left at this show: three is the most that can be asked for.
    conversation().say('hi').tap('Retro').tap('Marquee Coimbatore').tap('Tomorrow').expectStep('quantity').expectText('up to 3').say('5').expectText('at most 3 tickets').expectStep('quantity');
  });

  it('cancel releases the hold and says nothing was booked', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets').say('cancel').expectCommand('release_hold').expectText('Nothing was booked').expectStep('menu');
  });

  it('acts on a tap from an older menu when it still makes sense, and says so when it does not', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tapId('mv:kaveri').expectStep('date').check((c) => assert.equal(c.state?.slots.movieId, 'kaveri'));
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tapId('day:2026-11-28').expectText('That menu has expired').expectStep('date');
    conversation().say('hi').tap('Retro').tapId('forged-id').expectText('That menu has expired').expectStep('location');
    conversation().say('hi').tapId('hold:confirm').expectText('no longer held').expectStep('menu');
  });

  it('an expired session starts afresh politely and gives the seats back', () => {
    conversation()
      .say('hi')
      .tap('Retro')
      .tap('Marquee Tirupur')
      .tap('Tomorrow')
      .tap(/6:30/)
      .tap('2 tickets')
      .advance(31)
      .say('hello')
      .expectCommand('release_hold')
      .expectText('Welcome back! Our last conversation timed out')
      .expectStep('menu');
  });

  it('pages through more films than a list can hold', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ ...CATALOG.movies[0]!, id: `film-${i}`, title: `Film ${i + 1}`, aliases: [] }));
    const shows = many.map((m, i) => ({ ...CATALOG.shows[0]!, id: `s-${i}`, movieId: m.id }));
    conversation({ catalog: { movies: many, shows, events: [] } })
      .say('hi')
      .tap('Book tickets')
      .check((c) => assert.equal(c.lastChoice().options.length, 10))
      .tap('More')
      .expectOptions('Film 10', 'Film 14')
      .tap('Film 12')
      .expectStep('quantity')
      .expectText('Film 12');
  });
});
