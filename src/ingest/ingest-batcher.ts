import type { Db } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { WebhookEvent } from '../whatsapp/webhook.ts';
import { ingestEvents, type IngestResult } from './ingest-webhook.ts';

interface Pending {
  events: WebhookEvent[];
  now: number;
  resolve(r: IngestResult): void;
  reject(e: unknown): void;
}

/**
 * Group commit for webhook deliveries: requests that arrive while a transaction is being written
 * are stored together in the next one, and each is answered only after the commit that holds it.
 * Durability before 200 is unchanged; the cost of a commit is shared under load. A batch that fails
 * is retried one delivery at a time, so one bad delivery cannot fail its neighbours.
 */
export class IngestBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly deps: { db: Db; log: Logger; secretKey: Buffer },
    private readonly maxBatch = 256,
  ) {}

  submit(events: WebhookEvent[], now: number): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ events, now, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the requests already read in this turn of the event loop join the batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch);
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (e) {
        if (batch.length === 1) {
          batch[0].reject(e);
          continue;
        }
        this.deps.log.warn({ err: e, size: batch.length }, 'a batch of webhooks failed; storing them one by one');
        for (const p of batch) {
          await this.write([p]).then(
            ([r]) => p.resolve(r),
            (err) => p.reject(err),
          );
        }
      }
    }
    this.flushing = false;
  }

  private write(batch: Pending[]): Promise<IngestResult[]> {
    return this.deps.db.transaction().execute(async (trx) => {
      const cinemas = new Map<string, string | null>();
      const out: IngestResult[] = [];
      for (const p of batch) out.push(await ingestEvents(trx, { log: this.deps.log, secretKey: this.deps.secretKey, now: p.now }, p.events, cinemas));
      return out;
    });
  }
}
