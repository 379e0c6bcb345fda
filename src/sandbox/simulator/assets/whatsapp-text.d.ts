// Types of the page's text helpers, for the tests that run them under Node.
export function escapeHtml(s: string): string;
export function formatWhatsAppText(text: string | null | undefined): string;
export function plainSnippet(text: string | null | undefined, max?: number): string;
