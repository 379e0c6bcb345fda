import type { AppDeps } from '../../app-deps.ts';
import { getAccessToken, getAppSecret, type Cinema } from '../../tenants/cinemas.ts';
import { resolveCustomer } from '../../tenants/customers.ts';
import type { Emulator } from '../emulator/index.ts';
import { simulationMode } from './access.ts';
import { SimulatorError } from './simulator-error.ts';
import { markTestCustomer } from './test-customers-repo.ts';

/**
 * Makes a cinema reachable in the built-in emulator before its first simulated message: the emulator
 * learns the business (token, WABA, number) and posts its webhooks, signed like Meta's, to Marquee's
 * own webhook route. Done once per process, since the emulator lives in memory.
 */
export class EmulatorConnections {
  private readonly connected = new Set<string>();

  constructor(
    private readonly deps: AppDeps,
    private readonly emulator: Pick<Emulator, 'addBusiness'>,
  ) {}

  /** Connects the cinema and, for a rehearsal, makes the customer a test customer. */
  async prepare(cinema: Cinema, customer: { phone: string; name: string }): Promise<void> {
    await this.connect(cinema);
    if (simulationMode(this.deps, cinema) === 'rehearsal') {
      const { db, config, clock } = this.deps;
      const id = await resolveCustomer(db, config.secretKey, clock.now(), { cinemaId: cinema.id, waId: customer.phone, name: customer.name });
      await markTestCustomer(db, id);
    }
  }

  private async connect(cinema: Cinema): Promise<void> {
    if (this.connected.has(cinema.phoneNumberId)) return;
    const { db, config } = this.deps;
    const appSecret = (await getAppSecret(db, config.secretKey, cinema.id)) ?? config.appSecret;
    try {
      this.emulator.addBusiness({
        accessToken: await getAccessToken(db, config.secretKey, cinema.id),
        wabaId: cinema.wabaId,
        wabaName: cinema.name,
        timezone: cinema.timezone,
        phoneNumbers: [{ id: cinema.phoneNumberId, displayPhoneNumber: cinema.displayPhoneNumber, verifiedName: cinema.name }],
        webhookUrl: `${config.publicUrl}/webhooks/whatsapp`,
        appSecret,
      });
    } catch (e) {
      // The emulator refuses a number it already knows under another WABA (two cinemas' data disagree).
      throw new SimulatorError(409, 'emulator_conflict', `The simulator cannot connect this cinema: ${e instanceof Error ? e.message : 'unknown reason'}.`);
    }
    this.connected.add(cinema.phoneNumberId);
  }
}
