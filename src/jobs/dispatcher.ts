import { sql } from 'kysely';
import type { AppDeps } from '../app-deps.ts';
import type { OutboundMessagesTable } from '../db/tables.ts';
import type { GraphClient } from '../whatsapp/graph-client.ts';
import { GraphError, retryDelayMs } from '../whatsapp/graph-client.ts';
import { PayloadLimitError, validateOutgoing, type OutgoingMessage } from '../whatsapp/outgoing.ts';
import { getAccessToken, getCinema, markTokenInvalid } from '../tenants/cinemas.ts';
import { customerAddress } from '../tenants/customers.ts';
import { decrypt } from '../tenants/secrets.ts';
import { TokenBuckets, takeAll } from './rate-limiter.ts';
import { resendAsStaffTemplate } from './staff-template.ts';

export type OutboundRow = Omit<OutboundMessagesTable, 'id'> & { id: number };

/** Payloads that are not Graph messages yet: turned into one just before sending. */
export type Preparer = (deps: AppDeps, graph: GraphClient, row: OutboundRow, token: string, phoneNumberId: string) => Promise<OutgoingMessage>;

export interface DispatcherOptions {
  /** Graph client for test customers (the chat simulator): the built-in emulator. */
  sandboxGraph?: GraphClient;
  prepare?: Preparer;
  batch?: number;
  maxAttempts?: number;
  /** A send still marked `sending` after this long was cut off by a crash. */
  leaseMs?: number;
  /** Per-customer burst and rate (Meta's pair rate). */
  customerBurst?: number;
  customerPerSecond?: number;
}

const PAUSE_MS = 60_000;

/**
 * Delivers the outbox: claims due messages (the oldest unsent one of each customer only, so a
 * customer's replies leave in order), sends them through the Graph API, and records the outcome.
 */
export class Dispatcher {
  private readonly numbers: TokenBuckets;
  private readonly customers: TokenBuckets;
  private readonly opts: Required<Omit<DispatcherOptions, 'sandboxGraph' | 'prepare'>> & Pick<DispatcherOptions, 'sandboxGraph' | 'prepare'>;

  constructor(
    private readonly deps: AppDeps,
    opts: DispatcherOptions = {},
  ) {
    this.opts = { batch: 16, maxAttempts: 8, leaseMs: 30_000, customerBurst: 20, customerPerSecond: 1 / 6, ...opts };
    this.numbers = new TokenBuckets(Math.max(1, deps.config.sendRatePerSecond), deps.config.sendRatePerSecond);
    this.customers = new TokenBuckets(this.opts.customerBurst, this.opts.customerPerSecond);
  }

  /** Claims and sends one batch; returns how many messages were claimed. */
  async runOnce(): Promise<number> {
    const rows = await this.claim();
    await Promise.all(rows.map((r) => this.deliver(r)));
    return rows.length;
  }

  /** Housekeeping after a crash: a send cut off mid-flight is not repeated (it may have gone out); staff see it. */
  async recoverInterrupted(): Promise<number> {
    const now = this.deps.clock.now();
    const r = await this.deps.db
      .updateTable('outbound_messages')
      .set({ status: 'unknown', error: 'the process stopped while sending; not repeated to avoid a duplicate', updated_at: now })
      .where('status', '=', 'sending')
      .where('claimed_at', '<', now - this.opts.leaseMs)
      .executeTakeFirst();
    return Number(r.numUpdatedRows ?? 0);
  }

  private async claim(): Promise<OutboundRow[]> {
    const now = this.deps.clock.now();
    const lock = this.deps.dialect === 'postgres' ? sql`FOR UPDATE SKIP LOCKED` : sql``;
    const res = await sql<OutboundRow>`
      UPDATE outbound_messages SET status = 'sending', claimed_at = ${now}, attempts = attempts + 1, updated_at = ${now}
      WHERE id IN (
        SELECT o.id FROM outbound_messages o
        WHERE o.status = 'queued' AND o.next_attempt_at <= ${now}
          AND NOT EXISTS (
            SELECT 1 FROM outbound_messages p
            WHERE p.customer_id = o.customer_id AND p.id < o.id AND p.status IN ('queued', 'sending'))
        ORDER BY o.id LIMIT ${this.opts.batch} ${lock})
      RETURNING *`.execute(this.deps.db);
    return res.rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  private async update(id: number, set: Partial<Omit<OutboundMessagesTable, 'id'>>): Promise<void> {
    await this.deps.db.updateTable('outbound_messages').set({ ...set, updated_at: this.deps.clock.now() }).where('id', '=', id).execute();
  }

  /** Back to the queue without spending an attempt (paused cinema, pacing). */
  private async defer(row: OutboundRow, ms: number, reason?: string): Promise<void> {
    await this.update(row.id, { status: 'queued', attempts: row.attempts - 1, next_attempt_at: this.deps.clock.now() + ms, ...(reason ? { error: reason } : {}) });
  }

  private async deliver(row: OutboundRow): Promise<void> {
    const { deps } = this;
    const log = deps.log.child({ outboundId: row.id, cinemaId: row.cinema_id });
    let sandbox = false;
    try {
      const cinema = await getCinema(deps.db, row.cinema_id);
      if (!cinema) return await this.update(row.id, { status: 'failed', error: 'cinema not found' });
      const to = row.customer_id
        ? await customerAddress(deps.db, deps.config.secretKey, row.customer_id)
        : { phone: row.to_enc ? decrypt(deps.config.secretKey, row.to_enc) : undefined, isTest: false };
      sandbox = to.isTest && this.opts.sandboxGraph !== undefined;
      const graph = sandbox ? this.opts.sandboxGraph! : deps.graph;
      if (cinema.tokenStatus === 'invalid' && graph === deps.graph) return await this.defer(row, PAUSE_MS, 'paused: the cinema access token is invalid');
      const now = deps.clock.now();
      const wait = takeAll(now, [this.numbers, cinema.phoneNumberId], ...(row.customer_id ? [[this.customers, row.customer_id] as [TokenBuckets, string]] : []));
      if (wait > 0) return await this.defer(row, wait);
      const token = await getAccessToken(deps.db, deps.config.secretKey, cinema.id);
      let message = JSON.parse(row.payload_json) as OutgoingMessage;
      if (message.type.startsWith('marquee_') && this.opts.prepare) message = await this.opts.prepare(deps, graph, row, token, cinema.phoneNumberId);
      const problems = validateOutgoing(message);
      if (problems.length) throw new PayloadLimitError(problems);
      const sent = await graph.sendMessage(cinema.phoneNumberId, token, { phone: to.phone, userId: to.phone ? undefined : to.userId }, message, { bizOpaque: `mq:${row.id}` });
      await this.update(row.id, { status: 'sent', wamid: sent.wamid, error: null, error_code: null });
    } catch (e) {
      await this.failed(row, e, log, sandbox);
    }
  }

  private async failed(row: OutboundRow, e: unknown, log: AppDeps['log'], sandbox: boolean): Promise<void> {
    const { deps } = this;
    if (e instanceof PayloadLimitError) {
      log.error({ problems: e.problems }, 'refused to send a message that breaks WhatsApp limits');
      return this.update(row.id, { status: 'failed', error: e.message.slice(0, 500), error_code: 100 });
    }
    if (!(e instanceof GraphError)) {
      log.error({ err: e }, 'sending failed unexpectedly');
      return this.retryOrFail(row, 'transient', -1, e instanceof Error ? e.message : 'error');
    }
    const detail = `(#${e.code}) ${e.details ?? e.message}`.slice(0, 500);
    switch (e.retry) {
      case 'token_invalid':
        // The built-in emulator refusing a rehearsal says nothing about the cinema's real token.
        if (sandbox) return this.update(row.id, { status: 'failed', error: `sandbox: ${detail}`, error_code: e.code });
        log.warn('the cinema access token was refused (190); sends are paused until it is replaced');
        await markTokenInvalid(deps.db, deps.clock.now(), row.cinema_id, detail);
        return this.defer(row, PAUSE_MS, 'paused: the cinema access token is invalid');
      case 'window_closed':
        await this.update(row.id, { status: 'failed', error: detail, error_code: e.code });
        return this.fallbackToTemplate(row);
      case 'permanent':
        log.warn({ code: e.code }, 'message refused permanently');
        return this.update(row.id, { status: 'failed', error: detail, error_code: e.code });
      default:
        return this.retryOrFail(row, e.retry, e.code, detail);
    }
  }

  private async retryOrFail(row: OutboundRow, retry: GraphError['retry'], code: number, detail: string): Promise<void> {
    const delay = row.attempts >= this.opts.maxAttempts ? null : retryDelayMs(retry, row.attempts);
    if (delay === null) return this.update(row.id, { status: 'failed', error: detail, error_code: code });
    await this.update(row.id, { status: 'queued', next_attempt_at: this.deps.clock.now() + delay, error: detail, error_code: code });
  }

  /** A staff notification outside the 24-hour window goes again as the cinema's approved template. */
  private async fallbackToTemplate(row: OutboundRow): Promise<void> {
    if (await resendAsStaffTemplate(this.deps.db, this.deps.clock.now(), row)) this.deps.wake();
  }

}
