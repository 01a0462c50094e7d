import type { LeadConfig } from '../src/config/config-schema';
import type { NoticeRequest } from '../src/shared/activity-contract';
import type { NoticeKind, Recipient } from '../src/shared/case-model';
import { RULES } from '../src/shared/rules';

/**
 * What a notice says. R-ROI: before consent a notice to police or prosecutors carries only the
 * referral id, the case status, the deadline and the office — so no notice carries anything else:
 * no name, no date of birth, no offense details, no health or service information.
 */

const TITLES: Record<NoticeKind, string> = {
  CASE_MANAGEMENT_CALLED: 'New arrest diversion: on-call case management requested',
  DIVERSION_PACKET: 'Diversion packet ready for review',
  LEFT_BEFORE_SCREENING: 'Person left before the initial screening',
  RETURN_TO_SCENE: 'Return to the scene inside the exclusion window',
  INTAKE_MISSED: 'Intake deadline missed',
  PARTICIPANT_EXITED: 'Participant exited LEAD',
};

export class UnknownRecipientError extends Error {}

export function recipientAddress(config: LeadConfig, recipient: Recipient): string {
  switch (recipient.role) {
    case 'case_manager':
      return config.contacts.caseManagementOnCall;
    case 'project_manager':
      return config.contacts.projectManager;
    case 'sergeant': {
      const agency = config.agencies[recipient.agency];
      if (!agency) throw new UnknownRecipientError(`No sergeants' address configured for agency ${recipient.agency}`);
      return agency.sergeantsEmail;
    }
    case 'prosecutor': {
      const office = config.offices[recipient.office];
      if (!office) throw new UnknownRecipientError(`No address configured for prosecutor office ${recipient.office} (R-JURISDICTION)`);
      return office.email;
    }
  }
}

export function noticeContent(config: LeadConfig, notice: NoticeRequest): { subject: string; text: string } {
  const office = config.offices[notice.facts.office];
  const title = TITLES[notice.kind];
  const lines = [
    `${title}.`,
    '',
    `Referral: ${notice.referralId}`,
    `Case status: ${notice.facts.stage}`,
    `Office with jurisdiction: ${office ? `${office.name} (${notice.facts.office})` : notice.facts.office}`,
    ...(notice.facts.deadline ? [`Intake deadline: ${notice.facts.deadline.dueAt} (${notice.facts.deadline.ruleId})`] : []),
    `Rule: ${notice.ruleId} — ${RULES[notice.ruleId]}`,
    '',
    `Open the case: ${new URL(`/cases/${encodeURIComponent(notice.referralId)}`, config.program.publicUrl).href}`,
    '',
    `${config.program.name}. This notice carries only what the protocol allows (R-ROI).`,
  ];
  return { subject: `[LEAD] ${title} — ${notice.referralId}`, text: lines.join('\n') };
}
