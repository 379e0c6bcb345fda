import { isRecord } from './is-record.ts';
import { BIZ_OPAQUE_MAX } from './limits.ts';
import { mediaKindForMime, validateMediaFile } from './media-file.ts';
import { PayloadLimitError, validateOutgoing, type OutgoingMessage } from './outgoing.ts';
import { GraphError, NO_GRAPH_CODE } from './graph-error.ts';

export { GraphError, classifyError, retryDelayMs, type RetryClass } from './graph-error.ts';

export interface GraphClientOptions {
  /** Graph API base, e.g. `https://graph.facebook.com` or the built-in emulator. */
  baseUrl: string;
  /** API version, e.g. `v25.0`. */
  version: string;
  fetch?: typeof fetch;
  /** Per call, including reading the answer; default 15 s. */
  timeoutMs?: number;
}

type Body = { json: unknown } | { form: FormData } | undefined;

const SCOPES_WITH_WABAS = ['whatsapp_business_management', 'whatsapp_business_messaging'];
const MAX_PHONE_NUMBER_PAGES = 20;

/**
 * The Cloud API over HTTP. Stateless: every call takes the cinema's token, which goes only
 * into the Authorization header and is scrubbed from every error this client raises.
 * Failures are GraphError with a retry class; retrying and pacing are the dispatcher's job.
 */
export class GraphClient {
  private readonly base: string;
  private readonly version: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: GraphClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, '');
    this.version = opts.version;
    this.fetchImpl = opts.fetch ?? globalThis.fetch;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  /**
   * Sends one message; resolves when Meta accepted it (delivery comes later as a status webhook).
   * Validates first and throws PayloadLimitError without sending when a limit is broken.
   */
  async sendMessage(
    phoneNumberId: string,
    token: string,
    to: { phone?: string; userId?: string },
    message: OutgoingMessage,
    opts: { contextWamid?: string; bizOpaque?: string } = {},
  ): Promise<{ wamid: string; waId?: string }> {
    const problems = validateOutgoing(message);
    if (opts.bizOpaque !== undefined && opts.bizOpaque.length > BIZ_OPAQUE_MAX) {
      problems.push(`biz_opaque_callback_data is ${opts.bizOpaque.length} characters; the limit is ${BIZ_OPAQUE_MAX}`);
    }
    if (problems.length > 0) throw new PayloadLimitError(problems);
    const body: Record<string, unknown> = { messaging_product: 'whatsapp', recipient_type: 'individual', ...recipient(to) };
    if (opts.contextWamid) body.context = { message_id: opts.contextWamid };
    if (opts.bizOpaque !== undefined) body.biz_opaque_callback_data = opts.bizOpaque;
    const label = `POST ${phoneNumberId}/messages`;
    const { status, data } = await this.call('POST', `${seg(phoneNumberId)}/messages`, token, label, { json: { ...body, ...message } });
    const sent = Array.isArray(data.messages) && isRecord(data.messages[0]) ? data.messages[0] : undefined;
    if (typeof sent?.id !== 'string' || sent.id === '') {
      // Meta may well have accepted it: retrying could send it twice, so this is not retryable.
      throw unexpected(label, status, 'no message id in the answer');
    }
    const contact = Array.isArray(data.contacts) && isRecord(data.contacts[0]) ? data.contacts[0] : undefined;
    return typeof contact?.wa_id === 'string' ? { wamid: sent.id, waId: contact.wa_id } : { wamid: sent.id };
  }

  /** Marks the customer's message read (blue ticks), optionally showing "typing…" for up to 25 s. */
  async markRead(phoneNumberId: string, token: string, wamid: string, typing = false): Promise<void> {
    const json: Record<string, unknown> = { messaging_product: 'whatsapp', status: 'read', message_id: wamid };
    if (typing) json.typing_indicator = { type: 'text' };
    const label = `POST ${phoneNumberId}/messages (read)`;
    const { status, data } = await this.call('POST', `${seg(phoneNumberId)}/messages`, token, label, { json });
    if (!succeeded(data)) throw unexpected(label, status, 'success was not true');
  }

  /** Uploads a file (multipart); the returned id can be sent for 30 days. Refuses files Meta would refuse. */
  async uploadMedia(phoneNumberId: string, token: string, data: Buffer, mimeType: string, filename: string): Promise<{ id: string }> {
    // The upload does not say whether a WebP is animated, so stickers get the animated bound.
    const problems = validateMediaFile(mediaKindForMime(mimeType), mimeType, data.length, { animated: true });
    if (problems.length > 0) throw new PayloadLimitError(problems);
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', mimeType);
    form.append('file', new Blob([new Uint8Array(data)], { type: mimeType }), filename);
    const label = `POST ${phoneNumberId}/media`;
    const { status, data: res } = await this.call('POST', `${seg(phoneNumberId)}/media`, token, label, { form });
    if (typeof res.id !== 'string' || res.id === '') throw unexpected(label, status, 'no media id in the answer');
    return { id: res.id };
  }

  /** Where to download a media item from (the URL expires in 5 minutes and needs the token). */
  async getMediaInfo(mediaId: string, token: string): Promise<{ url: string; mimeType: string; sha256?: string; fileSize?: number }> {
    const label = `GET media ${mediaId}`;
    const { status, data } = await this.call('GET', seg(mediaId), token, label);
    if (typeof data.url !== 'string' || typeof data.mime_type !== 'string') throw unexpected(label, status, 'no url or mime_type');
    const size = typeof data.file_size === 'string' ? Number(data.file_size) : data.file_size;
    const info: { url: string; mimeType: string; sha256?: string; fileSize?: number } = { url: data.url, mimeType: data.mime_type };
    if (typeof data.sha256 === 'string') info.sha256 = data.sha256;
    if (typeof size === 'number' && Number.isFinite(size)) info.fileSize = size;
    return info;
  }

  /** Downloads media from a URL given by getMediaInfo. */
  async downloadMedia(url: string, token: string): Promise<Buffer> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new TypeError('downloadMedia: not a URL');
    }
    // The bearer token goes with the request: only over https, or to the configured API itself.
    if (target.protocol !== 'https:' && target.origin !== new URL(this.base).origin) {
      throw new TypeError('downloadMedia: refusing to send the access token to a non-https URL of another host');
    }
    const { body } = await this.raw('GET', target, token, 'GET media download', undefined, true);
    return body;
  }

  /** What a token is: validity, expiry (ms since epoch; absent = never), scopes and the WABAs it reaches. */
  async debugToken(token: string): Promise<{ appId?: string; isValid: boolean; expiresAt?: number; scopes: string[]; wabaIds: string[] }> {
    // Meta's API takes the inspected token as a query parameter; the URL never leaves this call.
    const { data } = await this.call('GET', 'debug_token', token, 'GET debug_token', undefined, { input_token: token });
    const d = isRecord(data.data) ? data.data : {};
    const scopes = Array.isArray(d.scopes) ? d.scopes.filter((s): s is string => typeof s === 'string') : [];
    const wabaIds = new Set<string>();
    for (const g of Array.isArray(d.granular_scopes) ? d.granular_scopes : []) {
      if (!isRecord(g) || typeof g.scope !== 'string' || !SCOPES_WITH_WABAS.includes(g.scope) || !Array.isArray(g.target_ids)) continue;
      for (const id of g.target_ids) if (typeof id === 'string' || typeof id === 'number') wabaIds.add(String(id));
    }
    const out: { appId?: string; isValid: boolean; expiresAt?: number; scopes: string[]; wabaIds: string[] } = {
      isValid: d.is_valid === true,
      scopes,
      wabaIds: [...wabaIds],
    };
    if (typeof d.app_id === 'string' || typeof d.app_id === 'number') out.appId = String(d.app_id);
    // 0 means the token never expires (system-user tokens).
    if (typeof d.expires_at === 'number' && d.expires_at > 0) out.expiresAt = d.expires_at * 1000;
    return out;
  }

  /** The WhatsApp Business Account's name, timezone and currency. */
  async getWaba(wabaId: string, token: string): Promise<{ id: string; name?: string; timezoneId?: string; currency?: string }> {
    const label = `GET ${wabaId}`;
    const { status, data } = await this.call('GET', seg(wabaId), token, label, undefined, { fields: 'id,name,timezone_id,currency' });
    if (typeof data.id !== 'string' && typeof data.id !== 'number') throw unexpected(label, status, 'no id');
    const out: { id: string; name?: string; timezoneId?: string; currency?: string } = { id: String(data.id) };
    if (typeof data.name === 'string') out.name = data.name;
    if (typeof data.timezone_id === 'string' || typeof data.timezone_id === 'number') out.timezoneId = String(data.timezone_id);
    if (typeof data.currency === 'string') out.currency = data.currency;
    return out;
  }

  /** Every phone number of the WABA (all pages). */
  async getPhoneNumbers(
    wabaId: string,
    token: string,
  ): Promise<{ id: string; displayPhoneNumber: string; verifiedName?: string; qualityRating?: string; status?: string }[]> {
    const label = `GET ${wabaId}/phone_numbers`;
    const numbers: { id: string; displayPhoneNumber: string; verifiedName?: string; qualityRating?: string; status?: string }[] = [];
    let after: string | undefined;
    for (let page = 0; page < MAX_PHONE_NUMBER_PAGES; page++) {
      const query: Record<string, string> = { fields: 'id,display_phone_number,verified_name,quality_rating,status' };
      if (after) query.after = after;
      const { status, data } = await this.call('GET', `${seg(wabaId)}/phone_numbers`, token, label, undefined, query);
      if (!Array.isArray(data.data)) throw unexpected(label, status, 'no data array');
      for (const n of data.data) {
        if (!isRecord(n) || (typeof n.id !== 'string' && typeof n.id !== 'number')) continue;
        const item: { id: string; displayPhoneNumber: string; verifiedName?: string; qualityRating?: string; status?: string } = {
          id: String(n.id),
          displayPhoneNumber: typeof n.display_phone_number === 'string' ? n.display_phone_number : '',
        };
        if (typeof n.verified_name === 'string') item.verifiedName = n.verified_name;
        if (typeof n.quality_rating === 'string') item.qualityRating = n.quality_rating;
        if (typeof n.status === 'string') item.status = n.status;
        numbers.push(item);
      }
      // Follow the cursor rather than paging.next, whose URL could carry credentials.
      const paging = isRecord(data.paging) ? data.paging : {};
      const cursor = isRecord(paging.cursors) ? paging.cursors.after : undefined;
      if (typeof paging.next !== 'string' || typeof cursor !== 'string' || cursor === after) break;
      after = cursor;
    }
    return numbers;
  }

  /** Subscribes the app to the WABA's webhooks (without it none arrive), optionally to a per-cinema URL. */
  async subscribeApp(wabaId: string, token: string, opts: { overrideCallbackUri?: string; verifyToken?: string } = {}): Promise<void> {
    const json: Record<string, unknown> = {};
    if (opts.overrideCallbackUri !== undefined) json.override_callback_uri = opts.overrideCallbackUri;
    if (opts.verifyToken !== undefined) json.verify_token = opts.verifyToken;
    const label = `POST ${wabaId}/subscribed_apps`;
    const { status, data } = await this.call('POST', `${seg(wabaId)}/subscribed_apps`, token, label, { json });
    if (!succeeded(data)) throw unexpected(label, status, 'success was not true');
  }

  /** Registers a phone number for the Cloud API with its two-step verification PIN. */
  async registerNumber(phoneNumberId: string, token: string, pin: string): Promise<void> {
    if (!/^\d{6}$/.test(pin)) throw new TypeError('registerNumber: the PIN must be 6 digits');
    const label = `POST ${phoneNumberId}/register`;
    const { status, data } = await this.call('POST', `${seg(phoneNumberId)}/register`, token, label, {
      json: { messaging_product: 'whatsapp', pin },
    });
    if (!succeeded(data)) throw unexpected(label, status, 'success was not true');
  }

  /** A versioned Graph call answering JSON; a Graph error or a non-JSON answer becomes GraphError. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    label: string,
    body?: Body,
    query?: Record<string, string>,
  ): Promise<{ status: number; data: Record<string, unknown> }> {
    const url = new URL(`${this.base}/${this.version}/${path}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const res = await this.raw(method, url, token, label, body, false);
    const parsed = parseJson(res.body);
    if (!isRecord(parsed)) throw unexpected(label, res.status, 'the answer is not a JSON object');
    return { status: res.status, data: parsed };
  }

  /**
   * One HTTP exchange under the timeout. Non-2xx answers and Graph `error` bodies throw
   * GraphError; network failures and timeouts throw GraphError code -1, HTTP 0, transient.
   */
  private async raw(method: string, url: URL, token: string, label: string, body: Body, binary: boolean): Promise<{ status: number; body: Buffer }> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let payload: string | FormData | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body) {
      payload = body.form;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.timeoutMs);
    let status: number;
    let buf: Buffer;
    let contentType: string;
    try {
      const res = await this.fetchImpl(url, { method, headers, body: payload, signal: ctrl.signal });
      status = res.status;
      contentType = res.headers.get('content-type') ?? '';
      buf = Buffer.from(await res.arrayBuffer());
    } catch (err) {
      const why = ctrl.signal.aborted ? `timed out after ${this.timeoutMs} ms` : `network error (${networkReason(err)})`;
      throw scrub(new GraphError(`Graph ${label} failed: ${why}`, { code: NO_GRAPH_CODE, httpStatus: 0, retry: 'transient' }), token);
    } finally {
      clearTimeout(timer);
    }
    const ok = status >= 200 && status < 300;
    if (binary && ok && !contentType.includes('json')) return { status, body: buf };
    const parsed = parseJson(buf);
    if (!ok || (isRecord(parsed) && isRecord(parsed.error))) throw scrub(graphError(label, status, parsed), token);
    return { status, body: buf };
  }
}

/** The recipient part of the envelope: `to` with `+` for a phone number, else `recipient` (BSUID). */
function recipient(to: { phone?: string; userId?: string }): Record<string, string> {
  if (to.phone !== undefined && to.phone !== '') {
    const digits = to.phone.replace(/[\s().\-+]/g, '');
    // The number itself stays out of the message: errors end up in logs.
    if (!/^\d{6,15}$/.test(digits)) throw new TypeError('sendMessage: the recipient phone number is not an E.164 number');
    return { to: `+${digits}` };
  }
  if (to.userId !== undefined && to.userId.trim() !== '') return { recipient: to.userId.trim() };
  throw new TypeError('sendMessage: a phone number or a user id (BSUID) is required');
}

/** A path segment from an id, so an odd id cannot reach another endpoint. */
function seg(id: string): string {
  return encodeURIComponent(id);
}

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Meta answers `{"success":true}`; some of its samples send the string "true". */
function succeeded(data: Record<string, unknown>): boolean {
  return data.success === true || data.success === 'true';
}

function graphError(label: string, status: number, parsed: unknown): GraphError {
  const e = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : undefined;
  if (!e) {
    return new GraphError(`Graph ${label} failed: HTTP ${status} without a Graph error`, { code: NO_GRAPH_CODE, httpStatus: status });
  }
  const code = toInt(e.code) ?? NO_GRAPH_CODE;
  const subcode = toInt(e.error_subcode);
  const details = isRecord(e.error_data) && typeof e.error_data.details === 'string' ? e.error_data.details : undefined;
  const metaMessage = typeof e.message === 'string' ? e.message : 'no message';
  return new GraphError(`Graph ${label} failed: HTTP ${status}, code ${code}${subcode !== undefined ? `/${subcode}` : ''}: ${metaMessage}`, {
    code,
    subcode,
    httpStatus: status,
    details,
    fbtraceId: typeof e.fbtrace_id === 'string' ? e.fbtrace_id : undefined,
  });
}

/** An answer that is a success by HTTP but not what Meta documents; not retried. */
function unexpected(label: string, status: number, what: string): GraphError {
  return new GraphError(`Graph ${label} answered unexpectedly: ${what}`, { code: NO_GRAPH_CODE, httpStatus: status, retry: 'permanent' });
}

function toInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

function networkReason(err: unknown): string {
  const cause = err instanceof Error && isRecord(err.cause) ? err.cause : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  return err instanceof Error ? err.message : 'unknown';
}

/** Removes the token from an error's text in case a server or a library echoed it back. */
function scrub(err: GraphError, token: string): GraphError {
  if (!token) return err;
  const clean = (s: string) => s.split(token).join('[redacted]');
  const out = new GraphError(clean(err.message), {
    code: err.code,
    subcode: err.subcode,
    httpStatus: err.httpStatus,
    details: err.details === undefined ? undefined : clean(err.details),
    fbtraceId: err.fbtraceId,
    retry: err.retry,
  });
  return out;
}
