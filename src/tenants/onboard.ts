import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { GraphClient } from '../whatsapp/graph-client.ts';
import { GraphError } from '../whatsapp/graph-client.ts';
import { getCinemaByPhoneNumberId, insertCinema, type Cinema } from './cinemas.ts';

export interface OnboardDeps {
  db: Db;
  graph: GraphClient;
  clock: Clock;
  config: { secretKey: Buffer; publicUrl: string; verifyToken: string };
}

export type OnboardErrorCode =
  | 'token_invalid'
  | 'missing_scopes'
  | 'no_waba'
  | 'no_phone_numbers'
  | 'phone_number_not_found'
  | 'already_onboarded'
  | 'graph_error';

export type OnboardFailure = { ok: false; code: OnboardErrorCode; message: string };

export interface DiscoveredWaba {
  id: string;
  name: string;
  timezone?: string;
  phoneNumbers: { id: string; displayPhoneNumber: string; verifiedName?: string; qualityRating?: string }[];
}

const REQUIRED_SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'];

// Meta's WABA timezone_id values we can map; anything else falls back to the operator's choice or UTC.
const TIMEZONE_IDS: Record<string, string> = { '71': 'Asia/Kolkata', '1': 'America/Los_Angeles', '0': 'UTC' };

/** Meta's timezone_id is numeric on the real API; an IANA name is taken as it is. */
function zoneOf(id: string | undefined): string | undefined {
  if (!id) return undefined;
  if (TIMEZONE_IDS[id]) return TIMEZONE_IDS[id];
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    return id;
  } catch {
    return undefined;
  }
}

function failure(code: OnboardErrorCode, message: string): OnboardFailure {
  return { ok: false, code, message };
}

function graphFailure(e: unknown): OnboardFailure {
  if (e instanceof GraphError) {
    if (e.retry === 'token_invalid') return failure('token_invalid', 'The access token is invalid or has expired (Graph error 190).');
    return failure('graph_error', `The WhatsApp API refused the request (error ${e.code}${e.details ? `: ${e.details}` : ''}).`);
  }
  return failure('graph_error', 'The WhatsApp API could not be reached.');
}

/** Step 1–2 of onboarding: what the token gives access to (WABAs and their phone numbers). */
export async function discoverBusiness(
  deps: Pick<OnboardDeps, 'graph'>,
  accessToken: string,
): Promise<{ ok: true; wabas: DiscoveredWaba[] } | OnboardFailure> {
  const token = accessToken.trim();
  if (!token) return failure('token_invalid', 'Paste the access token of the WhatsApp Business account.');
  try {
    const info = await deps.graph.debugToken(token);
    if (!info.isValid) return failure('token_invalid', 'The access token is invalid or has expired.');
    const missing = REQUIRED_SCOPES.filter((s) => !info.scopes.includes(s));
    if (missing.length) return failure('missing_scopes', `The token lacks the permission${missing.length > 1 ? 's' : ''} ${missing.join(' and ')}.`);
    if (!info.wabaIds.length) return failure('no_waba', 'The token does not give access to any WhatsApp Business account.');
    const wabas: DiscoveredWaba[] = [];
    for (const id of info.wabaIds) {
      const waba = await deps.graph.getWaba(id, token);
      const numbers = await deps.graph.getPhoneNumbers(id, token);
      wabas.push({
        id,
        name: waba.name ?? id,
        timezone: zoneOf(waba.timezoneId),
        phoneNumbers: numbers.map((n) => ({ id: n.id, displayPhoneNumber: n.displayPhoneNumber, verifiedName: n.verifiedName, qualityRating: n.qualityRating })),
      });
    }
    if (!wabas.some((w) => w.phoneNumbers.length)) return failure('no_phone_numbers', 'The WhatsApp Business account has no phone number yet. Add one in Meta Business Manager first.');
    return { ok: true, wabas };
  } catch (e) {
    return graphFailure(e);
  }
}

export interface OnboardInput {
  accessToken: string;
  /** Which number to use; optional when the token reaches exactly one. */
  phoneNumberId?: string;
  name?: string;
  timezone?: string;
  language?: 'en' | 'hi' | 'ta';
  appSecret?: string;
  isDemo?: boolean;
}

/**
 * Onboards a cinema from its access token: discovery, webhook subscription, then the cinema is
 * stored with its token sealed. Any failure stores nothing.
 */
export async function onboardCinema(deps: OnboardDeps, input: OnboardInput): Promise<{ ok: true; cinema: Cinema } | OnboardFailure> {
  const token = input.accessToken.trim();
  const found = await discoverBusiness(deps, token);
  if (!found.ok) return found;
  const candidates = found.wabas.flatMap((w) => w.phoneNumbers.map((n) => ({ waba: w, number: n })));
  let pick;
  if (input.phoneNumberId) {
    pick = candidates.find((c) => c.number.id === input.phoneNumberId);
    if (!pick) return failure('phone_number_not_found', `The phone number id ${input.phoneNumberId} is not reachable with this token.`);
  } else if (candidates.length === 1) {
    pick = candidates[0];
  } else {
    return failure('phone_number_not_found', `The token reaches ${candidates.length} phone numbers; choose one (${candidates.map((c) => `${c.number.id} ${c.number.displayPhoneNumber}`).join(', ')}).`);
  }
  if (await getCinemaByPhoneNumberId(deps.db, pick.number.id)) {
    return failure('already_onboarded', `The number ${pick.number.displayPhoneNumber} is already onboarded.`);
  }
  try {
    await deps.graph.subscribeApp(pick.waba.id, token);
  } catch (e) {
    return graphFailure(e);
  }
  try {
    const cinema = await insertCinema(deps.db, deps.config.secretKey, deps.clock.now(), {
      name: input.name?.trim() || pick.number.verifiedName || pick.waba.name,
      wabaId: pick.waba.id,
      phoneNumberId: pick.number.id,
      displayPhoneNumber: pick.number.displayPhoneNumber,
      accessToken: token,
      appSecret: input.appSecret?.trim() || null,
      timezone: input.timezone ?? pick.waba.timezone ?? 'UTC',
      defaultLanguage: input.language ?? 'en',
      isDemo: input.isDemo,
    });
    return { ok: true, cinema };
  } catch (e) {
    // A concurrent onboarding of the same number lost the unique-constraint race.
    if (await getCinemaByPhoneNumberId(deps.db, pick.number.id)) {
      return failure('already_onboarded', `The number ${pick.number.displayPhoneNumber} is already onboarded.`);
    }
    throw e;
  }
}
