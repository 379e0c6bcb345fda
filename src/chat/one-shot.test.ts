import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation } from './testing/conversation.ts';

/** The target: a booking asked for in one sentence takes at most 3 customer messages. */
const ONE_SHOT_MAX = 3;

describe('a booking asked for in one message', () => {
  const cases = [
    { lang: 'en', text: '2 tickets for Retro tomorrow evening at Tirupur', confirm: 'Confirm' },
    { lang: 'hi', text: 'कल शाम तिरुपुर में रेट्रो के 2 टिकट', confirm: 'पक्का करें' },
    { lang: 'ta', text: 'நாளை மாலை திருப்பூரில் ரெட்ரோ 2 டிக்கெட்', confirm: 'உறுதிசெய்' },
  ] as const;
  for (const x of cases) {
    it(`fills every slot it names and books in at most ${ONE_SHOT_MAX} messages (${x.lang})`, () => {
      const c = conversation()
        .say(x.text)
        .check((c) => assert.equal(c.state?.lang, x.lang))
        .expectStep('review')
        .expectCommand('hold_best')
        .tap(x.confirm)
        .expectTicket();
      assert.ok(c.customerMessages <= ONE_SHOT_MAX, `took ${c.customerMessages} messages`);
      const hold = c.turns.flatMap((t) => t.commands).find((cmd) => cmd.type === 'hold_best');
      assert.deepEqual(hold, { type: 'hold_best', showId: 'r-tpr-thu-1830', quantity: 2 });
    });
  }

  it('asks about “2 tickets for 3 people”, never guessing', () => {
    const c = conversation().say('hi').say('2 tickets for 3 people for Retro tomorrow evening at Tirupur').expectStep('quantity').expectText('2 or 3').expectOptions('2 tickets', '3 tickets');
    assert.ok(!c.commands.some((cmd) => cmd.type.startsWith('hold')), 'nothing is held before the count is known');
    c.say('3').expectStep('review').expectText('3 tickets');
    assert.ok(c.customerMessages <= 3);
  });

  it('the same ambiguity typed at the quantity step is asked about too', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).say('2 tickets for 3 people').expectText('2 or 3').tap('2 tickets').expectStep('review');
  });

  it('keeps the quantity it was given when the show is then chosen', () => {
    const c = conversation().say('3 tickets for Retro today at Tirupur').expectStep('show').tap(/\d/).expectStep('review').expectCommand('hold_best');
    const hold = c.turns.flatMap((t) => t.commands).find((cmd) => cmd.type === 'hold_best');
    assert.equal(hold?.type === 'hold_best' && hold.quantity, 3);
    assert.ok(c.customerMessages <= ONE_SHOT_MAX);
  });

  it('asks only what the message left out', () => {
    conversation().say('Retro tickets at Coimbatore').expectStep('date').expectText('Which day would you like to watch Retro at Marquee Coimbatore');
    conversation().say('I want to book Retro tomorrow').expectStep('location');
    conversation().say('3 tickets for Retro today at Tirupur').expectStep('show').expectText('Which show?');
  });

  it('offers the days that have shows when the date named has none', () => {
    conversation().say('Retro on Sunday at Tirupur').expectText('There are no shows on').expectStep('date');
  });

  it('a request mid-booking that names a film starts over with it', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').say('actually 2 tickets for Monsoon Letters tomorrow').expectStep('review').expectText('Monsoon Letters');
  });
});
