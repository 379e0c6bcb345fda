// The emulator's public surface; import from here.
export { createEmulator } from './create-emulator.ts';
export { startStandaloneEmulator } from './start-standalone-emulator.ts';
export { metaStringify, hubSignature } from './meta-json.ts';
export type { Emulator, EmulatorOptions, Fault, MarkRead, SentMessage, SentStatus, UserMessage } from './emulator-types.ts';
export type { BusinessInput, TemplateDefinition } from './business-directory.ts';
export type { WebhookAttempt } from './webhook-delivery.ts';
