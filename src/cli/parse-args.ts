import { parseArgs } from 'node:util';

export type Flags = Record<string, string | boolean | undefined>;

/** `--name value` / `--flag` parsing with a precise error for unknown or malformed options. */
export function parseFlags(
  argv: string[],
  spec: Record<string, { type: 'string' | 'boolean'; short?: string }>,
): { ok: true; flags: Flags; positionals: string[] } | { ok: false; error: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
    return { ok: true, flags: values as Flags, positionals };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
