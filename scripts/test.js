#!/usr/bin/env node
// Runs the whole suite: a type check, then every *.test.ts under src/ and test/ with Node's test runner.
// DATABASE_URL=postgres://… runs the database tests on PostgreSQL (each test file in a schema of its own).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);

function find(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : find(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

let files = [...find(path.join(root, 'src')), ...find(path.join(root, 'test'))].sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (!process.env.SKIP_TYPECHECK && !only.length) {
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'inherit' });
  if (tsc.status !== 0) {
    console.error('Type check failed.');
    process.exit(1);
  }
}
const db = process.env.DATABASE_URL && /^postgres/.test(process.env.DATABASE_URL) ? 'PostgreSQL' : 'SQLite';
console.log(`Running ${files.length} test files on ${db}`);
// Spec output for people; a TAP copy to count results for the closing line.
const tap = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-tap-')), 'results.tap');
const r = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test', '--test-concurrency=2',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`,
    ...files,
  ],
  { stdio: 'inherit', cwd: root, env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } },
);
const out = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
const count = (k) => Number((new RegExp(`^# ${k} (\\d+)$`, 'm').exec(out) ?? [])[1] ?? 0);
const [passed, failed, skipped] = [count('pass'), count('fail'), count('skipped')];
if (process.env.MARQUEE_TEST_SUMMARY) fs.writeFileSync(process.env.MARQUEE_TEST_SUMMARY, JSON.stringify({ passed, failed, skipped }));
console.log(`${db}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(r.status ?? 1);
