// `npm run bench`: every benchmark on SQLite and on PostgreSQL (when reachable), written to
// BENCHMARKS.md with the machine and the command. BENCH_ONLY=ingest,holds limits which run.
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { BenchResult } from './types.ts';

const PG_BASE = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benches: { key: string; title: string; load: () => Promise<{ run(o: { dbUrl: string }): Promise<BenchResult[]> }> }[] = [
  { key: 'ingest', title: 'Webhook ingest', load: () => import('./ingest.ts') },
  { key: 'latency', title: 'Inbound to reply', load: () => import('./reply-latency.ts') },
  { key: 'holds', title: 'Seat holds and confirmations under contention', load: () => import('./holds.ts') },
  { key: 'export', title: 'Bookings export (100,000 bookings)', load: () => import('./export.ts') },
];

async function postgresDb(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const name = `marquee_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: PG_BASE });
  try {
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
  } catch {
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
  const u = new URL(PG_BASE);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: PG_BASE });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    },
  };
}

const only = process.env.BENCH_ONLY?.split(',');
const sections: string[] = [];
for (const b of benches.filter((x) => !only || only.includes(x.key))) {
  const mod = await b.load();
  const rows: string[] = [];
  for (const dbName of ['SQLite', 'PostgreSQL']) {
    let dbUrl: string;
    let cleanup = async () => {};
    if (dbName === 'SQLite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-bench-db-'));
      dbUrl = `sqlite:${path.join(dir, 'bench.db')}`;
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
    } else {
      const p = await postgresDb();
      if (!p) {
        rows.push(`| PostgreSQL | (not reachable at ${PG_BASE}) | |`);
        continue;
      }
      dbUrl = p.url;
      cleanup = p.drop;
    }
    console.log(`${b.title} on ${dbName}…`);
    try {
      for (const r of await mod.run({ dbUrl })) {
        const m = Object.entries(r.metrics).map(([k, v]) => `${k}: **${v}**`).join(' · ');
        rows.push(`| ${dbName} | ${r.name} | ${m} |`);
        console.log(`  ${r.name}: ${m.replace(/\*\*/g, '')}`);
      }
    } catch (e) {
      rows.push(`| ${dbName} | failed | ${(e as Error).message} |`);
      console.error(e);
    } finally {
      await cleanup();
    }
  }
  sections.push(`## ${b.title}\n\n| database | benchmark | results |\n|---|---|---|\n${rows.join('\n')}\n`);
}

const cpu = os.cpus();
const header = `# Benchmarks

Measured by \`npm run bench\` (${new Date().toISOString().slice(0, 10)}) on ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB,
Node ${process.version}, ${os.platform()} ${os.release()}. PostgreSQL on 127.0.0.1:5432 (a fresh database per run),
SQLite as a WAL file on local disk. Numbers are from one run; the machine is shared, so expect some noise.
`;
const file = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'BENCHMARKS.md');
if (!only) fs.writeFileSync(file, `${header}\n${sections.join('\n')}`);
else console.log(`\n(BENCH_ONLY set: BENCHMARKS.md left unchanged)\n\n${sections.join('\n')}`);
console.log(only ? 'done' : `Wrote ${file}`);
