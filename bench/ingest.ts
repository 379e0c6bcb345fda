import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';
import { benchPipeline } from './pipeline-env.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

function runLoad(job: object): Promise<{ perSecond: number; p50: number; p99: number; max: number; failures: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'ingest-load.ts'), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`load generator exited ${code}`))));
  });
}

/**
 * Webhook ingest: signed single-message webhooks posted by a separate process over keep-alive
 * connections; the server verifies, parses, stores and acknowledges (workers off, so this measures
 * the edge alone).
 */
export async function run(o: { dbUrl: string }): Promise<BenchResult[]> {
  const env = await benchPipeline({ dbUrl: o.dbUrl, workers: false });
  try {
    const job = { url: `${env.url}/webhooks/whatsapp`, appSecret: env.appSecret, phoneNumberId: env.phoneNumberId, wabaId: env.wabaId, customers: 500, concurrency: 32 };
    await runLoad({ ...job, messages: 1_000, runId: `warm-${Date.now()}` });
    const r = await runLoad({ ...job, messages: 10_000, runId: `run-${Date.now()}` });
    const stored = await env.countInbound();
    return [
      {
        name: 'webhook ingest (1 message per webhook, 32 connections, 500 customers)',
        metrics: {
          'messages/s': Math.round(r.perSecond),
          'p50 ack ms': r.p50.toFixed(2),
          'p99 ack ms': r.p99.toFixed(2),
          'max ack ms': r.max.toFixed(1),
          'non-200': r.failures,
          'stored (incl. warm-up)': stored,
        },
      },
    ];
  } finally {
    await env.close();
  }
}
