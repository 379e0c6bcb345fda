import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../../clock.ts';

export interface StoredMedia {
  id: string;
  data: Buffer;
  mimeType: string;
  filename?: string;
  sha256: string;
  phoneNumberId: string;
  wabaId: string;
  uploadedAt: number;
}

/** Meta keeps uploaded media for 30 days; download URLs live 5 minutes. */
const MEDIA_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const URL_TTL_MS = 5 * 60 * 1000;

/** Uploaded media (by the business or, for inbound messages, by users) and signed download URLs. */
export class MediaStore {
  private readonly items = new Map<string, StoredMedia>();
  private readonly urlKey = randomBytes(32);

  constructor(private readonly clock: Clock) {}

  /** Stores a file and returns its record with a fresh numeric id, like Meta's media ids. */
  put(o: { data: Buffer; mimeType: string; filename?: string; phoneNumberId: string; wabaId: string }): StoredMedia {
    let id: string;
    do id = String(randomInt(1, 10 ** 8)) + String(randomInt(0, 10 ** 8)).padStart(8, '0');
    while (this.items.has(id));
    const media: StoredMedia = { id, ...o, sha256: createHash('sha256').update(o.data).digest('hex'), uploadedAt: this.clock.now() };
    this.items.set(id, media);
    return media;
  }

  /** The media if it exists and has not expired. */
  get(id: string): StoredMedia | undefined {
    const m = this.items.get(id);
    if (!m) return undefined;
    if (this.clock.now() - m.uploadedAt > MEDIA_TTL_MS) {
      this.items.delete(id);
      return undefined;
    }
    return m;
  }

  delete(id: string): boolean {
    return this.items.delete(id);
  }

  /** The query string of a download URL for `id` (`ext` is the expiry, as in Meta's URLs), valid for five minutes of the emulator's clock. */
  downloadQuery(id: string): string {
    const expires = Math.floor((this.clock.now() + URL_TTL_MS) / 1000);
    return new URLSearchParams({ mid: id, ext: String(expires), hash: this.hash(id, expires) }).toString();
  }

  /** The media a download URL names, if its hash is genuine and it has not expired. */
  resolveDownload(q: { mid?: string; ext?: string; hash?: string }): StoredMedia | undefined {
    if (!q.mid || !q.ext || !q.hash) return undefined;
    const expires = Number(q.ext);
    if (!Number.isFinite(expires) || expires * 1000 < this.clock.now()) return undefined;
    if (q.hash !== this.hash(q.mid, expires)) return undefined;
    return this.get(q.mid);
  }

  private hash(id: string, expires: number): string {
    return createHmac('sha256', this.urlKey).update(`${id}:${expires}`).digest('base64url');
  }
}
