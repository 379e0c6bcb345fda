/**
 * Token buckets kept in this process: per business phone number (Meta's throughput) and per
 * customer (Meta's pair rate, ~1 message per 6 s with short bursts). With several processes each
 * keeps its own buckets; set SEND_RATE_PER_SECOND to the number's limit divided by the processes.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
  ) {}

  private refill(key: string, now: number): { tokens: number; at: number } {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + (Math.max(0, now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 50_000) this.prune(now);
    return b;
  }

  /** Milliseconds until a token is available for `key` (0: now); takes nothing. */
  wait(key: string, now: number): number {
    const b = this.refill(key, now);
    return b.tokens >= 1 ? 0 : Math.ceil(((1 - b.tokens) / this.perSecond) * 1000);
  }

  /** Takes a token; call after `wait` said 0. */
  take(key: string, now: number): void {
    this.refill(key, now).tokens -= 1;
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(k);
  }
}

/**
 * Takes one token from every bucket, or none: a message held back by one limit must not use up
 * its allowance under the others. Returns the wait in ms (0 when the tokens were taken).
 */
export function takeAll(now: number, ...buckets: [TokenBuckets, string][]): number {
  const wait = Math.max(0, ...buckets.map(([b, k]) => b.wait(k, now)));
  if (wait === 0) for (const [b, k] of buckets) b.take(k, now);
  return wait;
}
