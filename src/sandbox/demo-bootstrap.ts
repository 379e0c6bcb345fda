import type { AppDeps } from '../app-deps.ts';
import type { Emulator } from './emulator/index.ts';
import { DEMO_BUSINESS } from './demo-business.ts';
import { getCinemaByPhoneNumberId } from '../tenants/cinemas.ts';
import { onboardCinema } from '../tenants/onboard.ts';
import { seedDemoCatalogue } from '../cinema/index.ts';
import { insertUser, findUserForLogin } from '../admin/users-repo.ts';
import { hashPassword } from '../admin/passwords.ts';

export const DEMO_LOGIN = Object.freeze({ email: 'demo@marquee.local', password: 'marquee-demo' });

/**
 * Demo mode: the emulator knows the demo business, and the demo cinema is onboarded through the
 * same token discovery a real cinema goes through, then given its catalogue and a dashboard login.
 */
export async function bootstrapDemo(deps: AppDeps, emulator: Emulator): Promise<{ cinemaId: string }> {
  emulator.addBusiness({
    accessToken: DEMO_BUSINESS.accessToken,
    appId: DEMO_BUSINESS.appId,
    wabaId: DEMO_BUSINESS.wabaId,
    wabaName: DEMO_BUSINESS.wabaName,
    timezone: DEMO_BUSINESS.timezone,
    currency: DEMO_BUSINESS.currency,
    phoneNumbers: [{ id: DEMO_BUSINESS.phoneNumberId, displayPhoneNumber: DEMO_BUSINESS.displayPhoneNumber, verifiedName: DEMO_BUSINESS.verifiedName }],
    webhookUrl: `${deps.config.publicUrl}/webhooks/whatsapp`,
    appSecret: deps.config.appSecret,
  });
  let cinema = await getCinemaByPhoneNumberId(deps.db, DEMO_BUSINESS.phoneNumberId);
  if (!cinema) {
    const r = await onboardCinema(deps, { accessToken: DEMO_BUSINESS.accessToken, phoneNumberId: DEMO_BUSINESS.phoneNumberId, name: 'Marquee Cinemas', timezone: 'Asia/Kolkata', language: 'en', isDemo: true });
    if (!r.ok) throw new Error(`demo onboarding failed: ${r.code} ${r.message}`);
    cinema = r.cinema;
  }
  await seedDemoCatalogue(deps.db, { cinemaId: cinema.id, now: deps.clock.now() });
  if (!(await findUserForLogin(deps.db, DEMO_LOGIN.email))) {
    await insertUser(deps.db, deps.clock.now(), { email: DEMO_LOGIN.email, name: 'Demo operator', passwordHash: await hashPassword(DEMO_LOGIN.password), role: 'operator', cinemaId: null });
  }
  return { cinemaId: cinema.id };
}
