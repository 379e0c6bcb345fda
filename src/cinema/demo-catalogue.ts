import type { DbOrTrx } from '../db/database.ts';
import type { CatalogDocument } from './catalog-format.ts';
import { importCatalogue } from './catalog-import.ts';
import { findMovieByCode } from './repositories/movie-repository.ts';
import { addDays, toLocal } from './time-zone.ts';

/**
 * The demo multiplex: two locations in Tamil Nadu, three screens with different layouts, six
 * films in Tamil, Hindi and English, a week of shows from `now`, and the women-only first-day-first
 * show of "Retro" reached by the keyword #WRETRO.
 */

const TZ = 'Asia/Kolkata';
const EVERY_DAY = (opens: string, closes: string) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ opens, closes }]]));

const rupees = (r: number) => r * 100;

const AUDI_1_PRICES = { Classic: rupees(150), Prime: rupees(190), Recliner: rupees(350) };
const GOLD_PRICES = { Prime: rupees(250), Recliner: rupees(450) };
const TIRUPUR_PRICES = { Classic: rupees(120), Prime: rupees(160) };
const FDFS_PRICES = { General: rupees(200) };

type Slot = { screen: 'dindigul/Screen 1' | 'dindigul/Gold Class' | 'tirupur/Screen 1'; time: string; movie: string; language: string; format?: string };

/** One day's programme; Retro plays from its release day, which opens with the women's FDFS at 09:00. */
function programme(dayIndex: number, released: boolean, releaseDay: boolean): Slot[] {
  const slots: Slot[] = [];
  if (released) {
    if (!releaseDay) slots.push({ screen: 'dindigul/Screen 1', time: '09:00', movie: 'retro', language: 'Tamil' });
    slots.push(
      { screen: 'dindigul/Screen 1', time: '12:30', movie: 'retro', language: 'Tamil' },
      { screen: 'dindigul/Screen 1', time: '16:00', movie: 'retro', language: 'Tamil' },
      { screen: 'dindigul/Screen 1', time: '19:30', movie: 'retro', language: 'Tamil' },
      { screen: 'dindigul/Screen 1', time: '22:45', movie: 'retro', language: 'Tamil' },
      { screen: 'tirupur/Screen 1', time: '20:45', movie: 'retro', language: 'Tamil' },
    );
  } else {
    slots.push(
      { screen: 'dindigul/Screen 1', time: '09:30', movie: 'operation-sindhu', language: 'Hindi' },
      { screen: 'dindigul/Screen 1', time: '13:00', movie: 'operation-sindhu', language: 'Tamil' },
      { screen: 'dindigul/Screen 1', time: '16:30', movie: 'kaaval-kottai', language: 'Tamil' },
      { screen: 'dindigul/Screen 1', time: '20:00', movie: 'operation-sindhu', language: 'Hindi' },
      { screen: 'tirupur/Screen 1', time: '20:45', movie: 'operation-sindhu', language: 'Tamil' },
    );
  }
  slots.push(
    { screen: 'dindigul/Gold Class', time: '10:00', movie: 'kaaval-kottai', language: 'Tamil' },
    { screen: 'dindigul/Gold Class', time: '13:45', movie: 'dil-se-dobara', language: 'Hindi' },
    { screen: 'dindigul/Gold Class', time: '17:30', movie: 'the-last-monsoon', language: 'English', format: '3D' },
    { screen: 'dindigul/Gold Class', time: '21:00', movie: 'mazhai-megam', language: 'Tamil' },
    { screen: 'tirupur/Screen 1', time: '13:30', movie: 'dil-se-dobara', language: 'Hindi' },
    { screen: 'tirupur/Screen 1', time: '17:15', movie: 'the-last-monsoon', language: 'Tamil', format: '2D' },
  );
  // The FDFS takes the Tirupur morning on release day.
  if (!releaseDay) slots.push({ screen: 'tirupur/Screen 1', time: '10:15', movie: 'mazhai-megam', language: 'Tamil' });
  // A late show just after midnight on the weekend nights (it belongs to the next calendar date).
  if (dayIndex % 7 === 5 || dayIndex % 7 === 6 || dayIndex === 0) {
    slots.push({ screen: 'dindigul/Gold Class', time: '00:15', movie: 'operation-sindhu', language: 'Hindi' });
  }
  return slots;
}

const PRICES: Record<Slot['screen'], Record<string, number>> = {
  'dindigul/Screen 1': AUDI_1_PRICES,
  'dindigul/Gold Class': GOLD_PRICES,
  'tirupur/Screen 1': TIRUPUR_PRICES,
};

/** The demo catalogue for the week starting on `today` (local), Retro released on `releaseDate`. */
export function demoCatalogueDocument(today: string, releaseDate: string): CatalogDocument {
  const shows: NonNullable<CatalogDocument['shows']> = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(today, i);
    const released = date >= releaseDate;
    for (const s of programme(i, released, date === releaseDate)) {
      const [location, screen] = s.screen.split('/') as [string, string];
      // 00:15 is the late show of `date`, so it starts on the following calendar date.
      const showDate = s.time < '06:00' ? addDays(date, 1) : date;
      if (showDate > addDays(today, 6)) continue;
      shows.push({ location, screen, date: showDate, time: s.time, movie: s.movie, language: s.language, format: s.format ?? '2D', pricesPaise: PRICES[s.screen] });
    }
  }
  const fdfs = [
    { location: 'dindigul', screen: 'Screen 1', date: releaseDate, time: '09:00' },
    { location: 'tirupur', screen: 'Screen 1', date: releaseDate, time: '09:00' },
  ];
  for (const k of fdfs) {
    shows.push({ ...k, movie: 'retro', language: 'Tamil', format: '2D', pricesPaise: FDFS_PRICES, seating: 'general_admission', capacity: 80 });
  }

  return {
    format: 'marquee.catalog',
    version: 1,
    locations: [
      {
        code: 'dindigul',
        name: 'Marquee Dindigul',
        city: 'Dindigul',
        address: '112 Palani Road, near Central Bus Stand, Dindigul, Tamil Nadu 624001',
        latitude: 10.3629,
        longitude: 77.9752,
        timezone: TZ,
        openingHours: EVERY_DAY('08:30', '02:00'),
        phone: '+91 451 243 1188',
        email: 'dindigul@marquee-cinemas.example',
        screens: [
          {
            name: 'Screen 1',
            layout: {
              rows: [
                ...['A', 'B', 'C', 'D'].map((label) => ({ label, category: 'Classic', seats: 'SSSS_SSSSSSSSSSSS_SSSS' })),
                ...['E', 'F', 'G', 'H'].map((label) => ({ label, category: 'Prime', seats: 'SSSS_SSSSSSSSSSSS_SSSS' })),
                ...['J', 'K'].map((label) => ({ label, category: 'Recliner', seats: '__SS_SSSSSSSSSSSS_SS__' })),
              ],
            },
          },
          {
            name: 'Gold Class',
            layout: {
              rows: [
                ...['A', 'B'].map((label) => ({ label, category: 'Prime', seats: 'SSSSSSSSSS' })),
                ...['C', 'D', 'E'].map((label) => ({ label, category: 'Recliner', seats: 'SS_SSSSSS_SS' })),
              ],
            },
          },
        ],
      },
      {
        code: 'tirupur',
        name: 'Marquee Tirupur',
        city: 'Tiruppur',
        address: '45 Avinashi Road, Kumar Nagar, Tiruppur, Tamil Nadu 641603',
        latitude: 11.1142,
        longitude: 77.3485,
        timezone: TZ,
        openingHours: EVERY_DAY('09:00', '01:30'),
        phone: '+91 421 220 4455',
        email: 'tirupur@marquee-cinemas.example',
        screens: [
          {
            name: 'Screen 1',
            layout: {
              rows: [
                { label: 'A', category: 'Classic', seats: 'WWSSSS_SSSSWW' },
                ...['B', 'C', 'D'].map((label) => ({ label, category: 'Classic', seats: 'SSSSSS_SSSSSS' })),
                { label: 'E', category: 'Prime', seats: 'SSSSSS_SSSSSS' },
                // F7 is kept for the projectionist's inspection seat.
                { label: 'F', category: 'Prime', seats: 'SSSSSS_XSSSSS' },
                { label: 'G', category: 'Prime', seats: 'SSSSSS_SSSSSS' },
              ],
            },
          },
        ],
      },
    ],
    movies: [
      {
        code: 'retro',
        title: 'Retro',
        synopsis:
          'Madurai, 1993. A cassette-shop owner who once ran with the city’s most feared gang is pulled back when his younger brother goes missing on the night of a temple festival.',
        durationMinutes: 168,
        certificate: 'UA',
        languages: ['Tamil'],
        genres: ['Action', 'Drama'],
        releaseDate,
      },
      {
        code: 'kaaval-kottai',
        title: 'Kaaval Kottai',
        synopsis: 'A night-shift constable in a sleepy Kongu town discovers that the station’s oldest case file was never closed — and someone wants it to stay that way.',
        durationMinutes: 142,
        certificate: 'UA',
        languages: ['Tamil'],
        genres: ['Thriller', 'Crime'],
        releaseDate: addDays(today, -16),
      },
      {
        code: 'mazhai-megam',
        title: 'Mazhai Megam',
        synopsis: 'Three generations of a Kodaikanal family gather for a wedding that the monsoon refuses to let happen on time.',
        durationMinutes: 128,
        certificate: 'U',
        languages: ['Tamil'],
        genres: ['Family', 'Comedy'],
        releaseDate: addDays(today, -23),
      },
      {
        code: 'dil-se-dobara',
        title: 'Dil Se Dobara',
        synopsis: 'Two former college sweethearts, now rival caterers, are booked for the same Jaipur wedding.',
        durationMinutes: 151,
        certificate: 'UA',
        languages: ['Hindi'],
        genres: ['Romance', 'Comedy'],
        releaseDate: addDays(today, -9),
      },
      {
        code: 'operation-sindhu',
        title: 'Operation Sindhu',
        synopsis: 'A naval diver leads a rescue of fishermen trapped on a drifting trawler as a cyclone closes in on the Gulf of Mannar.',
        durationMinutes: 139,
        certificate: 'UA',
        languages: ['Hindi', 'Tamil'],
        genres: ['Action', 'Thriller'],
        releaseDate: addDays(today, -5),
      },
      {
        code: 'the-last-monsoon',
        title: 'The Last Monsoon',
        synopsis: 'A climate scientist and her estranged son cross the Western Ghats on foot to recover a weather station’s final readings.',
        durationMinutes: 118,
        certificate: 'UA',
        languages: ['English', 'Tamil'],
        genres: ['Adventure', 'Drama'],
        releaseDate: addDays(today, -2),
      },
    ],
    shows,
    events: [
      {
        keyword: '#WRETRO',
        name: 'Women’s FDFS — Retro',
        movie: 'retro',
        maxTicketsPerBooking: 4,
        seating: 'general_admission',
        capacity: 80,
        locations: ['dindigul', 'tirupur'],
        shows: fdfs,
        status: 'active',
        texts: {
          en: {
            title: 'Women’s FDFS — Retro',
            description:
              'Celebrate the release of Retro at a first-day-first-show just for women: 9:00 AM on release day at Marquee Dindigul and Marquee Tirupur. Free seating — come early for the best seats. Every ticket includes a welcome drink and a Retro poster.',
            terms:
              '1. This show is for women only; men, including companions, will not be admitted. 2. Carry a valid photo ID; it is checked at the entrance. 3. Up to 4 tickets per booking. 4. Seats are not assigned; they are taken in order of arrival. 5. Children under 3 sit on an adult’s lap free of charge; older children need a ticket. 6. Tickets cannot be exchanged; they can be cancelled up to 2 hours before the show.',
          },
          hi: {
            title: 'महिलाओं के लिए FDFS — रेट्रो',
            description:
              'रेट्रो की रिलीज़ का जश्न मनाइए — सिर्फ़ महिलाओं के लिए पहले दिन का पहला शो: रिलीज़ के दिन सुबह 9:00 बजे, मार्की डिंडीगुल और मार्की तिरुप्पुर में। सीटें तय नहीं हैं — अच्छी सीट के लिए जल्दी आइए। हर टिकट के साथ वेलकम ड्रिंक और रेट्रो पोस्टर मुफ़्त।',
            terms:
              '1. यह शो केवल महिलाओं के लिए है; पुरुषों को, साथ आए लोगों सहित, प्रवेश नहीं मिलेगा। 2. मान्य फ़ोटो पहचान-पत्र साथ लाएँ; प्रवेश द्वार पर इसकी जाँच होगी। 3. एक बुकिंग में अधिकतम 4 टिकट। 4. सीटें तय नहीं हैं; जो पहले आएगा, उसे पहले सीट मिलेगी। 5. 3 वर्ष से कम उम्र के बच्चे गोद में मुफ़्त; बड़े बच्चों के लिए टिकट ज़रूरी है। 6. टिकट बदले नहीं जा सकते; शो से 2 घंटे पहले तक रद्द किए जा सकते हैं।',
          },
          ta: {
            title: 'பெண்களுக்கான FDFS — ரெட்ரோ',
            description:
              'ரெட்ரோ வெளியீட்டைக் கொண்டாடுங்கள் — பெண்களுக்கு மட்டுமான முதல் நாள் முதல் காட்சி: வெளியீட்டு நாள் காலை 9:00 மணிக்கு, மார்க்கீ திண்டுக்கல் மற்றும் மார்க்கீ திருப்பூரில். இருக்கைகள் ஒதுக்கப்படாது — நல்ல இருக்கைக்கு முன்கூட்டியே வாருங்கள். ஒவ்வொரு டிக்கெட்டுடனும் வரவேற்பு பானமும் ரெட்ரோ போஸ்டரும் இலவசம்.',
            terms:
              '1. இந்தக் காட்சி பெண்களுக்கு மட்டுமே; உடன் வருபவர்கள் உட்பட ஆண்களுக்கு அனுமதி இல்லை. 2. செல்லுபடியாகும் புகைப்பட அடையாள அட்டையைக் கொண்டு வாருங்கள்; நுழைவாயிலில் சரிபார்க்கப்படும். 3. ஒரு முன்பதிவில் அதிகபட்சம் 4 டிக்கெட்டுகள். 4. இருக்கைகள் ஒதுக்கப்படாது; முதலில் வருபவர்களுக்கு முதலில் இருக்கை. 5. 3 வயதுக்குட்பட்ட குழந்தைகள் பெரியவர்களின் மடியில் இலவசம்; மற்ற குழந்தைகளுக்கு டிக்கெட் அவசியம். 6. டிக்கெட்டுகளை மாற்ற முடியாது; காட்சிக்கு 2 மணி நேரம் முன்பு வரை ரத்து செய்யலாம்.',
          },
        },
      },
    ],
  };
}

/**
 * Seeds the demo catalogue into a cinema (whose row already exists) for the week from `now`.
 * Idempotent: entries are matched by their natural keys, so running it again adds nothing; run on a
 * later day it adds that day's shows. Retro's release day is fixed by the first run, so the FDFS
 * and the event stay put.
 */
export async function seedDemoCatalogue(db: DbOrTrx, o: { cinemaId: string; now: number }): Promise<void> {
  const today = toLocal(o.now, TZ).date;
  const existing = await findMovieByCode(db, o.cinemaId, 'retro');
  const releaseDate = existing?.releaseDate ?? addDays(today, 1);
  const doc = demoCatalogueDocument(today, releaseDate);
  // Earlier runs fixed the other films' release dates; keep them so a later run changes nothing.
  for (const m of doc.movies ?? []) {
    const stored = m.code === 'retro' ? existing : await findMovieByCode(db, o.cinemaId, m.code);
    if (stored) m.releaseDate = stored.releaseDate;
  }
  const result = await importCatalogue({ db, clock: { now: () => o.now } }, { cinemaId: o.cinemaId, document: doc });
  if (!result.ok) {
    throw new Error(`demo catalogue rejected: ${result.errors.map((e) => `${e.where} ${e.field}: ${e.message}`).join('; ')}`);
  }
}
