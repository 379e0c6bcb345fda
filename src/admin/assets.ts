import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from './errors.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets');
const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** The dashboard's stylesheet and scripts, read once at start and served with an ETag. */
export function assetRoutes(app: FastifyInstance): void {
  const files = new Map<string, { body: Buffer; type: string; etag: string }>();
  for (const name of fs.readdirSync(DIR)) {
    const type = TYPES[path.extname(name)];
    if (!type) continue;
    const body = fs.readFileSync(path.join(DIR, name));
    files.set(name, { body, type, etag: `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 16)}"` });
  }
  app.get('/admin/assets/:name', { schema: { params: z.object({ name: z.string().max(64) }) } }, async (request, reply) => {
    const f = files.get((request.params as { name: string }).name);
    if (!f) throw notFound('file');
    reply.header('etag', f.etag).header('cache-control', 'public, max-age=300');
    if (request.headers['if-none-match'] === f.etag) return reply.code(304).send();
    return reply.type(f.type).send(f.body);
  });
}
