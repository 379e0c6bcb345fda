import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { t, type MessageKey } from './messages/index.ts';
import { conversation } from './testing/conversation.ts';
import type { Lang } from './types.ts';

/**
 * The flows beyond booking, replayed in each language: the customer taps by id, and what they read
 * is checked against that language's catalogue.
 */
const GREETING: Record<Lang, string> = { en: 'hello', hi: 'नमस्ते', ta: 'வணக்கம்' };

for (const lang of ['en', 'hi', 'ta'] as const) {
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => t(lang, key, params);
  const start = () => conversation().say(GREETING[lang]).check((c) => assert.equal(c.state?.lang, lang));

  describe(`flows in ${lang}`, () => {
    it('welcome, language choice and menu', () => {
      start()
        .expectReplies(2)
        .expectText(t(lang, 'welcome.named', { name: 'Priya', cinema: 'Marquee Cinemas' }))
        .expectText(say('welcome.language'))
        .expectOptions(say('menu.films'), say('menu.book'), say('menu.events'), say('menu.bookings'), say('menu.locations'), say('menu.language'), say('menu.staff'));
    });

    it('now showing, then booking a film from it', () => {
      start().tapId('menu:films').expectText(say('films.title')).expectText('A gangster tries').expectStep('movie').tapId('mv:monsoon').expectStep('quantity').expectText('Monsoon Letters');
    });

    it('locations and hours with a pin', () => {
      start()
        .tapId('menu:locations')
        .expectText(say('locations.title'))
        .tapId('info:cbe')
        .check((c) => assert.ok(c.replies.some((r) => r.type === 'location')))
        .expectText(say('location.hours', { hours: '9:00 am – 12:30 am' }))
        .expectOptions(say('button.book_here'), say('button.all_locations'), say('button.main_menu'));
    });

    it('my bookings: details, cancel, confirmation from the domain', () => {
      start()
        .tapId('menu:bookings')
        .expectText(say('bookings.intro', { count: 2 }))
        .tapId('bk:view:K7MX2Q')
        .expectText(say('booking.ref', { ref: 'K7MX2Q' }))
        .tapId('bk:cancel:K7MX2Q')
        .expectOptions(say('button.yes_cancel'), say('button.no_keep'))
        .tap(say('button.yes_cancel'))
        .expectText(say('cancel.done', { ref: 'K7MX2Q' }));
    });

    it('talk to us, silence, and back to the bot', () => {
      start().tapId('menu:staff').expectText(say('handoff.started')).say('?').expectReplies(0).handoffEnded().expectText(say('handoff.ended'));
    });

    it('help and an unreadable message re-ask the open question', () => {
      start().tapId('mv:retro').say('help').expectText(say('help', { cinema: 'Marquee Cinemas' })).expectText(say('booking.ask_location', { movie: 'Retro' }));
      start().tapId('mv:retro').send({ type: 'media', mediaType: 'audio', id: 'a' }).expectText(say('inbound.audio')).expectStep('location');
    });

    it('an expired menu, in words the customer reads', () => {
      start().tapId('mv:retro').tapId('day:2030-01-01').expectText(say('menu.expired'));
    });

    it('a hold that ran out is said so and can be taken again', () => {
      start()
        .tapId('mv:retro')
        .tapId('loc:tpr')
        .tapId('day:2026-11-26')
        .tapId('show:r-tpr-thu-1830')
        .tapId('qty:2')
        .timer('hold_warning')
        .expectOptions(say('button.confirm'), say('button.cancel'))
        .timer('hold_expired')
        .expectText(say('hold_expired'))
        .tap(say('button.try_again'))
        .expectStep('review');
    });
  });
}
