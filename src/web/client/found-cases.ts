import { h, humanize, when } from './dom';

/** A case as GET /api/search and GET /api/referrals/mine list it. */
export interface FoundCase {
  caseId: string;
  type: string;
  stage: string;
  agency: string;
  referredAt: string | null;
  nextDeadline: { dueAt: string; ruleId: string | null } | null;
  stuckReasons: string[];
  links: { case: string };
  /** R-ROI: only for a reader of the referral record. */
  person: { givenName: string; familyName: string; dateOfBirth: string } | null;
  offenses: Array<{ code: string; label: string }> | null;
}

/** A plain date (YYYY-MM-DD) in words, never shifted by the device's time zone. */
export function plainDate(date: string): HTMLElement {
  const words = new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
  return h('time', { datetime: date }, words);
}

/**
 * Cases found, as a list of cards (one column on a phone, never wider than the screen): who the case is
 * about where the reader may see it (R-ROI), then its program status.
 */
export function foundCaseList(cases: FoundCase[], labelledBy: string): HTMLElement {
  return h(
    'ol',
    { class: 'found-cases', 'aria-labelledby': labelledBy },
    cases.map((c) =>
      h(
        'li',
        { class: 'found-case', 'data-case': c.caseId },
        h(
          'p',
          { class: 'found-title' },
          h('a', { href: c.links.case }, c.caseId),
          ' ',
          h('span', { class: 'badge' }, humanize(c.stage)),
          c.stuckReasons.map((s) => [' ', h('span', { class: 'badge stuck' }, humanize(s))]),
        ),
        c.person
          ? h(
              'p',
              { class: 'found-person' },
              h('strong', {}, `${c.person.givenName} ${c.person.familyName}`),
              ', born ',
              plainDate(c.person.dateOfBirth),
            )
          : h('p', { class: 'hint found-person' }, 'Person not shown: you may see this case’s status only.'),
        c.offenses && c.offenses.length > 0
          ? h('p', { class: 'found-offenses' }, c.offenses.map((o) => o.label).join(', '))
          : null,
        h(
          'p',
          { class: 'hint' },
          `${humanize(c.type)} · ${c.agency} · referred ${when(c.referredAt)}`,
          c.nextDeadline ? ` · next deadline ${when(c.nextDeadline.dueAt)} (${c.nextDeadline.ruleId ?? ''})` : '',
        ),
      ),
    ),
  );
}
