/**
 * A scenario builder for replayed conversations: `conversation().say('hi').tap('Retro')…`.
 * Each input runs through `step`, its commands through a fake executor whose results are fed
 * back, as the application does. Every turn is checked on the way: at most three replies, every
 * reply renders to WhatsApp messages that pass validateOutgoing, and the state survives being
 * saved and loaded unchanged.
 */
import assert from 'node:assert/strict';
import { validateOutgoing } from '../../whatsapp/outgoing.ts';
import { renderWhatsApp } from '../render-whatsapp.ts';
import { parseSessionState, type SessionState } from '../session-state.ts';
import { stepUnguarded } from '../step.ts';
import type { ChatContext, ChatInput, Command, InboundContent, Reply } from '../types.ts';
import { FakeExecutor } from './fake-executor.ts';
import { fixtureContext, NOW } from './fixture.ts';

type Choice = Extract<Reply, { type: 'choice' }>;

export const MAX_REPLIES_PER_MESSAGE = 3;

/** The text a reply shows, whatever its kind. */
export function replyText(r: Reply): string {
  switch (r.type) {
    case 'text':
      return r.text;
    case 'choice':
      return [r.text, ...r.options.map((o) => `${o.title} ${o.description ?? ''}`)].join('\n');
    case 'location':
      return `${r.name} ${r.address}`;
    case 'ticket':
      return r.caption;
  }
}

/** Renders and validates a reply as the application would send it; throws on any broken limit. */
export function assertRenderable(reply: Reply, lang: SessionState['lang']): void {
  if (reply.type === 'ticket') {
    assert.ok(reply.caption.trim() !== '' && reply.caption.length <= 1024, `ticket caption must fit an image caption: ${reply.caption.length}`);
    return;
  }
  const messages = renderWhatsApp(reply, lang);
  assert.ok(messages.length > 0, `a ${reply.type} reply rendered to nothing`);
  for (const m of messages) assert.deepEqual(validateOutgoing(m), [], `invalid WhatsApp message ${JSON.stringify(m)}`);
}

/** A saved-and-loaded state must be the state that was saved. */
export function assertPersistable(state: SessionState): SessionState {
  const stored = JSON.parse(JSON.stringify(state)) as unknown;
  const loaded = parseSessionState(stored);
  assert.deepEqual(loaded, stored, 'the session state must survive a save and load unchanged');
  return loaded;
}

export interface TurnRecord {
  input: ChatInput;
  replies: Reply[];
  commands: Command[];
}

export class Conversation {
  state: SessionState | undefined;
  now: number;
  executor = new FakeExecutor();
  readonly turns: TurnRecord[] = [];
  /** Messages the customer sent (taps and typed text alike). */
  customerMessages = 0;
  /** Bookings cancelled in this conversation; they drop out of the customer's list. */
  private readonly cancelledRefs: string[] = [];

  constructor(private readonly base: ChatContext) {
    this.now = base.now;
  }

  context(): ChatContext {
    const cancelled = new Set(this.cancelledRefs);
    const bookings = [...this.base.bookings, ...this.executor.bookings].filter((b) => !cancelled.has(b.ref));
    return { ...this.base, now: this.now, bookings };
  }

  /** An independent copy at this point of the conversation, to try another continuation. */
  fork(): Conversation {
    const copy = new Conversation(this.base);
    copy.state = this.state === undefined ? undefined : (JSON.parse(JSON.stringify(this.state)) as SessionState);
    copy.now = this.now;
    copy.executor = this.executor.clone();
    copy.turns.push(...this.turns.slice(-1));
    copy.customerMessages = this.customerMessages;
    copy.cancelledRefs.push(...this.cancelledRefs);
    return copy;
  }

  /** Runs one input and everything it sets off; returns the replies of the whole turn. */
  input(input: ChatInput): Reply[] {
    const ctx = this.context();
    if (input.kind === 'message') this.customerMessages++;
    const first = stepUnguarded(this.state, input, ctx);
    let state = assertPersistable(first.state);
    const replies = [...first.replies];
    const commands: Command[] = [];
    const queue = [...first.commands];
    while (queue.length > 0) {
      const cmd = queue.shift()!;
      commands.push(cmd);
      const result = this.executor.run(cmd, ctx);
      if (result?.type === 'cancel_ok') this.cancelledRefs.push(result.ref);
      if (!result) continue;
      const next = stepUnguarded(state, { kind: 'result', result }, ctx);
      state = assertPersistable(next.state);
      replies.push(...next.replies);
      queue.push(...next.commands);
    }
    assert.ok(replies.length <= MAX_REPLIES_PER_MESSAGE, `at most ${MAX_REPLIES_PER_MESSAGE} replies per input, got ${replies.length}: ${replies.map(replyText).join(' | ')}`);
    for (const r of replies) assertRenderable(r, state.lang);
    this.state = state;
    this.turns.push({ input, replies, commands });
    return replies;
  }

  send(content: InboundContent): this {
    this.input({ kind: 'message', content });
    return this;
  }

  say(text: string): this {
    return this.send({ type: 'text', text });
  }

  /** Taps the option whose title (or id) is `label` in the most recent choice offered. */
  tap(label: string | RegExp): this {
    const choice = this.lastChoice();
    const option = choice.options.find((o) => (typeof label === 'string' ? o.title === label || o.id === label : label.test(o.title)));
    assert.ok(option, `no option ${String(label)} among: ${choice.options.map((o) => o.title).join(' / ')}`);
    return this.send(choice.options.length <= 3 ? { type: 'button_reply', id: option.id, title: option.title } : { type: 'list_reply', id: option.id, title: option.title });
  }

  /** A tap arriving with an id from some earlier message. */
  tapId(id: string, title = 'old option'): this {
    return this.send({ type: 'button_reply', id, title });
  }

  timer(timer: 'hold_warning' | 'hold_expired', holdId?: string): this {
    const id = holdId ?? this.state?.slots.hold?.id;
    assert.ok(id, 'no hold to time');
    this.input({ kind: 'timer', timer, holdId: id });
    return this;
  }

  handoffEnded(): this {
    this.input({ kind: 'handoff_ended' });
    return this;
  }

  advance(minutes: number): this {
    this.now += minutes * 60_000;
    return this;
  }

  /** Replies of the latest input. */
  get replies(): Reply[] {
    return this.turns.at(-1)?.replies ?? [];
  }

  get commands(): Command[] {
    return this.turns.at(-1)?.commands ?? [];
  }

  get text(): string {
    return this.replies.map(replyText).join('\n');
  }

  lastChoice(): Choice {
    for (let i = this.turns.length - 1; i >= 0; i--) {
      const c = [...this.turns[i]!.replies].reverse().find((r): r is Choice => r.type === 'choice');
      if (c) return c;
    }
    assert.fail('no choice has been offered');
  }

  expectText(pattern: RegExp | string): this {
    const text = this.text;
    assert.ok(typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text), `expected ${String(pattern)} in:\n${text}`);
    return this;
  }

  expectNoText(pattern: RegExp | string): this {
    const text = this.text;
    assert.ok(!(typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)), `did not expect ${String(pattern)} in:\n${text}`);
    return this;
  }

  expectStep(name: SessionState['step']['name']): this {
    assert.equal(this.state?.step.name, name, `step after: ${this.text}`);
    return this;
  }

  expectOptions(...titles: string[]): this {
    const have = this.lastChoice().options.map((o) => o.title);
    for (const t of titles) assert.ok(have.includes(t), `expected option ${t} among ${have.join(' / ')}`);
    return this;
  }

  expectReplies(n: number): this {
    assert.equal(this.replies.length, n, `replies: ${this.replies.map(replyText).join(' | ')}`);
    return this;
  }

  expectCommand(type: Command['type']): this {
    assert.ok(this.commands.some((c) => c.type === type), `expected a ${type} command, got ${this.commands.map((c) => c.type).join(', ')}`);
    return this;
  }

  expectTicket(): this {
    assert.ok(this.replies.some((r) => r.type === 'ticket'), 'expected a ticket');
    return this;
  }

  /** Runs a check against the conversation without breaking the chain. */
  check(fn: (c: this) => void): this {
    fn(this);
    return this;
  }
}

/** A conversation with the fixture cinema, optionally adjusted. */
export function conversation(over: Parameters<typeof fixtureContext>[0] = {}): Conversation {
  return new Conversation(fixtureContext({ now: NOW, ...over }));
}
