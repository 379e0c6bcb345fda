import { invalidParameter, invalidValue, missingParameter } from './graph-error.ts';
import {
  type FieldPath,
  type Json,
  hasEmoji,
  isObject,
  isUrl,
  optionalObject,
  optionalOneOf,
  optionalString,
  requireArray,
  requireObject,
  requireOneOf,
  requireString,
} from './field-checks.ts';
import { type MediaReference, validateMedia } from './validate-media.ts';

const INTERACTIVE_TYPES = ['button', 'list', 'cta_url', 'location_request_message', 'flow'] as const;
type InteractiveType = (typeof INTERACTIVE_TYPES)[number];

// Meta also has product, product_list, catalog_message and others; Marquee sends none of them, so
// the emulator refuses them by name instead of accepting something it cannot check.
const UNSUPPORTED_TYPES = ['product', 'product_list', 'catalog_message', 'call_permission_request', 'carousel'];

type HeaderKind = 'text' | 'image' | 'video' | 'document';
const HEADERS: Record<InteractiveType, readonly HeaderKind[]> = {
  button: ['text', 'image', 'video', 'document'],
  list: ['text'],
  cta_url: ['text', 'image', 'video', 'document'],
  location_request_message: [],
  flow: ['text', 'image', 'video', 'document'],
};

/** Checks an `interactive` object against every limit Meta enforces; returns media used in its header. */
export function validateInteractive(value: unknown, path: FieldPath): MediaReference[] {
  const interactive = requireObject(value, path);
  const typePath = path.at('type');
  if (typeof interactive.type === 'string' && UNSUPPORTED_TYPES.includes(interactive.type)) {
    throw invalidParameter(`Param ${typePath} "${interactive.type}" is not supported by the emulator (Marquee does not send it).`);
  }
  const type = requireOneOf(interactive.type, typePath, INTERACTIVE_TYPES);
  const media = validateHeader(interactive.header, path.at('header'), type);

  const body = requireObject(interactive.body, path.at('body'));
  requireString(body.text, path.at('body').at('text'), { max: 1024 });

  if (interactive.footer !== undefined) {
    if (type === 'location_request_message') throw invalidParameter(`Param ${path.at('footer')} is not supported for ${type} messages.`);
    const footer = requireObject(interactive.footer, path.at('footer'));
    requireString(footer.text, path.at('footer').at('text'), { max: 60 });
  }

  const action = requireObject(interactive.action, path.at('action'));
  const actionPath = path.at('action');
  switch (type) {
    case 'button':
      validateButtons(action, actionPath);
      break;
    case 'list':
      validateList(action, actionPath);
      break;
    case 'cta_url':
      validateCtaUrl(action, actionPath);
      break;
    case 'location_request_message':
      requireOneOf(action.name, actionPath.at('name'), ['send_location']);
      break;
    case 'flow':
      validateFlow(action, actionPath);
      break;
  }
  return media;
}

function validateHeader(value: unknown, path: FieldPath, type: InteractiveType): MediaReference[] {
  if (value === undefined) return [];
  const allowed = HEADERS[type];
  if (allowed.length === 0) throw invalidParameter(`Param ${path} is not supported for ${type} messages.`);
  const header = requireObject(value, path);
  const kind = requireOneOf(header.type, path.at('type'), allowed);
  if (kind === 'text') {
    requireString(header.text, path.at('text'), { max: 60 });
    return [];
  }
  return [validateMedia(kind, header[kind], path.at(kind), { captionAllowed: false })];
}

function validateButtons(action: Json, path: FieldPath): void {
  const buttons = requireArray(action.buttons, path.at('buttons'), 1, 3);
  const titles = new Set<string>();
  buttons.forEach((b, i) => {
    const bp = path.at('buttons').at(i);
    const button = requireObject(b, bp);
    requireOneOf(button.type, bp.at('type'), ['reply']);
    const reply = requireObject(button.reply, bp.at('reply'));
    const id = requireString(reply.id, bp.at('reply').at('id'), { max: 256 });
    if (id !== id.trim()) throw invalidValue(`Param ${bp.at('reply').at('id')} must not have leading or trailing spaces.`);
    const title = requireString(reply.title, bp.at('reply').at('title'), { max: 20 });
    if (titles.has(title)) throw invalidValue(`Param ${bp.at('reply').at('title')} must be unique: "${title}" is used by another button.`);
    titles.add(title);
  });
}

function validateList(action: Json, path: FieldPath): void {
  requireString(action.button, path.at('button'), { max: 20 });
  const sections = requireArray(action.sections, path.at('sections'), 1, 10);
  const rowIds = new Set<string>();
  let rows = 0;
  sections.forEach((s, i) => {
    const sp = path.at('sections').at(i);
    const section = requireObject(s, sp);
    if (sections.length > 1 || section.title !== undefined) {
      requireString(section.title, sp.at('title'), { max: 24 });
    }
    const sectionRows = requireArray(section.rows, sp.at('rows'), 1, 10);
    rows += sectionRows.length;
    if (rows > 10) throw invalidValue(`Total row count exceed max allowed count: 10 (${path.at('sections')} has ${countRows(sections)} rows).`);
    sectionRows.forEach((r, j) => {
      const rp = sp.at('rows').at(j);
      const row = requireObject(r, rp);
      const id = requireString(row.id, rp.at('id'), { max: 200 });
      if (rowIds.has(id)) throw invalidValue(`Param ${rp.at('id')} must be unique across all rows: "${id}" is used by another row.`);
      rowIds.add(id);
      requireString(row.title, rp.at('title'), { max: 24 });
      optionalString(row.description, rp.at('description'), { max: 72 });
    });
  });
}

function countRows(sections: unknown[]): number {
  return sections.reduce<number>((n, s) => n + (isObject(s) && Array.isArray(s.rows) ? s.rows.length : 0), 0);
}

function validateCtaUrl(action: Json, path: FieldPath): void {
  requireOneOf(action.name, path.at('name'), ['cta_url']);
  const params = requireObject(action.parameters, path.at('parameters'));
  requireString(params.display_text, path.at('parameters').at('display_text'), { max: 20 });
  const url = requireString(params.url, path.at('parameters').at('url'));
  if (!isUrl(url, ['https:', 'http:'])) throw invalidValue(`Param ${path.at('parameters').at('url')} must be a valid URL.`);
}

function validateFlow(action: Json, path: FieldPath): void {
  requireOneOf(action.name, path.at('name'), ['flow']);
  const pp = path.at('parameters');
  const params = requireObject(action.parameters, pp);
  if (params.flow_message_version === undefined) throw missingParameter(String(pp.at('flow_message_version')));
  if (params.flow_message_version !== '3') {
    throw invalidValue(`Param ${pp.at('flow_message_version')} must be "3" - got ${JSON.stringify(params.flow_message_version)}.`);
  }
  const hasId = params.flow_id !== undefined;
  const hasName = params.flow_name !== undefined;
  if (hasId && hasName) throw invalidParameter(`Params ${pp.at('flow_id')} and ${pp.at('flow_name')} cannot both be set.`);
  if (!hasId && !hasName) throw missingParameter(`${pp.at('flow_id')} or ${pp.at('flow_name')}`);
  if (hasId) requireString(params.flow_id, pp.at('flow_id'));
  else requireString(params.flow_name, pp.at('flow_name'));
  const cta = requireString(params.flow_cta, pp.at('flow_cta'), { max: 20 });
  if (hasEmoji(cta)) throw invalidValue(`Param ${pp.at('flow_cta')} must not contain emoji.`);
  optionalString(params.flow_token, pp.at('flow_token'));
  optionalOneOf(params.mode, pp.at('mode'), ['draft', 'published']);
  const flowAction = optionalOneOf(params.flow_action, pp.at('flow_action'), ['navigate', 'data_exchange']) ?? 'navigate';
  const payload = optionalObject(params.flow_action_payload, pp.at('flow_action_payload'));
  if (payload) {
    if (flowAction !== 'navigate') throw invalidParameter(`Param ${pp.at('flow_action_payload')} is only allowed with flow_action "navigate".`);
    requireString(payload.screen, pp.at('flow_action_payload').at('screen'));
    const data = optionalObject(payload.data, pp.at('flow_action_payload').at('data'));
    if (data && Object.keys(data).length === 0) throw invalidValue(`Param ${pp.at('flow_action_payload').at('data')} must not be an empty object.`);
  }
}
