import { invalidParameter, invalidValue } from './graph-error.ts';
import {
  type FieldPath,
  type Json,
  optionalOneOf,
  optionalString,
  requireArray,
  requireNumber,
  requireObject,
  requireOneOf,
  requireString,
} from './field-checks.ts';
import { type MediaReference, validateMedia } from './validate-media.ts';

/** What the registry check needs from a validated template message. */
export interface TemplateUse {
  name: string;
  language: string;
  /** Parameters given per component type (`body`, `header`, `button:0`…). */
  parameterCounts: Record<string, number>;
  media: MediaReference[];
}

const COMPONENT_TYPES = ['header', 'body', 'button'] as const;
const BUTTON_SUB_TYPES = ['quick_reply', 'url', 'copy_code', 'flow', 'catalog', 'mpm', 'voice_call', 'order_details'] as const;
const PARAMETER_TYPES = ['text', 'currency', 'date_time', 'image', 'document', 'video', 'location', 'payload', 'action', 'coupon_code'] as const;

/** Checks a `template` object: name, language, and each component's parameters. */
export function validateTemplate(value: unknown, path: FieldPath): TemplateUse {
  const template = requireObject(value, path);
  const name = requireString(template.name, path.at('name'), { max: 512 });
  if (!/^[a-z0-9_]+$/.test(name)) throw invalidValue(`Param ${path.at('name')} may contain only lowercase letters, digits and underscores.`);
  const language = requireObject(template.language, path.at('language'));
  const code = requireString(language.code, path.at('language').at('code'));
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(code)) throw invalidValue(`Param ${path.at('language').at('code')} is not a valid language code: "${code}".`);
  optionalOneOf(language.policy, path.at('language').at('policy'), ['deterministic']);

  const use: TemplateUse = { name, language: code, parameterCounts: {}, media: [] };
  if (template.components === undefined) return use;
  const components = requireArray(template.components, path.at('components'), 0, 20);
  components.forEach((c, i) => {
    const cp = path.at('components').at(i);
    const component = requireObject(c, cp);
    const type = requireOneOf(component.type, cp.at('type'), COMPONENT_TYPES);
    let key: string = type;
    if (type === 'button') {
      const subType = requireOneOf(component.sub_type, cp.at('sub_type'), BUTTON_SUB_TYPES);
      const index = component.index;
      if (index === undefined) throw invalidParameter(`Param ${cp.at('index')} is required for button components.`);
      if (!((typeof index === 'string' && /^[0-9]$/.test(index)) || (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index <= 9))) {
        throw invalidValue(`Param ${cp.at('index')} must be a digit between 0 and 9.`);
      }
      key = `button:${index}`;
      if (use.parameterCounts[key] !== undefined) throw invalidValue(`Param ${cp.at('index')} repeats button index ${index}.`);
      if (subType === 'quick_reply' && component.parameters === undefined) {
        throw invalidParameter(`Param ${cp.at('parameters')} is required for quick_reply buttons.`);
      }
    } else if (use.parameterCounts[key] !== undefined) {
      throw invalidValue(`Param ${cp} repeats the ${type} component.`);
    }
    const parameters = component.parameters === undefined ? [] : requireArray(component.parameters, cp.at('parameters'), 0, 100);
    parameters.forEach((p, j) => validateParameter(p, cp.at('parameters').at(j), type, use.media));
    use.parameterCounts[key] = parameters.length;
  });
  return use;
}

function validateParameter(value: unknown, path: FieldPath, component: (typeof COMPONENT_TYPES)[number], media: MediaReference[]): void {
  const p = requireObject(value, path);
  const type = requireOneOf(p.type, path.at('type'), PARAMETER_TYPES);
  optionalString(p.parameter_name, path.at('parameter_name'));
  switch (type) {
    case 'text':
      // Meta: header variables ≤ 60 characters; body variables share the 1024 body budget.
      requireString(p.text, path.at('text'), { max: component === 'header' ? 60 : component === 'button' ? 2000 : 1024 });
      break;
    case 'payload':
      requireString(p.payload, path.at('payload'), { max: 256 });
      break;
    case 'coupon_code':
      requireString(p.coupon_code, path.at('coupon_code'), { max: 15 });
      break;
    case 'currency': {
      const c = requireObject(p.currency, path.at('currency'));
      requireString(c.fallback_value, path.at('currency').at('fallback_value'));
      requireString(c.code, path.at('currency').at('code'), { max: 3 });
      requireNumber(c.amount_1000, path.at('currency').at('amount_1000'), -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      break;
    }
    case 'date_time': {
      const d = requireObject(p.date_time, path.at('date_time'));
      requireString(d.fallback_value, path.at('date_time').at('fallback_value'));
      break;
    }
    case 'location': {
      if (component !== 'header') throw invalidParameter(`Param ${path.at('type')} "location" is only allowed in a header.`);
      validateLocationObject(p.location, path.at('location'));
      break;
    }
    case 'image':
    case 'document':
    case 'video':
      if (component !== 'header') throw invalidParameter(`Param ${path.at('type')} "${type}" is only allowed in a header.`);
      media.push(validateMedia(type, p[type], path.at(type), { captionAllowed: false }));
      break;
    case 'action':
      requireObject(p.action, path.at('action'));
      break;
  }
}

/** Latitude/longitude (required, in range) plus optional name and address. */
export function validateLocationObject(value: unknown, path: FieldPath): Json {
  const location = requireObject(value, path);
  requireNumber(location.latitude, path.at('latitude'), -90, 90);
  requireNumber(location.longitude, path.at('longitude'), -180, 180);
  optionalString(location.name, path.at('name'), { max: 1000 });
  optionalString(location.address, path.at('address'), { max: 1000 });
  return location;
}
