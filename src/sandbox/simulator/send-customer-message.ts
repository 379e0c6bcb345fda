import type { AppDeps } from '../../app-deps.ts';
import type { Cinema } from '../../tenants/cinemas.ts';
import type { Emulator } from '../emulator/index.ts';
import type { CustomerMessageInput } from './api-schemas.ts';
import type { EmulatorConnections } from './connect-cinema.ts';
import { webhookProblem, type ChatMessage, type ConversationStore } from './conversation-store.ts';
import { webhookMessageFor } from './customer-message.ts';
import { samplePhoto, sampleSticker } from './sample-media.ts';
import { SimulatorError } from './simulator-error.ts';

export interface SimulatorContext {
  deps: AppDeps;
  emulator: Emulator;
  store: ConversationStore;
  connections: EmulatorConnections;
}

/**
 * A simulated customer writes to a cinema: the emulator builds Meta's webhook, signs it and POSTs it
 * to Marquee's real webhook route, exactly as WhatsApp would. Resolves once Marquee answered.
 */
export async function sendCustomerMessage(
  ctx: SimulatorContext,
  cinema: Cinema,
  customer: { phone: string; name: string },
  input: CustomerMessageInput,
): Promise<ChatMessage> {
  const { deps, emulator, store, connections } = ctx;
  const phoneNumberId = cinema.phoneNumberId;
  await connections.prepare(cinema, customer);
  const built = webhookMessageFor(input, {
    findMessage: (id) => store.find(phoneNumberId, customer.phone, id),
    storeMedia: (m) => emulator.addUserMedia({ phoneNumberId, data: m.data, mimeType: m.mimeType }),
    photo: samplePhoto,
    sticker: sampleSticker,
  });
  const at = deps.clock.now();
  let sent: { wamid: string; status: number };
  try {
    sent = await emulator.userSends({ phoneNumberId, from: customer.phone, name: customer.name, message: built.fields, contextId: built.contextId });
  } catch (e) {
    throw new SimulatorError(409, 'not_connected', `The emulator could not deliver the message: ${e instanceof Error ? e.message : 'unknown reason'}.`);
  }
  return store.addCustomerMessage(
    phoneNumberId,
    customer.phone,
    {
      id: sent.wamid,
      at,
      payload: built.fields,
      contextId: built.contextId,
      status: sent.status === 200 ? 'delivered' : 'sent',
      problem: sent.status === 200 ? undefined : webhookProblem(sent.status, 1),
    },
    built.mediaId,
  );
}
