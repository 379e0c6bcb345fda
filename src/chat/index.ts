/** The booking conversation as a pure dialogue, its persisted state, its words and its WhatsApp renderer. */
export { step } from './step.ts';
export { parseSessionState, freshState, SESSION_VERSION, type SessionState } from './session-state.ts';
export { renderWhatsApp } from './render-whatsapp.ts';
export { t, type MessageKey } from './messages/index.ts';
export type * from './types.ts';
