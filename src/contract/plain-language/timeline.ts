import type { CaseEventData } from '../../case/case-event-data';
import { humanize } from '../../shared/humanize';
import { capital, outcomeLabel } from './codes';
/* The timeline in sentences. */

export interface SentenceContext {
  /** Who acted, as the reader may know them: a name, "you", or "a sergeant". */
  who: (actor: { id: string; role: string; name?: string }) => string;
  time: (iso: string) => string;
  offices?: Record<string, { name: string }>;
  /** Who referred the person, as the referral record names them (the opening events are the service's). */
  referredBy?: string;
}

type EventOf<T extends keyof CaseEventData> = {
  type: T;
  actor: { id: string; role: string; name?: string };
  data?: Partial<Record<string, unknown>>;
};
type Sentence = (e: EventOf<keyof CaseEventData>, c: SentenceContext) => string;

const quoted = (text: unknown) => (typeof text === 'string' && text.trim() ? ` “${text.trim()}”` : '');
const because = (reason: unknown) => (typeof reason === 'string' && reason.trim() ? `: “${reason.trim()}”` : '');
const officeOf = (c: SentenceContext, code: unknown) =>
  typeof code === 'string' ? (c.offices?.[code]?.name ?? code) : 'the office';
/** Who opened the case: the service records the referral; the referral record names the officer. */
const referrer = (e: EventOf<keyof CaseEventData>, c: SentenceContext) =>
  e.actor.role === 'system' ? (c.referredBy ?? 'the referring officer') : c.who(e.actor);
const list = (values: unknown) =>
  Array.isArray(values) ? values.map((v) => humanize(String(v)).toLowerCase()).join(', ') : '';

/**
 * One sentence per kind of case event, naming who acted. Every kind has one (the unit test checks),
 * so a new kind of event cannot reach the page as its code.
 */
export const EVENT_SENTENCES: Record<keyof CaseEventData, Sentence> = {
  REFERRAL_RECEIVED: (e, c) =>
    `${referrer(e, c)} referred the person for diversion${
      e.data?.eligible === false
        ? ' (found not eligible, referred on an override)'
        : e.data?.eligible
          ? ', found eligible'
          : ''
    }${e.data?.nciDecidedBy ? ', as the DOC NCI team’s own decision' : ''}.`,
  OVERRIDE_REQUESTED: (e, c) =>
    `${referrer(e, c)} booked the person, found not eligible, and asked a sergeant for an override${because(e.data?.reason)}.`,
  OVERRIDE_OVERDUE: () => 'The override request is still waiting for a sergeant: it is overdue.',
  OVERRIDE_APPROVED: (e, c) =>
    `${c.who(e.actor)} approved the override${because(e.data?.reason)}; case management was called.`,
  OVERRIDE_DENIED: (e, c) =>
    `${c.who(e.actor)} denied the override${because(e.data?.reason)}: the person stays booked.`,
  NCI_REVIEW_REQUESTED: (e, c) =>
    `${referrer(e, c)} referred the person; a DOC warrant or violation means the DOC NCI team decides first, and the NCI team was called.`,
  NCI_DECISION_OVERDUE: () => "The DOC NCI team's decision is overdue.",
  NCI_REFERRED: (e, c) =>
    `${c.who(e.actor)} referred the person to LEAD for the DOC NCI team${
      typeof e.data?.onWordOf === 'string' ? `, on the word of ${e.data.onWordOf}` : ''
    }${because(e.data?.reason)}.`,
  NCI_DECLINED: (e, c) =>
    `${c.who(e.actor)} declined for the DOC NCI team${because(e.data?.reason)}: the person is booked, not diverted.`,
  SOCIAL_CONTACT_REFUSED: () =>
    'The social-contact referral was refused when it was submitted; the project manager was told.',
  SOCIAL_CONTACT_REFERRED: (e, c) =>
    e.data?.linkedFrom
      ? `The person continues here as a social contact, from arrest diversion ${typeof e.data.linkedFrom === 'string' ? e.data.linkedFrom : ''}.`
      : `${referrer(e, c)} referred the person as a social contact.`,
  APPROVAL_OVERDUE: () => "The referral is still waiting for a sergeant's approval: it is overdue.",
  SOCIAL_CONTACT_APPROVED: (e, c) =>
    `${c.who(e.actor)} approved the referral${
      typeof e.data?.validUntil === 'string' ? `, good until ${c.time(e.data.validUntil)}` : ''
    }${because(e.data?.reason)}.`,
  SOCIAL_CONTACT_DENIED: (e, c) => `${c.who(e.actor)} denied the referral${because(e.data?.reason)}.`,
  PLACE_GRANTED: () => 'A place in the program was set aside for the person.',
  CONTACT_ATTEMPTED: (e, c) =>
    `${c.who(e.actor)} looked for the person but did not find them willing yet${because(e.data?.note)}.`,
  CONTACT_MADE: (e, c) =>
    `${c.who(e.actor)} found the person, who is willing to meet case management; case management was called${because(e.data?.note)}.`,
  REASSESSMENT_DUE: () => 'The approval ran out before enrollment: a sergeant re-assesses it.',
  APPROVAL_RENEWED: (e, c) =>
    `${c.who(e.actor)} renewed the approval${typeof e.data?.validUntil === 'string' ? ` until ${c.time(e.data.validUntil)}` : ''}${because(e.data?.reason)}.`,
  LINKED_SOCIAL_CONTACT_OPENED: (e) =>
    `The person continues as social contact ${typeof e.data?.socialContactReferralId === 'string' ? e.data.socialContactReferralId : ''}.`,
  IIP_RECORDED: (e, c) =>
    `${c.who(e.actor)} recorded the goals of the individual intervention plan (IIP)${e.data?.goals ? `: ${list(e.data.goals)}` : ''}.`,
  SERVICE_WITHDRAWN: (e, c) =>
    `${c.who(e.actor)} withdrew the service${quoted(e.data?.service)}${
      typeof e.data?.reasonCode === 'string' ? ` (${humanize(e.data.reasonCode).toLowerCase()})` : ''
    }${because(e.data?.reason ?? e.data?.note)} — not an exit.`,
  SERVICE_REINSTATED: (e, c) => `${c.who(e.actor)} offered the service${quoted(e.data?.service)} again.`,
  SERVICE_RECORDED: (e, c) =>
    `${c.who(e.actor)} recorded the service${quoted(e.data?.service)}${
      typeof e.data?.provider === 'string' ? ` with ${e.data.provider}` : ''
    }.`,
  CASE_NOTE_RECORDED: (e, c) => `${c.who(e.actor)} added a case note${because(e.data?.note)}.`,
  SCREENING_RECORDED: (e, c) =>
    `${c.who(e.actor)} screened the person${
      typeof e.data?.intakeScheduledFor === 'string'
        ? ` and booked the intake for ${c.time(e.data.intakeScheduledFor)}`
        : ''
    }.`,
  SCREENING_OVERDUE: () => 'No screening was recorded in time after case management was called.',
  LEFT_BEFORE_SCREENING: (e, c) =>
    `${c.who(e.actor)} recorded that the person left before screening${because(e.data?.note)}; the sergeants and the prosecutor were told.`,
  SCREENED_OUT: (e, c) =>
    `${c.who(e.actor)} found the person not appropriate for LEAD at screening${
      typeof e.data?.reason === 'string' ? ` (${humanize(e.data.reason).toLowerCase()})` : ''
    }${because(e.data?.note)}.`,
  PACKET_REVIEWED: (e, c) =>
    `${c.who(e.actor)} (${officeOf(c, e.data?.office)}) reviewed the diversion packet: ${
      e.data?.outcome === 'DOES_NOT_MEET_CRITERIA' ? 'it does not meet the criteria' : 'it meets the criteria'
    }${typeof e.data?.criterion === 'string' ? ` (${e.data.criterion})` : ''}${because(e.data?.note)}.`,
  CONSENT_GIVEN: (e, c) =>
    `${c.who(e.actor)} recorded the person's consent${
      e.data?.method === 'VERBAL_MEMORIALIZED'
        ? `, given verbally${typeof e.data?.memorializedBy === 'string' ? ` and memorialized by ${e.data.memorializedBy}` : ''}`
        : e.data?.method === 'WRITTEN'
          ? ', a signed release of information'
          : ''
    }${(e.data?.covers as { staffing?: boolean } | undefined)?.staffing ? '; it covers staffing with the partners' : ''}.`,
  CONSENT_RESCINDED: (e, c) => `${c.who(e.actor)} recorded that the person rescinded consent${because(e.data?.note)}.`,
  RELEASE_AMENDED: (e, c) =>
    `${c.who(e.actor)} amended the release of information${
      typeof e.data?.version === 'number' ? ` (version ${e.data.version})` : ''
    }${because(e.data?.note)}.`,
  INTAKE_SCHEDULED: (e, c) =>
    `${c.who(e.actor)} ${e.data?.from ? 'moved' : 'booked'} the intake${
      typeof e.data?.intakeScheduledFor === 'string' ? ` to ${c.time(e.data.intakeScheduledFor)}` : ''
    }.`,
  INTAKE_COMPLETED: (e, c) => `${c.who(e.actor)} completed the intake.`,
  ENROLLED: () => 'The person is enrolled in LEAD.',
  INTAKE_DEADLINE_EXTENDED: (e, c) =>
    `${c.who(e.actor)} extended the intake deadline${typeof e.data?.to === 'string' ? ` to ${c.time(e.data.to)}` : ''}${because(e.data?.reason)}.`,
  INTAKE_DEADLINE_MISSED: () => 'The intake deadline passed without intake and consent; the prosecutor is told.',
  MISSED_NOTICE_UNCONFIRMED: () => "The prosecutor's notice of the missed intake is not confirmed sent within a week.",
  SCENE_WINDOW_ENDED: () => 'The scene exclusion ended.',
  RETURN_TO_SCENE_REPORTED: (e, c) =>
    `${c.who(e.actor)} reported the person back at the scene${
      typeof e.data?.observedAt === 'string' ? ` on ${c.time(e.data.observedAt)}` : ''
    }${e.data?.withinWindow ? ', inside the exclusion window: the sergeants were told' : ', after the exclusion window'}.`,
  VICTIM_OBJECTION_RECORDED: (e, c) =>
    `${c.who(e.actor)} recorded the victim's objection${
      typeof e.data?.decisionDueAt === 'string'
        ? `; the offices decide whether to file by ${c.time(e.data.decisionDueAt)}`
        : ''
    }${because(e.data?.note)}.`,
  VICTIM_FILING_DECISION_OVERDUE: () => "The prosecutors' decision after the victim's objection is overdue.",
  VICTIM_OBJECTION_WINDOW_ENDED: () => "The victim's time to object ended.",
  FILING_DECISION_RECORDED: (e, c) =>
    `${c.who(e.actor)}${e.data?.office ? ` (${officeOf(c, e.data.office)})` : ''} decided: ${
      e.data?.decision === 'FILED' ? 'charges filed' : 'charges declined'
    }${because(e.data?.reason)}.`,
  HANDED_OFF_TO_SOCIAL_CONTACT: (e) =>
    `Charges were filed after the victim's objection: the person continues as a social contact${
      e.data?.keepsEnrollment ? ', still enrolled' : ''
    }.`,
  CASE_CLOSED: (e) =>
    `The case closed${typeof e.data?.outcome === 'string' ? `: ${outcomeLabel(e.data.outcome)}` : ''}${because(e.data?.reason)}.`,
  EXITED: (e, c) =>
    `${c.who(e.actor)} recorded the participant's exit${
      typeof e.data?.reason === 'string' ? `: ${humanize(e.data.reason).toLowerCase()}` : ''
    }${because(e.data?.note)}.`,
  NOTICE_SENT: () => 'A notice was sent.',
  COORDINATION_ALERT: (e) =>
    `A new ${
      e.data?.source === 'BOOKING' ? 'booking' : e.data?.source === 'OUTCOME' ? 'arrest or charge' : 'referral'
    } of this participant was recorded${
      typeof e.data?.sourceId === 'string' ? ` (${e.data.sourceId})` : ''
    }: coordinate it with the service plan.`,
};

/** An event as a sentence; an unknown kind (a newer service) in words rather than as its code. */
export function eventSentence(
  event: { type: string; actor: { id: string; role: string; name?: string }; data?: Record<string, unknown> },
  context: SentenceContext,
): string {
  const sentence = EVENT_SENTENCES[event.type as keyof CaseEventData];
  return capital(sentence ? sentence(event as EventOf<keyof CaseEventData>, context) : `${humanize(event.type)}.`);
}
