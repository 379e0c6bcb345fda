import { invalidParameter, invalidValue, missingParameter } from './graph-error.ts';
import { FieldPath, isUrl, optionalString, requireObject, requireString } from './field-checks.ts';
import type { MediaKind } from './media-rules.ts';

/** A media object found in a send request; ids are resolved against the media store afterwards. */
export interface MediaReference {
  kind: MediaKind;
  path: string;
  id?: string;
  link?: string;
}

const CAPTIONED: readonly MediaKind[] = ['image', 'video', 'document'];

/**
 * Checks a media object (`image`, `video`, `audio`, `document`, `sticker`, or a header's): exactly
 * one of `id` or an https `link`, captions only where Meta shows them, `filename` only on documents.
 */
export function validateMedia(kind: MediaKind, value: unknown, path: FieldPath, o: { captionAllowed?: boolean } = {}): MediaReference {
  const media = requireObject(value, path);
  const hasId = media.id !== undefined;
  const hasLink = media.link !== undefined;
  if (hasId && hasLink) throw invalidParameter(`Param ${path} must contain exactly one of id or link, not both.`);
  if (!hasId && !hasLink) throw missingParameter(`${path.at('id')} or ${path.at('link')}`);
  const ref: MediaReference = { kind, path: String(path) };
  if (hasId) {
    ref.id = requireString(media.id, path.at('id'));
    if (!/^\d+$/.test(ref.id)) throw invalidParameter(`Param ${path.at('id')} is not a valid whatsapp business account media attachment ID`);
  } else {
    ref.link = requireString(media.link, path.at('link'));
    if (!isUrl(ref.link, ['https:'])) throw invalidValue(`Param ${path.at('link')} must be a valid https URL.`);
  }
  if (media.caption !== undefined) {
    if (!(o.captionAllowed ?? CAPTIONED.includes(kind))) throw invalidParameter(`Param ${path.at('caption')} is not supported for ${kind} media.`);
    optionalString(media.caption, path.at('caption'), { max: 1024, allowEmpty: true });
  }
  if (media.filename !== undefined) {
    if (kind !== 'document') throw invalidParameter(`Param ${path.at('filename')} is only supported for documents.`);
    optionalString(media.filename, path.at('filename'), { max: 240 });
  }
  return ref;
}
