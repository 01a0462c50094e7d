import type { Permission } from '../contract/permissions';
import type { Role } from '../shared/roles';
import { html } from './html';
import { page } from './layout';
import { notForYou, wayBack } from './navigation';

/**
 * The answer to a browser that opens a page its person may not: the product's layout (their own
 * navigation, who they are, sign out), a sentence saying whose page it is, and the way back to their
 * own start page — never a bare refusal. `container` keeps the id of the page's own content, so the
 * page reads the same whether the server or the page's script said it.
 */
export function forbiddenPage(opts: {
  title: string;
  role: Role;
  permission: Permission;
  /** What was refused, as the sentence's subject ("The Temporal Web UI"); default "This page". */
  what?: string;
  /** Why, where the role is not the reason (it is said instead of whose page it is). */
  because?: string;
  container?: string;
}): string {
  const back = wayBack(opts.role);
  return page({
    title: opts.title,
    script: 'forbidden',
    role: opts.role,
    body: html`<div id="${opts.container ?? 'forbidden'}" class="forbidden" data-forbidden="${opts.permission}">
      <p class="panel bad" role="alert">${opts.because ?? notForYou(opts.role, opts.permission, opts.what)}</p>
      <p><a id="way-back" href="${back.href}">Back to your page: ${back.label}</a></p>
    </div>`,
  });
}
