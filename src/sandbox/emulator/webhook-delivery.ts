import type { EventEmitter } from 'node:events';
import type { WebhookTarget } from './business-directory.ts';
import { hubSignature, metaStringify } from './meta-json.ts';

/** Emitted as 'webhook' after every POST attempt (status 0: the receiver could not be reached). */
export interface WebhookAttempt {
  url: string;
  status: number;
  body: unknown;
  raw: string;
  attempt: number;
  duplicate: boolean;
}

export interface DeliveryOptions {
  fetch: typeof fetch;
  random: () => number;
  duplicateRate: number;
  maxAttempts: number;
  /** Delay before the first redelivery; doubles for each further one. */
  retryDelayMs: number;
  events: EventEmitter;
  requestTimeoutMs?: number;
}

interface Job {
  url: string;
  raw: string;
  signature?: string;
  body: unknown;
  attempt: number;
  timer?: NodeJS.Timeout;
}

/**
 * Posts webhooks like Meta: exact escaped bytes, signed; anything but 200 (or a network error) is
 * redelivered with exponential backoff up to `maxAttempts`; a delivered POST may be repeated at
 * `duplicateRate`. Everything stops on close().
 */
export class WebhookDelivery {
  private closed = false;
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly scheduled = new Set<Job>();

  constructor(private readonly o: DeliveryOptions) {}

  /** Serialises and signs `body`, POSTs it and keeps redelivering on failure; resolves with the first answer's status. */
  async deliver(target: WebhookTarget, body: unknown): Promise<number> {
    const raw = metaStringify(body);
    const job: Job = { url: target.url, raw, body, attempt: 0, signature: target.appSecret ? hubSignature(raw, target.appSecret) : undefined };
    return this.run(job);
  }

  /** One POST of `raw` as it is, with the given signature header (none when undefined); no redelivery. */
  postOnce(url: string, raw: string, signature: string | undefined, body: unknown): Promise<number> {
    return this.track(this.post({ url, raw, signature, body, attempt: 1 }, false));
  }

  /** Runs every scheduled redelivery now and waits for all POSTs in flight (including duplicates). */
  async flush(): Promise<void> {
    for (const job of [...this.scheduled]) {
      clearTimeout(job.timer);
      this.scheduled.delete(job);
      void this.track(this.run(job));
    }
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Redeliveries waiting for their timer. */
  get pendingRedeliveries(): number {
    return this.scheduled.size;
  }

  /** Cancels scheduled redeliveries, aborts POSTs in flight and waits for them to settle. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.scheduled) clearTimeout(job.timer);
    this.scheduled.clear();
    this.abort.abort();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async run(job: Job): Promise<number> {
    job.attempt += 1;
    const status = await this.track(this.post(job, false));
    if (this.closed) return status;
    if (status === 200) {
      if (this.o.duplicateRate > 0 && this.o.random() < this.o.duplicateRate) void this.track(this.post(job, true));
    } else if (job.attempt < this.o.maxAttempts) {
      const delay = this.o.retryDelayMs * 2 ** (job.attempt - 1);
      job.timer = setTimeout(() => {
        this.scheduled.delete(job);
        void this.track(this.run(job));
      }, delay);
      job.timer.unref();
      this.scheduled.add(job);
    }
    return status;
  }

  private async post(job: Job, duplicate: boolean): Promise<number> {
    if (this.closed) return 0;
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
    if (job.signature !== undefined) headers['x-hub-signature-256'] = job.signature;
    let status = 0;
    try {
      const res = await this.o.fetch(job.url, {
        method: 'POST',
        headers,
        body: job.raw,
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.requestTimeoutMs ?? 30_000)]),
      });
      await res.arrayBuffer().catch(() => undefined);
      status = res.status;
    } catch {
      status = 0;
    }
    const attempt: WebhookAttempt = { url: job.url, status, body: job.body, raw: job.raw, attempt: job.attempt, duplicate };
    this.o.events.emit('webhook', attempt);
    return status;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }
}
