import type { DbOrTrx } from '../db/database.ts';
import { getCinema } from '../tenants/cinemas.ts';
import { queueOutbound } from './outbox.ts';

/**
 * A staff notification refused for the 24-hour window (131047, at send time or later in a status)
 * goes again as the cinema's approved template, its text as the body parameter. Without a template
 * configured it stays failed, visible to staff in the dashboard.
 */
export async function resendAsStaffTemplate(
  db: DbOrTrx,
  now: number,
  row: { id: number; kind: string; cinema_id: string; to_enc: string | null; payload_json: string },
): Promise<boolean> {
  if (row.kind !== 'staff') return false;
  const cinema = await getCinema(db, row.cinema_id);
  const tpl = cinema?.settings.staffTemplate;
  if (!cinema || !tpl) return false;
  const msg = JSON.parse(row.payload_json) as { text?: { body?: unknown } };
  const text = typeof msg.text?.body === 'string' ? msg.text.body : 'Booking update';
  await queueOutbound(db, now, [
    {
      cinemaId: row.cinema_id,
      toEnc: row.to_enc,
      kind: 'staff_template',
      dedupeKey: `template:${row.id}`,
      message: {
        type: 'template',
        // Template parameters may not contain new lines or long runs of spaces.
        template: { name: tpl.name, language: { code: tpl.languageCode }, components: [{ type: 'body', parameters: [{ type: 'text', text: text.replace(/\s*\n\s*/g, ' · ').replace(/\s{4,}/g, ' ').slice(0, 1000) }] }] },
      },
    },
  ]);
  return true;
}
