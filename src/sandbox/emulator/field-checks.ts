import { invalidParameter, invalidValue, missingParameter } from './graph-error.ts';

/**
 * A parameter path written the way Meta writes it in error details:
 * `interactive['action']['buttons'][0]['reply']['title']`.
 */
export class FieldPath {
  constructor(private readonly segments: readonly (string | number)[]) {}

  /** The path of a child key or array index. */
  at(key: string | number): FieldPath {
    return new FieldPath([...this.segments, key]);
  }

  toString(): string {
    const [first, ...rest] = this.segments;
    return String(first) + rest.map((s) => (typeof s === 'number' ? `[${s}]` : `['${s}']`)).join('');
  }
}

/** The root of a path, e.g. `field('text')`. */
export function field(name: string): FieldPath {
  return new FieldPath([name]);
}

export type Json = Record<string, unknown>;

/** Whether `v` is a plain JSON object (not an array or null). */
export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A required JSON object at `path`. */
export function requireObject(v: unknown, path: FieldPath): Json {
  if (v === undefined || v === null) throw missingParameter(String(path));
  if (!isObject(v)) throw invalidParameter(`Param ${path} must be a JSON object.`);
  return v;
}

/** An optional JSON object at `path`. */
export function optionalObject(v: unknown, path: FieldPath): Json | undefined {
  return v === undefined ? undefined : requireObject(v, path);
}

export interface StringRule {
  max?: number;
  /** Allow "" (e.g. a reaction's emoji, where empty removes the reaction). */
  allowEmpty?: boolean;
}

/** A required string; lengths are counted in UTF-16 units like JavaScript's `.length`. */
export function requireString(v: unknown, path: FieldPath, rule: StringRule = {}): string {
  if (v === undefined || v === null) throw missingParameter(String(path));
  return checkString(v, path, rule);
}

/** An optional string, checked like `requireString` when present. */
export function optionalString(v: unknown, path: FieldPath, rule: StringRule = {}): string | undefined {
  return v === undefined ? undefined : checkString(v, path, rule);
}

function checkString(v: unknown, path: FieldPath, rule: StringRule): string {
  if (typeof v !== 'string') throw invalidParameter(`Param ${path} must be a string.`);
  if (!rule.allowEmpty && v.trim().length === 0) throw invalidValue(`Param ${path} must not be empty.`);
  if (rule.max !== undefined && v.length > rule.max) {
    throw invalidValue(`Param ${path} must be at most ${rule.max} characters long (got ${v.length}).`);
  }
  return v;
}

/** A required array with between `min` and `max` items. */
export function requireArray(v: unknown, path: FieldPath, min: number, max?: number): unknown[] {
  if (v === undefined || v === null) throw missingParameter(String(path));
  if (!Array.isArray(v)) throw invalidParameter(`Param ${path} must be an array.`);
  if (v.length < min) throw invalidValue(`Param ${path} must have at least ${min} item${min === 1 ? '' : 's'} (got ${v.length}).`);
  if (max !== undefined && v.length > max) throw invalidValue(`Param ${path} must have at most ${max} items (got ${v.length}).`);
  return v;
}

/** A required string that must be one of `values`. */
export function requireOneOf<T extends string>(v: unknown, path: FieldPath, values: readonly T[]): T {
  const s = requireString(v, path);
  if (!(values as readonly string[]).includes(s)) {
    throw invalidParameter(`Param ${path} must be one of {${values.join(', ')}} - got "${s}".`);
  }
  return s as T;
}

/** An optional string that must be one of `values` when present. */
export function optionalOneOf<T extends string>(v: unknown, path: FieldPath, values: readonly T[]): T | undefined {
  return v === undefined ? undefined : requireOneOf(v, path, values);
}

/** An optional boolean. */
export function optionalBoolean(v: unknown, path: FieldPath): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw invalidParameter(`Param ${path} must be a boolean.`);
  return v;
}

/** A required number (Meta also takes numeric strings for coordinates) within [min, max]. */
export function requireNumber(v: unknown, path: FieldPath, min: number, max: number): number {
  if (v === undefined || v === null) throw missingParameter(String(path));
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw invalidParameter(`Param ${path} must be a number.`);
  if (n < min || n > max) throw invalidValue(`Param ${path} must be between ${min} and ${max} (got ${n}).`);
  return n;
}

/** Whether `s` is an absolute URL with one of the given protocols (e.g. `['https:']`). */
export function isUrl(s: string, protocols: readonly string[]): boolean {
  try {
    const u = new URL(s);
    return protocols.includes(u.protocol) && u.hostname.length > 0;
  } catch {
    return false;
  }
}

const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

/** Whether `s` contains an emoji (used where Meta forbids them, e.g. a flow CTA). */
export function hasEmoji(s: string): boolean {
  return PICTOGRAPHIC.test(s);
}

/** Whether `s` is exactly one emoji grapheme (what a reaction carries). */
export function isSingleEmoji(s: string): boolean {
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)];
  return graphemes.length === 1 && PICTOGRAPHIC.test(s);
}
