// The dashboard: the day's figures per user from GET /api/stats/daily, as a table, a bar chart per user and a
// two-week trend. Charts are drawn by uPlot (served from the jar).
import { api, fill, go, h } from './lib.js';

const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const COLUMNS = [
  ['open', 'Open'], ['unread', 'Unread'], ['read', 'Read today'], ['assigned', 'Assigned'], ['taken', 'Taken'],
  ['closed', 'Closed'], ['repliesSent', 'Replies sent'], ['urgentDueToday', 'Urgent due today'],
  ['dueTomorrow', 'Due tomorrow'], ['overdue', 'Overdue'], ['withoutReaction', 'No reaction'],
];
const TREND_DAYS = 14;
const REDRAW_MS = 15000;

function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function daily(day, reactionHours) {
  return api('GET', '/api/stats/daily?' + new URLSearchParams({ date: day, zone: ZONE, reactionHours }));
}

export async function dashboardPage(main, query) {
  const day = query.get('date') || isoDay(new Date());
  const reactionHours = query.get('reactionHours') || '24';
  let stats;
  try {
    stats = await daily(day, reactionHours);
  } catch (e) {
    fill(main, h('h1', 'Dashboard'), h('p.error#dashboard-error', e.status === 403
      ? 'The daily figures need the VIEW_REPORTS permission.' : e.message));
    return null;
  }
  const total = (k) => stats.users.reduce((n, u) => n + u[k], 0);
  const backlog = stats.mailboxes.reduce((n, m) => n + m.unassigned, 0);
  const picker = h('div.filters',
    h('label', 'Day ', h('input#dashboard-date', { type: 'date', value: day,
      onchange: (e) => go('#/dashboard?' + new URLSearchParams({ date: e.target.value, reactionHours })) })),
    h('label', 'No reaction after ', h('input#dashboard-hours', { type: 'number', min: 1, max: 720, value: reactionHours,
      onchange: (e) => go('#/dashboard?' + new URLSearchParams({ date: day, reactionHours: e.target.value })) }),
    ' hours'), h('span.muted', 'as of ' + new Date(stats.asOf).toLocaleString() + ' · ' + stats.zone));
  const figures = h('div.figures#figures',
    figure('total-open', total('open'), 'open conversations'),
    figure('total-unassigned', backlog, 'unassigned (NA)'),
    figure('total-urgent', total('urgentDueToday'), 'urgent due today'),
    figure('total-overdue', total('overdue'), 'overdue'),
    figure('total-no-reaction', total('withoutReaction'), 'left without reaction'),
    figure('total-replies', total('repliesSent'), 'replies sent today'));
  const table = h('table.list#stats-users', h('thead', h('tr', h('th', 'User'),
    COLUMNS.map(([, label]) => h('th.num', label)))),
  h('tbody', stats.users.map((u) => h('tr', { dataset: { userId: u.id } }, h('td', u.name),
    COLUMNS.map(([k]) => h('td.num', { dataset: { stat: k } }, String(u[k])))))));
  const mailboxes = h('table.list#stats-mailboxes', h('thead', h('tr', h('th', 'Shared mailbox'),
    h('th.num', 'Unassigned'), h('th.num', 'Oldest waiting'))),
  h('tbody', stats.mailboxes.map((m) => h('tr', { dataset: { mailboxId: m.id } }, h('td', m.address),
    h('td.num', { dataset: { stat: 'unassigned' } }, String(m.unassigned)),
    h('td.num', m.oldestSeconds === null ? '—' : age(m.oldestSeconds))))));
  const perUser = h('div.chart#chart-users');
  const trend = h('div.chart#chart-trend', h('p.muted', 'Loading the last ' + TREND_DAYS + ' days…'));
  fill(main, h('h1', 'Dashboard'), picker, figures, h('h2', 'Per user'), perUser, table,
    h('h2', 'Unassigned backlog'), mailboxes, h('h2', 'Last ' + TREND_DAYS + ' days'), trend);
  userChart(perUser, stats);
  trendChart(trend, day, reactionHours);
  // a busy office changes all the time: redraw at most every REDRAW_MS (a redraw asks for TREND_DAYS + 1 days)
  let last = Date.now();
  let pending = null;
  const shown = location.hash;
  return () => {
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      last = Date.now();
      if (location.hash === shown) dashboardPage(main, query).catch(() => {}); // still the page it was for
    }, Math.max(0, last + REDRAW_MS - Date.now()));
  };
}

function figure(id, n, label) {
  return h('div.figure', { id }, h('div.n', String(n)), h('div.l', label));
}

function age(seconds) {
  if (seconds < 3600) return Math.round(seconds / 60) + ' min';
  if (seconds < 172800) return Math.round(seconds / 3600) + ' h';
  return Math.round(seconds / 86400) + ' days';
}

function width(el) {
  return Math.max(480, Math.min(1100, (el.parentElement ? el.parentElement.clientWidth : 800) - 24));
}

/** Open, overdue and no-reaction counts per user, as bars side by side. */
function userChart(el, stats) {
  if (!window.uPlot || !stats.users.length) { fill(el, h('p.muted', 'No users to chart.')); return; }
  const names = stats.users.map((u) => u.name);
  const xs = names.map((_, i) => i);
  const bars = (align) => window.uPlot.paths.bars({ size: [0.25, 40], align });
  const opts = {
    width: width(el), height: 240,
    scales: { x: { time: false, range: [-0.6, names.length - 0.4] } },
    axes: [{ values: (u, ticks) => ticks.map((t) => names[t] ?? ''), splits: () => xs, grid: { show: false } },
      { grid: { stroke: '#eee' } }],
    series: [{ label: 'User', value: (u, v) => (v === null ? '--' : names[v] ?? '--') }, { label: 'Open', fill: '#0b63c5', stroke: '#0b63c5', paths: bars(-1), points: { show: false } },
      { label: 'Overdue', fill: '#b42318', stroke: '#b42318', paths: bars(0), points: { show: false } },
      { label: 'No reaction', fill: '#b54708', stroke: '#b54708', paths: bars(1), points: { show: false } }],
  };
  fill(el);
  // eslint-disable-next-line no-new
  new window.uPlot(opts, [xs, stats.users.map((u) => u.open), stats.users.map((u) => u.overdue),
    stats.users.map((u) => u.withoutReaction)], el);
}

/** Replies sent, conversations taken and closed, and the NA backlog per day over the last two weeks. */
async function trendChart(el, lastDay, reactionHours) {
  const end = new Date(lastDay + 'T12:00:00');
  const days = [];
  for (let i = TREND_DAYS - 1; i >= 0; i--) {
    const d = new Date(end);
    d.setDate(end.getDate() - i);
    days.push(d);
  }
  let all;
  try {
    all = await Promise.all(days.map((d) => daily(isoDay(d), reactionHours)));
  } catch (e) {
    fill(el, h('p.error', e.message));
    return;
  }
  if (!window.uPlot) return;
  const sum = (s, k) => s.users.reduce((n, u) => n + u[k], 0);
  const data = [days.map((d) => Math.floor(d.getTime() / 1000)), all.map((s) => sum(s, 'repliesSent')),
    all.map((s) => sum(s, 'taken')), all.map((s) => sum(s, 'closed')),
    all.map((s) => s.mailboxes.reduce((n, m) => n + m.unassigned, 0))];
  const opts = {
    width: width(el), height: 240,
    series: [{}, { label: 'Replies sent', stroke: '#067647', width: 2 }, { label: 'Taken', stroke: '#0b63c5', width: 2 },
      { label: 'Closed', stroke: '#6941c6', width: 2 }, { label: 'Unassigned now', stroke: '#b54708', width: 2,
        dash: [6, 4] }],
    axes: [{}, { grid: { stroke: '#eee' } }],
  };
  fill(el);
  // eslint-disable-next-line no-new
  new window.uPlot(opts, data, el);
}
