import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../browser/helpers.ts';
import { WhatsAppUser } from '../helpers/whatsapp-user.ts';
import { DEMO_BUSINESS } from '../../src/sandbox/demo-business.ts';
import { getCinemaByPhoneNumberId, updateCinemaSettings } from '../../src/tenants/cinemas.ts';
import { lookupHash } from '../../src/tenants/secrets.ts';
import { insertHandBackEvent } from '../../src/admin/conversations-repo.ts';

/**
 * Whole conversations through the real pipeline — signed webhooks in, the dialogue and the domain in
 * the worker, the Graph client out to the emulator — on the demo cinema, in each language.
 */
let s: DemoServer;
let n = 0;
const STAFF = '919812300000';
before(async () => {
  s = await startDemoServer();
  const cinema = (await getCinemaByPhoneNumberId(s.server.deps.db, DEMO_BUSINESS.phoneNumberId))!;
  await updateCinemaSettings(s.server.deps.db, Date.now(), cinema.id, { staffNumbers: [`+${STAFF}`] });
});
after(() => s.close());

function user(): WhatsAppUser {
  return new WhatsAppUser(s.server.emulator, s.server.deps.db, s.server.deps.config.secretKey, DEMO_BUSINESS.phoneNumberId, `9190${String(++n).padStart(8, '0')}`, `Customer ${n}`);
}

const bookingsOf = async (u: WhatsAppUser) => {
  const c = await s.server.deps.db.selectFrom('customers').select('id').where('wa_id_hash', '=', lookupHash(s.server.deps.config.secretKey, u.from)).executeTakeFirstOrThrow();
  return s.server.deps.db.selectFrom('bookings').selectAll().where('customer_id', '=', c.id).execute();
};
const staffMessages = () => s.server.emulator.sent({ to: STAFF }).map(WhatsAppUser.textOf);

/** Taps through film → location → date → show → quantity, whichever the bot asks, until the hold is offered. */
async function tapToHold(u: WhatsAppUser, qty: number, pickShow: (ids: string[]) => string = (ids) => ids[0]): Promise<void> {
  for (let i = 0; i < 8; i++) {
    const ids = u.options().map((o) => o.id);
    if (ids.includes('hold:confirm')) return;
    const q = ids.find((id) => id === `qty:${qty}`);
    if (q) await u.tap(q);
    else if (ids.some((id) => id.startsWith('show:'))) await u.tap(pickShow(ids.filter((id) => id.startsWith('show:'))));
    else if (ids.some((id) => id.startsWith('day:'))) await u.tap('day:');
    else if (ids.some((id) => id.startsWith('loc:'))) await u.tap('loc:');
    else if (ids.some((id) => id.startsWith('mv:'))) await u.tap('mv:');
    else throw new Error(`stuck at: ${u.lastText()} (${ids.join(', ')})`);
  }
  throw new Error(`no hold offered: ${u.lastText()}`);
}

const greetings = { en: 'hi', hi: 'नमस्ते', ta: 'வணக்கம்' } as const;

for (const lang of ['en', 'hi', 'ta'] as const) {
  test(`a regular booking by taps in ${lang}, with an e-ticket image and staff notified`, async () => {
    const u = user();
    await u.say(greetings[lang]);
    await tapToHold(u, 2);
    const confirmed = await u.tap('hold:confirm');
    assert.ok(u.sentByUser <= 7, `took ${u.sentByUser} messages`);
    const ticket = confirmed.find((m) => m.body.type === 'image');
    assert.ok(ticket, 'an e-ticket image was sent');
    const media = s.server.emulator.media((ticket.body.image as { id: string }).id);
    assert.equal(media?.mimeType, 'image/png');
    assert.ok(media!.data.subarray(1, 4).toString() === 'PNG');
    const [b] = await bookingsOf(u);
    assert.equal(b.status, 'confirmed');
    assert.equal(b.quantity, 2);
    assert.ok(WhatsAppUser.textOf(ticket).includes(b.ref) || confirmed.some((m) => WhatsAppUser.textOf(m).includes(b.ref)), 'the reference is in the confirmation');
    assert.ok(staffMessages().some((t) => t.includes(b.ref)), 'staff were told of the booking');
  });

  test(`the special event by typing only in ${lang}`, async () => {
    const u = user();
    await u.say(greetings[lang]);
    await u.say('#wretro');
    const accept = { en: 'I accept', hi: 'मैं स्वीकार करता हूँ', ta: 'ஏற்கிறேன்' }[lang];
    await u.say('not accept');
    assert.equal((await bookingsOf(u)).length, 0, '"not accept" is not acceptance');
    await u.say('#WRETRO');
    await u.say(accept);
    for (let i = 0; i < 4 && !(await bookingsOf(u)).some((b) => b.status === 'confirmed'); i++) {
      const opts = u.options().map((o) => o.id);
      if (opts.some((o) => o.startsWith('loc:'))) await u.say('1');
      else if (opts.some((o) => o.startsWith('show:'))) await u.say('1');
      else if (opts.some((o) => o.startsWith('qty:'))) await u.say('2');
      else if (opts.some((o) => o.startsWith('hold:confirm'))) await u.say({ en: 'confirm', hi: 'हाँ', ta: 'ஆம்' }[lang]);
      else break;
    }
    const bookings = await bookingsOf(u);
    assert.equal(bookings.filter((b) => b.status === 'confirmed').length, 1, `booked; last bot message: ${u.lastText()}`);
    assert.ok(bookings[0].event_id, 'the booking belongs to the event');
  });
}

test('a one-shot request fills every slot it names', async () => {
  const u = user();
  await u.say('hi');
  await u.say('2 tickets for Retro tomorrow evening at Dindigul');
  await tapToHold(u, 2);
  await u.tap('hold:confirm');
  const [b] = await bookingsOf(u);
  assert.equal(b?.status, 'confirmed');
  assert.ok(u.sentByUser - 1 <= 3, `the request took ${u.sentByUser - 1} messages after the greeting`);
});

test('"2 tickets for 3 people" is asked about, never read as 23', async () => {
  const u = user();
  await u.say('hi');
  await u.say('2 tickets for 3 people for Retro tomorrow at Tirupur');
  for (let i = 0; i < 4 && !u.options().some((o) => o.id.startsWith('qty:')); i++) await u.tap(u.options().find((o) => /^(show|day|loc):/.test(o.id))!.id);
  assert.ok(!u.received.some((m) => /\b23\b/.test(WhatsAppUser.textOf(m))));
  const ids = u.options().map((o) => o.id);
  assert.deepEqual(ids.filter((id) => id.startsWith('qty:')).sort(), ['qty:2', 'qty:3'], `asked: ${u.lastText()}`);
});

for (const lang of ['en', 'hi', 'ta'] as const) {
  test(`my bookings in ${lang}: cancel releases the seats at once and staff are told`, async () => {
    const u = user();
    await u.say(greetings[lang]);
    // The latest show offered is safely outside the cancellation cut-off.
    await tapToHold(u, 1, (ids) => ids.at(-1)!);
    await u.tap('hold:confirm');
    const [b] = await bookingsOf(u);
    const staffBefore = staffMessages().filter((t) => t.includes(b.ref)).length;
    await u.tap('menu:bookings');
    if (u.options().some((o) => o.id === `bk:view:${b.ref}`)) await u.tap(`bk:view:${b.ref}`);
    await u.tap(`bk:cancel:${b.ref}`);
    await u.tap(`bk:yes:${b.ref}`);
    const [after] = await bookingsOf(u);
    assert.equal(after.status, 'cancelled');
    const claims = await s.server.deps.db.selectFrom('seat_claims').selectAll().where('booking_id', '=', b.id).execute();
    assert.equal(claims.length, 0, 'the seats are released at once');
    assert.equal(staffMessages().filter((t) => t.includes(b.ref)).length, staffBefore + 1, 'staff heard of the cancellation');
  });

  test(`locations & hours in ${lang} sends a location pin`, async () => {
    const u = user();
    await u.say(greetings[lang]);
    const replies = await u.tap('menu:locations');
    const pins = [...replies, ...(u.options().some((o) => o.id.startsWith('info:')) ? await u.tap('info:') : [])].filter((m) => m.body.type === 'location');
    assert.ok(pins.length >= 1, 'a location pin was sent');
  });

  test(`talk to us in ${lang}: staff are notified, the bot stays quiet until handed back`, async () => {
    const u = user();
    await u.say(greetings[lang]);
    const before = staffMessages().length;
    await u.tap('menu:staff');
    assert.ok(staffMessages().length > before, 'staff were notified');
    const quiet = await u.say('are you there?');
    assert.equal(quiet.length, 0, 'the bot is quiet while staff have the conversation');
    const c = await s.server.deps.db.selectFrom('customers').select(['id', 'cinema_id']).where('wa_id_hash', '=', lookupHash(s.server.deps.config.secretKey, u.from)).executeTakeFirstOrThrow();
    await insertHandBackEvent(s.server.deps.db, Date.now(), c.cinema_id, c.id);
    s.server.deps.wake();
    const back = await u.say(greetings[lang]);
    assert.ok(back.length >= 1, 'the bot answers again once handed back');
  });
}

test('a location message picks the nearest cinema location', async () => {
  const u = user();
  await u.say('hi');
  const films = u.options().filter((o) => o.id.startsWith('mv:')).map((o) => o.id);
  for (const film of films) {
    await u.tap(film);
    if (u.options().some((o) => o.id.startsWith('loc:'))) break;
    await u.say('menu');
  }
  assert.ok(u.options().some((o) => o.id.startsWith('loc:')), 'a film playing at both locations asks where');
  // Near Tirupur (11.11, 77.34): the location step is answered by the pin.
  await u.send({ type: 'location', location: { latitude: 11.1, longitude: 77.35 } });
  assert.match(u.received.slice(-2).map(WhatsAppUser.textOf).join(' '), /Tirupur/);
  assert.ok(!u.options().some((o) => o.id.startsWith('loc:')), 'the location step is done');
});

test('every inbound type gets a helpful answer or is quietly ignored, never an error', async () => {
  const u = user();
  await u.say('hi');
  const img = s.server.emulator.addUserMedia({ phoneNumberId: DEMO_BUSINESS.phoneNumberId, data: Buffer.from('89504e470d0a1a0a', 'hex'), mimeType: 'image/png' });
  for (const m of [
    { type: 'image', image: { id: img, mime_type: 'image/png' } },
    { type: 'sticker', sticker: { id: img, mime_type: 'image/webp', animated: false } },
    { type: 'location', location: { latitude: 10.36, longitude: 77.98 } },
    { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown' }], unsupported: { type: 'poll' } },
  ]) {
    const replies = await u.send(m);
    assert.ok(replies.length >= 1, `answered ${m.type}`);
  }
  const lastBot = u.received.at(-1)!;
  const reaction = await u.send({ type: 'reaction', reaction: { message_id: lastBot.wamid, emoji: '👍' } });
  assert.equal(reaction.length, 0, 'a reaction is quietly ignored');
  const failed = await s.server.deps.db.selectFrom('inbound_messages').select('id').where('status', '=', 'failed').execute();
  assert.equal(failed.length, 0);
});
