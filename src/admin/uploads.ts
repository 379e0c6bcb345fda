import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';
import { sniffImage } from './media.ts';

export interface Upload {
  fields: Record<string, string>;
  image?: { mimeType: 'image/png' | 'image/jpeg'; data: Buffer };
}

/**
 * Reads a multipart form with at most one image. The type is taken from the file's bytes, not
 * from what the browser claims; anything but PNG or JPEG is refused.
 */
export async function readImageUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw badRequest('not_multipart', 'Upload the form as multipart/form-data.');
  const fields: Record<string, string> = {};
  let image: Upload['image'];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (data.length === 0) continue;
      const mimeType = sniffImage(data);
      if (!mimeType) throw badRequest('unsupported_image', 'Upload a PNG or JPEG image.');
      image = { mimeType, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, image };
}

/** Reads a multipart form with at most one file of any type (spreadsheets, CSV). */
export async function readFileUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; file?: { filename: string; data: Buffer } }> {
  if (!request.isMultipart()) throw badRequest('not_multipart', 'Upload the form as multipart/form-data.');
  const fields: Record<string, string> = {};
  let file: { filename: string; data: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (data.length) file = { filename: part.filename, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}
