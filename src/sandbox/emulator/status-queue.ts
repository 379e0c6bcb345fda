import type { EventEmitter } from 'node:events';
import type { Clock } from '../../clock.ts';
import type { BusinessDirectory, WebhookTarget } from './business-directory.ts';
import { statusError } from './error-catalogue.ts';
import type { SentMessage } from './emulator-types.ts';
import type { WebhookDelivery } from './webhook-delivery.ts';
import { type ChangeValue, webhookEnvelope } from './webhook-envelope.ts';

export type StatusStage = { status: 'sent' | 'delivered' | 'read' } | { status: 'failed'; errorCode: number };

interface Pending {
  message: SentMessage;
  stages: StatusStage[];
  pricing?: Record<string, unknown>;
  bizOpaqueCallbackData?: string;
}

export interface StatusQueueDeps {
  clock: Clock;
  directory: BusinessDirectory;
  delivery: WebhookDelivery;
  events: EventEmitter;
  mode: 'auto' | 'manual';
  roundDelayMs: number;
}

/**
 * The status webhooks owed for accepted messages. They go out in rounds: each round sends the next
 * stage of every pending message, batched into one POST per webhook URL, so one message's statuses
 * arrive in order while many messages' statuses share POSTs.
 */
export class StatusQueue {
  private pending: Pending[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly deps: StatusQueueDeps) {}

  /** Queues the statuses that will follow `message`. */
  enqueue(message: SentMessage, stages: StatusStage[], extra: { pricing?: Record<string, unknown>; bizOpaqueCallbackData?: string }): void {
    if (stages.length === 0) return;
    this.pending.push({ message, stages: [...stages], ...extra });
    if (this.deps.mode === 'auto') this.schedule();
  }

  /** Sends every pending status now, round after round, and resolves once each POST was answered. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
    while (this.pending.length > 0 && !this.closed) {
      this.chain = this.chain.then(() => this.safeRound());
      await this.chain;
    }
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.chain = this.chain
        .then(() => this.safeRound())
        .then(() => {
          if (this.pending.length > 0) this.schedule();
        });
    }, this.deps.roundDelayMs);
    this.timer.unref();
  }

  // A throwing 'status' listener must not stall every later status.
  private safeRound(): Promise<void> {
    return this.round().catch(() => undefined);
  }

  private async round(): Promise<void> {
    if (this.closed) return;
    const due = this.pending.map((p) => ({ p, stage: p.stages.shift()! }));
    this.pending = this.pending.filter((p) => p.stages.length > 0);
    const timestamp = String(Math.floor(this.deps.clock.now() / 1000));
    const batches = new Map<string, { target: WebhookTarget; values: ChangeValue[] }>();
    for (const { p, stage } of due) {
      const { message } = p;
      const status: Record<string, unknown> = { id: message.wamid, status: stage.status, timestamp };
      if (message.to) status.recipient_id = message.to;
      if (message.recipient) status.recipient_user_id = message.recipient;
      if (p.bizOpaqueCallbackData !== undefined) status.biz_opaque_callback_data = p.bizOpaqueCallbackData;
      if (stage.status === 'failed') {
        status.errors = [statusError(stage.errorCode)];
        message.errorCode = stage.errorCode;
      } else if (p.pricing) {
        status.pricing = p.pricing;
      }
      message.status = stage.status;
      this.deps.events.emit('status', { message, status });

      const phone = this.deps.directory.phone(message.phoneNumberId);
      const target = this.deps.directory.webhookTarget(message.phoneNumberId);
      if (!phone || !target) continue;
      const key = `${target.url}\n${target.appSecret ?? ''}`;
      const batch = batches.get(key) ?? { target, values: [] };
      batch.values.push({ phone, value: { statuses: [status] } });
      batches.set(key, batch);
    }
    await Promise.all([...batches.values()].map((b) => this.deps.delivery.deliver(b.target, webhookEnvelope(b.values))));
  }
}
