/**
 * One turn of the dialogue being assembled: the state as it moves, the replies and the commands.
 * Local mutation inside a pure `step`; nothing escapes but the finished StepResult.
 */
import { t, type MessageKey, type Params } from './messages/index.ts';
import type { SessionState } from './session-state.ts';
import type { ChatContext, ChoiceOption, Command, Lang, Reply, StepResult } from './types.ts';

export class Turn {
  readonly replies: Reply[] = [];
  readonly commands: Command[] = [];
  /** A line to put in front of the next prompt ("That menu has expired."), so it costs no extra message. */
  private notices: string[] = [];

  constructor(
    public state: SessionState,
    readonly ctx: ChatContext,
  ) {}

  get lang(): Lang {
    return this.state.lang;
  }

  /** The text for `key` in the customer's language, with the cinema's own wording where it has one. */
  say(key: MessageKey, params?: Params): string {
    return t(this.lang, key, params, this.ctx.cinema.texts);
  }

  update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
  }

  note(text: string): void {
    if (text.trim() !== '') this.notices.push(text);
  }

  get hasNotice(): boolean {
    return this.notices.length > 0;
  }

  private withNotice(text: string): string {
    const all = [...this.notices, text].filter((s) => s.trim() !== '');
    this.notices = [];
    return all.join('\n\n');
  }

  /** Sends a text, after any pending notice. */
  tell(text: string): void {
    this.replies.push({ type: 'text', text: this.withNotice(text) });
  }

  /** Offers a choice (after any pending notice); a typed number now picks from these options. */
  offer(text: string, options: ChoiceOption[], extra: { button?: string; header?: string; footer?: string } = {}): void {
    this.replies.push({ type: 'choice', text: this.withNotice(text), options, ...definedOnly(extra) });
    this.update({ menu: options.map((o) => o.id) });
  }

  /** A reply that carries no prompt (a pin, a ticket); notices stay for the prompt that follows. */
  push(reply: Reply): void {
    this.replies.push(reply);
  }

  command(c: Command): void {
    this.commands.push(c);
  }

  /** The finished turn; a notice nobody prompted after is still said. */
  finish(): StepResult {
    if (this.notices.length > 0) this.tell('');
    return { state: this.state, replies: this.replies, commands: this.commands };
  }
}

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
