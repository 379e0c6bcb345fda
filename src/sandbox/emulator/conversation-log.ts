import { randomBytes } from 'node:crypto';
import type { MarkRead, SentMessage } from './emulator-types.ts';
import { isObject } from './field-checks.ts';

/** The customer-service window: free-form messages only within 24 h of the user's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * How many sends, reads and inbound ids are remembered: a demo left running for weeks must not
 * grow without bound; the oldest tenth is dropped when the limit is passed.
 */
const MAX_KEPT = 50_000;

function trim<T>(list: T[]): void {
  if (list.length > MAX_KEPT) list.splice(0, Math.ceil(MAX_KEPT / 10));
}

/** What the emulator remembers of conversations: inbound messages (for the window), sends and reads. */
export class ConversationLog {
  private readonly lastInbound = new Map<string, number>();
  private readonly inboundIds = new Map<string, string>();
  private readonly sentMessages: SentMessage[] = [];
  private readonly reads: MarkRead[] = [];
  private counter = 0;

  /** Records a user's message to a business number; `users` are its wa_id and/or BSUID. */
  recordInbound(phoneNumberId: string, users: (string | undefined)[], wamid: string, atMs: number): void {
    this.inboundIds.set(wamid, phoneNumberId);
    if (this.inboundIds.size > MAX_KEPT) for (const k of [...this.inboundIds.keys()].slice(0, MAX_KEPT / 10)) this.inboundIds.delete(k);
    for (const user of users) {
      if (!user) continue;
      const key = `${phoneNumberId}|${user}`;
      this.lastInbound.set(key, Math.max(this.lastInbound.get(key) ?? -Infinity, atMs));
    }
  }

  /**
   * Records the user messages of a webhook body someone delivered by hand, so replies to them see
   * an open window and mark-as-read accepts their ids just as after userSends.
   */
  recordInboundFromWebhook(body: unknown, nowMs: number): void {
    if (!isObject(body) || !Array.isArray(body.entry)) return;
    for (const entry of body.entry) {
      if (!isObject(entry) || !Array.isArray(entry.changes)) continue;
      for (const change of entry.changes) {
        const value = isObject(change) ? change.value : undefined;
        if (!isObject(value) || !isObject(value.metadata) || !Array.isArray(value.messages)) continue;
        const phoneNumberId = String(value.metadata.phone_number_id ?? '');
        for (const m of value.messages) {
          if (!isObject(m) || typeof m.id !== 'string') continue;
          const seconds = Number(m.timestamp);
          const at = Number.isFinite(seconds) ? Math.min(seconds * 1000, nowMs) : nowMs;
          const users = [m.from, m.from_user_id].map((u) => (typeof u === 'string' ? u : undefined));
          this.recordInbound(phoneNumberId, users, m.id, at);
        }
      }
    }
  }

  /** Whether the user wrote to this number within the last 24 h of `nowMs`. */
  windowOpen(phoneNumberId: string, user: string, nowMs: number): boolean {
    const last = this.lastInbound.get(`${phoneNumberId}|${user}`);
    return last !== undefined && nowMs - last < SERVICE_WINDOW_MS;
  }

  /** Whether `wamid` is a user message received by this number (what mark-as-read may name). */
  isInbound(phoneNumberId: string, wamid: string): boolean {
    return this.inboundIds.get(wamid) === phoneNumberId;
  }

  /** A new message id in Meta's shape (`wamid.` + base64, which may contain `/` and `+`). */
  newWamid(): string {
    const n = Buffer.alloc(6);
    n.writeUIntBE(++this.counter, 0, 6);
    return 'wamid.' + Buffer.concat([Buffer.from([0x1c, 0x18]), n, randomBytes(22)]).toString('base64');
  }

  addSent(m: SentMessage): void {
    this.sentMessages.push(m);
    trim(this.sentMessages);
  }

  sent(filter: { phoneNumberId?: string; to?: string } = {}): SentMessage[] {
    const to = filter.to?.replace(/\D/g, '');
    return this.sentMessages.filter(
      (m) => (!filter.phoneNumberId || m.phoneNumberId === filter.phoneNumberId) && (!filter.to || m.to === to || m.recipient === filter.to),
    );
  }

  addRead(r: MarkRead): void {
    this.reads.push(r);
    trim(this.reads);
  }

  readReceipts(filter: { phoneNumberId?: string } = {}): MarkRead[] {
    return this.reads.filter((r) => !filter.phoneNumberId || r.phoneNumberId === filter.phoneNumberId);
  }
}
