import type { BenchResult } from './types.ts';
import { benchPipeline } from './pipeline-env.ts';

/**
 * Inbound to reply sent: a customer's message goes through the emulator as a signed webhook, the
 * worker runs the real dialogue, the dispatcher sends the reply through the Graph client, and the
 * clock stops when the emulator accepts that reply. Customers talk concurrently, each waiting for
 * its answer before the next message.
 */
export async function run(o: { dbUrl: string }): Promise<BenchResult[]> {
  const env = await benchPipeline({ dbUrl: o.dbUrl, workers: true });
  const { emulator } = env.server;
  try {
    const waiting = new Map<string, (at: number) => void>();
    emulator.events.on('sent', (m: { to?: string }) => {
      const w = m.to && waiting.get(m.to);
      if (w) {
        waiting.delete(m.to!);
        w(performance.now());
      }
    });
    const customers = 40;
    const rounds = 5;
    const script = ['hi', 'menu', 'help', 'menu', 'hi'];
    const latencies: number[] = [];
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: customers }, async (_, c) => {
        const from = `9191${String(c).padStart(8, '0')}`;
        for (let r = 0; r < rounds; r++) {
          const answered = new Promise<number>((resolve) => waiting.set(from, resolve));
          const start = performance.now();
          await emulator.userSends({ phoneNumberId: env.phoneNumberId, from, name: `Latency ${c}`, message: { type: 'text', text: { body: script[r] } } });
          const at = await Promise.race([answered, new Promise<number>((_, rej) => setTimeout(() => rej(new Error('no reply within 30 s')), 30_000))]);
          latencies.push(at - start);
          // Let the rest of this turn's replies go out before the next message.
          await new Promise((res) => setTimeout(res, 100));
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
    return [
      {
        name: `inbound → first reply accepted by the Graph API (${customers} customers × ${rounds} turns, real dialogue)`,
        metrics: { turns: latencies.length, 'p50 ms': pct(50).toFixed(1), 'p90 ms': pct(90).toFixed(1), 'p99 ms': pct(99).toFixed(1), 'max ms': latencies.at(-1)!.toFixed(1), 'wall s': seconds.toFixed(1) },
      },
    ];
  } finally {
    await env.close();
  }
}
