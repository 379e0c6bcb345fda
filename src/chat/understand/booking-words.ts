import type { Words } from './lang.ts';

/** Words that show the customer wants to book: "2 tickets", "बुक करो", "டிக்கெட் வேணும்". */
export const BOOKING_WORDS: Words = {
  en: ['book', 'booking', 'ticket', 'tickets', 'tkt', 'tkts', 'tix', 'seat', 'seats', 'reserve', 'reservation', 'buy'],
  hi: ['टिकट', 'टिकटें', 'टिकिट', 'बुक', 'बुकिंग', 'सीट', 'सीटें', 'आरक्षण', 'ticket', 'tikat', 'tikit', 'book', 'booking'],
  ta: ['டிக்கெட்', 'டிக்கட்', 'புக்', 'புக்கிங்', 'முன்பதிவு', 'சீட்', 'இருக்கை', 'ticket', 'tiket', 'book', 'booking'],
};

/** A message about cancelling is not a new booking, even though it says "booking". */
export const CANCEL_WORDS: Words = {
  en: ['cancel', 'cancellation', 'cancelled', 'refund'],
  hi: ['रद्द', 'कैंसल', 'कैंसिल', 'रिफंड', 'radd', 'refund'],
  ta: ['ரத்து', 'கேன்சல்', 'ரீஃபண்ட்', 'rathu', 'rattu', 'refund'],
};
