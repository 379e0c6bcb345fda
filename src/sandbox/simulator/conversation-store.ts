import { EventEmitter } from 'node:events';
import type { Emulator, MarkRead, SentMessage } from '../emulator/index.ts';
import type { WebhookAttempt } from '../emulator/index.ts';

/** Where a chat bubble stands, as WhatsApp shows it: ⏱ pending, ✓ sent, ✓✓ delivered, blue ✓✓ read. */
export type BubbleStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message of a simulated conversation, as the page renders it. */
export interface ChatMessage {
  /** The wamid. */
  id: string;
  /** `customer`: typed or tapped in the simulator; `cinema`: what Marquee sent through the Graph API. */
  from: 'customer' | 'cinema';
  /** Epoch ms: acceptance by the emulator (cinema) or the moment the webhook went out (customer). */
  at: number;
  /**
   * `cinema`: the Graph API request body exactly as Marquee sent it. `customer`: the message fields of
   * the webhook (`type` and its object), as Marquee received them.
   */
  payload: Record<string, unknown>;
  status: BubbleStatus;
  /** Why a message is stuck or failed, in words (a Graph error code, a webhook answer). */
  problem?: string;
  /** For replies and taps: the wamid of the cinema's message they answer. */
  contextId?: string;
}

export type ConversationEvent = { kind: 'message'; message: ChatMessage } | { kind: 'typing'; untilMs: number };

// The demo is open to anyone: memory stays bounded however many conversations are started.
const MAX_CONVERSATIONS = 5000;
const MAX_MESSAGES_PER_CONVERSATION = 1000;
const MAX_MEDIA_OWNERS = 20_000;
// Statuses that arrive before the message they belong to is recorded (a race between the webhook
// POST resolving and the route storing its wamid); kept briefly, bounded.
const MAX_EARLY_UPDATES = 1000;
// WhatsApp shows a typing indicator for at most 25 s, or until the next message.
const TYPING_MS = 25_000;

const RANK: Record<BubbleStatus, number> = { pending: 0, sent: 1, failed: 2, delivered: 2, read: 3 };

/**
 * Both sides of every simulated conversation, fed by the emulator: what Marquee's Graph client sent
 * (`sent`), the statuses that followed (`status`), webhook deliveries (`webhook`) and read receipts
 * (`markRead`). The emulator lives in this process, so its memory is the conversation's history.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, ChatMessage[]>();
  private readonly byId = new Map<string, { key: string; message: ChatMessage }>();
  private readonly early = new Map<string, Partial<Pick<ChatMessage, 'status' | 'problem'>>>();
  private readonly mediaOwners = new Map<string, string>();
  private readonly bus = new EventEmitter();

  constructor(emulator: Pick<Emulator, 'events' | 'sent'>) {
    this.bus.setMaxListeners(0);
    for (const m of emulator.sent()) this.onSent(m);
    emulator.events.on('sent', (m: SentMessage) => this.onSent(m));
    emulator.events.on('status', (e: { message: SentMessage }) => this.onStatus(e.message));
    emulator.events.on('webhook', (a: WebhookAttempt) => this.onWebhook(a));
    emulator.events.on('markRead', (r: MarkRead) => this.onMarkRead(r));
  }

  /** Records a message the simulated customer sent (after the emulator posted its webhook). */
  addCustomerMessage(phoneNumberId: string, customer: string, m: Omit<ChatMessage, 'from'>, mediaId?: string): ChatMessage {
    const message: ChatMessage = { ...m, from: 'customer' };
    if (mediaId) this.ownMedia(mediaId, phoneNumberId);
    this.add(conversationKey(phoneNumberId, customer), message);
    return message;
  }

  /** The conversation so far, oldest first. */
  history(phoneNumberId: string, customer: string): ChatMessage[] {
    return [...(this.conversations.get(conversationKey(phoneNumberId, customer)) ?? [])];
  }

  /** A message of this conversation by wamid (what a tap on a button refers to). */
  find(phoneNumberId: string, customer: string, id: string): ChatMessage | undefined {
    const hit = this.byId.get(id);
    return hit && hit.key === conversationKey(phoneNumberId, customer) ? hit.message : undefined;
  }

  /** The business phone number whose conversation showed this media id, if any did. */
  mediaOwner(mediaId: string): string | undefined {
    return this.mediaOwners.get(mediaId);
  }

  /** Calls `listener` for every change to one conversation; returns the unsubscribe function. */
  subscribe(phoneNumberId: string, customer: string, listener: (e: ConversationEvent) => void): () => void {
    const key = conversationKey(phoneNumberId, customer);
    this.bus.on(key, listener);
    return () => this.bus.off(key, listener);
  }

  private add(key: string, message: ChatMessage): void {
    const early = this.early.get(message.id);
    if (early) {
      this.early.delete(message.id);
      merge(message, early);
    }
    const list = this.conversations.get(key) ?? [];
    if (list.length === 0 && this.conversations.size >= MAX_CONVERSATIONS) this.forgetOldestConversation();
    const existing = list.findIndex((m) => m.id === message.id);
    if (existing >= 0) list[existing] = message;
    else list.push(message);
    if (list.length > MAX_MESSAGES_PER_CONVERSATION) {
      for (const gone of list.splice(0, list.length - MAX_MESSAGES_PER_CONVERSATION)) this.byId.delete(gone.id);
    }
    this.conversations.set(key, list);
    this.byId.set(message.id, { key, message });
    this.emit(key, message);
  }

  private forgetOldestConversation(): void {
    const [key, messages] = this.conversations.entries().next().value!;
    for (const m of messages) this.byId.delete(m.id);
    this.conversations.delete(key);
  }

  private ownMedia(mediaId: string, phoneNumberId: string): void {
    if (this.mediaOwners.size >= MAX_MEDIA_OWNERS) this.mediaOwners.delete(this.mediaOwners.keys().next().value!);
    this.mediaOwners.set(mediaId, phoneNumberId);
  }

  private update(id: string, patch: Partial<Pick<ChatMessage, 'status' | 'problem'>>): void {
    const hit = this.byId.get(id);
    if (!hit) {
      if (this.early.size >= MAX_EARLY_UPDATES) this.early.delete(this.early.keys().next().value!);
      const before = this.early.get(id) ?? {};
      this.early.set(id, mergePatch(before, patch));
      return;
    }
    if (merge(hit.message, patch)) this.emit(hit.key, hit.message);
  }

  private emit(key: string, message: ChatMessage): void {
    this.bus.emit(key, { kind: 'message', message: { ...message } } satisfies ConversationEvent);
  }

  private onSent(m: SentMessage): void {
    // Simulated customers always have a phone number; sends to BSUIDs belong to no simulated chat.
    if (!m.to) return;
    for (const id of mediaIdsOf(m.body)) this.ownMedia(id, m.phoneNumberId);
    this.add(conversationKey(m.phoneNumberId, m.to), {
      id: m.wamid,
      from: 'cinema',
      at: m.at,
      payload: m.body,
      ...bubbleOf(m),
    });
  }

  private onStatus(m: SentMessage): void {
    this.update(m.wamid, bubbleOf(m));
  }

  /** A customer message counts as delivered once Marquee's webhook answered 200 (redeliveries included). */
  private onWebhook(a: WebhookAttempt): void {
    for (const id of customerMessageIdsOf(a.body)) {
      this.update(id, a.status === 200 ? { status: 'delivered', problem: undefined } : { problem: webhookProblem(a.status, a.attempt) });
    }
  }

  private onMarkRead(r: MarkRead): void {
    this.update(r.messageId, { status: 'read' });
    const hit = this.byId.get(r.messageId);
    if (r.typingIndicator && hit) this.bus.emit(hit.key, { kind: 'typing', untilMs: r.at + TYPING_MS } satisfies ConversationEvent);
  }
}

/** One conversation: a business number and a customer's digits. */
export function conversationKey(phoneNumberId: string, customer: string): string {
  return `${phoneNumberId}|${customer.replace(/\D/g, '')}`;
}

function bubbleOf(m: SentMessage): Pick<ChatMessage, 'status' | 'problem'> {
  if (m.status === 'failed') return { status: 'failed', problem: m.errorCode ? `WhatsApp error ${m.errorCode}` : 'failed' };
  return { status: m.status === 'accepted' ? 'pending' : m.status };
}

/** Why a customer's message has not reached Marquee yet, e.g. "Webhook attempt 1: Marquee answered HTTP 401; …". */
export function webhookProblem(status: number, attempt: number): string {
  const answer = status === 0 ? 'could not reach Marquee' : `Marquee answered HTTP ${status}`;
  return `Webhook attempt ${attempt}: ${answer}; WhatsApp retries with backoff.`;
}

/** Applies a patch without ever moving a status backwards (a late `delivered` never undoes `read`). */
function merge(message: ChatMessage, patch: Partial<Pick<ChatMessage, 'status' | 'problem'>>): boolean {
  let changed = false;
  if (patch.status && patch.status !== message.status && RANK[patch.status] >= RANK[message.status]) {
    message.status = patch.status;
    changed = true;
  }
  if ('problem' in patch && patch.problem !== message.problem && !(patch.problem === undefined && message.status === 'failed')) {
    message.problem = patch.problem;
    changed = true;
  }
  return changed;
}

function mergePatch(a: Partial<Pick<ChatMessage, 'status' | 'problem'>>, b: Partial<Pick<ChatMessage, 'status' | 'problem'>>) {
  const status = a.status && b.status ? (RANK[b.status] >= RANK[a.status] ? b.status : a.status) : (b.status ?? a.status);
  return { ...a, ...b, status };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'];

/** Uploaded-media ids a Graph message body refers to: its media, or an interactive header's. */
export function mediaIdsOf(body: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const type = body.type;
  if (typeof type === 'string' && MEDIA_TYPES.includes(type) && isObject(body[type]) && typeof (body[type] as Record<string, unknown>).id === 'string') {
    ids.push((body[type] as Record<string, string>).id);
  }
  const header = isObject(body.interactive) ? body.interactive.header : undefined;
  if (isObject(header) && typeof header.type === 'string' && isObject(header[header.type])) {
    const id = (header[header.type] as Record<string, unknown>).id;
    if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** The ids of user messages carried by a webhook body (statuses carry none). */
function customerMessageIdsOf(body: unknown): string[] {
  const ids: string[] = [];
  if (!isObject(body) || !Array.isArray(body.entry)) return ids;
  for (const entry of body.entry) {
    if (!isObject(entry) || !Array.isArray(entry.changes)) continue;
    for (const change of entry.changes) {
      const value = isObject(change) ? change.value : undefined;
      if (!isObject(value) || !Array.isArray(value.messages)) continue;
      for (const m of value.messages) if (isObject(m) && typeof m.id === 'string') ids.push(m.id);
    }
  }
  return ids;
}
