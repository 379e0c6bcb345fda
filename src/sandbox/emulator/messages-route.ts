import type { FastifyInstance } from 'fastify';
import { MESSAGING_SCOPE, type PhoneRecord } from './business-directory.ts';
import { errorForCode } from './error-catalogue.ts';
import type { SentMessage } from './emulator-types.ts';
import { type GraphContext, authenticate, parseBody, phoneFor, sendGraph } from './graph-context.ts';
import { GraphError, invalidParameter } from './graph-error.ts';
import { ANIMATED_STICKER_MAX_BYTES, STATIC_STICKER_MAX_BYTES, isAnimatedWebp, mimeFitsKind } from './media-rules.ts';
import type { StatusStage } from './status-queue.ts';
import { type MessageRequest, validateSendRequest } from './validate-send-request.ts';
import { displayDigits } from './webhook-envelope.ts';

/** `POST /{version}/{phone-number-id}/messages`: validate like Meta, accept, and queue the statuses that follow. */
export function registerMessagesRoute(app: FastifyInstance, ctx: GraphContext): void {
  app.post('/:version/:id/messages', async (req, reply) => {
    const { id } = req.params as { id: string };
    const token = authenticate(ctx, req);
    const phone = phoneFor(ctx, token, id, MESSAGING_SCOPE, 'post');
    let body: unknown;
    try {
      body = parseBody(req.body);
    } catch {
      throw invalidParameter('The request body is not valid JSON.');
    }
    const request = validateSendRequest(body);
    const now = ctx.clock.now();

    if (request.kind === 'mark_read') {
      if (!ctx.conversations.isInbound(phone.id, request.messageId)) {
        throw invalidParameter(`Param message_id is not a message received by this phone number: "${request.messageId}".`);
      }
      const read = { phoneNumberId: phone.id, messageId: request.messageId, typingIndicator: request.typingIndicator, at: now };
      ctx.conversations.addRead(read);
      ctx.events.emit('markRead', read);
      return sendGraph(reply, 200, { success: true });
    }

    if (request.waId && request.waId === displayDigits(phone)) throw errorForCode(131021);
    const mediaFailure = checkMedia(ctx, phone, request);
    checkTemplate(ctx, phone, request);

    const users = [request.waId, request.recipient];
    const fault = ctx.faults.take(phone.id, users);
    if (fault) ctx.events.emit('fault', { phoneNumberId: phone.id, to: request.waId ?? request.recipient, ...fault });
    if (fault?.kind === 'timeout') {
      // Never answered: the client must time out on its own; close() releases the socket.
      reply.hijack();
      ctx.hanging.add(req);
      req.raw.socket.once('close', () => ctx.hanging.delete(req));
      return reply;
    }
    if (fault?.kind === 'http500') throw errorForCode(1);
    if (fault?.kind === 'immediate') throw errorForCode(fault.code);
    if (ctx.throughput && !ctx.throughput.take(phone.id)) throw errorForCode(130429);
    const user = request.waId ?? request.recipient!;
    if (ctx.pairRate && !ctx.pairRate.take(`${phone.id}|${user}`)) throw errorForCode(131056);

    const message: SentMessage = {
      wamid: ctx.conversations.newWamid(),
      phoneNumberId: phone.id,
      to: request.waId,
      recipient: request.recipient,
      body: body as Record<string, unknown>,
      at: now,
      status: 'accepted',
    };
    ctx.conversations.addSent(message);
    ctx.events.emit('sent', message);

    const windowOpen = request.type === 'template' || users.some((u) => u && ctx.conversations.windowOpen(phone.id, u, now));
    let stages: StatusStage[];
    if (fault?.kind === 'status') stages = [{ status: 'failed', errorCode: fault.code }];
    else if (mediaFailure) stages = [{ status: 'failed', errorCode: mediaFailure }];
    else if (!windowOpen) stages = [{ status: 'failed', errorCode: 131047 }];
    else if (request.type === 'reaction') stages = [{ status: 'sent' }];
    else {
      const skipDelivered = ctx.readWithoutDeliveredRate > 0 && ctx.random() < ctx.readWithoutDeliveredRate;
      stages = skipDelivered ? [{ status: 'sent' }, { status: 'read' }] : [{ status: 'sent' }, { status: 'delivered' }, { status: 'read' }];
    }
    ctx.statuses.enqueue(message, stages, { pricing: pricingFor(request), bizOpaqueCallbackData: request.bizOpaqueCallbackData });

    const contact = request.to !== undefined ? { input: request.to, wa_id: request.waId } : { input: request.recipient, user_id: request.recipient };
    return sendGraph(reply, 200, {
      messaging_product: 'whatsapp',
      contacts: [contact],
      messages: [request.type === 'template' ? { id: message.wamid, message_status: 'accepted' } : { id: message.wamid }],
    });
  });
}

/**
 * Resolves uploaded-media ids: an unknown id (or one of another WABA) is refused at once, as Meta
 * does; a file that does not fit the message (a PDF as an image, an oversized static sticker) is
 * accepted and then fails with 131053, which Meta reports only in the status.
 */
function checkMedia(ctx: GraphContext, phone: PhoneRecord, request: MessageRequest): number | undefined {
  let failure: number | undefined;
  for (const ref of request.media) {
    if (ref.id === undefined) continue;
    const media = ctx.media.get(ref.id);
    if (!media || media.wabaId !== phone.wabaId) {
      throw invalidParameter(`Param ${ref.path}['id'] is not a valid whatsapp business account media attachment ID`);
    }
    if (!mimeFitsKind(media.mimeType, ref.kind)) failure = 131053;
    if (ref.kind === 'sticker') {
      const max = isAnimatedWebp(media.data) ? ANIMATED_STICKER_MAX_BYTES : STATIC_STICKER_MAX_BYTES;
      if (media.data.length > max) failure = 131053;
    }
  }
  return failure;
}

/** With registered templates, the name/language must exist (132001) and parameter counts match (132000). */
function checkTemplate(ctx: GraphContext, phone: PhoneRecord, request: MessageRequest): void {
  const use = request.template;
  const known = ctx.directory.templatesOf(phone.wabaId);
  if (!use || !known) return;
  const template = known.find((t) => t.name === use.name && t.language === use.language);
  if (!template) throw errorForCode(132001, `template name (${use.name}) does not exist in ${use.language}`);
  for (const [component, expected] of Object.entries(template.parameters ?? {})) {
    const given = use.parameterCounts[component] ?? 0;
    if (given !== expected) {
      throw new GraphError({
        code: 132000,
        message: '(#132000) Number of parameters does not match the expected number of params',
        details: `${component}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
      });
    }
  }
}

// Meta's per-message pricing (v24+): free-form replies in the window are free service messages.
function pricingFor(request: MessageRequest): Record<string, unknown> {
  return request.type === 'template'
    ? { billable: true, pricing_model: 'PMP', category: 'utility', type: 'regular' }
    : { billable: false, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' };
}
