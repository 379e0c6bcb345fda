import type { EventEmitter } from 'node:events';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../clock.ts';
import {
  type BusinessDirectory,
  type PhoneRecord,
  type TokenRecord,
  type WabaRecord,
  tokenHas,
} from './business-directory.ts';
import type { ConversationLog } from './conversation-log.ts';
import type { FaultPlan } from './fault-plan.ts';
import { invalidParameter, invalidatedToken, permissionError, tokenRequired, unknownToken, unsupportedRequest } from './graph-error.ts';
import type { MediaStore } from './media-store.ts';
import { metaStringify } from './meta-json.ts';
import type { PairRateLimiter, ThroughputLimiter } from './send-rate-limits.ts';
import type { StatusQueue } from './status-queue.ts';

/** Everything the Graph routes share: the emulator's state and its collaborators. */
export interface GraphContext {
  clock: Clock;
  random: () => number;
  readWithoutDeliveredRate: number;
  directory: BusinessDirectory;
  media: MediaStore;
  conversations: ConversationLog;
  faults: FaultPlan;
  statuses: StatusQueue;
  events: EventEmitter;
  pairRate?: PairRateLimiter;
  throughput?: ThroughputLimiter;
  fetch: typeof fetch;
  /** Requests held open by a 'timeout' fault; their sockets are destroyed on close(). */
  hanging: Set<FastifyRequest>;
}

/** The access token of a request: `Authorization: Bearer …` or the `access_token` query parameter. */
export function accessTokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (header) {
    const m = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header.trim());
    return m ? m[1]!.trim() : header.trim();
  }
  const q = (req.query as Record<string, unknown> | undefined)?.access_token;
  return typeof q === 'string' && q !== '' ? q : undefined;
}

/** The caller's token record; 104 without a token, 401/190 for an unknown or invalidated one. */
export function authenticate(ctx: GraphContext, req: FastifyRequest): TokenRecord {
  const token = accessTokenOf(req);
  if (!token) throw tokenRequired();
  const record = ctx.directory.token(token);
  if (!record) throw unknownToken();
  if (!record.valid) throw invalidatedToken();
  return record;
}

/**
 * The phone number `id` if the token reaches its WABA (else Meta's "does not exist, cannot be
 * loaded due to missing permissions" 100/33), holding `scope` on it (else 200).
 */
export function phoneFor(ctx: GraphContext, token: TokenRecord, id: string, scope: string, method: 'get' | 'post' | 'delete'): PhoneRecord {
  const phone = ctx.directory.phone(id);
  if (!phone || !token.grants.has(phone.wabaId)) throw unsupportedRequest(method, id);
  if (!tokenHas(token, phone.wabaId, scope)) throw permissionError(scope);
  return phone;
}

/** The WABA `id` under the same rules as phoneFor. */
export function wabaFor(ctx: GraphContext, token: TokenRecord, id: string, scope: string, method: 'get' | 'post' | 'delete'): WabaRecord {
  const waba = ctx.directory.waba(id);
  if (!waba || !token.grants.has(waba.id)) throw unsupportedRequest(method, id);
  if (!tokenHas(token, waba.id, scope)) throw permissionError(scope);
  return waba;
}

/** Answers with Meta's serialisation (escaped `/`, `@` and non-ASCII) and Graph's headers. */
export function sendGraph(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=UTF-8')
    .header('x-fb-trace-id', Math.random().toString(36).slice(2, 13))
    .send(metaStringify(body));
}

/** Query and body parameters merged, as the Graph API reads a POST's parameters from either. */
export function paramsOf(req: FastifyRequest): Record<string, unknown> {
  const query = (req.query ?? {}) as Record<string, unknown>;
  let body: unknown;
  try {
    body = parseBody(req.body);
  } catch {
    throw invalidParameter('The request body is not valid JSON.');
  }
  return { ...query, ...(body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}) };
}

/** The JSON body, also when a host's content-type parser left it as a string or Buffer. */
export function parseBody(body: unknown): unknown {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const text = body.toString();
    return text.trim() === '' ? undefined : JSON.parse(text);
  }
  return body;
}
