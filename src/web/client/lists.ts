import { deadlineLabel, stageLabel, typeLabel } from '../../shared/plain-language';
import { h, humanize, when } from './dom';

/** A table of cases (codes and dates only), each linked to its page and its workflow. */
export function caseTable(
  rows: any[],
  opts: { person?: boolean; caption?: string; extra?: (row: any) => string } = {},
): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'hint' }, 'None.');
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
        h('th', {}, 'Workflow'),
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
            { 'data-rule': r.nextDeadline?.ruleId },
            r.nextDeadline
              ? `${deadlineLabel({ ruleId: r.nextDeadline.ruleId ?? '', name: 'deadline' })}: ${when(r.nextDeadline.dueAt)}`
              : '—',
          ),
          h(
            'td',
            {},
            (r.stuckReasons ?? []).map((s: string) => h('span', { class: 'badge stuck' }, humanize(s))),
          ),
          opts.extra ? h('td', {}, opts.extra(r)) : null,
          h('td', {}, h('a', { href: r.links.temporal, target: '_blank', rel: 'noopener' }, 'Temporal UI')),
        ),
      ),
    ),
  );
}
