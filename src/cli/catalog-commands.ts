import fs from 'node:fs/promises';
import type { CliCommand, CliContext } from './types.ts';
import { parseFlags } from './parse-args.ts';
import { systemClock } from '../clock.ts';
import { getCinema, listCinemas } from '../tenants/cinemas.ts';
import { exportCatalogueFile, formatOfFileName, importCatalogueFile, seedDemoCatalogue, type CatalogFileFormat, type ImportSummary } from '../cinema/index.ts';

const IMPORT_USAGE = 'marquee catalog:import --cinema CINEMA_ID FILE   (FILE: .json catalogue, or .xlsx / .csv show schedule)';
const EXPORT_USAGE = 'marquee catalog:export --cinema CINEMA_ID [--format json|xlsx|csv] FILE   (format defaults to the file extension)';
const SEED_USAGE = 'marquee demo:seed [--cinema CINEMA_ID]   (default: the demo cinema)';

async function requireCinema(ctx: CliContext, cinemaId: string): Promise<boolean> {
  const { db } = await ctx.db();
  if (await getCinema(db, cinemaId)) return true;
  ctx.err(`No cinema with id ${cinemaId} (see \`marquee cinema:list\`).`);
  return false;
}

function summaryLine(s: ImportSummary): string {
  return (Object.entries(s) as [string, ImportSummary['shows']][])
    .filter(([, c]) => c.created + c.updated + c.unchanged > 0)
    .map(([kind, c]) => `${kind}: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`)
    .join('\n');
}

const catalogImport: CliCommand = {
  name: 'catalog:import',
  summary: "Import a cinema's catalogue (JSON) or show schedule (Excel/CSV); all or nothing",
  usage: IMPORT_USAGE,
  async run(argv, ctx) {
    const p = parseFlags(argv, { cinema: { type: 'string' } });
    if (!p.ok || typeof p.flags.cinema !== 'string' || p.positionals.length !== 1) {
      ctx.err(`${p.ok ? '--cinema and one FILE are required' : p.error}\nusage: ${IMPORT_USAGE}`);
      return 2;
    }
    const file = p.positionals[0]!;
    const format = formatOfFileName(file);
    if (!format) {
      ctx.err(`${file}: the file name must end in .json, .xlsx or .csv\nusage: ${IMPORT_USAGE}`);
      return 2;
    }
    let data: Uint8Array;
    try {
      data = await fs.readFile(file);
    } catch (e) {
      ctx.err(`Cannot read ${file}: ${(e as Error).message}`);
      return 1;
    }
    if (!(await requireCinema(ctx, p.flags.cinema))) return 1;
    const { db } = await ctx.db();
    const result = await importCatalogueFile({ db, clock: systemClock }, { cinemaId: p.flags.cinema, format, data });
    if (!result.ok) {
      ctx.err(`Nothing was imported: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'} in ${file}:`);
      for (const e of result.errors) ctx.err(`  ${e.where}, ${e.field}: ${e.message}`);
      return 1;
    }
    ctx.out(`Imported ${file}.\n${summaryLine(result.summary) || 'Nothing in the file.'}`);
    return 0;
  },
};

const catalogExport: CliCommand = {
  name: 'catalog:export',
  summary: "Export a cinema's catalogue (JSON) or show schedule (Excel/CSV)",
  usage: EXPORT_USAGE,
  async run(argv, ctx) {
    const p = parseFlags(argv, { cinema: { type: 'string' }, format: { type: 'string' } });
    if (!p.ok || typeof p.flags.cinema !== 'string' || p.positionals.length !== 1) {
      ctx.err(`${p.ok ? '--cinema and one FILE are required' : p.error}\nusage: ${EXPORT_USAGE}`);
      return 2;
    }
    const file = p.positionals[0]!;
    const given = p.flags.format;
    if (given !== undefined && given !== 'json' && given !== 'xlsx' && given !== 'csv') {
      ctx.err(`--format must be json, xlsx or csv, not ${String(given)}\nusage: ${EXPORT_USAGE}`);
      return 2;
    }
    const format: CatalogFileFormat | null = (given as CatalogFileFormat | undefined) ?? formatOfFileName(file);
    if (!format) {
      ctx.err(`${file}: give --format or a file name ending in .json, .xlsx or .csv\nusage: ${EXPORT_USAGE}`);
      return 2;
    }
    if (!(await requireCinema(ctx, p.flags.cinema))) return 1;
    const { db } = await ctx.db();
    const bytes = await exportCatalogueFile(db, { cinemaId: p.flags.cinema, format });
    await fs.writeFile(file, bytes);
    ctx.out(`Wrote ${file} (${format}, ${bytes.length} bytes).`);
    return 0;
  },
};

const demoSeed: CliCommand = {
  name: 'demo:seed',
  summary: 'Load the demo catalogue (two Tamil Nadu locations, six films, a week of shows, #WRETRO) into a cinema',
  usage: SEED_USAGE,
  async run(argv, ctx) {
    const p = parseFlags(argv, { cinema: { type: 'string' } });
    if (!p.ok || p.positionals.length) {
      ctx.err(`${p.ok ? 'unexpected arguments' : p.error}\nusage: ${SEED_USAGE}`);
      return 2;
    }
    const { db } = await ctx.db();
    let cinemaId = typeof p.flags.cinema === 'string' ? p.flags.cinema : undefined;
    if (!cinemaId) {
      const demos = (await listCinemas(db)).filter((c) => c.isDemo);
      if (demos.length !== 1) {
        ctx.err(`${demos.length ? 'Several demo cinemas exist' : 'There is no demo cinema'}; give --cinema (see \`marquee cinema:list\`).\nusage: ${SEED_USAGE}`);
        return 2;
      }
      cinemaId = demos[0]!.id;
    } else if (!(await requireCinema(ctx, cinemaId))) return 1;
    await seedDemoCatalogue(db, { cinemaId, now: systemClock.now() });
    ctx.out(`Demo catalogue loaded into cinema ${cinemaId}.`);
    return 0;
  },
};

export const catalogCommands: CliCommand[] = [catalogImport, catalogExport, demoSeed];
