import { DEMO_BUSINESS } from '../demo-business.ts';
import { createEmulator } from './create-emulator.ts';
import type { Emulator } from './emulator-types.ts';

/**
 * Runs the emulator on its own port with the demo cinema business provisioned, its webhooks going
 * to `webhookUrl` signed with `appSecret` (what `marquee emulator` starts).
 */
export async function startStandaloneEmulator(o: {
  port: number;
  host?: string;
  webhookUrl: string;
  appSecret: string;
}): Promise<{ url: string; emulator: Emulator; close(): Promise<void> }> {
  const emulator = createEmulator({ statuses: 'auto' });
  emulator.addBusiness({
    accessToken: DEMO_BUSINESS.accessToken,
    appId: DEMO_BUSINESS.appId,
    wabaId: DEMO_BUSINESS.wabaId,
    wabaName: DEMO_BUSINESS.wabaName,
    timezone: DEMO_BUSINESS.timezone,
    currency: DEMO_BUSINESS.currency,
    phoneNumbers: [
      { id: DEMO_BUSINESS.phoneNumberId, displayPhoneNumber: DEMO_BUSINESS.displayPhoneNumber, verifiedName: DEMO_BUSINESS.verifiedName },
    ],
    webhookUrl: o.webhookUrl,
    appSecret: o.appSecret,
  });
  const url = await emulator.listen(o.port, o.host);
  return { url, emulator, close: () => emulator.close() };
}
