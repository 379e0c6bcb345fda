import type { EventEmitter } from 'node:events';
import type { FastifyPluginAsync } from 'fastify';
import type { Clock } from '../../clock.ts';
import type { BusinessInput, TemplateDefinition } from './business-directory.ts';

export type SentStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

/** One message the business sent through /messages, updated as its statuses go out. */
export interface SentMessage {
  wamid: string;
  phoneNumberId: string;
  /** wa_id digits of `to`. */
  to?: string;
  /** Business-scoped user id, when sent with `recipient`. */
  recipient?: string;
  body: Record<string, unknown>;
  /** Emulator clock time of acceptance (ms). */
  at: number;
  status: SentStatus;
  /** Set when a `failed` status was sent. */
  errorCode?: number;
}

export interface EmulatorOptions {
  /** For timestamps, the 24-hour window, media expiry and pair rate. Default: system clock. */
  clock?: Clock;
  /** Seedable source for duplicates and read-without-delivered. Default: Math.random. */
  random?: () => number;
  /** auto: status webhooks follow each send after short real delays; manual: only on flushStatuses(). Default auto. */
  statuses?: 'auto' | 'manual';
  /** Chance (0..1) that a delivered webhook POST is delivered a second time. Default 0. */
  duplicateRate?: number;
  /** Chance (0..1) that a message goes sent → read with no delivered status. Default 0. */
  readWithoutDeliveredRate?: number;
  /** When true, messages to one user beyond a burst are refused with 131056. Default false. */
  enforcePairRate?: boolean;
  /** Messages to one user allowed back to back before 131056 (Meta: about 45). Default 45. */
  pairRateBurst?: number;
  /** One message to a user is regained per this many ms of the clock (Meta: 6 s). Default 6000. */
  pairRateIntervalMs?: number;
  /** Messages per second (by the clock) per phone number before 130429; unlimited when unset. */
  throughputPerSecond?: number;
  /** Used to POST webhooks and verify callback URLs. Default: global fetch. */
  fetch?: typeof fetch;
  /** Attempts per webhook, the first included. Default 5. */
  maxDeliveryAttempts?: number;
  /** Delay before the first redelivery (real ms), doubling after. Default 250. */
  redeliveryDelayMs?: number;
  /** Real ms between status rounds in auto mode. Default 15. */
  statusDelayMs?: number;
}

/** A scripted failure for the next matching /messages calls. */
export interface Fault {
  /** A Meta error code, 'http500' (or 500) for an HTTP 500, or 'timeout' for a request never answered until close(). */
  code: number | 'timeout' | 'http500';
  /** How many calls it hits. Default 1. */
  times?: number;
  phoneNumberId?: string;
  /** Recipient to match (any format; compared as digits). */
  to?: string;
  /**
   * 'immediate': the send answers with the error. 'status': the send succeeds and a `failed` status
   * follows, as Meta does for 131026, 131049, 131050, 131052, 131053 and 130472 (their default).
   */
  delivery?: 'immediate' | 'status';
}

/** A user writing to a business number. */
export interface UserMessage {
  phoneNumberId: string;
  /** Phone number (digits, `+` allowed) or a BSUID-only user. */
  from: string | { userId: string; username?: string };
  /** Profile name; default "WhatsApp User". */
  name?: string;
  /** The message fields after from/id/timestamp, e.g. `{ type: 'text', text: { body: 'hi' } }`. */
  message: Record<string, unknown>;
  /** wamid of the business message this one replies to (sets `context`). */
  contextId?: string;
}

export interface MarkRead {
  phoneNumberId: string;
  messageId: string;
  typingIndicator: boolean;
  at: number;
}

export interface Emulator {
  /** Fastify plugin with the Graph routes (`/:version/...`, `/debug_token`); mount under a prefix, e.g. /graph. */
  plugin: FastifyPluginAsync;
  /** Runs the routes on their own HTTP server; resolves with its base URL (e.g. http://127.0.0.1:4010). */
  listen(port: number, host?: string): Promise<string>;
  /** Stops timers, redeliveries and hanging requests, and the own server if listening. */
  close(): Promise<void>;
  addBusiness(b: BusinessInput): void;
  /** Registers an approved template; once a WABA has any, unknown names/languages fail with 132001. */
  addTemplate(t: TemplateDefinition): void;
  /** Where the webhooks of a phone number (or all numbers of a WABA) go, signed with this app secret. */
  setWebhook(idOrWaba: string, url: string, appSecret: string): void;
  invalidateToken(accessToken: string): void;
  /** A user writes to a business number: a Meta-shaped, escaped, signed webhook; redelivered on failure. Resolves after the first POST. */
  userSends(o: UserMessage): Promise<{ wamid: string; status: number }>;
  /** Stores media as if a user had sent it (for inbound image/document messages); returns the media id. */
  addUserMedia(o: { phoneNumberId: string; data: Buffer; mimeType: string; filename?: string }): string;
  /** POSTs an arbitrary webhook body once: Meta-escaped and signed unless `raw` or `signature` (null: none) say otherwise. */
  deliverWebhook(url: string, body: unknown, o?: { appSecret?: string; signature?: string | null; raw?: string }): Promise<number>;
  /** Everything the business sent through /messages, in order. */
  sent(filter?: { phoneNumberId?: string; to?: string }): SentMessage[];
  /** Mark-as-read and typing-indicator calls, in order. */
  readReceipts(filter?: { phoneNumberId?: string }): MarkRead[];
  /** 'sent' (SentMessage), 'webhook' (WebhookAttempt), 'status' ({message, status}), 'markRead' (MarkRead), 'fault' ({phoneNumberId, to, kind, code?}) when an injected fault hits. */
  events: EventEmitter;
  /** Delivers all pending status webhooks now, one round per stage (sent/failed, delivered, read). */
  flushStatuses(): Promise<void>;
  /** Runs every waiting webhook redelivery now and waits for POSTs in flight (duplicates included). */
  flushRedeliveries(): Promise<void>;
  injectFault(f: Fault): void;
  clearFaults(): void;
  media(id: string): { data: Buffer; mimeType: string; filename?: string } | undefined;
}
