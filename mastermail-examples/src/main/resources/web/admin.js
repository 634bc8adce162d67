// Administration pages (statuses, rules, users and permissions, mailboxes, absences) over /api/admin.
import { h } from './lib.js';

export const ADMIN_PAGES = [];

export async function adminPage(main, page) {
  main.replaceChildren(h('h1', 'Administration'), h('p.error', 'There is no admin page "' + page + '".'));
  return null;
}
