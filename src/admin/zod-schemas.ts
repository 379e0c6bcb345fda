import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';

/**
 * Zod is the one source of truth for route schemas: Fastify validates with it (below) and the
 * OpenAPI document is generated from it (openApiTransform), so docs and checks cannot drift.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) throw new Error('admin routes take zod schemas');
  return (data: unknown) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const err = new Error(r.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; '));
    return { error: err };
  };
};

/** Responses are plain JSON; their zod schemas exist for the OpenAPI document. */
export const jsonSerializerCompiler = () => (data: unknown) => JSON.stringify(data);

function toJson(s: unknown): unknown {
  return s instanceof z.ZodType ? z.toJSONSchema(s, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) : s;
}

/** @fastify/swagger transform: zod → JSON Schema; everything outside /api/v1 stays out of the document. */
export function openApiTransform({ schema, url }: { schema: Record<string, unknown> | undefined; url: string }) {
  if (!url.startsWith('/api/v1')) return { schema: { ...(schema ?? {}), hide: true }, url };
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = { ...schema };
  for (const k of ['body', 'querystring', 'params', 'headers']) if (schema[k]) out[k] = toJson(schema[k]);
  if (schema.response && typeof schema.response === 'object') {
    out.response = Object.fromEntries(Object.entries(schema.response as Record<string, unknown>).map(([code, s]) => [code, toJson(s)]));
  }
  return { schema: out, url };
}

// Browser forms send strings, omit unchecked boxes, and send one value or many for repeated names.
export const formBool = z.preprocess((v) => v === 'on' || v === '1' || v === 'true' || v === true, z.boolean());
export const formList = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));
export const formInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
export const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());
export const csrfField = { _csrf: z.string().optional() };

/** The JSON error body of the admin API. */
export const errorResponse = z.object({ error: z.object({ code: z.string(), message: z.string(), problems: z.array(z.string()).optional() }) });
