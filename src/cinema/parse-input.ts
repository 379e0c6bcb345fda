import type { z } from 'zod';
import { DomainError } from './domain-error.ts';

/** Validates input at the domain's edge; every problem is listed as 'path: message' in details.fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
  throw new DomainError('invalid_input', `invalid input: ${fields.join('; ')}`, { fields });
}

/** 'Kanguva (Tamil)' → 'kanguva-tamil'; '' when nothing Latin is left. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
