import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Flash } from './layout.ts';

const FLASH_COOKIE = 'marquee_flash';

/** A one-time notice shown on the page after a redirect ("Show created"). Signed, so it cannot be forged. */
export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), { path: '/admin', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | null {
  const rawValue = request.cookies[FLASH_COOKIE];
  if (!rawValue) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/admin' });
  const unsigned = request.unsignCookie(rawValue);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const f = JSON.parse(unsigned.value) as Flash;
    return (f.kind === 'ok' || f.kind === 'warn' || f.kind === 'error') && typeof f.text === 'string' ? f : null;
  } catch {
    return null;
  }
}
