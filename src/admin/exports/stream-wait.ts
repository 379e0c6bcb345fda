import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/** Something that emits `drain`: a Node stream, or the older readable-stream ones inside exceljs. */
export interface DrainEmitter {
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/**
 * Resolves when `source` drains; rejects if `out` closes first. A download the client abandons
 * then ends the export instead of leaving it waiting for ever.
 */
export function drained(source: DrainEmitter, out: Writable): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('export destination closed'));
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      out.removeListener('close', onClose);
      resolve();
    };
    const onClose = () => {
      source.removeListener('drain', onDrain);
      reject(new Error('export destination closed'));
    };
    source.once('drain', onDrain);
    out.once('close', onClose);
  });
}

/** Resolves when everything written to `out` has been flushed; rejects if it closes early or fails. */
export function flushed(out: Writable): Promise<void> {
  return finished(out, { readable: false });
}
