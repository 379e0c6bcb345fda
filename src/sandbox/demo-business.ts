/**
 * The demo cinema business as the built-in emulator knows it. Public, fake values: demo mode
 * onboards this business through the same token discovery a real cinema uses.
 */
export const DEMO_BUSINESS = Object.freeze({
  accessToken: 'EAAdemo-marquee-access-token',
  appId: '900000000000001',
  wabaId: '100000000000001',
  wabaName: 'Marquee Cinemas (demo)',
  timezone: 'Asia/Kolkata',
  currency: 'INR',
  phoneNumberId: '100000000000011',
  displayPhoneNumber: '+91 98765 43210',
  verifiedName: 'Marquee Cinemas',
});
