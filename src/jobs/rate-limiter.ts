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

  /** Takes a token at `now`; returns 0 when granted, else the milliseconds until one is available. */
  take(key: string, now: number): number {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    if (this.buckets.size > 50_000) this.prune(now);
    return Math.ceil(((1 - b.tokens) / this.perSecond) * 1000);
  }

  private prune(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(k);
  }
}
