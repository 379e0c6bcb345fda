import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOOKINGS } from './testing/fixture.ts';
import { conversation } from './testing/conversation.ts';

describe('my bookings', () => {
  it('lists upcoming bookings and shows one in detail', () => {
    conversation()
      .say('hi')
      .tap('My bookings')
      .expectStep('bookings')
      .expectText('You have 2 upcoming bookings')
      .expectOptions('Monsoon Letters', 'Kaveri Express')
      .tap('Monsoon Letters')
      .expectStep('booking')
      .expectText('Booking *K7MX2Q*')
      .expectText('H4, H5')
      .expectText('₹360')
      .expectOptions('Send ticket', 'Cancel booking', 'My bookings');
  });

  it('cancels a booking only when the domain says it is cancelled', () => {
    const c = conversation().say('my bookings').tap('Monsoon Letters').tap('Cancel booking').expectStep('cancel_confirm').expectText('Cancel booking K7MX2Q');
    c.tap('Yes, cancel it').expectCommand('cancel_booking').expectText('Booking K7MX2Q is cancelled').expectStep('menu');
    c.say('my bookings').expectText('one upcoming booking');
  });

  it('reports a refused cancellation with the reason and keeps the booking', () => {
    const c = conversation().say('my bookings').tap('Monsoon Letters').tap('Cancel booking');
    c.executor.script('cancel_booking', { type: 'cancel_failed', code: 'cancel_too_late' });
    c.tap('Yes, cancel it').expectText('too close to the show').expectStep('booking').expectNoText('is cancelled');
  });

  it('offers no cancel button inside the cut-off, and explains why', () => {
    conversation().say('my bookings').tap('Kaveri Express').expectText('too close to the show').check((c) => assert.ok(!c.lastChoice().options.some((o) => o.id.startsWith('bk:cancel'))));
    // An old cancel tap inside the cut-off is refused without asking the domain.
    conversation().say('my bookings').tapId('bk:yes:P4RT8W').check((c) => assert.ok(!c.commands.some((x) => x.type === 'cancel_booking'))).expectText('too close to the show');
  });

  it('respects the domain saying a booking cannot be cancelled at all', () => {
    const bookings = [{ ...BOOKINGS[0]!, cancellable: false }];
    conversation({ bookings }).say('my bookings').tap('Monsoon Letters').expectText("can't be cancelled online").check((c) => assert.ok(!c.lastChoice().options.some((o) => o.id.startsWith('bk:cancel'))));
  });

  it('sends the ticket again', () => {
    conversation().say('my bookings').tap('Monsoon Letters').tap('Send ticket').expectTicket().expectText('Here is your ticket again');
  });

  it('no keeps the booking; typed yes and no work too', () => {
    conversation().say('my bookings').tap('Monsoon Letters').tap('Cancel booking').tap('No, keep it').expectText('stays as it is').expectStep('booking');
    conversation().say('my bookings').tap('Monsoon Letters').tap('Cancel booking').say('yes').expectCommand('cancel_booking');
    conversation().say('my bookings').tap('Monsoon Letters').say('cancel').expectStep('cancel_confirm');
  });

  it('opens a booking from its reference typed anywhere', () => {
    conversation().say('hi').say('my ref is k7m-x2q').expectStep('booking').expectText('K7MX2Q');
  });

  it('says so when there are none', () => {
    conversation({ bookings: [] }).say('hi').tap('My bookings').expectText('no upcoming bookings').expectStep('menu');
  });

  it('in Hindi and Tamil', () => {
    conversation().say('मेरी बुकिंग').expectText('आपकी 2 आने वाली बुकिंग हैं').tap('Monsoon Letters').expectOptions('टिकट भेजें', 'बुकिंग रद्द करें');
    conversation().say('என் முன்பதிவுகள்').expectText('உங்களுக்கு 2 வரவிருக்கும் முன்பதிவுகள்').tap('Monsoon Letters').expectOptions('டிக்கெட் அனுப்பு', 'முன்பதிவு ரத்து');
  });
});
