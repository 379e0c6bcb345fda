import type { Clock } from '../../clock.ts';

/**
 * Meta's pair rate: a burst of messages to one user is allowed, then about one per interval; the
 * burst is borrowed from later, so the allowance refills at that rate (a token bucket on the clock).
 */
export class PairRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly burst: number,
    private readonly intervalMs: number,
  ) {}

  /** Takes one message's allowance for `key`; false when the pair is over its rate. */
  take(key: string): boolean {
    const now = this.clock.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) / this.intervalMs);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

/** Messages per second per business number: a sliding one-second window on the clock. */
export class ThroughputLimiter {
  private readonly sends = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly perSecond: number,
  ) {}

  /** Records one send for `phoneNumberId`; false when it would exceed the limit. */
  take(phoneNumberId: string): boolean {
    const now = this.clock.now();
    const recent = (this.sends.get(phoneNumberId) ?? []).filter((t) => now - t < 1000);
    this.sends.set(phoneNumberId, recent);
    if (recent.length >= this.perSecond) return false;
    recent.push(now);
    return true;
  }
}
