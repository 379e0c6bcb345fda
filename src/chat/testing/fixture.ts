/**
 * A cinema for dialogue tests: two locations, five films (one with a title too long for a list row),
 * shows over four days including one after midnight, the #WRETRO women's special with terms in
 * three languages, and two upcoming bookings. "Now" is Wednesday 25 Nov 2026, 10:00 in Kolkata.
 */
import type { BookingView, CatalogView, ChatContext, Lang } from '../types.ts';

export const TODAY = '2026-11-25';
const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** Epoch ms of a wall-clock time in Kolkata. */
export function ist(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y!, m! - 1, d!, hh!, mm!) - IST_OFFSET_MS;
}

export const NOW = ist(TODAY, '10:00');

const locations: CatalogView['locations'] = [
  {
    id: 'tpr',
    name: 'Marquee Tirupur',
    city: 'Tirupur',
    address: '14 Avinashi Road, Tirupur 641602',
    latitude: 11.1085,
    longitude: 77.3411,
    openingHours: '9:00 am – 1:30 am',
    phone: '+91 421 555 0101',
  },
  {
    id: 'cbe',
    name: 'Marquee Coimbatore',
    city: 'Coimbatore',
    address: '220 Race Course Road, Coimbatore 641018',
    latitude: 11.0016,
    longitude: 76.9629,
    openingHours: '9:00 am – 12:30 am',
  },
];

const movies: CatalogView['movies'] = [
  {
    id: 'retro',
    title: 'Retro',
    aliases: ['रेट्रो', 'ரெட்ரோ'],
    languages: ['Tamil', 'Hindi'],
    certificate: 'U/A',
    durationMinutes: 168,
    genres: ['Action', 'Romance'],
    synopsis: 'A gangster tries to leave his violent past behind for the woman he loves.',
  },
  { id: 'kaveri', title: 'Kaveri Express', aliases: ['कावेरी एक्सप्रेस', 'காவேரி எக்ஸ்பிரஸ்'], languages: ['Tamil'], certificate: 'U', durationMinutes: 142, genres: ['Drama'] },
  { id: 'monsoon', title: 'Monsoon Letters', aliases: ['मानसून लेटर्स'], languages: ['Hindi'], certificate: 'U', durationMinutes: 131, genres: ['Romance'], synopsis: 'Two strangers write to each other through one rainy season.' },
  { id: 'harbour', title: 'Star Harbour', aliases: [], languages: ['English'], certificate: 'UA 13+', durationMinutes: 155, genres: ['Science fiction'] },
  { id: 'lanterns', title: 'The Little Lanterns of the Western Ghats', aliases: ['Little Lanterns'], languages: ['Tamil', 'English'], certificate: 'U', durationMinutes: 98, genres: ['Animation', 'Family'] },
];

const categories = (left: number) => [
  { code: 'GOLD', name: 'Gold', price: 25000, seatsLeft: Math.ceil(left / 3) },
  { code: 'SLV', name: 'Silver', price: 18000, seatsLeft: Math.floor((left * 2) / 3) },
];

function show(id: string, movieId: string, locationId: string, date: string, time: string, o: Partial<CatalogView['shows'][number]> = {}): CatalogView['shows'][number] {
  const seatsLeft = o.seatsLeft ?? 120;
  return {
    id,
    movieId,
    locationId,
    screenName: o.screenName ?? 'Screen 1',
    startsAt: ist(date, time),
    localDate: date,
    localTime: time,
    language: o.language ?? 'Tamil',
    format: o.format ?? '2D',
    priceFrom: o.priceFrom ?? 18000,
    seatsLeft,
    assignedSeating: o.assignedSeating ?? true,
    categories: o.categories ?? categories(seatsLeft),
  };
}

const shows: CatalogView['shows'] = [
  // Retro at Tirupur: tonight, late tonight, after midnight (listed with Wednesday), Thursday, Friday.
  show('r-tpr-wed-1930', 'retro', 'tpr', '2026-11-25', '19:30', { screenName: 'Screen 2', format: 'IMAX' }),
  show('r-tpr-wed-2245', 'retro', 'tpr', '2026-11-25', '22:45', { language: 'Hindi' }),
  show('r-tpr-thu-0030', 'retro', 'tpr', '2026-11-26', '00:30'),
  show('r-tpr-thu-1000', 'retro', 'tpr', '2026-11-26', '10:00'),
  show('r-tpr-thu-1830', 'retro', 'tpr', '2026-11-26', '18:30', { screenName: 'Screen 2', format: 'IMAX', priceFrom: 25000 }),
  show('r-tpr-fri-1830', 'retro', 'tpr', '2026-11-27', '18:30'),
  // Retro at Coimbatore.
  show('r-cbe-wed-2100', 'retro', 'cbe', '2026-11-25', '21:00'),
  show('r-cbe-thu-1400', 'retro', 'cbe', '2026-11-26', '14:00', { seatsLeft: 3 }),
  // Other films; Kaveri Express has free seating.
  show('k-tpr-wed-1600', 'kaveri', 'tpr', '2026-11-25', '16:00', { assignedSeating: false }),
  show('k-tpr-thu-1600', 'kaveri', 'tpr', '2026-11-26', '16:00', { assignedSeating: false }),
  show('m-cbe-thu-1900', 'monsoon', 'cbe', '2026-11-26', '19:00', { language: 'Hindi' }),
  show('h-cbe-fri-2000', 'harbour', 'cbe', '2026-11-27', '20:00', { language: 'English', format: '3D' }),
  show('l-tpr-sat-1100', 'lanterns', 'tpr', '2026-11-28', '11:00', { language: 'English' }),
  // The women's special, general admission, one show at each location.
  show('evt-tpr', 'retro', 'tpr', '2026-11-28', '09:00', { assignedSeating: false, screenName: 'Screen 2', priceFrom: 15000, seatsLeft: 200 }),
  show('evt-cbe', 'retro', 'cbe', '2026-11-28', '09:00', { assignedSeating: false, priceFrom: 15000, seatsLeft: 150 }),
].sort((a, b) => a.startsAt - b.startsAt);

const events: CatalogView['events'] = [
  {
    id: 'wretro',
    keyword: '#WRETRO',
    title: { en: "Retro: Women's Special Show", hi: 'रेट्रो: महिलाओं के लिए विशेष शो', ta: 'ரெட்ரோ: பெண்களுக்கான சிறப்புக் காட்சி' },
    description: {
      en: 'A first-day morning show of Retro for women only, with a welcome drink.',
      hi: 'सिर्फ़ महिलाओं के लिए रेट्रो का पहले दिन का सुबह का शो, स्वागत पेय के साथ।',
      ta: 'பெண்களுக்கு மட்டுமான ரெட்ரோ முதல் நாள் காலைக் காட்சி, வரவேற்பு பானத்துடன்.',
    },
    terms: {
      en: 'Entry for women only; photo ID is checked at the door. Tickets cannot be cancelled.',
      hi: 'प्रवेश केवल महिलाओं के लिए; दरवाज़े पर फ़ोटो पहचान पत्र देखा जाएगा। टिकट रद्द नहीं होंगे।',
      ta: 'பெண்களுக்கு மட்டுமே அனுமதி; நுழைவாயிலில் புகைப்பட அடையாள அட்டை சரிபார்க்கப்படும். டிக்கெட்டுகளை ரத்து செய்ய முடியாது.',
    },
    locationIds: ['tpr', 'cbe'],
    showIds: ['evt-tpr', 'evt-cbe'],
    maxTickets: 4,
    generalAdmission: true,
  },
];

export const BOOKINGS: BookingView[] = [
  {
    ref: 'K7MX2Q',
    showId: 'm-cbe-thu-1900',
    movieTitle: 'Monsoon Letters',
    locationName: 'Marquee Coimbatore',
    screenName: 'Screen 1',
    startsAt: ist('2026-11-26', '19:00'),
    localDate: '2026-11-26',
    localTime: '19:00',
    seats: ['H4', 'H5'],
    quantity: 2,
    total: 36000,
    status: 'confirmed',
    cancellable: true,
  },
  {
    ref: 'P4RT8W',
    showId: 'k-tpr-wed-1600',
    movieTitle: 'Kaveri Express',
    locationName: 'Marquee Tirupur',
    screenName: 'Screen 1',
    startsAt: ist(TODAY, '10:30'),
    localDate: TODAY,
    localTime: '10:30',
    seats: [],
    quantity: 3,
    total: 54000,
    status: 'confirmed',
    cancellable: true,
  },
];

export const CATALOG: CatalogView = { locations, movies, shows, events };

/** The fixture context; `over` replaces top-level fields and `cinema` fields. */
export function fixtureContext(over: { now?: number; lang?: Lang; cinema?: Partial<ChatContext['cinema']>; catalog?: Partial<CatalogView>; bookings?: BookingView[]; customer?: ChatContext['customer'] } = {}): ChatContext {
  return {
    now: over.now ?? NOW,
    cinema: {
      id: 'cin-1',
      name: 'Marquee Cinemas',
      timezone: 'Asia/Kolkata',
      languages: ['en', 'hi', 'ta'],
      defaultLanguage: 'en',
      maxTicketsPerBooking: 10,
      holdMinutes: 10,
      sessionTimeoutMinutes: 30,
      cancelCutoffMinutes: 60,
      supportPhone: '+91 98765 43210',
      ...over.cinema,
    },
    customer: over.customer ?? { name: 'Priya' },
    today: TODAY,
    catalog: { ...CATALOG, ...over.catalog },
    bookings: over.bookings ?? BOOKINGS,
  };
}
