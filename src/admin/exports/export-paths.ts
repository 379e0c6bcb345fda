import crypto from 'node:crypto';
import path from 'node:path';

/** The folder name for a cinema: its id when that is a safe file name (it always is for ids we mint), else a hash of it. */
export function cinemaFolder(cinemaId: string): string {
  return /^[A-Za-z0-9_-]{1,80}$/.test(cinemaId) ? cinemaId : crypto.createHash('sha256').update(cinemaId).digest('hex').slice(0, 32);
}

/** Where a cinema's export files live: `<dataDir>/exports/<cinema folder>/`. */
export function exportDir(dataDir: string, cinemaId: string): string {
  return path.join(dataDir, 'exports', cinemaFolder(cinemaId));
}
