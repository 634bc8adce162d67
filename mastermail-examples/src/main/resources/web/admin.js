// Administration pages over /api/admin: statuses, rules (with dry-run), users and permissions, mailboxes with their
// members and delegations, absences, templates. Core decides who may do what; a refusal is shown as it comes.
import { api, attempt, fill, go, h, mailboxLabel, option, state, statusName, toast, userName, when } from './lib.js';

export const ADMIN_PAGES = [['statuses', 'Statuses'], ['rules', 'Rules'], ['users', 'Users & permissions'],
  ['mailboxes', 'Mailboxes'], ['absences', 'Absences'], ['templates', 'Templates']];

const PERMISSIONS = ['VIEW_ALL', 'TAKE', 'ASSIGN', 'REASSIGN', 'SET_STATUS', 'SEND_AS', 'MANAGE_RULES',
  'MANAGE_STATUSES', 'MANAGE_MAILBOXES', 'MANAGE_PERMISSIONS', 'VIEW_REPORTS', 'DELEGATE'];
export const NEEDS = { statuses: 'MANAGE_STATUSES', rules: 'MANAGE_RULES', users: 'MANAGE_PERMISSIONS',
  mailboxes: 'MANAGE_MAILBOXES', absences: 'MANAGE_RULES', templates: 'MANAGE_MAILBOXES' };

export async function adminPage(main, page, query) {
  const pages = { statuses, rules, users, mailboxes, absences, templates };
  const draw = pages[page];
  const title = (ADMIN_PAGES.find(([p]) => p === page) || [page, page])[1];
  if (!draw) {
    fill(main, h('h1', 'Administration'), h('p.error', 'There is no admin page "' + page + '".'));
    return null;
  }
  const body = h('div.admin#admin-' + page);
  fill(main, h('h1', title), body);
  const redraw = async () => {
    try {
      await draw(body, query, redraw);
    } catch (e) {
      fill(body, h('p.error#admin-error', e.status === 403 ? 'This page needs the ' + NEEDS[page]
        + ' permission: ' + e.message : e.message));
    }
  };
  await redraw();
  return null; // admin pages redraw after their own changes, not on every change in the office
}

/** Runs a change, then redraws the page. */
function change(redraw, action, done) {
  return async () => {
    if (await attempt(action, done) !== undefined) await redraw();
  };
}

async function refreshDirectory() {
  const [users, statusesList, mailboxesList] = await Promise.all([api('GET', '/api/users').catch(() => state.users),
    api('GET', '/api/statuses').catch(() => state.statuses), api('GET', '/api/mailboxes').catch(() => state.mailboxes)]);
  state.users = users;
  state.usersById = new Map(users.map((u) => [u.id, u]));
  state.statuses = statusesList.sort((a, b) => a.position - b.position);
  state.statusesById = new Map(state.statuses.map((s) => [s.id, s]));
  state.mailboxes = mailboxesList;
  mailboxesList.forEach((m) => state.mailboxesById.set(m.id, m));
}

// ---- statuses ------------------------------------------------------------------------------------------------------

async function statuses(el, query, redraw) {
  const list = (await api('GET', '/api/admin/statuses')).sort((a, b) => a.position - b.position);
  const again = async () => { await refreshDirectory(); await redraw(); };
  const move = (i, by) => change(again, () => {
    const order = list.map((s) => s.id);
    const [s] = order.splice(i, 1);
    order.splice(i + by, 0, s);
    return api('POST', '/api/admin/statuses/order', { order });
  }, 'Order saved');
  const rows = list.map((s, i) => {
    const name = h('input', { value: s.name, 'aria-label': 'Name of ' + s.name, size: 18 });
    const next = h('select', { multiple: true, size: Math.min(5, list.length), 'aria-label': 'Allowed next of ' + s.name },
      list.filter((o) => o.id !== s.id).map((o) => option(o.id, o.name, s.allowedNext.includes(o.id))));
    const replacement = h('select', { 'aria-label': 'Replacement for ' + s.name },
      option('', 'move conversations to…', ''), list.filter((o) => o.id !== s.id).map((o) => option(o.id, o.name, '')));
    return h('tr', { dataset: { statusId: s.id } }, h('td', name), h('td', s.category.toLowerCase()),
      h('td', next, h('div.muted', 'none chosen: any')),
      h('td', h('button', { onclick: change(again, () => api('POST', '/api/admin/statuses/' + s.id,
        { name: name.value }), 'Renamed') }, 'Rename'), ' ',
      h('button', { onclick: change(again, () => api('POST', '/api/admin/statuses/' + s.id + '/transitions',
        { allowedNext: [...next.selectedOptions].map((o) => o.value) }), 'Transitions saved') }, 'Save next'), ' ',
      i > 0 ? h('button', { onclick: move(i, -1), 'aria-label': 'Move up' }, '↑') : null,
      i < list.length - 1 ? h('button', { onclick: move(i, 1), 'aria-label': 'Move down' }, '↓') : null),
      h('td', replacement, ' ', h('button.danger', { onclick: change(again, () => api('POST', '/api/admin/statuses/'
        + s.id + '/delete', { replacement: replacement.value || null }), 'Removed') }, 'Remove')));
  });
  const name = h('input#new-status-name', { placeholder: 'new status', 'aria-label': 'New status name' });
  const category = h('select#new-status-category', { 'aria-label': 'Category' },
    ['OPEN', 'WAITING', 'CLOSED'].map((c) => option(c, c.toLowerCase(), 'OPEN')));
  fill(el, h('table.list#statuses', h('thead', h('tr', h('th', 'Name'), h('th', 'Category'),
    h('th', 'Allowed next'), h('th', ''), h('th', ''))), h('tbody', rows)),
  h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(again, () => api('POST', '/api/admin/statuses',
    { name: name.value, category: category.value }), 'Status added')(); } }, name, category,
  h('button.primary#add-status', { type: 'submit' }, 'Add status')));
}

// ---- rules ---------------------------------------------------------------------------------------------------------

async function rules(el, query, redraw) {
  const mailbox = query.get('mailbox') || '';
  const loaded = await api('GET', '/api/admin/rules' + (mailbox ? '?mailbox=' + mailbox : ''));
  const editor = h('textarea.code#rules-json', { spellcheck: 'false', 'aria-label': 'Rules (JSON)' },
    JSON.stringify(loaded.rules, null, 2));
  const out = h('div#rules-result');
  const parse = () => {
    try {
      return JSON.parse(editor.value);
    } catch (e) {
      toast('The rules are not valid JSON: ' + e.message, true);
      return undefined;
    }
  };
  const scope = h('select#rules-scope', { 'aria-label': 'Scope',
    onchange: (e) => go('#/admin/rules' + (e.target.value ? '?mailbox=' + e.target.value : '')) },
  option('', 'Whole office (tenant rules)', mailbox), state.mailboxes.map((m) => option(m.id, m.address, mailbox)));
  const dryRun = async () => {
    const draft = parse();
    if (draft === undefined) return;
    const r = await attempt(() => api('POST', '/api/admin/rules/dry-run', { mailbox: mailbox || null, rules: draft,
      limit: 200 }));
    if (!r) return;
    fill(out, h('h2', 'Dry run: ' + r.changed + ' of ' + r.tried + ' recent conversations would change'),
      r.outcomes.filter((o) => o.changes).length ? h('table.list#dry-run', h('thead', h('tr', h('th', 'Subject'),
        h('th', 'From'), h('th', 'Would become'), h('th', 'Rules'))), h('tbody', r.outcomes.filter((o) => o.changes)
        .map((o) => h('tr', h('td', h('a', { href: '#/c/' + o.conversation }, o.subject)), h('td', o.from),
          h('td', [o.assignee ? 'assigned to ' + userName(o.assignee) : null, o.status ? 'status '
            + statusName(o.status) : null, o.dueAt ? 'due ' + when(o.dueAt) : null, o.urgent ? 'urgent' : null,
          o.tagsAdded.length ? 'tags ' + o.tagsAdded.join(', ') : null, o.autoReplies.length ? 'auto-reply to '
            + o.autoReplies.join(', ') : null, o.forwards.length ? 'forward to ' + o.forwards.join(', ') : null]
            .filter(Boolean).join('; ')), h('td', o.matched.join(', '))))))
        : h('p.muted', 'Nothing would change.'));
  };
  fill(el, h('div.filters', scope, h('span.muted', 'version ' + loaded.version
    + (loaded.updatedAt ? ' · saved ' + when(loaded.updatedAt) : ''))),
  h('p.muted', 'The rule language is described in the rules module\'s README. Try a change on recent mail before '
    + 'saving it.'), editor,
  h('div.filters', h('button#rules-dry-run', { onclick: dryRun }, 'Dry run'),
    h('button.primary#rules-save', { onclick: async () => {
      const draft = parse();
      if (draft === undefined) return;
      const saved = await attempt(() => api('POST', '/api/admin/rules', { mailbox: mailbox || null,
        version: loaded.version, rules: draft }), 'Rules saved');
      if (saved) await redraw();
    } }, 'Save')), out);
}

/** Why a conversation's mail was routed as it was (for the conversation page). */
export async function explain(conversation) {
  const e = await api('GET', '/api/admin/rules/explain?conversation=' + conversation);
  return h('div#explanation', h('pre.out', e.lines.join('\n')));
}

// ---- users and permissions -----------------------------------------------------------------------------------------

async function users(el, query, redraw) {
  const [list, roles] = await Promise.all([api('GET', '/api/admin/users'), api('GET', '/api/admin/roles')]);
  const chosen = query.get('user');
  const rows = list.map((u) => {
    const role = h('select', { 'aria-label': 'Role of ' + u.email },
      roles.map((r) => option(r.name, r.name, u.role)));
    return h('tr', { dataset: { userId: u.id }, class: u.active ? null : 'muted' }, h('td', u.name), h('td', u.email),
      h('td', role, ' ', h('button', { onclick: change(redraw, () => api('POST', '/api/admin/users/' + u.id + '/role',
        { role: role.value }), 'Role changed') }, 'Set')),
      h('td', u.active ? 'active' : 'deactivated'),
      h('td', h('a', { href: '#/admin/users?user=' + u.id }, 'grants'), ' ',
        h('button', { onclick: change(redraw, () => api('POST', '/api/admin/users/' + u.id + '/'
          + (u.active ? 'deactivate' : 'reactivate')), u.active ? 'Deactivated' : 'Reactivated') },
        u.active ? 'Deactivate' : 'Reactivate')));
  });
  const email = h('input#new-user-email', { type: 'email', placeholder: 'e-mail', required: true });
  const name = h('input#new-user-name', { placeholder: 'name', required: true });
  const role = h('select#new-user-role', roles.map((r) => option(r.name, r.name, 'member')));
  const password = h('input#new-user-password', { type: 'password', placeholder: 'initial password',
    autocomplete: 'new-password' });
  const parts = [h('table.list#users', h('thead', h('tr', h('th', 'Name'), h('th', 'E-mail'), h('th', 'Role'),
    h('th', 'State'), h('th', ''))), h('tbody', rows)),
  h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(async () => { await refreshDirectory(); await redraw(); },
    () => api('POST', '/api/admin/users', { email: email.value, name: name.value, role: role.value,
      password: password.value || null }), 'User created')(); } }, email, name, role, password,
  h('button.primary', { type: 'submit' }, 'Add user')),
  h('h2', 'Roles'), h('table.list#roles', h('tbody', roles.map((r) => h('tr', h('td', r.name),
    h('td.muted', r.permissions.join(', ')))))), roleForm(redraw)];
  if (chosen) parts.push(await grants(chosen, redraw));
  fill(el, ...parts);
}

function roleForm(redraw) {
  const name = h('input', { placeholder: 'role name', 'aria-label': 'Role name' });
  const perms = h('select', { multiple: true, size: 6, 'aria-label': 'Permissions' },
    PERMISSIONS.map((p) => option(p, p, '')));
  return h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(redraw, () => api('POST', '/api/admin/roles',
    { name: name.value, permissions: [...perms.selectedOptions].map((o) => o.value) }), 'Role defined')(); } },
  name, perms, h('button', { type: 'submit' }, 'Define role'));
}

async function grants(user, redraw) {
  const list = await api('GET', '/api/admin/users/' + user + '/grants');
  const permission = h('select', { 'aria-label': 'Permission' }, PERMISSIONS.map((p) => option(p, p, '')));
  const effect = h('select', { 'aria-label': 'Effect' }, option('grant', 'grant', 'grant'), option('deny', 'deny', ''));
  const mailbox = h('select', { 'aria-label': 'Mailbox' }, option('', 'every mailbox', ''),
    state.mailboxes.map((m) => option(m.id, m.address, '')));
  const statusesPick = h('select', { multiple: true, size: 4, 'aria-label': 'Only for statuses' },
    state.statuses.map((s) => option(s.id, s.name, '')));
  return h('section.card#grants', h('h2', 'Grants of ' + userName(user)),
    list.length ? h('table.list', h('tbody', list.map((g) => h('tr', h('td', g.effect), h('td', g.permission),
      h('td', g.mailbox ? mailboxLabel(g.mailbox) : 'every mailbox'),
      h('td', g.statuses.map(statusName).join(', ')),
      h('td', h('button.danger', { onclick: change(redraw, () => api('POST', '/api/admin/grants/' + g.id + '/revoke'),
        'Revoked') }, 'Revoke')))))) : h('p.muted', 'Only the role\'s permissions.'),
    h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(redraw, () => api('POST', '/api/admin/users/'
      + user + '/grants', { permission: permission.value, effect: effect.value, mailbox: mailbox.value || null,
      statuses: [...statusesPick.selectedOptions].map((o) => o.value) }), 'Saved')(); } },
    effect, permission, mailbox, statusesPick, h('button', { type: 'submit' }, 'Add')));
}

// ---- mailboxes, members, delegations -------------------------------------------------------------------------------

async function mailboxes(el, query, redraw) {
  const list = await api('GET', '/api/admin/mailboxes');
  const chosen = query.get('mailbox') || (list[0] && list[0].id);
  const again = async () => { await refreshDirectory(); await redraw(); };
  const address = h('input', { type: 'email', placeholder: 'address', 'aria-label': 'Address', required: true });
  const name = h('input', { placeholder: 'name', 'aria-label': 'Name', required: true });
  const kind = h('select', { 'aria-label': 'Kind' }, option('shared', 'shared', 'shared'),
    option('personal', 'personal', ''));
  const owner = h('select', { 'aria-label': 'Owner' }, option('', 'owner (personal only)', ''),
    state.users.map((u) => option(u.id, u.name, '')));
  const parts = [h('table.list#mailboxes', h('tbody', list.map((m) => h('tr', { dataset: { mailboxId: m.id },
    class: m.id === chosen ? 'selected' : null }, h('td', h('a', { href: '#/admin/mailboxes?mailbox=' + m.id },
    m.address)), h('td', m.name), h('td', m.kind), h('td', m.owner ? userName(m.owner) : ''))))),
  h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(again, () => api('POST', '/api/admin/mailboxes',
    { address: address.value, name: name.value, kind: kind.value, owner: owner.value || null }),
  'Mailbox created')(); } }, address, name, kind, owner, h('button.primary', { type: 'submit' }, 'Add mailbox'))];
  if (chosen) {
    const [members, delegations] = await Promise.all([api('GET', '/api/admin/mailboxes/' + chosen + '/members'),
      api('GET', '/api/admin/mailboxes/' + chosen + '/delegations')]);
    const user = h('select', { 'aria-label': 'User' }, state.users.map((u) => option(u.id, u.name, '')));
    const role = h('input', { value: 'member', size: 10, 'aria-label': 'Role in the mailbox' });
    const delegate = h('select', { 'aria-label': 'Delegate' }, state.users.map((u) => option(u.id, u.name, '')));
    const until = h('input', { type: 'date', 'aria-label': 'Until' });
    parts.push(h('div.admin-grid',
      h('section.card#members', h('h2', 'Members of ' + mailboxLabel(chosen)), h('table.list', h('tbody',
        members.map((m) => h('tr', h('td', userName(m.user)), h('td', m.role), h('td', h('button.danger', {
          onclick: change(redraw, () => api('POST', '/api/admin/mailboxes/' + chosen + '/members/' + m.user
            + '/remove'), 'Removed') }, 'Remove')))))),
      h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(redraw, () => api('POST', '/api/admin/mailboxes/'
        + chosen + '/members', { user: user.value, role: role.value }), 'Member added')(); } }, user, role,
      h('button', { type: 'submit' }, 'Add member'))),
      h('section.card#delegations', h('h2', 'Delegations'), h('p.muted', 'A delegate reads and assigns the mailbox\'s '
        + 'mail (a holiday cover) but never sends as its owner.'), delegations.length ? h('table.list', h('tbody',
        delegations.map((d) => h('tr', h('td', userName(d.delegate)), h('td', 'until ' + (d.until ? when(d.until)
          : 'revoked')), h('td', h('button.danger', { onclick: change(redraw, () => api('POST', '/api/admin/delegations/'
          + d.id + '/revoke'), 'Revoked') }, 'Revoke')))))) : h('p.muted', 'None.'),
      h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(redraw, () => api('POST', '/api/admin/mailboxes/'
        + chosen + '/delegations', { delegate: delegate.value, until: until.value
        ? new Date(until.value + 'T23:59:59').toISOString() : null }), 'Delegated')(); } }, delegate, until,
      h('button', { type: 'submit' }, 'Delegate')))));
  }
  fill(el, ...parts);
}

// ---- absences ------------------------------------------------------------------------------------------------------

async function absences(el, query, redraw) {
  const list = await api('GET', '/api/admin/absences');
  const user = h('select#absence-user', { 'aria-label': 'Who is away' }, state.users.map((u) => option(u.id, u.name, '')));
  const until = h('input#absence-until', { type: 'date', 'aria-label': 'Back on' });
  const deputy = h('select#absence-deputy', { 'aria-label': 'Deputy' }, option('', 'no deputy: unassigned', ''),
    state.users.map((u) => option(u.id, u.name, '')));
  fill(el, h('p.muted', 'While someone is away the rules give their new mail to the deputy, or leave it unassigned.'),
    list.length ? h('table.list#absences', h('tbody', list.map((a) => h('tr', { dataset: { userId: a.user } },
      h('td', userName(a.user)), h('td', a.until ? 'until ' + when(a.until) : 'until further notice'),
      h('td', a.deputy ? 'deputy ' + userName(a.deputy) : 'no deputy'),
      h('td', h('button', { onclick: change(redraw, () => api('POST', '/api/admin/absences/' + a.user + '/clear'),
        'Back') }, 'Back now')))))) : h('p.muted#no-absences', 'Everyone is in.'),
    h('form.inline', { onsubmit: (e) => { e.preventDefault(); change(redraw, () => api('POST', '/api/admin/absences',
      { user: user.value, until: until.value ? new Date(until.value + 'T00:00:00').toISOString() : null,
        deputy: deputy.value || null }), 'Absence saved')(); } }, user, until, deputy,
    h('button.primary#absence-save', { type: 'submit' }, 'Set away')));
}

// ---- templates -----------------------------------------------------------------------------------------------------

async function templates(el, query, redraw) {
  const boxes = state.mailboxes;
  const mailbox = query.get('mailbox') || (boxes[0] && boxes[0].id);
  if (!mailbox) { fill(el, h('p.muted', 'No mailbox.')); return; }
  const list = await api('GET', '/api/templates?mailbox=' + mailbox);
  const chosen = list.find((t) => t.id === query.get('template'));
  const name = h('input#template-name', { value: chosen ? chosen.name : '', placeholder: 'name', required: true });
  const subject = h('input#template-subject', { value: chosen ? chosen.subject : 'Re: {{subject}}', size: 50 });
  const text = h('textarea.code#template-text', { 'aria-label': 'Text' },
    chosen ? chosen.text : 'Dear {{name}},\n\n\n\nKind regards,\n{{me}}');
  fill(el, h('div.filters', h('select#template-mailbox', { 'aria-label': 'Mailbox',
    onchange: (e) => go('#/admin/templates?mailbox=' + e.target.value) }, boxes.map((m) => option(m.id, m.address,
    mailbox)))),
  list.length ? h('table.list#templates', h('tbody', list.map((t) => h('tr', h('td', h('a', {
    href: '#/admin/templates?mailbox=' + mailbox + '&template=' + t.id }, t.name)), h('td', t.subject),
  h('td', h('button.danger', { onclick: change(redraw, () => api('POST', '/api/templates/' + t.id + '/delete'),
    'Deleted') }, 'Delete')))))) : h('p.muted', 'No templates yet.'),
  h('section.card', h('h2', chosen ? 'Edit ' + chosen.name : 'New template'),
    h('p.muted', 'Mustache: {{name}} and {{email}} of the one answered, {{subject}}, {{me}}.'),
    h('div.reply', h('div.row', name, subject), text, h('div.row', h('button.primary#template-save', {
      onclick: change(redraw, () => api('POST', '/api/templates', { id: chosen ? chosen.id : null, mailbox,
        name: name.value, subject: subject.value, text: text.value }), 'Template saved') }, 'Save')))));
}
