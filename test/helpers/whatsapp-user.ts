import type { Db } from '../../src/db/database.ts';
import type { Emulator, SentMessage } from '../../src/sandbox/emulator/index.ts';
import { lookupHash } from '../../src/tenants/secrets.ts';

interface Option {
  id: string;
  title: string;
  wamid: string;
  kind: 'button_reply' | 'list_reply';
}

/**
 * A WhatsApp user talking to a running Marquee through the emulator: every message is a signed
 * webhook into the real route, every answer is what the real Graph client sent. `say`/`tap` wait
 * until the bot has finished its turn and return the messages it sent.
 */
export class WhatsAppUser {
  private seen = 0;
  sentByUser = 0;
  /** Everything the bot sent this user, in order. */
  readonly received: SentMessage[] = [];

  constructor(
    private readonly emulator: Emulator,
    private readonly db: Db,
    private readonly secretKey: Buffer,
    readonly phoneNumberId: string,
    readonly from: string,
    readonly name = 'Test Customer',
  ) {}

  async say(text: string): Promise<SentMessage[]> {
    return this.send({ type: 'text', text: { body: text } });
  }

  async send(message: Record<string, unknown>, contextId?: string): Promise<SentMessage[]> {
    this.sentByUser++;
    const r = await this.emulator.userSends({ phoneNumberId: this.phoneNumberId, from: this.from, name: this.name, message, contextId });
    if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
    return this.settle();
  }

  /** Taps the newest option whose id starts with `prefix` (a reply button or a list row). */
  async tap(prefix: string): Promise<SentMessage[]> {
    const o = this.options().reverse().find((x) => x.id.startsWith(prefix));
    if (!o) throw new Error(`no option starting with ${prefix} among ${this.options().map((x) => x.id).join(', ')}`);
    this.sentByUser++;
    const message = o.kind === 'button_reply' ? { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: o.id, title: o.title } } } : { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: o.id, title: o.title } } };
    const r = await this.emulator.userSends({ phoneNumberId: this.phoneNumberId, from: this.from, name: this.name, message, contextId: o.wamid });
    if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
    return this.settle();
  }

  /** The options of the bot's last interactive message. */
  options(): Option[] {
    const last = [...this.received].reverse().find((m) => m.body.type === 'interactive');
    if (!last) return [];
    const i = last.body.interactive as { type: string; action: { buttons?: { reply: { id: string; title: string } }[]; sections?: { rows: { id: string; title: string }[] }[] } };
    if (i.type === 'button') return (i.action.buttons ?? []).map((b) => ({ id: b.reply.id, title: b.reply.title, wamid: last.wamid, kind: 'button_reply' as const }));
    if (i.type === 'list') return (i.action.sections ?? []).flatMap((s) => s.rows.map((r) => ({ id: r.id, title: r.title, wamid: last.wamid, kind: 'list_reply' as const })));
    return [];
  }

  /** Text of a message (body, interactive body or caption), for assertions. */
  static textOf(m: SentMessage): string {
    const b = m.body as Record<string, any>;
    return b.text?.body ?? b.interactive?.body?.text ?? b.image?.caption ?? b.location?.name ?? '';
  }

  lastText(): string {
    return this.received.length ? WhatsAppUser.textOf(this.received.at(-1)!) : '';
  }

  /** Waits until this customer's messages are processed and their replies sent. */
  private async settle(): Promise<SentMessage[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const customer = await this.db.selectFrom('customers').select('id').where('wa_id_hash', '=', lookupHash(this.secretKey, this.from)).executeTakeFirst();
      if (customer) {
        const pending = await this.db.selectFrom('inbound_messages').select('id').where('customer_id', '=', customer.id).where('status', '=', 'pending').executeTakeFirst();
        const open = await this.db.selectFrom('outbound_messages').select('id').where('customer_id', '=', customer.id).where('status', 'in', ['queued', 'sending']).executeTakeFirst();
        if (!pending && !open) break;
      }
      if (Date.now() > deadline) throw new Error('the bot did not finish its turn within 20 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    const all = this.emulator.sent({ phoneNumberId: this.phoneNumberId, to: this.from });
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    this.received.push(...fresh);
    return fresh;
  }
}
