// WhatsApp's text formatting (*bold*, _italic_, ~strike~, `code`, ```block```) and clickable links,
// rendered as safe HTML: the text is escaped first, and only our own tags are added.

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g;

/** Escapes text for use inside HTML elements and attribute values. */
export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function emphasis(escaped) {
  const wrap = (mark, tag) =>
    new RegExp(`(^|[^\\w${mark}])\\${mark}(?=\\S)([^${mark}\\n]*?\\S)\\${mark}(?!\\w)`, 'g');
  return escaped
    .replace(/```([\s\S]+?)```/g, '<code class="block">$1</code>')
    .replace(wrap('*'), '$1<strong>$2</strong>')
    .replace(wrap('_'), '$1<em>$2</em>')
    .replace(wrap('~'), '$1<s>$2</s>')
    .replace(wrap('`'), '$1<code>$2</code>');
}

/** The HTML for a message text as WhatsApp would show it. */
export function formatWhatsAppText(text) {
  const s = String(text ?? '');
  let html = '';
  let last = 0;
  for (const m of s.matchAll(URL_PATTERN)) {
    html += emphasis(escapeHtml(s.slice(last, m.index)));
    const url = escapeHtml(m[0]);
    html += `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`;
    last = m.index + m[0].length;
  }
  return html + emphasis(escapeHtml(s.slice(last)));
}

/** The first line of a text without formatting marks, shortened: for quotes and labels. */
export function plainSnippet(text, max = 90) {
  const line = String(text ?? '').replace(/[*_~`]/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
