// The MasterMail web UI: a page per route, drawn from the REST API; every action is the logged-in user's own.
import {
  api, ApiError, attempt, bytes, fill, go, h, localInput, mailboxLabel, option, route, short, state, statusName, toast,
  userName, when, whenLoggedOut,
} from './lib.js';
import { dashboardPage } from './dashboard.js';
import { adminPage, ADMIN_PAGES, explain, NEEDS } from './admin.js';

const app = document.getElementById('app');
const VIEWS = [['inbox', 'Inbox'], ['mine', 'Mine'], ['unassigned', 'Unassigned'], ['all', 'All']];
const BOXES = [['drafts', 'Drafts'], ['outbox', 'Outbox'], ['sent', 'Sent'], ['failed', 'Failed']];
let main;          // the page's content element
let refresh = null; // redraws the current page when something changed elsewhere
let keys = {};      // the current page's keyboard shortcuts
let selectedConversation = null; // the inbox row chosen with the keyboard

// ---- start, login, shell -------------------------------------------------------------------------------------------

whenLoggedOut(() => { state.me = null; loginPage(); });

async function start() {
  try {
    const me = await api('GET', '/api/me');
    await loggedIn(me);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) loginPage();
    else fill(app, h('p.error', 'The server did not answer: ' + e.message));
  }
}

function loginPage(message) {
  refresh = null;
  const email = h('input#login-email', { type: 'email', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input#login-password', { type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p.error#login-error', message || '');
  const form = h('form.login', {
    onsubmit: async (ev) => {
      ev.preventDefault();
      error.textContent = '';
      try {
        const me = await api('POST', '/api/login', { email: email.value, password: password.value });
        await loggedIn(me);
      } catch (e) {
        error.textContent = e.message;
      }
    },
  }, h('h1', 'MasterMail'), h('label', { for: 'login-email' }, 'E-mail'), email,
  h('label', { for: 'login-password' }, 'Password'), password, h('button.primary#login-submit', { type: 'submit' },
    'Log in'), error);
  fill(app, form);
  email.focus();
}

async function loggedIn(me) {
  state.me = me;
  state.csrf = me.csrfToken;
  const optional = (p) => p.catch(() => []);
  const [users, statuses, mailboxes, accounts] = await Promise.all([optional(api('GET', '/api/users')),
    optional(api('GET', '/api/statuses')), optional(api('GET', '/api/mailboxes')),
    optional(api('GET', '/api/accounts'))]);
  state.users = users;
  state.statuses = statuses.sort((a, b) => a.position - b.position);
  state.mailboxes = mailboxes;
  state.accounts = accounts;
  state.usersById = new Map(users.map((u) => [u.id, u]));
  state.usersById.set(me.user.id, me.user);
  state.statusesById = new Map(statuses.map((s) => [s.id, s]));
  state.mailboxesById = new Map(mailboxes.map((m) => [m.id, m]));
  accounts.forEach((a) => state.mailboxesById.set(a.mailbox.id, a.mailbox));
  shell();
  connectLive();
  if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/inbox';
  else render();
}

let live;
function connectLive() {
  if (live) live.close();
  live = new EventSource('/api/events');
  const dot = document.getElementById('live');
  live.addEventListener('hello', () => { dot.classList.add('on'); dot.textContent = 'live'; });
  live.addEventListener('changed', () => scheduleRefresh());
  live.onerror = () => { dot.classList.remove('on'); dot.textContent = 'offline'; };
}

let refreshTimer;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => {
    updateCounts();
    if (refresh) refresh();
  }, 250);
}

function shell() {
  const search = h('input#search', {
    type: 'search', placeholder: 'Search mail  ( / )', 'aria-label': 'Search mail',
    onkeydown: (ev) => {
      if (ev.key === 'Enter') go('#/inbox?view=inbox&q=' + encodeURIComponent(search.value));
      if (ev.key === 'Escape') search.blur();
    },
  });
  const nav = h('nav.side#nav', { 'aria-label': 'Views' });
  main = h('main#main', { tabindex: '-1' });
  const header = h('header.top', h('span.brand', 'MasterMail'), h('span.muted', state.me.tenant.name), search,
    h('span.spacer'), h('span.live#live', 'connecting'), h('span#me', state.me.user.name),
    h('button#logout', {
      onclick: async () => {
        await attempt(() => api('POST', '/api/logout'));
        if (live) live.close();
        state.me = null;
        location.hash = '';
        loginPage();
      },
    }, 'Log out'));
  fill(app, h('div.shell', header, nav, main));
  drawNav();
}

function drawNav() {
  const nav = document.getElementById('nav');
  const { path, query } = route();
  const here = path[0] || 'inbox';
  const link = (href, label, id, active, count) => h('a', { href, id, class: active ? 'active' : null },
    h('span', label), count === undefined ? null : h('span.count', { id: id + '-count' }, count ?? ''));
  const view = query.get('view') || 'inbox';
  fill(nav,
    h('h2', 'Conversations'),
    ...VIEWS.map(([v, label]) => link('#/inbox?view=' + v, label, 'nav-' + v, here === 'inbox' && view === v, '')),
    h('h2', 'Outgoing'),
    ...BOXES.map(([b, label]) => link('#/out/' + b, label, 'nav-out-' + b, here === 'out' && path[1] === b)),
    may('VIEW_REPORTS') || ADMIN_PAGES.some(([p]) => may(NEEDS[p])) ? h('h2', 'Office') : null,
    may('VIEW_REPORTS') ? link('#/dashboard', 'Dashboard', 'nav-dashboard', here === 'dashboard') : null,
    // only the pages the user may use anywhere in the office; core still decides every call
    ...ADMIN_PAGES.filter(([p]) => may(NEEDS[p])).map(([p, label]) => link('#/admin/' + p, label, 'nav-admin-' + p,
      here === 'admin' && path[1] === p)),
    h('p.keys', h('kbd', '?'), ' keyboard shortcuts'));
  updateCounts();
}

function may(permission) {
  return (state.me.permissions || []).includes(permission);
}

async function updateCounts() {
  if (!state.me) return;
  const c = await api('GET', '/api/counts').catch(() => null);
  if (!c) return;
  for (const [v] of VIEWS) {
    const el = document.getElementById('nav-' + v + '-count');
    if (!el) continue;
    if (c[v] === null || c[v] === undefined) el.parentElement.hidden = v === 'all';
    else el.textContent = c[v];
  }
}

// ---- routing and keys ----------------------------------------------------------------------------------------------

window.addEventListener('hashchange', () => { if (state.me) render(); });

async function render() {
  const { path, query } = route();
  refresh = null;
  keys = {};
  drawNav();
  // each page draws into an element of its own: a page still loading when the user moved on (or a redraw of it
  // started just before) fills an element no longer shown, never the page that replaced it
  const page = h('div.page', h('p.loading', 'Loading…'));
  fill(main, page);
  try {
    switch (path[0]) {
      case 'c': await conversationPage(page, path[1]); break;
      case 'out': await outboundPage(page, path[1] || 'outbox', query); break;
      case 'dashboard': later(page, await dashboardPage(page, query)); break;
      case 'admin': later(page, await adminPage(page, path[1] || ADMIN_PAGES[0][0], query)); break;
      default: await inboxPage(page, query);
    }
  } catch (e) {
    fill(page, h('p.error#page-error', e.message));
  }
}

/** Installs a page's redraw, unless the user has moved on meanwhile. */
function later(page, redraw) {
  if (page.isConnected) refresh = redraw;
}

let pendingG = false;
document.addEventListener('keydown', (ev) => {
  if (!state.me || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const t = ev.target;
  if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
  if (pendingG) {
    pendingG = false;
    const to = { i: '#/inbox?view=inbox', m: '#/inbox?view=mine', u: '#/inbox?view=unassigned',
      a: '#/inbox?view=all', d: '#/dashboard', o: '#/out/outbox' }[ev.key];
    if (to) { ev.preventDefault(); go(to); }
    return;
  }
  if (ev.key === 'g') { pendingG = true; return; }
  if (ev.key === '/') { ev.preventDefault(); document.getElementById('search').focus(); return; }
  if (ev.key === '?') { ev.preventDefault(); help(); return; }
  const action = keys[ev.key];
  if (action) { ev.preventDefault(); action(); }
});

function help() {
  const rows = [['j / k', 'next / previous conversation'], ['Enter', 'open it'], ['Esc', 'back to the list'],
    ['t', 'take the conversation'], ['r', 'write a reply'], ['n', 'write a note'], ['s', 'change the status'],
    ['u', 'mark unread'], ['/', 'search'], ['g i / g m / g u / g a', 'inbox / mine / unassigned / all'],
    ['g o / g d', 'outbox / dashboard']];
  toast(rows.map(([k, d]) => k + ': ' + d).join(' · '));
}

// ---- the inbox -----------------------------------------------------------------------------------------------------

async function inboxPage(main, query) {
  const view = query.get('view') || 'inbox';
  const params = new URLSearchParams();
  params.set('view', view);
  params.set('include', 'from');
  for (const k of ['status', 'mailbox', 'q', 'tag', 'category', 'cursor', 'sort']) {
    if (query.get(k)) params.set(k, query.get(k));
  }
  const draw = main.draw = (main.draw || 0) + 1;
  const page = await api('GET', '/api/conversations?' + params);
  // the user moved on while this loaded, or a later redraw was asked for (an older answer must not win)
  if (!main.isConnected || main.draw !== draw) return;
  const title = (VIEWS.find(([v]) => v === view) || [view, view])[1];
  const setFilter = (k, v) => {
    const q = new URLSearchParams(query);
    q.delete('cursor');
    if (v) q.set(k, v); else q.delete(k);
    go('#/inbox?' + q);
  };
  const filters = h('div.filters',
    h('select#filter-mailbox', { 'aria-label': 'Mailbox', onchange: (e) => setFilter('mailbox', e.target.value) },
      option('', 'All mailboxes', query.get('mailbox') || ''),
      state.mailboxes.map((m) => option(m.id, m.address, query.get('mailbox')))),
    h('select#filter-status', { 'aria-label': 'Status', onchange: (e) => setFilter('status', e.target.value) },
      option('', 'Any status', query.get('status') || ''),
      state.statuses.map((s) => option(s.id, s.name, query.get('status')))),
    h('select#filter-sort', { 'aria-label': 'Order', onchange: (e) => setFilter('sort', e.target.value) },
      option('newest', 'Newest first', query.get('sort') || 'newest'), option('oldest', 'Oldest first',
        query.get('sort')), option('due', 'By due date', query.get('sort'))),
    query.get('q') ? h('span.badge', 'text: ' + query.get('q'), ' ',
      h('button', { onclick: () => setFilter('q', ''), 'aria-label': 'Clear search' }, '×')) : null);
  const rows = page.items.map((c) => conversationRow(c));
  // the row chosen with j/k stays chosen when a live update redraws the list
  let selected = page.items.findIndex((c) => c.id === selectedConversation);
  const mark = () => rows.forEach((r, j) => r.classList.toggle('selected', j === selected));
  const select = (i) => {
    if (!rows.length) return;
    selected = Math.max(0, Math.min(rows.length - 1, i));
    selectedConversation = page.items[selected].id;
    mark();
    rows[selected].focus();
  };
  keys = {
    j: () => select(selected + 1), k: () => select(selected - 1),
    Enter: () => { if (selected >= 0) go('#/c/' + page.items[selected].id); },
  };
  const table = rows.length ? h('table.list#conversations', h('thead', h('tr', h('th', { 'aria-label': 'Unread' }),
    h('th', 'From'), h('th', 'Subject'), h('th', 'Status'), h('th', 'Assignee'), h('th', 'Due'),
    h('th', 'Last activity'))), h('tbody', rows))
    : h('p.empty#no-conversations', 'Nothing here. New mail appears on its own.');
  const pager = page.nextCursor ? h('p.pager', h('a#next-page', {
    href: '#/inbox?' + new URLSearchParams({ ...Object.fromEntries(query), cursor: page.nextCursor }),
  }, 'Older →')) : null;
  fill(main, h('h1', title), filters, table, pager);
  if (selected >= 0) {
    mark();
    if (document.activeElement === document.body || document.activeElement === main) rows[selected].focus();
  }
  refresh = () => inboxPage(main, query).catch(() => {});
}

function conversationRow(c) {
  const mine = c.assignee === state.me.user.id;
  const open = () => go('#/c/' + c.id);
  return h('tr.row', {
    tabindex: '0', class: 'row' + (c.unread ? ' unread' : ''), dataset: { conversationId: c.id },
    onclick: open, onkeydown: (ev) => { if (ev.key === 'Enter') open(); },
  },
  h('td', c.unread ? h('span.dot', { title: 'unread' }) : null),
  h('td.from', { title: c.from || '' }, c.fromName || c.from || ''),
  h('td', h('a', { href: '#/c/' + c.id, class: 'subject' }, c.subject || '(no subject)'),
    c.messageCount > 1 ? h('span.muted', ' (' + c.messageCount + ')') : null, ' ',
    c.tags.map((t) => h('span.badge', t))),
  h('td', h('span.badge.status', statusName(c.status))),
  h('td', c.assignee ? h('span', { class: 'badge' + (mine ? ' mine' : '') }, mine ? 'me' : userName(c.assignee))
    : h('span.badge.na', 'unassigned')),
  h('td', c.dueAt ? h('span', { class: 'badge' + (c.urgent ? ' urgent' : '') }, (c.urgent ? 'urgent · ' : '')
    + short(c.dueAt)) : ''),
  h('td.muted', short(c.lastActivityAt)));
}

// ---- a conversation ------------------------------------------------------------------------------------------------

async function conversationPage(main, id) {
  let d = await api('GET', '/api/conversations/' + id);
  if (!main.isConnected) return;
  if (d.conversation.unread) {
    await api('POST', '/api/conversations/' + id + '/read', { read: true }).catch(() => {});
  }
  const reply = replyCard(d);
  const note = h('textarea#note-text', { placeholder: 'A note for colleagues (not sent)', rows: 3 });

  const draw = () => {
    if (!main.isConnected) return; // the user moved on
    const c = d.conversation;
    const act = async (path, body, done) => {
      try {
        await api('POST', '/api/conversations/' + id + '/' + path, { version: c.version, ...body });
        toast(done);
      } catch (e) {
        toast(e.status === 409 ? 'Someone changed this conversation meanwhile: shown as it is now.' : e.message,
          true);
      }
      d = await api('GET', '/api/conversations/' + id);
      draw();
    };
    const mine = c.assignee === state.me.user.id;
    const status = h('select#status', { 'aria-label': 'Status', onchange: (e) => act('status',
      { status: e.target.value }, 'Status changed') },
    state.statuses.map((s) => option(s.id, s.name, c.status)));
    const assignee = h('select#assignee', { 'aria-label': 'Assignee', onchange: (e) => act('assign',
      { assignee: e.target.value || null }, 'Assigned') },
    option('', '— unassigned —', c.assignee || ''),
    state.users.filter((u) => u.active).map((u) => option(u.id, u.name, c.assignee)));
    const due = h('input#due', { type: 'datetime-local', value: localInput(c.dueAt), 'aria-label': 'Due' });
    const urgent = h('input#urgent', { type: 'checkbox', checked: c.urgent });
    const tag = h('input#tag', { placeholder: 'add tag', size: 10, 'aria-label': 'Add tag',
      onkeydown: (e) => { if (e.key === 'Enter' && tag.value.trim()) act('tags', { add: [tag.value.trim()] }, 'Tagged'); } });
    const link = h('input#link', { placeholder: 'type:id', size: 12, 'aria-label': 'Link to a record',
      onkeydown: (e) => {
        const [type, ...rest] = link.value.trim().split(':');
        if (e.key === 'Enter' && type && rest.length) act('links', { add: [{ type, id: rest.join(':') }] }, 'Linked');
      } });
    const toolbar = h('div.toolbar',
      mine ? h('span.badge.mine#taken', 'yours') : h('button.primary#take', { onclick: () => act('take', {}, 'Taken') },
        'Take (t)'),
      h('label', 'Assignee ', assignee), h('label', 'Status ', status), h('span.sep'),
      h('label', 'Due ', due), h('label', urgent, ' urgent'),
      h('button#save-due', { onclick: () => act('due', { dueAt: due.value ? new Date(due.value).toISOString() : null,
        urgent: urgent.checked }, 'Due date saved') }, 'Save due'),
      h('span.sep'), h('button#mark-unread', { onclick: async () => {
        await attempt(() => api('POST', '/api/conversations/' + id + '/read', { read: false }), 'Marked unread');
        go('#/inbox');
      } }, 'Mark unread'));
    const tags = h('div.tags', c.tags.map((t) => h('span.badge.tag', t, h('button', { 'aria-label': 'Remove tag ' + t,
      onclick: () => act('tags', { remove: [t] }, 'Tag removed') }, '×'))), tag);
    const links = h('div.links', c.links.map((l) => h('span.badge', l.type + ':' + l.id, h('button',
      { 'aria-label': 'Remove link', onclick: () => act('links', { remove: [l] }, 'Link removed') }, '×'))), link);
    const side = h('aside',
      h('div.card', h('h2', 'Details'), h('p', 'Mailbox: ', mailboxLabel(c.mailbox)),
        h('p', 'Opened: ', when(c.createdAt)), h('h2', 'Tags'), tags, h('h2', 'Links'), links,
        h('p', h('button#explain', { onclick: async (ev) => {
          const shown = await attempt(() => explain(id));
          if (shown) ev.target.replaceWith(shown);
        } }, 'Why was it routed so?'))),
      h('div.card#notes', h('h2', 'Notes'), d.notes.length ? d.notes.map((n) => h('div.note',
        h('div.muted', (userName(n.author) || 'rule') + ' · ' + when(n.createdAt)), h('div', n.body)))
        : h('p.muted', 'No notes yet.'), note, h('button#add-note', { onclick: async () => {
        if (!note.value.trim()) return;
        await attempt(() => api('POST', '/api/conversations/' + id + '/notes', { body: note.value }), 'Note added');
        note.value = '';
        d = await api('GET', '/api/conversations/' + id);
        draw();
      } }, 'Add note')),
      h('div.card', h('h2', 'History'), h('div.history', d.history.slice().reverse().map((e) => h('div',
        when(e.at) + ' · ' + e.type.toLowerCase().replaceAll('_', ' ') + (e.actor ? ' · ' + userName(e.actor) : ''))))));
    fill(main,
      h('p', h('a', { href: '#/inbox' }, '← back (Esc)')),
      h('h1#subject', c.subject || '(no subject)'), toolbar,
      h('div.cols', h('div', d.messages.map(messageCard), reply.element), side));
    keys = {
      Escape: () => history.length > 1 ? history.back() : go('#/inbox'),
      t: () => { if (!mine) act('take', {}, 'Taken'); },
      r: () => reply.focus(), n: () => note.focus(), s: () => status.focus(),
      u: () => document.getElementById('mark-unread').click(),
    };
  };
  draw();
  refresh = async () => {
    // someone else changed something: redraw unless the user is in the middle of writing
    if (reply.busy() || note.value || document.activeElement instanceof HTMLInputElement) return;
    const now = await api('GET', '/api/conversations/' + id).catch(() => d);
    const same = now.conversation.version === d.conversation.version && now.messages.length === d.messages.length
      && now.notes.length === d.notes.length;
    if (same) return; // something else changed: keep the page (and its scroll position) as it is
    d = now;
    draw();
  };
}

function messageCard(m) {
  const body = m.html !== null && m.html !== undefined ? mailFrame(m.html) : h('pre.text', m.text);
  return h('article', { class: 'message ' + m.direction.toLowerCase(), dataset: { messageId: m.id } },
    h('div.head', h('span.who', m.fromName ? m.fromName + ' <' + m.from + '>' : m.from), h('span.muted', '→ ' + m.to.join(', ')), h('span.spacer'),
      h('span.muted', when(m.receivedAt)), h('a', { href: m.rawUrl, download: '' }, 'raw')),
    h('div.body', body),
    m.attachments.length ? h('div.attachments', m.attachments.filter((a) => !a.inline || a.filename).map((a) =>
      h('a.badge.attachment', { href: a.url + '?download', download: a.filename || '' },
        '📎 ' + (a.filename || 'attachment') + ' · ' + bytes(a.size)))) : null,
    m.problems.length ? h('div.problems', 'Parsed with problems: ' + m.problems.join('; ')) : null);
}

/**
 * Mail HTML, already sanitised by the server, in a frame that may run no script at all (no allow-scripts): even
 * markup the sanitiser let through could not act. Same origin only so that the frame can be sized to its content.
 */
function mailFrame(html) {
  const frame = h('iframe.mail-html', { sandbox: 'allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    referrerpolicy: 'no-referrer', title: 'message' });
  frame.srcdoc = '<!doctype html><meta charset="utf-8"><base target="_blank"><style>body{font:14px system-ui,'
    + 'sans-serif;margin:0;word-wrap:break-word}img{max-width:100%}</style>' + html;
  frame.addEventListener('load', () => {
    try { frame.style.height = (frame.contentDocument.documentElement.scrollHeight + 8) + 'px'; } catch (e) { /* */ }
  });
  return frame;
}

function replyCard(d) {
  const c = d.conversation;
  const accounts = state.accounts;
  const initial = accounts.find((a) => a.mailbox.id === c.mailbox) || accounts[0];
  const account = h('select#reply-account', { 'aria-label': 'Send from', onchange: () => loadTemplates() },
    accounts.map((a) => option(a.mailbox.id, (a.displayName ? a.displayName + ' <' + a.mailbox.address + '>'
      : a.mailbox.address), initial && initial.mailbox.id)));
  const template = h('select#reply-template', { 'aria-label': 'Template' }, option('', 'No template', ''));
  const mode = h('select#reply-mode', { 'aria-label': 'Reply to' }, option('reply', 'Reply', 'reply'),
    option('reply-all', 'Reply all', ''));
  const text = h('textarea#reply-text', { placeholder: 'Your answer (the quoted message and signature are added)' });
  const loadTemplates = async () => {
    const list = account.value ? await api('GET', '/api/templates?mailbox=' + account.value).catch(() => []) : [];
    fill(template, option('', 'No template', ''), list.map((t) => option(t.id, t.name, '')));
  };
  loadTemplates();
  const send = async (queue) => {
    if (!text.value.trim() && !template.value) { toast('Write an answer or choose a template first.', true); return; }
    const body = { text: text.value.trim() ? text.value : null, mode: mode.value, mailbox: account.value || null,
      template: template.value || null, queue };
    const out = await attempt(() => api('POST', '/api/conversations/' + c.id + '/reply', body),
      queue ? 'Reply queued for sending' : 'Draft saved');
    if (out) { text.value = ''; go(queue ? '#/c/' + c.id : '#/out/drafts?mailbox=' + out.mailbox); }
  };
  const element = accounts.length ? h('section.card.reply#reply', h('h2', 'Reply'),
    h('div.row', h('label', 'From ', account), mode, template), text,
    h('div.row', h('button.primary#reply-send', { onclick: () => send(true) }, 'Send'),
      h('button#reply-draft', { onclick: () => send(false) }, 'Save draft')))
    : h('p.muted', 'You may not send from any mailbox.');
  return { element, focus: () => text.focus(), busy: () => !!text.value };
}

// ---- outgoing mail -------------------------------------------------------------------------------------------------

async function outboundPage(main, view, query) {
  const boxes = state.accounts.length ? state.accounts.map((a) => a.mailbox) : state.mailboxes;
  const mailbox = query.get('mailbox') || (boxes[0] && boxes[0].id);
  const title = (BOXES.find(([b]) => b === view) || [view, view])[1];
  if (!mailbox) { fill(main, h('h1', title), h('p.empty', 'No mailbox to show.')); return; }
  // a later draw, or a draft opened for editing meanwhile, wins over this one when it answers late
  const draw = main.draw = (main.draw || 0) + 1;
  const page = await api('GET', '/api/outbound?' + new URLSearchParams({ mailbox, view }));
  if (!main.isConnected || main.draw !== draw) return;
  const picker = h('select#out-mailbox', { 'aria-label': 'Mailbox',
    onchange: (e) => go('#/out/' + view + '?mailbox=' + e.target.value) },
  boxes.map((m) => option(m.id, m.address, mailbox)));
  const act = async (o, what, body) => {
    await attempt(() => api('POST', '/api/outbound/' + o.id + '/' + what, body), 'Done');
    outboundPage(main, view, query);
  };
  const rows = page.items.map((o) => h('tr', { dataset: { outboundId: o.id } },
    h('td', short(o.sentAt || o.updatedAt)), h('td', o.to.join(', ')),
    h('td', o.conversation ? h('a', { href: '#/c/' + o.conversation }, o.subject) : o.subject),
    h('td', h('span.badge', o.state.toLowerCase())),
    h('td.muted', o.lastError || (o.attempts ? o.attempts + ' attempt(s)' : '')),
    h('td', o.state === 'DRAFT' ? [h('button.edit-draft', { onclick: () => editDraft(main, o, view, query) }, 'Edit'), ' ',
      h('button.send-draft', { onclick: () => act(o, 'queue', { version: o.version }) }, 'Send'), ' '] : null,
    o.state === 'FAILED' ? h('button.resend', { onclick: () => act(o, 'resend') }, 'Resend') : null,
    ['DRAFT', 'QUEUED', 'FAILED'].includes(o.state) ? h('button.danger.cancel', { onclick: () => act(o, 'cancel') },
      o.state === 'DRAFT' ? 'Discard' : 'Cancel') : null)));
  fill(main, h('h1', title), h('div.filters', picker), rows.length ? h('table.list#outbound',
    h('thead', h('tr', h('th', 'When'), h('th', 'To'), h('th', 'Subject'), h('th', 'State'), h('th', 'Delivery'),
      h('th', ''))), h('tbody', rows)) : h('p.empty', 'Nothing in ' + title.toLowerCase() + '.'));
  refresh = () => outboundPage(main, view, query).catch(() => {});
}

/** A kept draft opened for writing: recipients, subject and text, saved at the version it was read. */
function editDraft(main, o, view, query) {
  const to = h('input#draft-to', { value: o.to.join(', '), size: 50, 'aria-label': 'To' });
  const subject = h('input#draft-subject', { value: o.subject, size: 50, 'aria-label': 'Subject' });
  const text = h('textarea#draft-text', { rows: 14 }, o.text);
  const save = async () => api('POST', '/api/outbound/' + o.id + '/edit', { version: o.version,
    to: to.value.split(',').map((a) => a.trim()).filter(Boolean), subject: subject.value, text: text.value });
  const editor = h('section.card#draft-editor', h('h2', 'Draft'), h('div.reply',
    h('div.row', h('label', 'To ', to)), h('div.row', h('label', 'Subject ', subject)), text,
    h('div.row', h('button.primary#draft-send', { onclick: async () => {
      const saved = await attempt(save);
      if (saved && await attempt(() => api('POST', '/api/outbound/' + o.id + '/queue', { version: saved.version }),
        'Queued for sending')) outboundPage(main, view, query);
    } }, 'Send'), h('button#draft-save', { onclick: async () => {
      if (await attempt(save, 'Draft saved')) outboundPage(main, view, query);
    } }, 'Save'), h('button#draft-close', { onclick: () => outboundPage(main, view, query) }, 'Close'))));
  const old = document.getElementById('draft-editor');
  if (old) old.remove();
  main.draw = (main.draw || 0) + 1; // a list still loading must not wipe the editor
  main.append(editor);
  text.focus();
  refresh = null; // no live redraw while writing
}

start();
