// Load generator for the ingest benchmark, run as its own process so the client does not share the
// server's event loop. Reads a JSON job from argv, prints one JSON result line.
import http from 'node:http';
import crypto from 'node:crypto';

interface Job {
  url: string;
  appSecret: string;
  phoneNumberId: string;
  wabaId: string;
  messages: number;
  customers: number;
  concurrency: number;
  runId: string;
}

const job = JSON.parse(process.argv[2]) as Job;
const u = new URL(job.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

function body(i: number): string {
  const from = `9190${String(i % job.customers).padStart(8, '0')}`;
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: job.wabaId, changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp',
      metadata: { display_phone_number: '919876543210', phone_number_id: job.phoneNumberId },
      contacts: [{ profile: { name: `Bench ${i % job.customers}` }, wa_id: from }],
      messages: [{ from, id: `wamid.bench-${job.runId}-${i}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: `message ${i}` } }],
    } }] }],
  });
}

function post(raw: string): Promise<{ status: number; ms: number }> {
  const sig = `sha256=${crypto.createHmac('sha256', job.appSecret).update(raw).digest('hex')}`;
  const t0 = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig, 'content-length': Buffer.byteLength(raw) } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    });
    req.on('error', reject);
    req.end(raw);
  });
}

const bodies = Array.from({ length: job.messages }, (_, i) => body(i));
const latencies: number[] = [];
let next = 0;
let failures = 0;
const t0 = process.hrtime.bigint();
await Promise.all(
  Array.from({ length: job.concurrency }, async () => {
    while (next < bodies.length) {
      const r = await post(bodies[next++]);
      if (r.status !== 200) failures++;
      latencies.push(r.ms);
    }
  }),
);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(JSON.stringify({ messages: job.messages, seconds, perSecond: job.messages / seconds, p50: pct(50), p99: pct(99), max: latencies.at(-1), failures }));
agent.destroy();
