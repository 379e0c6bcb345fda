import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOG } from './testing/fixture.ts';
import { conversation } from './testing/conversation.ts';

const NEAR_COIMBATORE = { type: 'location', latitude: 11.02, longitude: 76.95 } as const;

describe('locations and hours', () => {
  it('lists the cinemas with hours, then pins one with its address', () => {
    conversation()
      .say('hi')
      .tap('Locations & hours')
      .expectText('9:00 am – 1:30 am')
      .expectText('220 Race Course Road')
      .tap('Marquee Tirupur')
      .check((c) => {
        const pin = c.replies.find((r) => r.type === 'location');
        assert.deepEqual(pin, { type: 'location', latitude: 11.1085, longitude: 77.3411, name: 'Marquee Tirupur', address: '14 Avinashi Road, Tirupur 641602' });
      })
      .expectText('+91 421 555 0101')
      .tap('Book here')
      .expectStep('movie')
      .check((c) => assert.equal(c.state?.slots.locationId, 'tpr'));
  });

  it('with one location, shows it at once', () => {
    conversation({ catalog: { locations: [CATALOG.locations[0]!] } }).say('hi').tap('Locations & hours').expectStep('location_info');
  });

  it('a shared location picks the nearest cinema where a cinema is asked', () => {
    conversation().say('hi').tap('Retro').expectStep('location').send(NEAR_COIMBATORE).expectText('The nearest cinema to you is Marquee Coimbatore').expectStep('date').check((c) => assert.equal(c.state?.slots.locationId, 'cbe'));
  });

  it('elsewhere a shared location is answered with the nearest cinema', () => {
    conversation().say('hi').send(NEAR_COIMBATORE).expectStep('location_info').expectText('Our nearest cinema to you is Marquee Coimbatore');
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').send(NEAR_COIMBATORE).expectStep('date').expectText('Our nearest cinema to you is Marquee Coimbatore');
  });
});

describe('talk to us', () => {
  it('hands off to staff and stays silent until handed back', () => {
    const c = conversation().say('hi').tap('Talk to us').expectCommand('handoff').expectText('asked our team').expectText('+91 98765 43210');
    assert.equal(c.state?.mode.kind, 'handoff');
    c.say('hello?').expectReplies(0).say('menu').expectReplies(0).send({ type: 'media', mediaType: 'image', id: 'm1' }).expectReplies(0);
    c.handoffEnded().expectText("You're back with the booking assistant").expectStep('menu');
    assert.equal(c.state?.mode.kind, 'bot');
    c.say('hi').expectReplies(1);
  });

  it('returns to the bot after two quiet hours', () => {
    const c = conversation().say('staff').advance(60).say('anyone?').expectReplies(0).advance(121).say('hello');
    assert.equal(c.state?.mode.kind, 'bot');
    c.expectText('Our team has closed the chat');
  });

  it('releases held seats when handing off', () => {
    conversation().say('hi').tap('Retro').tap('Marquee Tirupur').tap('Tomorrow').tap(/6:30/).tap('2 tickets').say('talk to a human').expectCommand('release_hold').expectCommand('handoff');
  });
});

describe('language', () => {
  it('switches language and resumes the question it interrupted', () => {
    const c = conversation().say('hi').tap('Retro').tap('Marquee Tirupur').say('language').expectStep('language').tap('हिंदी');
    assert.equal(c.state?.lang, 'hi');
    c.expectCommand('set_language').expectStep('date').expectText('ठीक है, अब से मैं हिंदी में बात करूँगा').expectText('किस दिन');
  });

  it('a language tap on the first message’s buttons works at any later point', () => {
    conversation().say('hi').tap('Retro').tapId('lang:ta').expectStep('location').expectText('எங்கே பார்க்க');
  });

  it('only offers the languages the cinema speaks', () => {
    conversation({ cinema: { languages: ['en', 'ta'] } })
      .say('hi')
      .check((c) => assert.deepEqual(c.lastChoice().options.some((o) => o.id === 'menu:language'), true))
      .say('language')
      .check((c) => assert.deepEqual(c.lastChoice().options.map((o) => o.id), ['lang:en', 'lang:ta']));
    conversation({ cinema: { languages: ['en'] } }).say('नमस्ते').check((c) => assert.equal(c.state?.lang, 'en')).expectReplies(2).expectNoText('Which language');
  });

  it('keeps a returning customer’s stored language when the first message is in Latin letters', () => {
    conversation({ customer: { language: 'ta' } }).say('hi').check((c) => assert.equal(c.state?.lang, 'ta'));
  });
});
