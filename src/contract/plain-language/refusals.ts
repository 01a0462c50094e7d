import { STAGES } from '../../shared/case-vocabulary';
import { humanize } from '../../shared/humanize';
import type { RuleId } from '../../shared/rules';
import { capital, RULE_TITLES, ruleIdsIn, stageLabel } from './codes';
import { calendarDate, localTime, type TimeOptions } from './time';
/* Refusals and the accounting of disclosures, in words. */

/**
 * A refusal from the service in words: stage codes as words, instants in local time, a field's name as
 * its label, and the rule ids taken out for the "why" beside it.
 */
export function plainRefusal(
  message: string,
  options: TimeOptions & { fieldLabels?: Record<string, string> } = {},
): { text: string; ruleIds: string[] } {
  const ruleIds = ruleIdsIn(message);
  let text = message
    // "(R-SCENE; allowed when AWAITING_SCREENING or …)" and "(R-INTAKE)": the why, not the words.
    .replace(/\s*\([^()]*\bR-[A-Z][^()]*\)/g, '')
    .replace(/\b\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?/g, (iso) => localTime(iso, options))
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (date) => calendarDate(date))
    .replace(/\bR-[A-Z]+(?:-[A-Z0-9]+)*\b/g, (id) => RULE_TITLES[id as RuleId] ?? id)
    .replace(/\b[A-Z]{2,}(?:_[A-Z]+)+\b|\b(?:ENROLLED|EXITED|CLOSED|DENIED|REFUSED)\b/g, (code) =>
      (STAGES as readonly string[]).includes(code) ? stageLabel(code).toLowerCase() : humanize(code).toLowerCase(),
    );
  for (const [field, label] of Object.entries(options.fieldLabels ?? {}))
    text = text.replace(new RegExp(`(^|[\\s;:])${field.replace(/\./g, '\\.')}:`, 'g'), `$1${label}:`);
  return { text: capital(text.trim()), ruleIds };
}

/** Where a disclosure happened (`GET /api/cases/:caseId`), as a person says it. */
export function channelLabel(channel: string): string {
  const [method, route = ''] = channel.split(' ');
  if (route.startsWith('/codec') || route.includes('temporal')) return 'the Temporal Web UI (decoded)';
  if (/\/packet\.pdf$/.test(route)) return 'the diversion packet (PDF)';
  if (/\/packet$/.test(route)) return 'the diversion packet';
  if (/social-contact-draft$/.test(route)) return 'a social-contact referral started from the arrest';
  if (/^\/api\/cases\/:caseId$/.test(route)) return 'the case page';
  if (route.startsWith('/api/cases/') && method === 'POST') return 'an action on the case';
  if (route.startsWith('/api/cases/')) return 'the case';
  if (/client-report\.csv$/.test(route)) return 'the client-level report (CSV)';
  if (/staffing-list\.csv$/.test(route)) return 'the staffing list (CSV)';
  if (route.startsWith('/api/reports')) return 'the monthly report';
  if (/eligibility$/.test(route)) return 'an eligibility check before a referral';
  if (route.startsWith('/api/referrals')) return 'a new referral';
  if (route.startsWith('/api/bookings') || /bookings/.test(route)) return 'a booking';
  if (route.startsWith('/api/evaluation')) return 'the evaluation export';
  return 'another request to the service';
}

/** Under what a disclosure was made, in words; its rule ids for the "why". */
export function basisLabel(basis: string): { text: string; ruleIds: string[] } {
  const ruleIds = ruleIdsIn(basis);
  const text = basis
    .replace(/^(?:R-[A-Z0-9-]+(?:,\s*)?)+:\s*/, '')
    .replace(/release of information \S+ \(version (\d+)\)/, "the person's release of information (version $1)")
    .replace(/\s*\((?:R-[A-Z0-9-]+(?:,\s*)?)+\)/g, '')
    .replace(/\bR-[A-Z]+(?:-[A-Z0-9]+)*\b/g, (id) => RULE_TITLES[id as RuleId] ?? id);
  return { text: capital(text.trim()), ruleIds };
}

/** What was shown (a disclosure's kinds), in words. */
export const DISCLOSED_KIND_LABELS: Record<string, string> = {
  REFERRAL_RECORD: 'the referral record',
  CASE_MANAGEMENT_RECORD: 'the case-management record',
  CASE_MANAGEMENT_SUMMARY: 'the progress summary',
  DE_IDENTIFIED_RECORD: 'a de-identified record',
  PROGRAM_STATUS: 'that the person is in LEAD (program status)',
};
