import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../../test/helpers/db.ts';
import { createLogger } from '../log.ts';
import type { Config } from '../config.ts';
import type { CliContext } from './types.ts';
import { catalogCommands } from './catalog-commands.ts';
import { addCinema } from '../cinema/testing/scenario.ts';

let t: TestDb;
let dir: string;
before(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marquee-catalog-cli-'));
});
after(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a command against the test database; returns its exit code and what it printed. */
async function cli(name: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    // The catalogue commands read nothing from the configuration.
    config: {} as Config,
    log: createLogger('silent'),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    db: async () => ({ db: t.db, dialect: t.dialect }),
  };
  const cmd = catalogCommands.find((c) => c.name === name)!;
  const code = await cmd.run(argv, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('demo:seed, then export in each format and import back unchanged', async () => {
  const cinemaId = await addCinema(t.db);
  const seeded = await cli('demo:seed', '--cinema', cinemaId);
  assert.equal(seeded.code, 0, seeded.err);
  for (const ext of ['json', 'xlsx', 'csv']) {
    const file = path.join(dir, `catalogue.${ext}`);
    const exported = await cli('catalog:export', '--cinema', cinemaId, file);
    assert.equal(exported.code, 0, exported.err);
    assert.ok(fs.statSync(file).size > 0);
    const imported = await cli('catalog:import', '--cinema', cinemaId, file);
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /shows: 0 created, 0 updated, \d+ unchanged/);
    assert.doesNotMatch(imported.out, /[1-9]\d* (created|updated)/);
  }
  const asCsv = await cli('catalog:export', '--cinema', cinemaId, '--format', 'csv', path.join(dir, 'schedule.txt'));
  assert.equal(asCsv.code, 0);
  assert.match(fs.readFileSync(path.join(dir, 'schedule.txt'), 'utf8'), /^location,screen,movie,date,time/);
});

test('a bad file imports nothing and lists its problems; bad usage exits 2', async () => {
  const cinemaId = await addCinema(t.db);
  const file = path.join(dir, 'bad.csv');
  fs.writeFileSync(file, 'location,screen,movie,date,time,language,price:Classic\nnowhere,Screen 1,retro,2026-11-27,19:30,Tamil,150\n');
  const bad = await cli('catalog:import', '--cinema', cinemaId, file);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /Nothing was imported: \d+ problems? in/);
  assert.match(bad.err, /row 2, location: no location with code 'nowhere'/);
  assert.equal((await cli('catalog:import', file)).code, 2);
  assert.equal((await cli('catalog:import', '--cinema', cinemaId, path.join(dir, 'x.pdf'))).code, 2);
  assert.equal((await cli('catalog:export', '--cinema', cinemaId, '--format', 'pdf', file)).code, 2);
  assert.equal((await cli('catalog:import', '--cinema', 'cin_missing', file)).code, 1);
});
