import type { CaseEventData } from './case-event-data';
import {
  STAGES,
  type DeadlineStatus,
  type NoticeKind,
  type Outcome,
  type ReferralType,
  type Stage,
  type StuckReason,
} from './case-model';
import { humanize } from './humanize';
import type { Role } from './roles';
import { RULES, type RuleId } from './rules';

/**
 * Plain language for people: the one place codes become words — dates and times in the program's time
 * zone ("Tue 3 Dec, 4:41 pm (Pacific)", "in 3 days"), stages, event types, roles, outcomes, notices,
 * deadlines — used by the pages, the notice e-mails and the CSV files people read. Codes and rule ids
 * stay in the API and the logs; a person sees a rule id only in a small "why" beside the words.
 * No DOM and no Node: the pages bundle it, the API and the worker import it.
 */

// ---------------------------------------------------------------------------------------------------
// Time: the program's zone, local phrasing, and how far away.

export interface TimeOptions {
  /** The program's IANA time zone (config `program.timezone`); absent: the reader's own. */
  timeZone?: string;
  /** "Now", for the year shown and for "in 3 days" (default: the clock). */
  now?: Date | number;
  /** `always`: the year even in the current one (an e-mail is read later, maybe next year). */
  year?: 'auto' | 'always';
}

const DAY_MS = 86_400_000;

function partsOf(date: Date, timeZone: string | undefined, options: Intl.DateTimeFormatOptions) {
  const parts: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-US', { timeZone, ...options }).formatToParts(date))
    parts[p.type] = p.value;
  return parts;
}

/** The zone as people say it: "Pacific", "Eastern", "UTC". */
export function zoneName(timeZone: string | undefined): string {
  if (!timeZone || /^(Etc\/)?(UTC|GMT|Zulu)$/i.test(timeZone)) return timeZone ? 'UTC' : '';
  const name = partsOf(new Date(), timeZone, { timeZoneName: 'longGeneric' }).timeZoneName ?? timeZone;
  return name.replace(/\s+Time$/, '');
}

const instantOf = (at: string | Date | number) => (at instanceof Date ? at : new Date(at));

/** "Tue 3 Dec, 4:41 pm (Pacific)"; another year is named ("Mon 4 Jan 2027, …"); a day's end says so. */
export function localTime(at: string | Date | number, options: TimeOptions = {}): string {
  const date = instantOf(at);
  if (Number.isNaN(date.getTime())) return String(at);
  const { timeZone } = options;
  const p = partsOf(date, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  });
  const thisYear = partsOf(new Date(options.now ?? Date.now()), timeZone, { year: 'numeric' }).year;
  const day = `${p.weekday} ${p.day} ${p.month}${options.year === 'always' || p.year !== thisYear ? ` ${p.year}` : ''}`;
  // R-INTAKE: a deadline of whole days ends at the end of the local day (23:59:59.999).
  const endOfDay =
    p.hour === '11' &&
    p.minute === '59' &&
    p.dayPeriod === 'PM' &&
    date.getUTCSeconds() === 59 &&
    date.getUTCMilliseconds() === 999;
  const time = endOfDay ? 'end of the day' : `${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toLowerCase()}`;
  const zone = zoneName(timeZone);
  return `${day}, ${time}${zone ? ` (${zone})` : ''}`;
}

/** A calendar date (YYYY-MM-DD, no time of day): "12 Apr 1988". */
export function calendarDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const p = partsOf(at, 'UTC', { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

const dayNumber = (at: Date, timeZone: string | undefined) => {
  const p = partsOf(at, timeZone, { year: 'numeric', month: 'numeric', day: 'numeric' });
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / DAY_MS;
};

/** How far away, in words: "in 3 days", "tomorrow", "in 2 hours", "5 minutes ago". */
export function fromNow(at: string | Date | number, options: TimeOptions = {}): string {
  const date = instantOf(at);
  if (Number.isNaN(date.getTime())) return '';
  const now = new Date(options.now ?? Date.now());
  const ms = date.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const words = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  if (abs < 60_000) return ms >= 0 ? 'in less than a minute' : 'just now';
  if (abs < 3_600_000) return words.format(Math.round(ms / 60_000), 'minute');
  if (abs < DAY_MS) return words.format(Math.round(ms / 3_600_000), 'hour');
  // Days as the calendar counts them where the program is (tomorrow is the next local date).
  const days = dayNumber(date, options.timeZone) - dayNumber(now, options.timeZone);
  if (Math.abs(days) < 45) return words.format(days, 'day');
  const months = Math.round(days / 30.44);
  if (Math.abs(months) < 18) return words.format(months, 'month');
  return words.format(Math.round(days / 365.25), 'year');
}

/** "Tue 3 Dec, 4:41 pm (Pacific) — in 3 days". */
export const localTimeFromNow = (at: string | Date | number, options: TimeOptions = {}) =>
  `${localTime(at, options)} — ${fromNow(at, options)}`;

// ---------------------------------------------------------------------------------------------------
// Codes as words.

/** Where a case stands, as a badge says it. */
export const STAGE_LABELS: Record<Stage, string> = {
  OVERRIDE_REQUESTED: "Waiting for the sergeant's override decision",
  AWAITING_NCI_DECISION: 'Waiting for the DOC NCI team',
  AWAITING_APPROVAL: "Waiting for a sergeant's approval",
  WAITING_FOR_CAPACITY: 'Approved, waiting for a place',
  AWAITING_CONTACT: 'Approved, the person to be found',
  AWAITING_SCREENING: 'Waiting for screening',
  AWAITING_INTAKE: 'Screened, waiting for intake',
  ENROLLED: 'Enrolled in LEAD',
  LEFT_BEFORE_SCREENING: 'Left before screening',
  SCREENED_OUT: 'Screened out: not appropriate',
  INTAKE_MISSED: 'Intake deadline missed',
  HANDED_OFF: 'Continued as a social contact',
  EXITED: 'Left LEAD (exited)',
  CLOSED: 'Closed',
  DENIED: 'Denied',
  REFUSED: 'Refused at submission',
};
export const stageLabel = (stage: string): string => STAGE_LABELS[stage as Stage] ?? humanize(stage);

export const TYPE_LABELS: Record<ReferralType, string> = {
  ARREST_DIVERSION: 'Arrest diversion',
  SOCIAL_CONTACT: 'Social contact',
};
export const typeLabel = (type: string): string => TYPE_LABELS[type as ReferralType] ?? humanize(type);

/** What each role is called in a sentence ("a sergeant"). */
export const ROLE_NAMES: Record<Role | 'system', string> = {
  officer: 'officer',
  sergeant: 'sergeant',
  case_manager: 'case manager',
  prosecutor: 'prosecutor',
  project_manager: 'project manager',
  supervisor: 'supervisor',
  doc_nci: 'DOC NCI officer',
  evaluator: 'evaluator',
  system: 'the service',
};
export const roleName = (role: string): string => ROLE_NAMES[role as Role] ?? humanize(role).toLowerCase();
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
/** "a sergeant", "an officer", "the service". */
export const aRole = (role: string): string =>
  role === 'system' ? 'the service' : `${article(roleName(role))} ${roleName(role)}`;

export const OUTCOME_LABELS: Record<Outcome, string> = {
  EXITED: 'exited',
  HANDED_OFF_TO_SOCIAL_CONTACT: 'continued as a social contact',
  CHARGES_FILED: 'charges filed',
  CHARGES_DECLINED: 'charges declined',
  OVERRIDE_DENIED: 'override denied: booked, not diverted',
  APPROVAL_DENIED: 'approval denied',
  CLOSED_AT_REASSESSMENT: 'closed at re-assessment',
  NCI_DECLINED: 'declined by the DOC NCI team: booked, not diverted',
  REFUSED_AT_SUBMISSION: 'refused at submission',
};
export const outcomeLabel = (outcome: string): string =>
  OUTCOME_LABELS[outcome as Outcome] ?? humanize(outcome).toLowerCase();

export const STUCK_LABELS: Record<StuckReason, string> = {
  SCREENING_OVERDUE: 'Screening not recorded in time',
  MISSED_NOTICE_UNCONFIRMED: "The prosecutor's missed-intake notice is not confirmed sent",
  APPROVAL_OVERDUE: "A sergeant's approval is overdue",
  REASSESSMENT_DUE: 'Re-assessment due',
  OVERRIDE_OVERDUE: "The sergeant's override decision is overdue",
  NCI_DECISION_OVERDUE: "The DOC NCI team's decision is overdue",
  VICTIM_FILING_DECISION_OVERDUE: "The prosecutors' decision after the victim's objection is overdue",
};
export const stuckLabel = (reason: string): string => STUCK_LABELS[reason as StuckReason] ?? humanize(reason);

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  OPEN: 'open',
  MET: 'done',
  MISSED: 'missed',
  ENDED: 'ended',
  OVERDUE: 'overdue',
  CANCELLED: 'no longer applies',
};
export const deadlineStatusLabel = (status: string): string =>
  DEADLINE_STATUS_LABELS[status as DeadlineStatus] ?? humanize(status).toLowerCase();

/** A deadline as people say it, by its rule (and, for the two clocks of R-VICTIM, its name). */
export function deadlineLabel(d: { ruleId: string; name: string }): string {
  switch (d.ruleId) {
    case 'R-EL-OVERRIDE':
      return "The sergeant's override decision";
    case 'R-EL-WARRANT':
      return "The DOC NCI team's decision";
    case 'R-SC-APPROVAL':
      return "A sergeant's approval";
    case 'R-SC-REASSESS':
      return 'The approval runs out (re-assessment)';
    case 'R-SCREEN':
      return 'Screening';
    case 'R-SCENE':
      return 'No return to the scene until';
    case 'R-VICTIM':
      return /filing/.test(d.name)
        ? "The prosecutors' filing decision after the objection"
        : "The victim's time to object";
    case 'R-INTAKE':
      return 'Intake and consent complete';
    case 'R-MISSED':
      return "The prosecutor's missed-intake notice sent";
    default:
      return d.name.charAt(0).toUpperCase() + d.name.slice(1);
  }
}

/** What a notice is about (its e-mail's title), by kind. */
export const NOTICE_TITLES: Record<NoticeKind, string> = {
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
  FILED_OUTSIDE_PROTOCOL: 'A prosecutor decided on filing outside a missed intake, a screening or a victim objection',
  PACKET_DOES_NOT_MEET_CRITERIA: 'The prosecutor found the referral does not meet the diversion criteria',
  PARTICIPANT_ARRESTED:
    'A participant was arrested, booked, charged or referred again: coordinate with the service plan',
};
export const noticeLabel = (kind: string): string => NOTICE_TITLES[kind as NoticeKind] ?? humanize(kind);

/** Who a notice went to, in words ("the sergeants of Burien Police Department"). */
export function recipientLabel(
  recipient: { role: string; agency?: string; office?: string },
  names: { agencies?: Record<string, { name: string }>; offices?: Record<string, { name: string }> } = {},
): string {
  switch (recipient.role) {
    case 'case_manager':
      return 'on-call case management';
    case 'project_manager':
      return 'the project manager (PDA)';
    case 'doc_nci':
      return 'the DOC NCI team';
    case 'sergeant':
      return `the sergeants of ${(recipient.agency && names.agencies?.[recipient.agency]?.name) ?? 'the agency'}`;
    case 'prosecutor':
      return (recipient.office && names.offices?.[recipient.office]?.name) ?? recipient.office ?? 'the prosecutor';
    default:
      return aRole(recipient.role);
  }
}

/** Each rule in a few words, where a sentence names one ("outside a screening …"); its full text is RULES. */
export const RULE_TITLES: Record<RuleId, string> = {
  'R-CALL': 'the call to case management',
  'R-PACKET': 'the diversion packet',
  'R-SCREEN': 'the screening',
  'R-SCENE': 'the scene exclusion',
  'R-VICTIM': "a victim's objection",
  'R-INTAKE': 'the intake deadline',
  'R-CONSENT': 'consent (the release of information)',
  'R-ENROLL': 'enrollment',
  'R-MISSED': 'a missed intake',
  'R-EXIT': 'exits',
  'R-JURISDICTION': 'jurisdiction',
  'R-ROI': 'who may see what',
  'R-DISCLOSE': 'the accounting of disclosures',
  'R-STAFFING': 'staffing',
  'R-EL-OFFENSE': 'the eligible offenses',
  'R-EL-NORIGHT': "the officer's decision",
  'R-EL-ADULT': 'adults only',
  'R-EL-MEDICAL': 'medical care first',
  'R-EL-CONSENT-LATER': 'consent sought later',
  'R-EL-VICTIM': 'victim consultation',
  'R-EL-WARRANT': 'DOC warrants (the NCI team decides)',
  'R-EX-DRUG-AMOUNT': 'the drug amount',
  'R-EX-AMENABLE': 'amenability',
  'R-EX-PROFIT': 'dealing for profit',
  'R-EX-EXPLOIT': 'exploiting others',
  'R-EX-PROMOTING': 'promoting prostitution',
  'R-EX-ORDER': 'protective orders',
  'R-EX-SAFETY': 'safety',
  'R-EX-HISTORY-LIFETIME': 'the most serious convictions',
  'R-EX-HISTORY-10Y': 'convictions within 10 years',
  'R-EX-HISTORY-5Y': 'convictions within 5 years',
  'R-IIP': 'the individual intervention plan',
  'R-SERVICE-WITHDRAW': 'withdrawing a service',
  'R-EL-OVERRIDE': 'overrides after booking',
  'R-EL-PRIOR': 'earlier referrals',
  'R-SC-PREREQ': 'social-contact prerequisites',
  'R-SC-SOURCE': 'who may refer a social contact',
  'R-SC-APPROVAL': "a sergeant's approval",
  'R-SC-PDA': 'telling the project manager',
  'R-SC-CAPACITY': 'capacity',
  'R-SC-CONTACT': 'finding the person',
  'R-SC-REASSESS': 're-assessment',
  'R-COORD': 'coordinating a new arrest',
  'R-SC-FROM-ARREST': 'a social contact from an arrest',
};

/** A rule as its "why" says it: "R-SCENE — a return to the scene within the exclusion window alerts the sergeant". */
export const ruleWhy = (ruleId: string): string =>
  ruleId in RULES ? `${ruleId} — ${RULES[ruleId as RuleId]}` : ruleId;

/** Rule ids in a text (a refusal, a basis), in order, once each. */
export const ruleIdsIn = (text: string): string[] => [...new Set(text.match(/\bR-[A-Z]+(?:-[A-Z0-9]+)*\b/g) ?? [])];

// ---------------------------------------------------------------------------------------------------
// The timeline in sentences.

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
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
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
      ? `The person continues here as a social contact, from arrest diversion ${String(e.data.linkedFrom)}.`
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
    `The person continues as social contact ${String(e.data?.socialContactReferralId ?? '')}.`,
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

// ---------------------------------------------------------------------------------------------------
// Where a case stands and what the reader does next.

/** The parts of a case's program status (the API's `case`) these sentences read. */
export interface CaseStanding {
  type: string;
  stage: string;
  outcome?: string;
  referredAt: string;
  enrolledAt?: string;
  exitedAt?: string;
  deadlines: Array<{ ruleId: string; name: string; dueAt: string; status: string }>;
  filingDecisionsOwedBy?: string[];
  victimFilingDueAt?: string;
  reassessmentDue?: boolean;
  handOff?: { socialContactReferralId?: string };
  linkedFrom?: string;
}

export interface NextStep {
  /** "you": this reader's own; otherwise who the case waits for (a role), or nobody. */
  who: 'you' | Role | 'nobody';
  /** What, as an instruction to the reader or a sentence about someone else. */
  what: string;
  /** By when (an open deadline), if there is one. */
  dueAt?: string;
  /** The rules behind it: the "why". */
  ruleIds: string[];
  /** The offered action that takes the step (the reader's own steps). */
  action?: string;
  /** A date the step leads to, said after it ("If … by …, your office decides …"). */
  then?: { before: string; dueAt: string; after: string };
}

const openDeadline = (status: CaseStanding, ruleId: string, name?: RegExp) =>
  status.deadlines.find(
    (d) => d.ruleId === ruleId && (d.status === 'OPEN' || d.status === 'OVERDUE') && (!name || name.test(d.name)),
  );

/** Where the case stands, in one sentence. */
export function standingSentence(status: CaseStanding, options: TimeOptions = {}): string {
  const at = (iso: string | undefined) => (iso ? localTime(iso, options) : '');
  switch (status.stage as Stage) {
    case 'OVERRIDE_REQUESTED':
      return 'The person was found not eligible and booked; a sergeant decides whether LEAD takes them anyway.';
    case 'AWAITING_NCI_DECISION':
      return 'The referral names a DOC warrant or violation: the DOC NCI team decides whether to refer the person to LEAD. Case management has not been called.';
    case 'AWAITING_APPROVAL':
      return 'A social-contact referral: a sergeant approves or denies it.';
    case 'WAITING_FOR_CAPACITY':
      return 'Approved, and waiting for a place in the program (oldest approval first).';
    case 'AWAITING_CONTACT':
      return 'Approved, with a place: the person is to be found and offered case management.';
    case 'AWAITING_SCREENING':
      return `Referred ${at(status.referredAt)}. Case management has been called to screen the person.`;
    case 'AWAITING_INTAKE':
      return 'Screened. Consent and the intake are still to be done.';
    case 'ENROLLED':
      return `The person is in LEAD${status.enrolledAt ? `, enrolled ${at(status.enrolledAt)}` : ''}.`;
    case 'LEFT_BEFORE_SCREENING':
      return 'The person left before screening. The sergeants and the prosecutor were told; the prosecutor decides whether to file the original charge.';
    case 'SCREENED_OUT':
      return 'The screening found the person not appropriate for LEAD. The prosecutor decides whether to file the original charge.';
    case 'INTAKE_MISSED':
      return 'The intake deadline passed without intake and consent. The prosecutor decides whether to file the original charge.';
    case 'HANDED_OFF':
      return `Charges were filed after the victim's objection: the person continues as a social contact${
        status.handOff?.socialContactReferralId ? ` (${status.handOff.socialContactReferralId})` : ''
      }.`;
    case 'EXITED':
      return `The participant left LEAD${status.exitedAt ? ` ${at(status.exitedAt)}` : ''}.`;
    case 'CLOSED':
    case 'DENIED':
    case 'REFUSED':
      return `The case is closed${status.outcome ? `: ${outcomeLabel(status.outcome)}` : ''}.`;
    default:
      return `${stageLabel(status.stage)}.`;
  }
}

/** The reader's own next step, from the actions the service offers them (by priority). */
const OWN_STEPS: Array<{
  action: string;
  what: string;
  deadline?: { ruleId: string; name?: RegExp };
  ruleIds: string[];
  when?: (status: CaseStanding, reader: { office?: string }) => boolean;
  /** The date the step leads to, when the step itself has none. */
  then?: { ruleId: string; before: string; after: string };
}> = [
  {
    action: 'decideNciReferral',
    what: 'decide whether to refer the person to LEAD',
    deadline: { ruleId: 'R-EL-WARRANT' },
    ruleIds: ['R-EL-WARRANT'],
  },
  {
    action: 'decideOverride',
    what: 'decide the override: does LEAD take the booked person?',
    deadline: { ruleId: 'R-EL-OVERRIDE' },
    ruleIds: ['R-EL-OVERRIDE'],
  },
  {
    action: 'decideApproval',
    what: 'approve or deny the social-contact referral',
    deadline: { ruleId: 'R-SC-APPROVAL' },
    ruleIds: ['R-SC-APPROVAL'],
  },
  {
    action: 'decideReassessment',
    what: 're-assess the approval: renew it for six months or close the referral',
    ruleIds: ['R-SC-REASSESS'],
  },
  {
    action: 'recordFilingDecision',
    what: 'decide whether your office files the original charge',
    deadline: { ruleId: 'R-VICTIM', name: /filing/ },
    ruleIds: ['R-JURISDICTION'],
    when: (status, reader) => Boolean(reader.office && status.filingDecisionsOwedBy?.includes(reader.office)),
  },
  { action: 'recordScreening', what: 'screen the person', deadline: { ruleId: 'R-SCREEN' }, ruleIds: ['R-SCREEN'] },
  {
    action: 'recordContact',
    what: 'find the person and record whether they are willing to meet case management',
    ruleIds: ['R-SC-CONTACT'],
  },
  {
    action: 'recordConsent',
    what: "record the person's consent (the release of information), then the intake",
    deadline: { ruleId: 'R-INTAKE' },
    ruleIds: ['R-CONSENT', 'R-INTAKE'],
  },
  {
    action: 'recordIntake',
    what: 'complete the intake',
    deadline: { ruleId: 'R-INTAKE' },
    ruleIds: ['R-INTAKE', 'R-ENROLL'],
  },
  {
    action: 'recordPacketReview',
    what: 'review the diversion packet for your office',
    ruleIds: ['R-PACKET', 'R-MISSED'],
    then: {
      ruleId: 'R-INTAKE',
      before: 'If intake and consent are not complete by',
      after: 'your office decides whether to file the original charge',
    },
  },
  {
    action: 'reportReturnToScene',
    what: 'report it if the person comes back to the scene before the exclusion ends',
    deadline: { ruleId: 'R-SCENE' },
    ruleIds: ['R-SCENE'],
    when: (status) => Boolean(openDeadline(status, 'R-SCENE')),
  },
  {
    action: 'recordVictimObjection',
    what: "record the victim's objection if the victim objects",
    deadline: { ruleId: 'R-VICTIM', name: /window/ },
    ruleIds: ['R-VICTIM'],
  },
];

/** Who the case waits for at each stage, when it is not this reader. */
const STAGE_OWNERS: Partial<
  Record<Stage, { who: Role | 'nobody'; what: string; deadline?: string; ruleIds: string[] }>
> = {
  OVERRIDE_REQUESTED: {
    who: 'sergeant',
    what: 'a sergeant decides the override',
    deadline: 'R-EL-OVERRIDE',
    ruleIds: ['R-EL-OVERRIDE'],
  },
  AWAITING_NCI_DECISION: {
    who: 'doc_nci',
    what: 'the DOC NCI team decides whether to refer the person',
    deadline: 'R-EL-WARRANT',
    ruleIds: ['R-EL-WARRANT'],
  },
  AWAITING_APPROVAL: {
    who: 'sergeant',
    what: 'a sergeant approves or denies the referral',
    deadline: 'R-SC-APPROVAL',
    ruleIds: ['R-SC-APPROVAL'],
  },
  WAITING_FOR_CAPACITY: { who: 'nobody', what: 'the person waits for a place', ruleIds: ['R-SC-CAPACITY'] },
  AWAITING_CONTACT: {
    who: 'officer',
    what: 'an officer or outreach worker finds the person',
    ruleIds: ['R-SC-CONTACT'],
  },
  AWAITING_SCREENING: {
    who: 'case_manager',
    what: 'case management screens the person',
    deadline: 'R-SCREEN',
    ruleIds: ['R-SCREEN'],
  },
  AWAITING_INTAKE: {
    who: 'case_manager',
    what: 'case management completes consent and the intake',
    deadline: 'R-INTAKE',
    ruleIds: ['R-INTAKE', 'R-CONSENT'],
  },
  ENROLLED: {
    who: 'case_manager',
    what: 'case management works with the participant on their plan',
    ruleIds: ['R-IIP'],
  },
  LEFT_BEFORE_SCREENING: {
    who: 'prosecutor',
    what: 'each prosecutor office with jurisdiction decides whether to file',
    ruleIds: ['R-SCREEN'],
  },
  SCREENED_OUT: {
    who: 'prosecutor',
    what: 'each prosecutor office with jurisdiction decides whether to file',
    ruleIds: ['R-SCREEN'],
  },
  INTAKE_MISSED: {
    who: 'prosecutor',
    what: 'each prosecutor office with jurisdiction decides whether to file',
    ruleIds: ['R-MISSED'],
  },
};

/**
 * What this reader does next, and by when: their own step first (from the actions the service offers
 * them now), else who the case waits for.
 */
export function nextStepFor(
  status: CaseStanding,
  reader: { role: string; office?: string },
  offered: Array<{ name: string }>,
  extra: { hasIip?: boolean } = {},
): NextStep {
  const names = new Set(offered.map((a) => a.name));
  if (reader.role === 'case_manager' && status.stage === 'ENROLLED' && names.has('recordIipGoals') && !extra.hasIip)
    return {
      who: 'you',
      what: 'write the goals of the individual intervention plan (IIP) with the participant',
      ruleIds: ['R-IIP'],
      action: 'recordIipGoals',
    };
  for (const step of OWN_STEPS) {
    if (!names.has(step.action) || (step.when && !step.when(status, reader))) continue;
    const due = step.deadline && openDeadline(status, step.deadline.ruleId, step.deadline.name);
    const then = step.then && openDeadline(status, step.then.ruleId);
    return {
      who: 'you',
      what: step.what,
      ...(due ? { dueAt: due.dueAt } : {}),
      ruleIds: step.ruleIds,
      action: step.action,
      ...(then && step.then ? { then: { before: step.then.before, dueAt: then.dueAt, after: step.then.after } } : {}),
    };
  }
  const owner = STAGE_OWNERS[status.stage as Stage];
  if (!owner) return { who: 'nobody', what: 'nothing more happens on this case', ruleIds: [] };
  const due = owner.deadline && openDeadline(status, owner.deadline);
  return { who: owner.who, what: owner.what, ...(due ? { dueAt: due.dueAt } : {}), ruleIds: owner.ruleIds };
}

/** The next step as the top of the case page says it. */
export function nextStepSentence(step: NextStep, options: TimeOptions = {}): string {
  const by = step.dueAt ? `, by ${localTimeFromNow(step.dueAt, options)}` : '';
  const then = step.then
    ? ` ${step.then.before} ${localTimeFromNow(step.then.dueAt, options)}, ${step.then.after}.`
    : '';
  if (step.who === 'you') return `Your next step: ${step.what}${by}.${then}`;
  if (step.who === 'nobody') return `Nothing for you to do: ${step.what}${by}.`;
  return `Nothing for you to do now. Next, ${step.what}${by}.`;
}

// ---------------------------------------------------------------------------------------------------
// What the referrer is told after submitting (the API's `nextSteps`, shown by the form).

export function referralNextSteps(
  status: (CaseStanding & { prosecutorOffices?: string[]; prosecutorOffice?: string; victimCrime?: boolean }) | null,
  options: TimeOptions & { offices?: Record<string, { name: string }> } = {},
): string[] {
  if (!status) return ['The case is starting: open it in a moment to see its deadlines.'];
  const due = (ruleId: string) => {
    const d = status.deadlines.find((x) => x.ruleId === ruleId);
    return d ? localTime(d.dueAt, options) : undefined;
  };
  if (status.type === 'SOCIAL_CONTACT') {
    const approval = due('R-SC-APPROVAL');
    return [
      `A LEAD-trained sergeant approves or denies the referral${approval ? `; if nobody has by ${approval}, it is flagged as overdue` : ''}.`,
      'The LEAD project manager has been told.',
      'Once approved, the person is taken on as capacity allows, then found and offered case management.',
    ];
  }
  const offices = (status.prosecutorOffices?.length ? status.prosecutorOffices : [status.prosecutorOffice])
    .filter((o): o is string => Boolean(o))
    .map((o) => options.offices?.[o]?.name ?? o);
  const packet = offices.length
    ? `${offices.join(' and ')} ${offices.length > 1 ? 'receive' : 'receives'} the diversion packet.`
    : 'The prosecutor with jurisdiction receives the diversion packet.';
  if (status.stage === 'AWAITING_NCI_DECISION') {
    const nci = due('R-EL-WARRANT');
    return [
      `The DOC NCI team has been called: a DOC warrant or violation is theirs to decide first${nci ? `, by ${nci}` : ''}. Case management is not called unless they refer the person.`,
      'If they refer the person, the diversion starts then, with its clocks; if they decline, the person is booked.',
      packet,
    ];
  }
  if (status.stage === 'OVERRIDE_REQUESTED') {
    const override = due('R-EL-OVERRIDE');
    return [
      `The person was found not eligible and is booked; a sergeant has been asked to decide on an override${override ? ` by ${override}` : ''}.`,
      'If the sergeant approves, case management is called and the intake deadline starts.',
    ];
  }
  const scene = due('R-SCENE');
  const intake = due('R-INTAKE');
  return [
    'The on-call case management team has been called to screen the person now.',
    packet,
    ...(scene ? [`The person must not return to the scene before ${scene}.`] : []),
    ...(intake ? [`Consent and the intake must be complete by ${intake}.`] : []),
    ...(status.victimCrime ? ['The victim may object to the prosecutor within one week.'] : []),
  ];
}

// ---------------------------------------------------------------------------------------------------
// Refusals and the accounting of disclosures, in words.

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

// ---------------------------------------------------------------------------------------------------
// The test of plain language: what a person must never read outside a "why".

/** An instant as the API writes it (2026-12-03T00:41:51.250Z). */
export const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:/;

/** Codes a person must never read as words: stages, outcomes, notices, event types, stuck reasons. */
export const CODE_WORDS: readonly string[] = [
  ...new Set([
    ...STAGES,
    ...Object.keys(OUTCOME_LABELS),
    ...Object.keys(NOTICE_TITLES),
    ...Object.keys(EVENT_SENTENCES),
    ...Object.keys(STUCK_LABELS),
  ]),
];

/** What is wrong with a text a person reads: an ISO instant, a code word. */
export function plainTextProblems(text: string): string[] {
  const problems: string[] = [];
  const iso = ISO_INSTANT.exec(text);
  if (iso) problems.push(`an ISO instant (${text.slice(iso.index, iso.index + 24)})`);
  for (const word of text.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\b/g) ?? [])
    if (CODE_WORDS.includes(word)) problems.push(`the code ${word}`);
  return problems;
}

/** What is wrong with a label or a button's text: a rule id as the label, and anything plainTextProblems finds. */
export function labelProblems(label: string): string[] {
  return [
    ...(/^\s*R-[A-Z]/.test(label) ? [`a rule id as the label (${label.trim().slice(0, 40)})`] : []),
    ...plainTextProblems(label),
  ];
}
