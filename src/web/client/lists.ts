import type { z } from 'zod';
import type { caseRowSchema } from '../../api/schemas/common';
import { allows } from '../../contract/permissions';
import { deadlineLabel, stageLabel, stuckLabel, typeLabel } from '../../contract/plain-language';
import { h, when } from './dom';
import { signedIn } from './session';

type ListedCase = z.output<typeof caseRowSchema> & { person?: { givenName: string; familyName: string } | null };

/**
 * A table of cases (codes and dates only), each linked to its page — and to its workflow in the
 * Temporal Web UI for those who may open it (`temporal.ui`, supervisors): for anyone else the link
 * would only lead to a refusal.
 */
export function caseTable<R extends ListedCase>(
  rows: R[],
  opts: { person?: boolean; caption?: string; extra?: (row: R) => string } = {},
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'hint' }, 'None.');
  const workflow = signedIn !== undefined && allows(signedIn.role, 'temporal.ui');
  return h(
    'table',
    {},
    opts.caption ? h('caption', {}, opts.caption) : null,
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'Case'),
        opts.person ? h('th', {}, 'Person') : null,
        h('th', {}, 'Stage'),
        h('th', {}, 'Next deadline'),
        h('th', {}, 'Flags'),
        opts.extra ? h('th', {}, 'Detail') : null,
        workflow ? h('th', {}, 'Workflow') : null,
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          { 'data-case': r.caseId },
          h(
            'td',
            {},
            h('a', { href: r.links.case }, r.caseId),
            h('br'),
            h('span', { class: 'hint' }, typeLabel(r.type)),
          ),
          opts.person ? h('td', {}, r.person ? `${r.person.givenName} ${r.person.familyName}` : '') : null,
          h('td', { 'data-stage': r.stage }, stageLabel(r.stage)),
          h(
            'td',
            { 'data-rule': r.nextDeadline?.ruleId ?? undefined },
            r.nextDeadline
              ? `${deadlineLabel({ ruleId: r.nextDeadline.ruleId ?? '', name: 'deadline' })}: ${when(r.nextDeadline.dueAt)}`
              : '—',
          ),
          h(
            'td',
            {},
            (r.stuckReasons ?? []).map((s) => h('span', { class: 'badge stuck' }, stuckLabel(s))),
          ),
          opts.extra ? h('td', {}, opts.extra(r)) : null,
          workflow
            ? h('td', {}, h('a', { href: r.links.temporal, target: '_blank', rel: 'noopener' }, 'Temporal UI'))
            : null,
        ),
      ),
    ),
  );
}
