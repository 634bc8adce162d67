// Small helpers shared by the pages: the API client, element building and formatting.
// Text is always set as text (never parsed as HTML), so nothing a mail or a user wrote can become markup here.

export const state = {
  me: null, csrf: null, users: [], statuses: [], mailboxes: [], accounts: [],
  usersById: new Map(), statusesById: new Map(), mailboxesById: new Map(),
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let onUnauthorized = () => {};
export function whenLoggedOut(handler) { onUnauthorized = handler; }

/** Calls the REST API; a non-2xx answer throws an ApiError with the server's message. */
export async function api(method, path, body) {
  const init = { method, headers: {}, credentials: 'same-origin' };
  if (method !== 'GET') {
    init.headers['X-CSRF-Token'] = state.csrf || '';
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
  if (!res.ok) {
    if (res.status === 401 && path !== '/api/login') onUnauthorized();
    throw new ApiError(res.status, (data && data.error) || res.statusText);
  }
  return data;
}

/** h('tag.class#id', {attr, onclick}, ...children): an element; strings become text nodes. */
export function h(spec, attrs, ...children) {
  const m = /^([a-z0-9]+)((?:[.#][\w-]+)*)$/i.exec(spec);
  const el = document.createElement(m ? m[1] : spec);
  if (m && m[2]) {
    for (const part of m[2].match(/[.#][\w-]+/g)) {
      if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
    }
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

/** Replaces the children of {@code el}, skipping null and false ones. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function option(value, label, selected) {
  return h('option', { value, selected: selected === true || String(selected) === String(value) }, label);
}

let toastTimer;
export function toast(message, isError) {
  const t = document.getElementById('toast');
  t.textContent = message;
  t.className = isError ? 'error' : '';
  t.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.hidden = true; }, isError ? 6000 : 2500);
}

/** Runs an action, showing its error instead of throwing. */
export async function attempt(action, done) {
  try {
    const result = await action();
    if (done) toast(done);
    return result;
  } catch (e) {
    toast(e.message || String(e), true);
    return undefined;
  }
}

export function userName(id) {
  if (!id) return null;
  const u = state.usersById.get(id);
  return u ? u.name : id.slice(0, 8);
}

export function statusName(id) {
  const s = state.statusesById.get(id);
  return s ? s.name : id.slice(0, 8);
}

export function mailboxLabel(id) {
  const m = state.mailboxesById.get(id);
  return m ? m.address : id.slice(0, 8);
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return timeFormat.format(d);
}

/** Today's time, or the day for older ones: what an inbox row shows. */
export function short(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const now = new Date();
  return d.toDateString() === now.toDateString() ? dayTime.format(d) : shortDay.format(d);
}

/** An instant as the value of a datetime-local input, in the browser's zone. */
export function localInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function bytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(1) + ' MB';
}

/** The route: '#/inbox?view=mine' → { path: ['inbox'], query: URLSearchParams }. */
export function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, q] = hash.split('?');
  return { path: path ? path.split('/').map(decodeURIComponent) : [], query: new URLSearchParams(q || '') };
}

export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
