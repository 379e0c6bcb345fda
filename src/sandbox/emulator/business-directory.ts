import { createHash } from 'node:crypto';

export const MANAGEMENT_SCOPE = 'whatsapp_business_management';
export const MESSAGING_SCOPE = 'whatsapp_business_messaging';

/** A cinema business as the emulator's Meta knows it: a WABA, its numbers and the token that reaches it. */
export interface BusinessInput {
  accessToken: string;
  appId?: string;
  wabaId: string;
  wabaName: string;
  timezone?: string;
  currency?: string;
  phoneNumbers: { id: string; displayPhoneNumber: string; verifiedName: string }[];
  /** Default: both whatsapp_business_management and whatsapp_business_messaging. */
  scopes?: string[];
  tokenValid?: boolean;
  webhookUrl?: string;
  appSecret?: string;
}

export interface WebhookTarget {
  url: string;
  appSecret?: string;
}

export interface PhoneRecord {
  id: string;
  displayPhoneNumber: string;
  verifiedName: string;
  wabaId: string;
  webhook?: WebhookTarget;
  pin?: string;
}

export interface WabaRecord {
  id: string;
  name: string;
  timezone: string;
  currency: string;
  appId: string;
  phoneIds: string[];
  webhook?: WebhookTarget;
  /** Set by POST subscribed_apps (or a configured webhook): without it Meta sends no webhooks. */
  subscribed: boolean;
  overrideCallbackUri?: string;
}

export interface TokenRecord {
  token: string;
  appId: string;
  valid: boolean;
  /** WABA id → scopes this token holds on it. */
  grants: Map<string, Set<string>>;
  systemUserId: string;
}

export interface TemplateDefinition {
  wabaId: string;
  name: string;
  language: string;
  /** Expected parameter counts by component (`body`, `header`, `button:0`…); unchecked when absent. */
  parameters?: Record<string, number>;
}

/** The businesses, tokens, phone numbers and webhook subscriptions the emulator serves. */
export class BusinessDirectory {
  private readonly wabas = new Map<string, WabaRecord>();
  private readonly phones = new Map<string, PhoneRecord>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly templates = new Map<string, TemplateDefinition[]>();

  /** Adds (or extends) a business; a token given for several WABAs reaches all of them. */
  addBusiness(b: BusinessInput): void {
    const appId = b.appId ?? '900000000000000';
    const existing = this.wabas.get(b.wabaId);
    const waba: WabaRecord = existing ?? {
      id: b.wabaId,
      name: b.wabaName,
      timezone: b.timezone ?? 'UTC',
      currency: b.currency ?? 'USD',
      appId,
      phoneIds: [],
      subscribed: false,
    };
    waba.name = b.wabaName;
    if (b.timezone) waba.timezone = b.timezone;
    if (b.currency) waba.currency = b.currency;
    this.wabas.set(waba.id, waba);
    for (const p of b.phoneNumbers) {
      const owner = this.phones.get(p.id);
      if (owner && owner.wabaId !== waba.id) throw new Error(`phone number ${p.id} already belongs to WABA ${owner.wabaId}`);
      this.phones.set(p.id, { ...owner, id: p.id, displayPhoneNumber: p.displayPhoneNumber, verifiedName: p.verifiedName, wabaId: waba.id });
      if (!waba.phoneIds.includes(p.id)) waba.phoneIds.push(p.id);
    }
    if (b.webhookUrl) {
      waba.webhook = { url: b.webhookUrl, appSecret: b.appSecret };
      waba.subscribed = true;
    } else if (b.appSecret) {
      waba.webhook = { url: waba.webhook?.url ?? '', appSecret: b.appSecret };
    }
    const token = this.tokens.get(b.accessToken) ?? {
      token: b.accessToken,
      appId,
      valid: true,
      grants: new Map<string, Set<string>>(),
      systemUserId: systemUserIdFor(b.accessToken),
    };
    token.grants.set(waba.id, new Set(b.scopes ?? [MANAGEMENT_SCOPE, MESSAGING_SCOPE]));
    if (b.tokenValid !== undefined) token.valid = b.tokenValid;
    this.tokens.set(b.accessToken, token);
  }

  /** Routes webhooks of one phone number, or of every number of a WABA, to `url`. */
  setWebhook(idOrWaba: string, url: string, appSecret: string): void {
    const phone = this.phones.get(idOrWaba);
    if (phone) {
      phone.webhook = { url, appSecret };
      const waba = this.waba(phone.wabaId)!;
      waba.subscribed = true;
      return;
    }
    const waba = this.wabas.get(idOrWaba);
    if (!waba) throw new Error(`no phone number or WABA with id ${idOrWaba}`);
    waba.webhook = { url, appSecret };
    waba.subscribed = true;
  }

  /** Where a phone number's webhooks go now: its own URL, the WABA's override, or the app's URL. */
  webhookTarget(phoneNumberId: string): WebhookTarget | undefined {
    const phone = this.phones.get(phoneNumberId);
    if (!phone) return undefined;
    const waba = this.wabas.get(phone.wabaId)!;
    if (!waba.subscribed) return undefined;
    const appSecret = phone.webhook?.appSecret ?? waba.webhook?.appSecret;
    const url = phone.webhook?.url || waba.overrideCallbackUri || waba.webhook?.url;
    return url ? { url, appSecret } : undefined;
  }

  /** Whether `appSecret` is the secret of app `appId` (for `app_id|app_secret` app tokens). */
  appSecretMatches(appId: string, appSecret: string): boolean {
    return [...this.wabas.values()].some((w) => w.appId === appId && w.webhook?.appSecret === appSecret);
  }

  invalidateToken(accessToken: string): void {
    const t = this.tokens.get(accessToken);
    if (t) t.valid = false;
  }

  token(accessToken: string): TokenRecord | undefined {
    return this.tokens.get(accessToken);
  }

  phone(id: string): PhoneRecord | undefined {
    return this.phones.get(id);
  }

  waba(id: string): WabaRecord | undefined {
    return this.wabas.get(id);
  }

  /** Registers an approved template; once a WABA has any, sends of unknown ones fail with 132001. */
  addTemplate(t: TemplateDefinition): void {
    const list = this.templates.get(t.wabaId) ?? [];
    list.push(t);
    this.templates.set(t.wabaId, list);
  }

  /** The WABA's templates, or undefined when none were registered (then any template is accepted). */
  templatesOf(wabaId: string): TemplateDefinition[] | undefined {
    return this.templates.get(wabaId);
  }
}

/** Whether `token` holds `scope` on `wabaId`. */
export function tokenHas(token: TokenRecord, wabaId: string, scope: string): boolean {
  return token.grants.get(wabaId)?.has(scope) ?? false;
}

// Meta ids are numeric strings; derive a stable one so debug_token answers the same every time.
function systemUserIdFor(accessToken: string): string {
  return '6' + parseInt(createHash('sha256').update(accessToken).digest('hex').slice(0, 12), 16).toString().padStart(15, '0');
}
