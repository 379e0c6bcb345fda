import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversation } from './testing/conversation.ts';
import type { InboundContent } from './types.ts';

const midBooking = () => conversation().say('hi').tap('Retro').tap('Marquee Tirupur');

describe('every kind of inbound message', () => {
  const answered: [string, InboundContent, RegExp][] = [
    ['image', { type: 'media', mediaType: 'image', id: 'm' }, /Thanks for the picture/],
    ['video', { type: 'media', mediaType: 'video', id: 'm' }, /can't watch videos/],
    ['audio', { type: 'media', mediaType: 'audio', id: 'm' }, /voice messages/],
    ['document', { type: 'media', mediaType: 'document', id: 'm' }, /can't open documents/],
    ['sticker', { type: 'media', mediaType: 'sticker', id: 'm' }, /😊/],
    ['contacts', { type: 'contacts', count: 1 }, /contact card/],
    ['order', { type: 'order' }, /can't take orders/],
    ['system', { type: 'system', body: 'changed number', systemType: 'user_changed_number' }, /noted/],
    ['flow reply', { type: 'flow_reply', response: {} }, /received/],
    ['unsupported', { type: 'unsupported', originalType: 'poll' }, /can't read that kind of message/],
  ];
  for (const [name, content, pattern] of answered) {
    it(`answers ${name} briefly and asks the open question again, without moving`, () => {
      midBooking().send(content).expectReplies(1).expectText(pattern).expectText('Which day').expectStep('date');
    });
  }

  it('quietly ignores a reaction', () => {
    const c = midBooking();
    const before = c.state;
    c.send({ type: 'reaction', messageId: 'wamid.1', emoji: '👍' }).expectReplies(0);
    assert.deepEqual(c.state, before);
  });

  it('reads an image caption as text', () => {
    conversation().say('hi').send({ type: 'media', mediaType: 'image', id: 'm', caption: '2 tickets for Retro tomorrow evening at Tirupur' }).expectStep('review');
  });

  it('reads a template quick reply by its payload, or its text', () => {
    conversation().say('hi').send({ type: 'button', payload: 'menu:bookings', text: 'My bookings' }).expectStep('bookings');
    conversation().say('hi').send({ type: 'button', payload: 'PROMO', text: 'Book #WRETRO' }).expectStep('terms');
  });

  it('an over-long option id comes back as a position and still works', () => {
    conversation().say('hi').tap('Retro').tapId('n:2').expectStep('date').check((c) => assert.equal(c.state?.slots.locationId, 'cbe'));
  });
});

describe('global words come before the step', () => {
  it('menu, restart, stop and help work mid-booking', () => {
    midBooking().say('menu').expectStep('menu').expectOptions('Retro');
    midBooking().say('start over').expectText('Starting over').expectStep('menu');
    midBooking().say('stop').expectText("I'll stop here").expectReplies(1).check((c) => assert.deepEqual(c.state?.menu, []));
    midBooking().say('help').expectReplies(2).expectText('booking assistant').expectText('Which day').expectStep('date');
  });

  it('in Hindi and Tamil too', () => {
    const hindi = () => conversation().say('नमस्ते').tap('Retro').tap('Marquee Tirupur');
    hindi().say('मदद').expectText('बुकिंग सहायक').expectStep('date');
    hindi().say('वापस').expectStep('location');
    conversation().say('வணக்கம்').tap('Retro').say('மெனு').expectStep('menu');
  });

  it('cancel with nothing in progress says so', () => {
    conversation().say('hi').say('cancel').expectText("nothing in progress to cancel");
  });

  it('a blank message re-asks', () => {
    midBooking().say('   ').expectStep('date').expectText('Please tap a day');
  });
});
