// The chat simulator page: pick a cinema and a customer, chat as that customer. Everything sent goes
// through /sandbox/api/send (a signed webhook into Marquee); everything shown arrives on the
// conversation's event stream (what Marquee's Graph client sent, with its statuses).
import { h, renderMessage, renderMeta } from './render.js';

const PREFS_KEY = 'marquee-simulator:v1';
const NUMBER_PREFIX = '9190000';
const NAMES = ['Asha', 'Ravi', 'Priya', 'Karthik', 'Meena', 'Arjun', 'Divya', 'Vikram', 'Lakshmi', 'Imran'];
const PLACES = [
  { label: 'Dindigul, Central Bus Stand', latitude: 10.3673, longitude: 77.9803, name: 'Dindigul Central Bus Stand', address: 'Palani Road, Dindigul, Tamil Nadu' },
  { label: 'Tiruppur, Kumar Nagar', latitude: 11.1085, longitude: 77.3411, name: 'Kumar Nagar', address: 'Avinashi Road, Tiruppur, Tamil Nadu' },
  { label: 'Coimbatore, Gandhipuram', latitude: 11.0168, longitude: 76.9558, name: 'Gandhipuram', address: 'Gandhipuram, Coimbatore, Tamil Nadu' },
  { label: 'Chennai, T. Nagar', latitude: 13.0418, longitude: 80.2341, name: 'T. Nagar', address: 'Thyagaraya Nagar, Chennai, Tamil Nadu' },
  { label: 'Mumbai, Bandra West', latitude: 19.0596, longitude: 72.8295, name: 'Bandra West', address: 'Bandra West, Mumbai, Maharashtra' },
  { label: 'Delhi, Connaught Place', latitude: 28.6315, longitude: 77.2167, name: 'Connaught Place', address: 'Connaught Place, New Delhi' },
];

const $ = (id) => document.getElementById(id);
const el = {
  cinemaSelect: $('cinema-select'),
  cinemaNote: $('cinema-note'),
  tabs: $('customer-tabs'),
  addCustomer: $('add-customer'),
  panel: $('chat-panel'),
  avatar: $('chat-avatar'),
  name: $('chat-name'),
  status: $('chat-status'),
  mode: $('mode-badge'),
  payloads: $('toggle-payloads'),
  toast: $('toast'),
  scroller: $('scroller'),
  empty: $('empty'),
  sayHi: $('say-hi'),
  messages: $('messages'),
  composer: $('composer'),
  input: $('composer-input'),
  attach: $('attach-button'),
  attachMenu: $('attach-menu'),
  listSheet: $('list-sheet'),
  listForm: $('list-form'),
  listTitle: $('list-sheet-title'),
  listSections: $('list-sections'),
  listSend: $('list-send'),
  customerDialog: $('customer-dialog'),
  customerForm: $('customer-form'),
  customerName: $('customer-name'),
  customerNumber: $('customer-number'),
  customerError: $('customer-error'),
  locationDialog: $('location-dialog'),
  locationForm: $('location-form'),
  locationPreset: $('location-preset'),
  locationError: $('location-error'),
  photoDialog: $('photo-dialog'),
  photoForm: $('photo-form'),
  photoCaption: $('photo-caption'),
  lightbox: $('lightbox'),
  lightboxImage: $('lightbox-image'),
  lightboxCaption: $('lightbox-caption'),
};

const state = {
  cinemas: [],
  cinema: null,
  customers: [],
  customer: null,
  /** id → message, in arrival order; the DOM is kept sorted by time. */
  messages: new Map(),
  /** id of a message → emoji the cinema reacted with. */
  reactions: new Map(),
  stream: null,
  seq: 0,
  localSeq: 0,
  typingUntil: 0,
  typingTimer: 0,
  connection: 'connecting',
  openList: null,
  /** Whether the view follows new messages: true until the reader scrolls up. */
  followEnd: true,
};

// ---------- preferences (per browser) ----------

function loadPrefs() {
  try {
    const p = JSON.parse(localStorage.getItem(PREFS_KEY) ?? '{}');
    return { cinemaId: p.cinemaId, customers: p.customers ?? {}, active: p.active ?? {}, payloads: !!p.payloads };
  } catch {
    return { customers: {}, active: {}, payloads: false };
  }
}
const prefs = loadPrefs();
function savePrefs() {
  try {
    localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
  } catch {
    // Private windows may refuse storage; the page works without it.
  }
}

// ---------- helpers ----------

function formatNumber(digits) {
  return `+${digits.slice(0, 2)} ${digits.slice(2, 7)} ${digits.slice(7)}`;
}

function initialOf(name) {
  return ([...(name ?? '').trim()][0] ?? '?').toUpperCase();
}

let toastTimer = 0;
function showToast(text) {
  el.toast.textContent = text;
  el.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.toast.hidden = true), 8000);
}

async function api(path, init) {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `The server answered HTTP ${res.status}.`);
  return body;
}

// ---------- cinemas and customers ----------

async function start() {
  el.payloads.setAttribute('aria-pressed', String(prefs.payloads));
  document.body.classList.toggle('show-payloads', prefs.payloads);
  let data;
  try {
    data = await api('/sandbox/api/cinemas');
  } catch (e) {
    showToast(`Could not load the cinemas: ${e.message}`);
    return;
  }
  state.cinemas = data.cinemas;
  el.cinemaSelect.replaceChildren(...data.cinemas.map((c) => h('option', { value: c.id }, `${c.name} · ${c.displayPhoneNumber}`)));
  if (data.cinemas.length === 0) {
    el.cinemaSelect.replaceChildren(h('option', {}, 'No cinema available'));
    el.name.textContent = 'No cinema to simulate';
    el.status.textContent = data.viewer ? 'Your account has no cinema yet.' : 'Sign in to rehearse your cinema.';
    el.cinemaNote.replaceChildren(
      data.viewer ? 'Ask the operator to link your account to a cinema.' : 'Staff can rehearse their own cinema here before going live. ',
      data.viewer ? '' : h('a', { href: data.signInUrl }, 'Sign in to the dashboard'),
    );
    el.composer.querySelectorAll('button, textarea').forEach((b) => (b.disabled = true));
    el.addCustomer.disabled = true;
    el.empty.hidden = false;
    el.empty.replaceChildren(
      h('p', {}, data.viewer ? 'There is no cinema you may rehearse yet.' : 'Sign in to the dashboard to rehearse your cinema’s WhatsApp flow here before going live.'),
      data.viewer ? '' : h('a', { class: 'say-hi', href: data.signInUrl }, 'Sign in'),
    );
    return;
  }
  el.cinemaSelect.disabled = false;
  const wanted = new URLSearchParams(location.search).get('cinema') ?? prefs.cinemaId;
  selectCinema(data.cinemas.some((c) => c.id === wanted) ? wanted : data.cinemas[0].id);
}

function selectCinema(id) {
  const cinema = state.cinemas.find((c) => c.id === id);
  state.cinema = cinema;
  el.cinemaSelect.value = id;
  prefs.cinemaId = id;
  el.name.textContent = cinema.name;
  el.avatar.textContent = initialOf(cinema.name);
  el.avatar.style.setProperty('--brand', cinema.brandColor ?? '#b3261e');
  el.mode.hidden = false;
  el.mode.textContent = cinema.mode === 'open' ? 'Demo' : 'Test mode';
  el.mode.title =
    cinema.mode === 'open' ? 'The demo cinema: anyone may try it.' : 'Rehearsal of a live cinema: replies stay in the simulator and bookings are marked as test bookings.';
  el.cinemaNote.textContent =
    cinema.mode === 'open'
      ? "Every message travels Marquee's real path: a signed webhook in, the Graph API client out, to the built-in WhatsApp emulator."
      : `Rehearsing ${cinema.name} with its own catalogue, texts and languages. Replies stay in the simulator; bookings made here are test bookings, left out of analytics and exports.`;
  state.customers = prefs.customers[id]?.length ? prefs.customers[id] : [];
  const linked = customerFromUrl();
  if (linked && !state.customers.some((c) => c.phone === linked.phone)) state.customers.push(linked);
  if (state.customers.length === 0) state.customers.push(newCustomerDefaults([]));
  prefs.customers[id] = state.customers;
  const active = state.customers.find((c) => c.phone === (linked?.phone ?? prefs.active[id])) ?? state.customers[0];
  renderTabs();
  selectCustomer(active.phone);
}

/** A link may name the customer: /sandbox?cinema=…&customer=919000000042&name=Meena. */
function customerFromUrl() {
  const q = new URLSearchParams(location.search);
  const phone = (q.get('customer') ?? '').replace(/\D/g, '');
  if (!new RegExp(`^${NUMBER_PREFIX}\\d{5}$`).test(phone)) return null;
  const name = (q.get('name') ?? '').trim().slice(0, 60);
  return { phone, name: name || newCustomerDefaults(state.customers).name };
}

function newCustomerDefaults(existing) {
  const usedNames = new Set(existing.map((c) => c.name));
  const usedNumbers = new Set(existing.map((c) => c.phone));
  const name = NAMES.find((n) => !usedNames.has(n)) ?? `Customer ${existing.length + 1}`;
  let n = 1;
  while (usedNumbers.has(NUMBER_PREFIX + String(n).padStart(5, '0'))) n++;
  return { name, phone: NUMBER_PREFIX + String(n).padStart(5, '0') };
}

function renderTabs() {
  el.tabs.replaceChildren(
    ...state.customers.map((c) => {
      const tab = h(
        'button',
        { type: 'button', role: 'tab', id: `tab-${c.phone}`, class: 'customer-tab', 'aria-controls': 'chat-panel', 'aria-selected': 'false', tabindex: '-1', dataset: { phone: c.phone } },
        h('span', { class: 'tab-avatar', 'aria-hidden': 'true' }, initialOf(c.name)),
        h('span', { class: 'tab-text' }, h('span', { class: 'tab-name' }, c.name), h('span', { class: 'tab-number' }, formatNumber(c.phone))),
      );
      tab.addEventListener('click', () => selectCustomer(c.phone));
      return tab;
    }),
  );
}

function selectCustomer(phone) {
  const customer = state.customers.find((c) => c.phone === phone);
  if (!customer) return;
  state.customer = customer;
  prefs.active[state.cinema.id] = phone;
  savePrefs();
  for (const tab of el.tabs.querySelectorAll('[role=tab]')) {
    const on = tab.dataset.phone === phone;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  el.panel.setAttribute('aria-labelledby', `tab-${phone}`);
  el.messages.setAttribute('aria-label', `Conversation of ${customer.name} with ${state.cinema.name}`);
  connect();
}

// Tabs follow the ARIA pattern: one tab stop, arrows move between customers.
el.tabs.addEventListener('keydown', (e) => {
  const tabs = [...el.tabs.querySelectorAll('[role=tab]')];
  const i = tabs.indexOf(document.activeElement);
  if (i < 0) return;
  const next = { ArrowDown: i + 1, ArrowRight: i + 1, ArrowUp: i - 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const tab = tabs[(next + tabs.length) % tabs.length];
  tab.focus();
  selectCustomer(tab.dataset.phone);
});

el.cinemaSelect.addEventListener('change', () => selectCinema(el.cinemaSelect.value));

// ---------- the conversation stream ----------

function connect() {
  state.stream?.close();
  resetConversation();
  setConnection('connecting');
  const q = new URLSearchParams({ cinema: state.cinema.id, customer: state.customer.phone });
  const stream = new EventSource(`/sandbox/api/stream?${q}`);
  state.stream = stream;
  stream.addEventListener('history', (e) => {
    resetConversation();
    for (const m of JSON.parse(e.data).messages) upsert(m);
    setConnection('open');
    state.followEnd = true;
    scrollToEnd();
  });
  stream.addEventListener('message', (e) => upsert(JSON.parse(e.data)));
  stream.addEventListener('typing', (e) => showTyping(JSON.parse(e.data).untilMs));
  stream.addEventListener('error', () => setConnection(stream.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
}

function setConnection(s) {
  state.connection = s;
  updateStatusLine();
}

function updateStatusLine() {
  const { connection, cinema } = state;
  el.status.dataset.connection = connection;
  if (connection === 'connecting') el.status.textContent = 'connecting…';
  else if (connection === 'reconnecting') el.status.textContent = 'reconnecting…';
  else if (connection === 'closed') el.status.textContent = 'disconnected — reload the page';
  else if (Date.now() < state.typingUntil) el.status.textContent = 'typing…';
  else el.status.textContent = cinema ? cinema.displayPhoneNumber : '';
}

function showTyping(untilMs) {
  state.typingUntil = Math.min(untilMs, Date.now() + 25_000);
  updateStatusLine();
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(updateStatusLine, Math.max(0, state.typingUntil - Date.now()) + 50);
}

function resetConversation() {
  state.messages.clear();
  state.reactions.clear();
  el.messages.replaceChildren();
  updateEmpty();
}

const renderCtx = {
  onTapButton: (m, reply) => send({ type: 'button_reply', contextId: m.id, id: reply.id }),
  onOpenList: (m, opener) => openListSheet(m, opener),
  onRequestLocation: (opener) => openDialog(el.locationDialog, opener),
  onZoom: (src, caption) => openLightbox(src, caption),
  findMessage: (id) => state.messages.get(id),
  cinemaName: () => state.cinema?.name ?? 'Cinema',
};

function sortKey(m) {
  // A reply never shares a millisecond with the message it answers; on a tie the customer spoke first.
  return [m.at, m.from === 'customer' ? 0 : 1, m.seq];
}
function before(a, b) {
  const x = sortKey(a);
  const y = sortKey(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i];
  return false;
}

/** Adds a message or updates one already shown (a new status only touches its ticks, keeping focus). */
function upsert(incoming) {
  const old = state.messages.get(incoming.id);
  const m = { ...incoming, seq: old?.seq ?? ++state.seq };
  state.messages.set(m.id, m);
  if (m.payload?.type === 'reaction') {
    applyReaction(m);
    return;
  }
  if (m.from === 'cinema' && old === undefined) {
    state.typingUntil = 0;
    updateStatusLine();
  }
  const existing = el.messages.querySelector(`li[data-id="${CSS.escape(m.id)}"]`);
  if (existing && old && JSON.stringify(old.payload) === JSON.stringify(m.payload)) {
    existing.dataset.status = m.status;
    existing.querySelector('.meta-wrap').replaceWith(renderMeta(m));
    return;
  }
  const node = renderMessage(m, renderCtx);
  if (state.reactions.has(m.id)) node.querySelector('.bubble').append(reactionBadge(state.reactions.get(m.id)));
  if (existing) existing.remove();
  const after = [...el.messages.querySelectorAll('li.message')].find((li) => {
    const other = state.messages.get(li.dataset.id);
    return other && before(m, other);
  });
  el.messages.insertBefore(node, after ?? null);
  layoutDays();
  updateEmpty();
  if (m.from === 'customer') state.followEnd = true;
  // Images change the height when they arrive; keep the newest message in view while following.
  for (const img of node.querySelectorAll('img')) img.addEventListener('load', () => state.followEnd && scrollToEnd());
  if (state.followEnd) scrollToEnd();
}

function applyReaction(m) {
  const r = m.payload.reaction ?? {};
  if (!r.message_id) return;
  if (r.emoji) state.reactions.set(r.message_id, r.emoji);
  else state.reactions.delete(r.message_id);
  const target = el.messages.querySelector(`li[data-id="${CSS.escape(r.message_id)}"] .bubble`);
  if (!target) return;
  target.querySelector('.reaction')?.remove();
  if (r.emoji) target.append(reactionBadge(r.emoji));
}

function reactionBadge(emoji) {
  return h('span', { class: 'reaction', role: 'img', 'aria-label': `Reaction ${emoji}` }, emoji);
}

/** Day chips between days, and the bubble tail on the first message of each run from one side. */
function layoutDays() {
  el.messages.querySelectorAll('li.day').forEach((d) => d.remove());
  let lastDay = '';
  let lastFrom = '';
  for (const li of el.messages.querySelectorAll('li.message')) {
    const m = state.messages.get(li.dataset.id);
    const day = new Date(m.at).toDateString();
    if (day !== lastDay) {
      li.before(h('li', { class: 'day', 'aria-hidden': 'true' }, h('span', {}, dayLabel(m.at))));
      lastDay = day;
      lastFrom = '';
    }
    li.classList.toggle('first', m.from !== lastFrom);
    lastFrom = m.from;
  }
}

function dayLabel(ms) {
  const d = new Date(ms);
  const today = new Date();
  const yesterday = new Date(Date.now() - 86_400_000);
  if (d.toDateString() === today.toDateString()) return 'Today';
  if (d.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return d.toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric' });
}

function updateEmpty() {
  el.empty.hidden = el.messages.querySelector('li.message') !== null;
}

function isNearEnd() {
  const s = el.scroller;
  return s.scrollHeight - s.scrollTop - s.clientHeight < 120;
}
el.scroller.addEventListener('scroll', () => (state.followEnd = isNearEnd()), { passive: true });

// Jumps rather than glides: a smooth scroll passes through "not at the end" and would stop following.
function scrollToEnd() {
  requestAnimationFrame(() => (el.scroller.scrollTop = el.scroller.scrollHeight));
}

// ---------- sending ----------

/** Sends one customer message; shows it at once with a clock, then as Marquee's webhook received it. */
async function send(message) {
  const { cinema, customer } = state;
  if (!cinema || !customer) return false;
  const localId = `local-${++state.localSeq}`;
  const placeholder = { id: localId, from: 'customer', at: Date.now(), status: 'pending', payload: previewPayload(message), contextId: message.contextId };
  upsert(placeholder);
  try {
    const { message: sent } = await api('/sandbox/api/send', { method: 'POST', body: JSON.stringify({ cinemaId: cinema.id, customer, message }) });
    dropLocal(localId);
    if (state.cinema === cinema && state.customer === customer) upsert(sent);
    return true;
  } catch (e) {
    upsert({ ...placeholder, status: 'failed', problem: e.message });
    showToast(`Not sent: ${e.message}`);
    return false;
  }
}

function dropLocal(id) {
  state.messages.delete(id);
  el.messages.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove();
  layoutDays();
}

/** What the bubble shows while the webhook is on its way. */
function previewPayload(message) {
  switch (message.type) {
    case 'text':
      return { type: 'text', text: { body: message.text } };
    case 'button_reply':
    case 'list_reply': {
      const title = optionTitle(message.contextId, message.id);
      return { type: 'interactive', interactive: { type: message.type, [message.type]: { id: message.id, title } } };
    }
    case 'location':
      return { type: 'location', location: { latitude: message.latitude, longitude: message.longitude, name: message.name, address: message.address } };
    case 'image':
      return { type: 'image', image: { link: '/sandbox/sample/photo.png', caption: message.caption } };
    case 'sticker':
      return { type: 'sticker', sticker: { link: '/sandbox/assets/sticker.webp' } };
    default:
      return { type: message.type };
  }
}

function optionTitle(contextId, id) {
  const i = state.messages.get(contextId)?.payload?.interactive ?? {};
  const buttons = (i.action?.buttons ?? []).map((b) => b.reply ?? {});
  const rows = (i.action?.sections ?? []).flatMap((s) => s.rows ?? []);
  return [...buttons, ...rows].find((o) => o.id === id)?.title ?? id;
}

el.composer.addEventListener('submit', async (e) => {
  e.preventDefault();
  const text = el.input.value;
  if (text.trim() === '') return;
  el.input.value = '';
  autoGrow();
  if (!(await send({ type: 'text', text }))) el.input.value ||= text;
});

el.input.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
    e.preventDefault();
    el.composer.requestSubmit();
  }
});

function autoGrow() {
  el.input.style.height = 'auto';
  el.input.style.height = `${Math.min(el.input.scrollHeight, 140)}px`;
}
el.input.addEventListener('input', autoGrow);

el.sayHi.addEventListener('click', () => send({ type: 'text', text: 'Hi' }));

el.payloads.addEventListener('click', () => {
  prefs.payloads = !prefs.payloads;
  savePrefs();
  el.payloads.setAttribute('aria-pressed', String(prefs.payloads));
  document.body.classList.toggle('show-payloads', prefs.payloads);
});

// ---------- dialogs ----------

function openDialog(dialog, opener) {
  dialog.returnFocusTo = opener ?? document.activeElement;
  dialog.showModal();
}

for (const dialog of document.querySelectorAll('dialog')) {
  dialog.addEventListener('close', () => {
    const back = dialog.returnFocusTo;
    if (back?.isConnected) back.focus();
    else el.input.focus();
  });
  for (const b of dialog.querySelectorAll('[data-close]')) b.addEventListener('click', () => dialog.close());
  // A click on the backdrop (outside the dialog's box) closes it, as on a phone.
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) dialog.close();
  });
}

// The list: WhatsApp's bottom sheet, one radio per row, Send at the bottom.
function openListSheet(m, opener) {
  const i = m.payload.interactive;
  state.openList = m;
  el.listTitle.textContent = i.action?.button ?? 'Choose';
  el.listSend.disabled = true;
  const sections = i.action?.sections ?? [];
  el.listSections.replaceChildren(
    ...sections.map((s, si) =>
      h(
        'fieldset',
        { class: 'list-section' },
        h('legend', { class: s.title ? '' : 'visually-hidden' }, s.title ?? `Options ${si + 1}`),
        ...(s.rows ?? []).map((r) =>
          h(
            'label',
            { class: 'list-row' },
            h('span', { class: 'row-text' }, h('span', { class: 'row-title' }, r.title), r.description ? h('span', { class: 'row-description' }, r.description) : null),
            h('input', { type: 'radio', name: 'list-choice', value: r.id, dataset: { optionId: r.id } }),
          ),
        ),
      ),
    ),
  );
  openDialog(el.listSheet, opener);
}

el.listForm.addEventListener('change', () => (el.listSend.disabled = !el.listForm.querySelector('input[name=list-choice]:checked')));
el.listForm.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
    e.preventDefault();
    e.target.checked = true;
    el.listForm.requestSubmit(el.listSend);
  }
});
el.listForm.addEventListener('submit', (e) => {
  const choice = el.listForm.querySelector('input[name=list-choice]:checked');
  if (!choice || !state.openList) {
    e.preventDefault();
    return;
  }
  const m = state.openList;
  state.openList = null;
  el.listSheet.returnFocusTo = el.input;
  send({ type: 'list_reply', contextId: m.id, id: choice.value });
});

function openLightbox(src, caption) {
  el.lightboxImage.src = src;
  el.lightboxImage.alt = caption ? `Image: ${caption}` : 'Image';
  el.lightboxCaption.textContent = caption;
  openDialog(el.lightbox);
}

// New customer
el.addCustomer.addEventListener('click', () => {
  const d = newCustomerDefaults(state.customers);
  el.customerName.value = d.name;
  el.customerNumber.value = d.phone.slice(NUMBER_PREFIX.length);
  el.customerError.hidden = true;
  openDialog(el.customerDialog, el.addCustomer);
  el.customerName.select();
});

el.customerForm.addEventListener('submit', (e) => {
  const name = el.customerName.value.trim();
  const digits = el.customerNumber.value.trim();
  const phone = NUMBER_PREFIX + digits;
  const problem = !name
    ? 'Give the customer a name.'
    : !/^\d{5}$/.test(digits)
      ? 'The number needs exactly five digits after +91 90000.'
      : state.customers.some((c) => c.phone === phone)
        ? `${formatNumber(phone)} is already one of your customers.`
        : '';
  if (problem) {
    e.preventDefault();
    el.customerError.textContent = problem;
    el.customerError.hidden = false;
    return;
  }
  state.customers.push({ name, phone });
  prefs.customers[state.cinema.id] = state.customers;
  renderTabs();
  el.customerDialog.returnFocusTo = el.input;
  selectCustomer(phone);
});

// Attach menu: a menu button with arrow-key navigation; Esc or Tab closes it.
function menuItems() {
  return [...el.attachMenu.querySelectorAll('[role=menuitem]')];
}
function openAttachMenu(focusLast = false) {
  el.attachMenu.hidden = false;
  el.attach.setAttribute('aria-expanded', 'true');
  const items = menuItems();
  (focusLast ? items.at(-1) : items[0]).focus();
}
function closeAttachMenu(returnFocus = true) {
  if (el.attachMenu.hidden) return;
  el.attachMenu.hidden = true;
  el.attach.setAttribute('aria-expanded', 'false');
  if (returnFocus) el.attach.focus();
}
el.attach.addEventListener('click', () => (el.attachMenu.hidden ? openAttachMenu() : closeAttachMenu()));
el.attach.addEventListener('keydown', (e) => {
  if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
    e.preventDefault();
    openAttachMenu(e.key === 'ArrowUp');
  }
});
el.attachMenu.addEventListener('keydown', (e) => {
  const items = menuItems();
  const i = items.indexOf(document.activeElement);
  const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: items.length - 1 }[e.key];
  if (next !== undefined) {
    e.preventDefault();
    items[(next + items.length) % items.length].focus();
  } else if (e.key === 'Escape') {
    e.preventDefault();
    closeAttachMenu();
  } else if (e.key === 'Tab') {
    closeAttachMenu(false);
  }
});
document.addEventListener('click', (e) => {
  if (!el.attachMenu.hidden && !e.target.closest('.attach')) closeAttachMenu(false);
});
el.attachMenu.addEventListener('click', (e) => {
  const item = e.target.closest('[data-attach]');
  if (!item) return;
  closeAttachMenu(false);
  const kind = item.dataset.attach;
  if (kind === 'location') openLocationDialog(el.attach);
  else if (kind === 'image') {
    el.photoCaption.value = '';
    openDialog(el.photoDialog, el.attach);
  } else {
    el.input.focus();
    send({ type: kind });
  }
});

function openLocationDialog(opener) {
  fillPlace(PLACES[0]);
  el.locationPreset.value = '0';
  el.locationError.hidden = true;
  openDialog(el.locationDialog, opener);
}
el.locationPreset.replaceChildren(...PLACES.map((p, i) => h('option', { value: String(i) }, p.label)));
function fillPlace(p) {
  $('location-lat').value = String(p.latitude);
  $('location-lng').value = String(p.longitude);
  $('location-name').value = p.name;
  $('location-address').value = p.address;
}
el.locationPreset.addEventListener('change', () => fillPlace(PLACES[Number(el.locationPreset.value)]));
el.locationForm.addEventListener('submit', (e) => {
  const latitude = Number($('location-lat').value);
  const longitude = Number($('location-lng').value);
  if (!Number.isFinite(latitude) || Math.abs(latitude) > 90 || !Number.isFinite(longitude) || Math.abs(longitude) > 180 || $('location-lat').value.trim() === '' || $('location-lng').value.trim() === '') {
    e.preventDefault();
    el.locationError.textContent = 'Latitude must be between -90 and 90, longitude between -180 and 180.';
    el.locationError.hidden = false;
    return;
  }
  el.locationDialog.returnFocusTo = el.input;
  const name = $('location-name').value.trim();
  const address = $('location-address').value.trim();
  send({ type: 'location', latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) });
});

el.photoForm.addEventListener('submit', () => {
  el.photoDialog.returnFocusTo = el.input;
  const caption = el.photoCaption.value.trim();
  send({ type: 'image', ...(caption ? { caption } : {}) });
});

// The clock in the bubbles is the viewer's; refresh "typing…" and day chips as time passes.
setInterval(() => {
  updateStatusLine();
  if (state.messages.size) layoutDays();
}, 60_000);

start();
