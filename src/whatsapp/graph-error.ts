/**
 * How a failed Graph API call should be treated (CLOUD-API.md section 3):
 * - throughput: 130429, the phone number's messages/s exceeded — retry soon, pace sends
 * - pair_rate: 131056, too many messages to one user — retry after 4^n s
 * - rate_limit: 4 / 80007, app or WABA call limit — retry in minutes
 * - maintenance: 131057, account being upgraded — retry in about a minute
 * - transient: 1, 2, 131000, 131016, HTTP 5xx, network failures and timeouts — exponential backoff
 * - window_closed: 131047, outside the 24-hour window — only a template can reach the customer
 * - token_invalid: 190 (HTTP 401) — stop sending for the cinema and alert staff
 * - permanent: everything else (bad parameters, undeliverable, template and permission errors)
 */
export type RetryClass = 'throughput' | 'pair_rate' | 'rate_limit' | 'maintenance' | 'transient' | 'window_closed' | 'token_invalid' | 'permanent';

const BY_CODE: Record<number, RetryClass> = {
  130429: 'throughput',
  131056: 'pair_rate',
  4: 'rate_limit',
  80007: 'rate_limit',
  131057: 'maintenance',
  1: 'transient',
  2: 'transient',
  131000: 'transient',
  131016: 'transient',
  131047: 'window_closed',
  190: 'token_invalid',
};

/** Codes the table names as not worth retrying, whatever the HTTP status. */
function isKnownPermanent(code: number): boolean {
  return (
    [0, 3, 10, 100, 131008, 131009, 131026, 131049, 131050].includes(code) ||
    (code >= 132000 && code <= 132016) ||
    (code >= 200 && code <= 299)
  );
}

/** Code of a failure that never reached Meta or carried no Graph error (network, timeout, bad body). */
export const NO_GRAPH_CODE = -1;

/**
 * Classifies a failure by Meta's `error.code` first (HTTP status is only a fallback, as Meta
 * advises). Example: `classifyError(131056, 400)` → `'pair_rate'`; `classifyError(undefined, 503)` → `'transient'`.
 */
export function classifyError(code: number | undefined, httpStatus: number): RetryClass {
  const known = code !== undefined && code !== NO_GRAPH_CODE;
  if (known && Object.hasOwn(BY_CODE, code)) return BY_CODE[code];
  if (known && isKnownPermanent(code)) return 'permanent';
  // An unfamiliar code on a 5xx is Meta having trouble, not a problem with the request.
  if (httpStatus === 0 || httpStatus >= 500 || httpStatus === 408) return 'transient';
  if (httpStatus === 401) return 'token_invalid';
  if (httpStatus === 429) return 'rate_limit';
  return 'permanent';
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * How long to wait before retry number `attempt` (1 = the first retry); null = never retry.
 * `random` (0 ≤ r < 1) spreads retries so many senders do not come back at the same instant.
 * Example: `retryDelayMs('pair_rate', 2)` → 16 000 (4² s).
 */
export function retryDelayMs(retry: RetryClass, attempt: number, random: () => number = Math.random): number | null {
  const n = Math.max(1, Math.floor(attempt));
  const r = Math.min(Math.max(random(), 0), 1);
  switch (retry) {
    case 'pair_rate':
      // Meta's rule for the pair rate: 4^n seconds (capped at 4^6 s, about 68 minutes).
      return 4 ** Math.min(n, 6) * SECOND;
    case 'throughput':
      // 1–2 s, doubling, up to 16–32 s: the limit is per second, so short waits clear it.
      return Math.round((1 + r) * SECOND * 2 ** Math.min(n - 1, 4));
    case 'rate_limit':
      // App and WABA limits are counted over minutes to an hour: 1, 2, 4… minutes, at most 15.
      return Math.min(Math.round(MINUTE * 2 ** (n - 1) * (1 + 0.2 * r)), 15 * MINUTE);
    case 'maintenance':
      return Math.round(MINUTE * (1 + 0.2 * r));
    case 'transient': {
      // Equal jitter: half the exponential step fixed, half random; capped at 5 minutes.
      const step = Math.min(SECOND * 2 ** (n - 1), 5 * MINUTE);
      return Math.round(step / 2 + (step / 2) * r);
    }
    case 'window_closed':
    case 'token_invalid':
    case 'permanent':
      return null;
  }
}

/** A Graph API call that failed; `retry` says whether and how to try again. */
export class GraphError extends Error {
  /** Meta's `error.code`, or -1 when no Graph error came back (network failure, timeout). */
  readonly code: number;
  readonly subcode?: number;
  /** HTTP status, or 0 when no response arrived. */
  readonly httpStatus: number;
  /** Meta's `error_data.details`, which usually says what to fix. */
  readonly details?: string;
  readonly fbtraceId?: string;
  readonly retry: RetryClass;
  constructor(
    message: string,
    o: { code: number; subcode?: number; httpStatus: number; details?: string; fbtraceId?: string; retry?: RetryClass },
  ) {
    super(message);
    this.name = 'GraphError';
    this.code = o.code;
    this.subcode = o.subcode;
    this.httpStatus = o.httpStatus;
    this.details = o.details;
    this.fbtraceId = o.fbtraceId;
    this.retry = o.retry ?? classifyError(o.code, o.httpStatus);
  }
}
