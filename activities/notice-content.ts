import type { LeadConfig } from '../src/config/config-schema';
import type { NoticeRequest } from '../src/contract/activity-contract';
import type { Recipient } from '../src/case/notices';
import { localTime, NOTICE_TITLES, outcomeLabel, stageLabel, typeLabel } from '../src/contract/plain-language';
import { RULES } from '../src/shared/rules';

/**
 * What a notice says. R-ROI: a notice carries the referral id, the case status, the deadline and the
 * office, and links to the product, which shows each reader what they may see — no name, no date of
 * birth, no offense details, no health or service information in the e-mail itself. In words (the
 * program's time zone, stages as people say them); the rule that made it owed is its last line, the "why".
 */

export class UnknownRecipientError extends Error {}

export function recipientAddress(config: LeadConfig, recipient: Recipient): string {
  switch (recipient.role) {
    case 'case_manager':
      return config.contacts.caseManagementOnCall;
    case 'project_manager':
      return config.contacts.projectManager;
    case 'doc_nci':
      return config.contacts.docNciTeam;
    case 'sergeant': {
      const agency = config.agencies[recipient.agency];
      if (!agency) throw new UnknownRecipientError(`No sergeants' address configured for agency ${recipient.agency}`);
      return agency.sergeantsEmail;
    }
    case 'prosecutor': {
      const office = config.offices[recipient.office];
      if (!office)
        throw new UnknownRecipientError(
          `No address configured for prosecutor office ${recipient.office} (R-JURISDICTION)`,
        );
      return office.email;
    }
  }
}

export function noticeContent(config: LeadConfig, notice: NoticeRequest): { subject: string; text: string } {
  // R-JURISDICTION: a prosecutor's notice names the office it went to (a case may have several).
  const officeCode = notice.recipient.role === 'prosecutor' ? notice.recipient.office : notice.facts.office;
  const office = officeCode ? config.offices[officeCode] : undefined;
  const title = NOTICE_TITLES[notice.kind];
  const deadline = notice.facts.deadline;
  // Read later, perhaps next year: the year is always named.
  const when = (iso: string) => localTime(iso, { timeZone: config.program.timezone, year: 'always' });
  const lines = [
    `${title}.`,
    '',
    `Referral: ${notice.referralId} (${typeLabel(notice.facts.type).toLowerCase()})`,
    `Where it stands: ${stageLabel(notice.facts.stage)}${notice.facts.outcome ? ` (${outcomeLabel(notice.facts.outcome)})` : ''}`,
    ...(officeCode ? [`Office with jurisdiction: ${office ? `${office.name} (${officeCode})` : officeCode}`] : []),
    ...(deadline
      ? [
          `${deadline.ruleId === 'R-INTAKE' ? 'Intake and consent due by' : 'Approval good until'}: ${when(deadline.dueAt)}`,
        ]
      : []),
    '',
    notice.kind === 'DIVERSION_PACKET'
      ? `Open the diversion packet: ${new URL(`/cases/${encodeURIComponent(notice.referralId)}/packet`, config.program.publicUrl).href}`
      : `Open the case: ${new URL(`/cases/${encodeURIComponent(notice.referralId)}`, config.program.publicUrl).href}`,
    '',
    `Why you are told: ${RULES[notice.ruleId]} (${notice.ruleId}${deadline && deadline.ruleId !== notice.ruleId ? `; the date: ${deadline.ruleId}` : ''}).`,
    `${config.program.name}. This notice carries only what the protocol allows (R-ROI).`,
  ];
  return { subject: `[LEAD] ${title} — ${notice.referralId}`, text: lines.join('\n') };
}
