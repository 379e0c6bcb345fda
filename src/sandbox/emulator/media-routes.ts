import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MESSAGING_SCOPE, type TokenRecord, tokenHas } from './business-directory.ts';
import { type GraphContext, accessTokenOf, authenticate, phoneFor, sendGraph } from './graph-context.ts';
import { GraphError, invalidParameter, missingParameter, unsupportedRequest } from './graph-error.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_LIMITS, contentMatchesMime } from './media-rules.ts';
import type { StoredMedia } from './media-store.ts';

/** Where download URLs point, like Meta's lookaside.fbsbx.com attachments path. */
export const DOWNLOAD_PATH = '/whatsapp_business/attachments/';

/** Media upload (`POST /{phone-number-id}/media`) and the authenticated download route. */
export function registerMediaRoutes(app: FastifyInstance, ctx: GraphContext): void {
  app.post('/:version/:id/media', { bodyLimit: MAX_UPLOAD_BYTES + 1024 * 1024 }, async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const phone = phoneFor(ctx, token, id, MESSAGING_SCOPE, 'post');
    const { fields, file } = await readUpload(req);

    if (fields.messaging_product === undefined) {
      throw new GraphError({ code: 100, message: '(#100) The parameter messaging_product is required.', details: 'The parameter messaging_product is required.' });
    }
    if (fields.messaging_product !== 'whatsapp') throw invalidParameter(`Param messaging_product must be one of {whatsapp} - got "${fields.messaging_product}".`);
    if (!file) throw missingParameter('file');
    const type = fields.type;
    if (type === undefined) throw missingParameter('type');
    const limit = UPLOAD_LIMITS[type];
    if (!limit) throw invalidParameter(`Param file must be a file with one of the following types: ${Object.keys(UPLOAD_LIMITS).join(', ')}. Received file of type '${type}'.`);
    const partType = file.mimetype.split(';')[0]!.trim().toLowerCase();
    if (partType !== 'application/octet-stream' && partType !== type) {
      throw invalidParameter(`The file part's content type '${partType}' does not match the parameter type '${type}'.`);
    }
    if (file.data.length === 0) throw invalidParameter('Param file must not be empty.');
    if (file.data.length > limit.maxBytes) throw uploadError(`File of ${file.data.length} bytes exceeds the ${limit.maxBytes}-byte limit for ${type}.`);
    if (!contentMatchesMime(file.data, type)) throw uploadError(`The file content is not a valid ${type} file.`);

    const media = ctx.media.put({ data: file.data, mimeType: type, filename: file.filename || undefined, phoneNumberId: phone.id, wabaId: phone.wabaId });
    return sendGraph(reply, 200, { id: media.id });
  });

  const download = async (req: FastifyRequest, reply: FastifyReply) => {
    const token = accessTokenOf(req);
    const record = token ? ctx.directory.token(token) : undefined;
    if (!record || !record.valid) return reply.code(401).type('text/plain').send('Unauthorized');
    const media = ctx.media.resolveDownload(req.query as Record<string, string>);
    if (!media || !tokenHas(record, media.wabaId, MESSAGING_SCOPE)) return reply.code(404).type('text/plain').send('Not Found');
    return reply
      .code(200)
      .header('content-type', media.mimeType)
      .header('content-length', String(media.data.length))
      .header('content-disposition', `attachment; filename="${(media.filename ?? media.id).replace(/["\\\r\n]/g, '_')}"`)
      .send(media.data);
  };
  app.get(DOWNLOAD_PATH, download);
  app.get(DOWNLOAD_PATH.slice(0, -1), download);
}

/** `GET /{media-id}`: Meta's media info with a five-minute download URL on this emulator. */
export function mediaInfo(ctx: GraphContext, req: FastifyRequest, token: TokenRecord, media: StoredMedia, prefix: string): Record<string, unknown> {
  if (!tokenHas(token, media.wabaId, MESSAGING_SCOPE)) throw unsupportedRequest('get', media.id);
  const phoneNumberId = (req.query as Record<string, unknown>).phone_number_id;
  if (phoneNumberId !== undefined && phoneNumberId !== media.phoneNumberId) {
    throw invalidParameter(`Param phone_number_id does not match the phone number the media ${media.id} belongs to.`);
  }
  const base = `${req.protocol}://${req.host}${prefix}`;
  return {
    url: `${base}${DOWNLOAD_PATH}?${ctx.media.downloadQuery(media.id)}`,
    mime_type: media.mimeType,
    sha256: media.sha256,
    file_size: media.data.length,
    id: media.id,
    messaging_product: 'whatsapp',
  };
}

function uploadError(details: string): GraphError {
  return new GraphError({ code: 131053, message: '(#131053) Media upload error', details });
}

async function readUpload(req: FastifyRequest): Promise<{ fields: Record<string, string>; file?: { data: Buffer; mimetype: string; filename: string } }> {
  if (typeof req.isMultipart !== 'function' || !req.isMultipart()) {
    throw invalidParameter('The request must be multipart/form-data with the parts file, type and messaging_product.');
  }
  const fields: Record<string, string> = {};
  let file: { data: Buffer; mimetype: string; filename: string } | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw invalidParameter(`Unexpected file part '${part.fieldname}': the file must be sent as 'file'.`);
        file = { data: await part.toBuffer(), mimetype: part.mimetype, filename: part.filename };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw uploadError(`File exceeds the maximum upload size of ${MAX_UPLOAD_BYTES} bytes.`);
    if (code === 'FST_FILES_LIMIT') throw invalidParameter('Only one file may be uploaded per request.');
    throw e;
  }
  return { fields, file };
}
