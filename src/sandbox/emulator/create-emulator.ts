import { EventEmitter } from 'node:events';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { type Clock, systemClock } from '../../clock.ts';
import { BusinessDirectory, type BusinessInput, type TemplateDefinition } from './business-directory.ts';
import { ConversationLog } from './conversation-log.ts';
import type { Emulator, EmulatorOptions, Fault, MarkRead, SentMessage, UserMessage } from './emulator-types.ts';
import { FaultPlan } from './fault-plan.ts';
import { isObject } from './field-checks.ts';
import { type GraphContext } from './graph-context.ts';
import { createGraphPlugin } from './graph-plugin.ts';
import { MediaStore } from './media-store.ts';
import { hubSignature, metaStringify } from './meta-json.ts';
import { PairRateLimiter, ThroughputLimiter } from './send-rate-limits.ts';
import { StatusQueue } from './status-queue.ts';
import { WebhookDelivery } from './webhook-delivery.ts';
import { displayDigits, webhookEnvelope } from './webhook-envelope.ts';

/**
 * An offline WhatsApp Cloud API that behaves like Meta's for everything Marquee uses: it validates
 * sends, answers with Meta's errors, and delivers signed, escaped webhooks with Meta's quirks.
 *
 * @example
 * const emulator = createEmulator({ clock, statuses: 'manual' });
 * emulator.addBusiness({ accessToken, wabaId, wabaName, phoneNumbers, webhookUrl, appSecret });
 * const base = await emulator.listen(0); // POST `${base}/v25.0/${phoneNumberId}/messages`
 */
export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  return new CloudApiEmulator(opts);
}

class CloudApiEmulator implements Emulator {
  readonly events = new EventEmitter();
  readonly plugin: FastifyPluginAsync;
  private readonly clock: Clock;
  private readonly ctx: GraphContext;
  private readonly delivery: WebhookDelivery;
  private server?: FastifyInstance;
  private closed = false;

  constructor(opts: EmulatorOptions) {
    this.clock = opts.clock ?? systemClock;
    const random = opts.random ?? Math.random;
    const fetchFn = opts.fetch ?? globalThis.fetch;
    const directory = new BusinessDirectory();
    this.delivery = new WebhookDelivery({
      fetch: fetchFn,
      random,
      duplicateRate: opts.duplicateRate ?? 0,
      maxAttempts: opts.maxDeliveryAttempts ?? 5,
      retryDelayMs: opts.redeliveryDelayMs ?? 250,
      events: this.events,
    });
    this.ctx = {
      clock: this.clock,
      random,
      readWithoutDeliveredRate: opts.readWithoutDeliveredRate ?? 0,
      directory,
      media: new MediaStore(this.clock),
      conversations: new ConversationLog(),
      faults: new FaultPlan(),
      statuses: new StatusQueue({
        clock: this.clock,
        directory,
        delivery: this.delivery,
        events: this.events,
        mode: opts.statuses ?? 'auto',
        roundDelayMs: opts.statusDelayMs ?? 15,
      }),
      events: this.events,
      pairRate: opts.enforcePairRate ? new PairRateLimiter(this.clock, opts.pairRateBurst ?? 45, opts.pairRateIntervalMs ?? 6000) : undefined,
      throughput: opts.throughputPerSecond ? new ThroughputLimiter(this.clock, opts.throughputPerSecond) : undefined,
      fetch: fetchFn,
      hanging: new Set(),
    };
    this.plugin = createGraphPlugin(this.ctx);
  }

  async listen(port: number, host = '127.0.0.1'): Promise<string> {
    if (this.server) throw new Error('the emulator is already listening');
    // close() must not wait for clients' keep-alive sockets (or requests a timeout fault held).
    const app = Fastify({ logger: false, forceCloseConnections: true });
    await app.register(this.plugin);
    await app.listen({ port, host });
    this.server = app;
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return `http://${shownHost}:${actualPort}`;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.ctx.statuses.close();
    for (const req of this.ctx.hanging) req.raw.socket.destroy();
    this.ctx.hanging.clear();
    await this.delivery.close();
    await this.server?.close();
  }

  addBusiness(b: BusinessInput): void {
    this.ctx.directory.addBusiness(b);
  }

  addTemplate(t: TemplateDefinition): void {
    this.ctx.directory.addTemplate(t);
  }

  setWebhook(idOrWaba: string, url: string, appSecret: string): void {
    this.ctx.directory.setWebhook(idOrWaba, url, appSecret);
  }

  invalidateToken(accessToken: string): void {
    this.ctx.directory.invalidateToken(accessToken);
  }

  async userSends(o: UserMessage): Promise<{ wamid: string; status: number }> {
    if (this.closed) throw new Error('the emulator is closed');
    const phone = this.ctx.directory.phone(o.phoneNumberId);
    if (!phone) throw new Error(`unknown phone number id ${o.phoneNumberId}`);
    const target = this.ctx.directory.webhookTarget(phone.id);
    if (!target) throw new Error(`no webhook is subscribed for phone number ${phone.id}`);
    if (!isObject(o.message) || typeof o.message.type !== 'string') throw new Error('message must be an object with a string type');

    let waId: string | undefined;
    let userId: string | undefined;
    let username: string | undefined;
    if (typeof o.from === 'string') {
      waId = o.from.replace(/^\+/, '');
      if (!/^\d{8,15}$/.test(waId)) throw new Error(`from must be a phone number with country code, got "${o.from}"`);
    } else {
      userId = o.from.userId;
      username = o.from.username;
      if (!/^[A-Z]{2}\.[A-Za-z0-9]+$/.test(userId)) throw new Error(`userId must be a business-scoped user id like US.13491208655302741918, got "${userId}"`);
    }

    const now = this.clock.now();
    const wamid = this.ctx.conversations.newWamid();
    // Key order follows Meta's payloads: context, sender, id, timestamp, then the message fields.
    const message: Record<string, unknown> = {};
    if (o.contextId) message.context = { from: displayDigits(phone), id: o.contextId };
    if (waId) message.from = waId;
    else message.from_user_id = userId;
    message.id = wamid;
    message.timestamp = String(Math.floor(now / 1000));
    Object.assign(message, o.message);

    const profile: Record<string, unknown> = { name: o.name ?? 'WhatsApp User' };
    if (username) profile.username = username;
    const contact = waId ? { profile, wa_id: waId } : { profile, user_id: userId };
    // System messages (e.g. user_changed_number) come without a contacts block.
    const value = o.message.type === 'system' ? { messages: [message] } : { contacts: [contact], messages: [message] };

    this.ctx.conversations.recordInbound(phone.id, [waId, userId], wamid, now);
    const status = await this.delivery.deliver(target, webhookEnvelope([{ phone, value }]));
    return { wamid, status };
  }

  addUserMedia(o: { phoneNumberId: string; data: Buffer; mimeType: string; filename?: string }): string {
    const phone = this.ctx.directory.phone(o.phoneNumberId);
    if (!phone) throw new Error(`unknown phone number id ${o.phoneNumberId}`);
    return this.ctx.media.put({ data: o.data, mimeType: o.mimeType, filename: o.filename, phoneNumberId: phone.id, wabaId: phone.wabaId }).id;
  }

  async deliverWebhook(url: string, body: unknown, o: { appSecret?: string; signature?: string | null; raw?: string } = {}): Promise<number> {
    const raw = o.raw ?? metaStringify(body);
    let signature: string | undefined;
    if (o.signature === null) signature = undefined;
    else if (o.signature !== undefined) signature = o.signature;
    else {
      const secret = o.appSecret ?? this.secretFor(body);
      signature = secret ? hubSignature(raw, secret) : undefined;
    }
    this.ctx.conversations.recordInboundFromWebhook(body, this.clock.now());
    return this.delivery.postOnce(url, raw, signature, body);
  }

  sent(filter?: { phoneNumberId?: string; to?: string }): SentMessage[] {
    return this.ctx.conversations.sent(filter);
  }

  readReceipts(filter?: { phoneNumberId?: string }): MarkRead[] {
    return this.ctx.conversations.readReceipts(filter);
  }

  flushStatuses(): Promise<void> {
    return this.ctx.statuses.flush();
  }

  flushRedeliveries(): Promise<void> {
    return this.delivery.flush();
  }

  injectFault(f: Fault): void {
    this.ctx.faults.add(f);
  }

  clearFaults(): void {
    this.ctx.faults.clear();
  }

  media(id: string): { data: Buffer; mimeType: string; filename?: string } | undefined {
    const m = this.ctx.media.get(id);
    return m && { data: m.data, mimeType: m.mimeType, filename: m.filename };
  }

  // A hand-made webhook is signed with the app secret of the first phone number it names.
  private secretFor(body: unknown): string | undefined {
    if (!isObject(body) || !Array.isArray(body.entry)) return undefined;
    for (const entry of body.entry) {
      if (!isObject(entry) || !Array.isArray(entry.changes)) continue;
      for (const change of entry.changes) {
        const value = isObject(change) ? change.value : undefined;
        const id = isObject(value) && isObject(value.metadata) ? value.metadata.phone_number_id : undefined;
        if (typeof id === 'string') {
          const secret = this.ctx.directory.webhookTarget(id)?.appSecret;
          if (secret) return secret;
        }
      }
    }
    return undefined;
  }
}
