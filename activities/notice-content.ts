import type { LeadConfig } from '../src/config/config-schema';
import type { NoticeRequest } from '../src/shared/activity-contract';
import type { NoticeKind, Recipient } from '../src/shared/case-model';
import { RULES } from '../src/shared/rules';

/**
 * What a notice says. R-ROI: a notice carries the referral id, the case status, the deadline and the
 * office, and links to the product, which shows each reader what they may see — no name, no date of
 * birth, no offense details, no health or service information in the e-mail itself.
 */

const TITLES: Record<NoticeKind, string> = {
  CASE_MANAGEMENT_CALLED: 'New arrest diversion: on-call case management requested',
  DIVERSION_PACKET: 'Diversion packet ready for review',
  LEFT_BEFORE_SCREENING: 'Person left before the initial screening',
  RETURN_TO_SCENE: 'Return to the scene inside the exclusion window',
  INTAKE_MISSED: 'Intake deadline missed',
  PARTICIPANT_EXITED: 'Participant exited LEAD',
  OVERRIDE_REQUESTED: 'Override requested for a booked, ineligible person',
  APPROVAL_REQUESTED: 'Social-contact referral awaiting your approval',
  APPROVAL_REMINDER: 'Reminder: social-contact referral unreviewed for 7 days',
  SOCIAL_CONTACT_REFERRED: 'New social-contact referral',
  SOCIAL_CONTACT_APPROVED: 'Social-contact referral approved',
  SOCIAL_CONTACT_DENIED: 'Social-contact referral denied',
  SOCIAL_CONTACT_ENROLLED: 'Social-contact referral enrolled',
  SOCIAL_CONTACT_CLOSED: 'Social-contact referral closed',
  REASSESSMENT_DUE: 'Social-contact approval due for re-assessment',
  SCREENING_REMINDER: 'Reminder: initial screening not recorded 4 hours after the call',
  CLOSED_BY_FILING_DECISION: "Diversion closed by the prosecutor's filing decision",
  NCI_REVIEW_REQUESTED: 'DOC warrant or violation: the NCI team decides whether to refer to LEAD',
  NCI_REVIEW_REMINDER: 'Reminder: DOC NCI decision not recorded 24 hours after the referral',
  NCI_DECLINED: 'DOC NCI team declined: the person is booked, not diverted',
  OVERRIDE_REMINDER: 'Reminder: override request unreviewed for 24 hours',
  SOCIAL_CONTACT_REFUSED: 'Social-contact candidate refused at submission',
  SOCIAL_CONTACT_HANDED_OFF: 'Social contact continuing a handed-off arrest diversion',
  SCREENED_OUT: 'The initial screening found the person not appropriate for LEAD',
  FILING_DECISION_DUE: "A victim objected: your office's filing decision is due",
  FILING_DECISION_REMINDER: "Reminder: your office's filing decision after a victim objection is overdue",
  FILED_OUTSIDE_PROTOCOL: 'A prosecutor recorded a filing decision outside R-SCREEN, R-MISSED and R-VICTIM',
  PACKET_DOES_NOT_MEET_CRITERIA: 'The prosecutor found the referral does not meet the diversion criteria',
  PARTICIPANT_ARRESTED:
    'A participant was arrested, booked, charged or referred again: coordinate with the service plan',
};

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
  const title = TITLES[notice.kind];
  const deadline = notice.facts.deadline;
  const lines = [
    `${title}.`,
    '',
    `Referral: ${notice.referralId} (${notice.facts.type === 'SOCIAL_CONTACT' ? 'social contact' : 'arrest diversion'})`,
    `Case status: ${notice.facts.stage}${notice.facts.outcome ? ` (${notice.facts.outcome.replace(/_/g, ' ').toLowerCase()})` : ''}`,
    ...(officeCode ? [`Office with jurisdiction: ${office ? `${office.name} (${officeCode})` : officeCode}`] : []),
    ...(deadline
      ? [
          `${deadline.ruleId === 'R-INTAKE' ? 'Intake deadline' : 'Approval good until'}: ${deadline.dueAt} (${deadline.ruleId})`,
        ]
      : []),
    `Rule: ${notice.ruleId} — ${RULES[notice.ruleId]}`,
    '',
    notice.kind === 'DIVERSION_PACKET'
      ? `Open the diversion packet (R-PACKET): ${new URL(`/cases/${encodeURIComponent(notice.referralId)}/packet`, config.program.publicUrl).href}`
      : `Open the case: ${new URL(`/cases/${encodeURIComponent(notice.referralId)}`, config.program.publicUrl).href}`,
    '',
    `${config.program.name}. This notice carries only what the protocol allows (R-ROI).`,
  ];
  return { subject: `[LEAD] ${title} — ${notice.referralId}`, text: lines.join('\n') };
}
