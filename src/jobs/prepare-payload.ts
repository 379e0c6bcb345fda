import type { Preparer } from './dispatcher.ts';
import type { OutgoingMessage } from '../whatsapp/outgoing.ts';
import { image, text } from '../whatsapp/builders.ts';
import { getBookingByRef } from '../cinema/index.ts';
import { getCinema } from '../tenants/cinemas.ts';
import { renderTicketPng } from '../tickets/ticket-image.ts';

const rupees = (paise: number) => `₹${(paise / 100).toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;

/**
 * Turns Marquee's own payloads into Graph messages at send time. `marquee_ticket`: the e-ticket is
 * rendered, uploaded through the media endpoint and sent as an image with its caption.
 */
export const prepareSpecialPayload: Preparer = async (deps, graph, row, token, phoneNumberId): Promise<OutgoingMessage> => {
  const p = JSON.parse(row.payload_json) as { type: string; bookingRef?: string; caption?: string };
  if (p.type !== 'marquee_ticket' || !p.bookingRef) throw new Error(`unknown payload type ${p.type}`);
  const cinema = await getCinema(deps.db, row.cinema_id);
  const b = cinema && (await getBookingByRef(deps.db, { cinemaId: row.cinema_id, ref: p.bookingRef, now: deps.clock.now() }));
  if (!cinema || !b) return text(p.caption ?? p.bookingRef);
  const when = new Intl.DateTimeFormat('en-IN', { timeZone: b.show.location.timezone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(b.show.startsAt);
  const png = await renderTicketPng({
    ref: b.ref,
    cinemaName: cinema.name,
    movieTitle: b.show.movie.title,
    certificate: b.show.movie.certificate,
    locationName: b.show.location.name,
    screenName: b.show.screenName,
    when,
    seats: b.seats.length ? b.seats.map((s) => s.code).join(', ') : `${b.quantity} × ${b.category ?? 'General admission'}`,
    total: rupees(b.totalPaise),
    language: b.show.language,
    format: b.show.format,
    brandColor: cinema.settings.branding.color,
  });
  const media = await graph.uploadMedia(phoneNumberId, token, png, 'image/png', `ticket-${b.ref}.png`);
  return image({ id: media.id, caption: p.caption });
};
