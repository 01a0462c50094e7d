import type { Actor } from '../shared/roles';
import type { CaseEvent, CaseEventType } from '../case/case-event-types';
import type { CaseState } from '../case/case-state';
import type { CaseView } from '../case/query-views';
import type { ConsentMethod, ExitReason, PacketReviewOutcome } from '../shared/case-vocabulary';
import type { Access, CaseManagementLevel } from './policy';
import type { DemographicsRecord, MilestoneRecord } from './disclosed-records';

/**
 * The three kinds of information of R-ROI as allow-lists: every section a reader receives is built
 * here field by field from the case, so a field nobody listed can never reach a reader.
 */

// ---------------------------------------------------------------------------------------------------
// Program status: stage, deadlines, whether the person was screened, enrolled or exited, notices sent.

export interface TimelineEntry {
  seq: number;
  type: CaseEventType;
  ruleId: string;
  at: string;
  actor: Actor;
  requestId?: string;
  data?: Record<string, unknown>;
}

export interface CaseStatus {
  referralId: string;
  type: CaseView['type'];
  stage: CaseView['stage'];
  outcome?: CaseView['outcome'];
  enrolled: boolean;
  referredAt: string;
  agency: string;
  prosecutorOffice?: string;
  prosecutorOffices: string[];
  victimCrime: boolean;
  /** R-VICTIM: when the victim's objection was recorded (it opens the prosecutor's filing decision). */
  victimObjectedAt?: string;
  /** R-EL-WARRANT: the DOC NCI team's decision (who, when, on whose word). */
  nci?: CaseView['nci'];
  source?: CaseView['source'];
  linkedFrom?: string;
  handOff?: { to: 'SOCIAL_CONTACT'; at: string; socialContactReferralId?: string };
  screenedAt?: string;
  intakeCompletedAt?: string;
  enrolledAt?: string;
  exitedAt?: string;
  capacity: CaseView['capacity'];
  contactAttempts?: number;
  reassessmentDue: boolean;
  approvalValidUntil?: string;
  approval?: { decision: 'APPROVED' | 'DENIED'; at: string; by: Actor };
  renewals: Array<{ at: string; by: Actor; validUntil: string }>;
  filingDecision?: CaseView['filingDecision'];
  /** R-JURISDICTION (Decision 2026-12-02): each office's own decision, and the offices that still owe one. */
  filingDecisions: Array<{ office: string; decision: 'FILED' | 'DECLINED'; at: string; by: Actor; ruleId: string }>;
  filingDecisionsOwedBy: string[];
  /** R-VICTIM (Decision 2026-12-02): the offices' decisions after an objection are due by then. */
  victimFilingDueAt?: string;
  /** R-PACKET (Decision 2026-12-02): each office's review of the packet (its criterion and note are referral record). */
  packetReviews: Array<{ office: string; outcome: PacketReviewOutcome; at: string; by: Actor }>;
  override?: { decision?: 'APPROVED' | 'DENIED'; decidedAt?: string; by?: Actor };
  intakeExtensions: Array<{ from: string; to: string; at: string; by: Actor }>;
  deadlines: CaseView['deadlines'];
  nextDeadline?: CaseView['nextDeadline'];
  stuck: CaseView['stuck'];
  notices: Array<{
    id: string;
    kind: string;
    ruleId: string;
    recipient: CaseView['notices'][number]['recipient'];
    status: string;
    sentAt?: string;
  }>;
  events: TimelineEntry[];
}

/** Who acted, as every section names them: id and role only (an actor's office or agency is not the case's). */
const actorRef = (actor: Actor): Actor => ({ id: actor.id, role: actor.role });
const maybeActor = (actor: Actor | undefined): Actor | undefined => actor && actorRef(actor);

export function statusSection(view: CaseView, prosecutorOffices: string[], level: CaseManagementLevel): CaseStatus {
  return {
    referralId: view.referralId,
    type: view.type,
    stage: view.stage,
    outcome: view.outcome,
    enrolled: view.enrolled,
    referredAt: view.referredAt,
    agency: view.agency,
    prosecutorOffice: view.prosecutorOffice,
    prosecutorOffices,
    victimCrime: view.victimCrime,
    victimObjectedAt: view.victimObjectionAt,
    nci: view.nci && {
      dueAt: view.nci.dueAt,
      decision: view.nci.decision,
      decidedAt: view.nci.decidedAt,
      by: maybeActor(view.nci.by),
      onWordOf: view.nci.onWordOf,
    },
    source: view.source,
    linkedFrom: view.linkedFrom,
    handOff: view.handOff && {
      to: view.handOff.to,
      at: view.handOff.at,
      socialContactReferralId: view.handOff.socialContactReferralId,
    },
    screenedAt: view.screenedAt,
    intakeCompletedAt: view.intakeCompletedAt,
    enrolledAt: view.enrolledAt,
    exitedAt: view.exit?.at,
    capacity: view.capacity,
    reassessmentDue: view.reassessmentDue,
    approvalValidUntil: view.approvalValidUntil,
    approval: view.approval && {
      decision: view.approval.decision,
      at: view.approval.at,
      by: actorRef(view.approval.by),
    },
    renewals: view.renewals.map((r) => ({ at: r.at, by: actorRef(r.by), validUntil: r.validUntil })),
    filingDecision: view.filingDecision && {
      decision: view.filingDecision.decision,
      at: view.filingDecision.at,
      by: actorRef(view.filingDecision.by),
    },
    filingDecisions: view.filingDecisions.map((d) => ({
      office: d.office,
      decision: d.decision,
      at: d.at,
      by: actorRef(d.by),
      ruleId: d.ruleId,
    })),
    filingDecisionsOwedBy: view.filingDecisionsOwedBy,
    victimFilingDueAt: view.victimFilingDueAt,
    packetReviews: view.packetReviews.map((r) => ({
      office: r.office,
      outcome: r.outcome,
      at: r.at,
      by: actorRef(r.by),
    })),
    override: view.override && {
      decision: view.override.decision,
      decidedAt: view.override.decidedAt,
      by: maybeActor(view.override.by),
    },
    intakeExtensions: view.intakeExtensions.map((e) => ({ from: e.from, to: e.to, at: e.at, by: actorRef(e.by) })),
    deadlines: view.deadlines.map((d) => ({ ruleId: d.ruleId, name: d.name, dueAt: d.dueAt, status: d.status })),
    nextDeadline: view.nextDeadline && {
      ruleId: view.nextDeadline.ruleId,
      name: view.nextDeadline.name,
      dueAt: view.nextDeadline.dueAt,
      status: view.nextDeadline.status,
    },
    stuck: view.stuck.map((f) => ({ reason: f.reason, ruleId: f.ruleId, since: f.since })),
    notices: view.notices.map((n) => ({
      id: n.id,
      kind: n.kind,
      ruleId: n.ruleId,
      recipient: n.recipient,
      status: n.status,
      sentAt: n.sentAt,
    })),
    events: timeline(view.events, level),
  };
}

/**
 * Each event's fields by kind. "authoredNote" is the author's kind: a note a case manager writes is
 * case-management record, a note police or a prosecutor write is referral record (R-ROI).
 */
type FieldKind = 'status' | 'referral' | 'summary' | 'caseManagement' | 'authoredNote';
interface EventRule {
  /** Who sees the event at all: every reader, readers of the progress summary, or only full readers. */
  shownFrom: CaseManagementLevel | 'ANY';
  fields: Record<string, FieldKind>;
}

const referral = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'referral' as const]));
const status = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'status' as const]));
const caseManagement = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'caseManagement' as const]));
const ANY = (fields: Record<string, FieldKind> = {}): EventRule => ({ shownFrom: 'ANY', fields });
/** R-EL-NORIGHT: what the eligibility check found and what the officer decided (referral record). */
const DECISION = ['eligible', 'eligibilityRuleIds', 'officerDecision'];

export const EVENT_RULES: Record<CaseEventType, EventRule> = {
  REFERRAL_RECEIVED: ANY({
    ...status('referredAt', 'intakeDueAt', 'prosecutorOffice', 'prosecutorOffices', 'nciDecidedBy'),
    ...referral(...DECISION),
  }),
  OVERRIDE_REQUESTED: ANY({
    ...status('referredAt', 'intakeDueAt', 'prosecutorOffice', 'prosecutorOffices'),
    ...referral('ruleIds', 'reason', ...DECISION),
  }),
  OVERRIDE_OVERDUE: ANY(),
  OVERRIDE_APPROVED: ANY({ ...status('intakeDueAt'), ...referral('reason') }),
  OVERRIDE_DENIED: ANY(referral('reason')),
  NCI_REVIEW_REQUESTED: ANY({
    ...status('referredAt', 'prosecutorOffice', 'prosecutorOffices'),
    ...referral(...DECISION),
  }),
  NCI_DECISION_OVERDUE: ANY(),
  NCI_REFERRED: ANY({
    ...status('screeningDueAt', 'intakeDueAt', 'sceneWindowEndsAt', 'victimObjectionDueAt'),
    ...referral('reason', 'onWordOf'),
  }),
  NCI_DECLINED: ANY(referral('reason', 'onWordOf')),
  SOCIAL_CONTACT_REFERRED: ANY(status('source', 'linkedFrom', 'continuedAt')),
  SOCIAL_CONTACT_REFUSED: ANY({ ...status('source'), ...referral('ruleIds') }),
  APPROVAL_OVERDUE: ANY(),
  SOCIAL_CONTACT_APPROVED: ANY({ ...status('validUntil'), ...referral('reason') }),
  SOCIAL_CONTACT_DENIED: ANY(referral('reason')),
  PLACE_GRANTED: ANY(),
  CONTACT_ATTEMPTED: ANY({ note: 'authoredNote' }),
  CONTACT_MADE: ANY({ note: 'authoredNote' }),
  REASSESSMENT_DUE: ANY(status('validUntil')),
  APPROVAL_RENEWED: ANY({ ...status('validUntil'), ...referral('reason') }),
  LINKED_SOCIAL_CONTACT_OPENED: ANY(status('socialContactReferralId')),
  IIP_RECORDED: { shownFrom: 'SUMMARY', fields: { goals: 'summary' } },
  SERVICE_WITHDRAWN: { shownFrom: 'SUMMARY', fields: caseManagement('service', 'reasonCode', 'reason', 'note') },
  SERVICE_REINSTATED: { shownFrom: 'FULL', fields: caseManagement('service', 'note') },
  SERVICE_RECORDED: { shownFrom: 'FULL', fields: caseManagement('service', 'provider', 'note') },
  CASE_NOTE_RECORDED: { shownFrom: 'FULL', fields: caseManagement('note') },
  SCREENING_RECORDED: ANY(caseManagement('intakeScheduledFor')),
  SCREENING_OVERDUE: ANY(),
  LEFT_BEFORE_SCREENING: ANY({ note: 'authoredNote' }),
  SCREENED_OUT: ANY({ reason: 'summary', note: 'caseManagement' }),
  PACKET_REVIEWED: ANY({ ...status('office', 'outcome'), ...referral('criterion'), note: 'authoredNote' }),
  CONSENT_GIVEN: { shownFrom: 'FULL', fields: caseManagement('method', 'memorializedBy', 'covers') },
  CONSENT_RESCINDED: { shownFrom: 'FULL', fields: caseManagement('note') },
  RELEASE_AMENDED: {
    shownFrom: 'FULL',
    fields: caseManagement('method', 'memorializedBy', 'covers', 'version', 'note'),
  },
  INTAKE_SCHEDULED: ANY(caseManagement('intakeScheduledFor', 'from')),
  // R-INTAKE: the assessment is case-management record, health details included: case management only.
  INTAKE_COMPLETED: ANY(caseManagement('assessment')),
  ENROLLED: ANY(),
  INTAKE_DEADLINE_EXTENDED: ANY({ ...status('from', 'to'), ...referral('reason') }),
  INTAKE_DEADLINE_MISSED: ANY(status('dueAt')),
  MISSED_NOTICE_UNCONFIRMED: ANY(),
  SCENE_WINDOW_ENDED: ANY(),
  RETURN_TO_SCENE_REPORTED: ANY(status('observedAt', 'withinWindow')),
  VICTIM_OBJECTION_RECORDED: ANY({ ...status('decisionDueAt'), note: 'authoredNote' }),
  VICTIM_FILING_DECISION_OVERDUE: ANY(),
  VICTIM_OBJECTION_WINDOW_ENDED: ANY(),
  FILING_DECISION_RECORDED: ANY({ ...status('decision', 'office'), ...referral('reason') }),
  HANDED_OFF_TO_SOCIAL_CONTACT: ANY(status('reason', 'continuesFrom', 'keepsEnrollment')),
  CASE_CLOSED: ANY({ ...status('outcome'), ...referral('reason') }),
  EXITED: ANY({ reason: 'summary', note: 'caseManagement' }),
  NOTICE_SENT: ANY(status('noticeId', 'sentAt')),
  // R-COORD: for case management (and supervisors) only; what it points to is theirs to read anyway.
  COORDINATION_ALERT: { shownFrom: 'FULL', fields: caseManagement('source', 'sourceId') },
};

const RANK: Record<CaseManagementLevel | 'ANY', number> = { ANY: 0, NONE: 0, SUMMARY: 1, FULL: 2 };

function fieldShown(kind: FieldKind, author: Actor, level: CaseManagementLevel): boolean {
  const effective = kind === 'authoredNote' ? (author.role === 'case_manager' ? 'caseManagement' : 'referral') : kind;
  if (effective === 'status' || effective === 'referral') return true;
  return RANK[level] >= RANK[effective === 'summary' ? 'SUMMARY' : 'FULL'];
}

/** The timeline as a reader at this level may see it: events and fields by the table above. */
export function timeline(events: CaseEvent[], level: CaseManagementLevel): TimelineEntry[] {
  return events.flatMap((e) => {
    const rule = EVENT_RULES[e.type];
    if (!rule || RANK[level] < RANK[rule.shownFrom]) return [];
    const recorded: Record<string, unknown> = e.data ?? {};
    const data = Object.fromEntries(
      Object.entries(rule.fields)
        .filter(([name, kind]) => recorded[name] !== undefined && fieldShown(kind, e.actor, level))
        .map(([name]) => [name, recorded[name]]),
    );
    const entry: TimelineEntry = {
      seq: e.seq,
      type: e.type,
      ruleId: e.ruleId,
      at: e.at,
      actor: { id: e.actor.id, role: e.actor.role },
    };
    if (level === 'FULL' && e.requestId) entry.requestId = e.requestId;
    if (Object.keys(data).length > 0) entry.data = data;
    return [entry];
  });
}

// ---------------------------------------------------------------------------------------------------
// The referral record: identity, incident, offenses, history and judgments, eligibility, override.

/** An allow-list shape: `true` copies a scalar, an object picks its keys, a one-element array maps a list. */
type Shape = true | { [key: string]: Shape } | [Shape];

function allow(shape: Shape, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (shape === true)
    return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? value : undefined;
  if (Array.isArray(shape))
    return Array.isArray(value) ? value.map((v) => allow(shape[0], v)).filter((v) => v !== undefined) : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape)) {
    const picked = allow(inner, (value as Record<string, unknown>)[key]);
    if (picked !== undefined) out[key] = picked;
  }
  return out;
}

const reason = { ruleId: true, message: true } as const;
/** What the officer entered and the service computed, as recorded with the referral. */
const REFERRAL_DETAILS: Shape = {
  officer: { id: true, name: true },
  incident: { withinCityLimits: true, occurredOn: true, reportNumber: true, narrative: true },
  offenses: [{ code: true, level: true, drug: { substance: true, grams: true, activity: true } }],
  offenseLevel: true,
  history: { convictions: [{ code: true, date: true, attempted: true }] },
  protectiveOrders: [{ type: true, protectsCurrentParticipant: true }],
  decision: { eligible: true, ruleIds: [true], officerDecision: true },
  routedToDocNci: true,
  warrants: [{ kind: true }],
  docViolation: true,
  judgments: {
    amenable: true,
    dealingForProfit: true,
    exploitsOthers: true,
    promotingProstitution: true,
    safetyConcern: true,
  },
  circumstances: { needsImmediateMedicalCare: true, ableToConsent: true, unableToConsentBecause: true },
  // R-EVAL: the officer's perception, police data (where the agency records it).
  perceivedRace: [true],
  victim: {
    identifiable: true,
    consulted: true,
    consultation: { outcome: true, by: true },
    informationSheetGiven: true,
  },
  eligibility: { eligible: true, reasons: [reason], notes: [reason] },
  overrideRequest: { reason: true },
  source: { type: true, referrerId: true, organization: true },
  vouchedBy: { id: true, role: true },
  // R-SC-FROM-ARREST: the arrest diversion the referral started from.
  fromArrest: true,
  verification: { bases: [true], reliableSource: true },
  drivers: [true],
  narrative: true,
  violations: [{ date: true, area: true }],
  prerequisites: { eligible: true, reasons: [reason], notes: [reason] },
  priorReferrals: [{ caseId: true, type: true, referredAt: true }],
};

export interface ReferralFacts {
  type: string;
  agency: string;
  officerId: string;
  linkedFromId: string | null;
  person: { givenName: string; familyName: string; dateOfBirth: Date; stateId: string | null };
  details: unknown;
}

export interface ReferralRecord {
  type: string;
  agency: string;
  officerId: string;
  linkedFrom: string | null;
  person: { givenName: string; familyName: string; dateOfBirth: string; stateId: string | null };
  details: Record<string, unknown>;
  override?: { reason: string; ruleIds: string[]; decision?: 'APPROVED' | 'DENIED'; decisionReason?: string };
}

/** The referral facts a referral record's readers receive, by the allow-list (a booking's too). */
export const referralDetailsOf = (details: unknown) => allow(REFERRAL_DETAILS, details) as Record<string, unknown>;

export function referralSection(referral: ReferralFacts, view: CaseView): ReferralRecord {
  const { person } = referral;
  return {
    type: referral.type,
    agency: referral.agency,
    officerId: referral.officerId,
    linkedFrom: referral.linkedFromId,
    person: {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth.toISOString().slice(0, 10),
      stateId: person.stateId,
    },
    details: referralDetailsOf(referral.details),
    override: view.override && {
      reason: view.override.reason,
      ruleIds: view.override.ruleIds,
      decision: view.override.decision,
      decisionReason: view.override.decisionReason,
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// The case-management record, or the progress summary partners may see under a release (R-ROI).

/** The release of information as recorded (R-CONSENT). */
export interface ReleaseRecord {
  id: string;
  inForce: boolean;
  method?: ConsentMethod;
  memorializedBy?: string;
  coversStaffing: boolean;
  providers: string[];
  givenAt?: string;
  givenBy?: string;
  /** R-CONSENT (Decision 2026-12-02): the version in force (1 as given) and its latest amendment. */
  version: number;
  amendedAt?: string;
  amendedBy?: string;
  rescindedAt?: string;
  rescindedBy?: string;
}

export interface CaseManagementRecord {
  level: 'FULL';
  /** R-EVAL: self-reported, asked by case management; null until recorded. */
  demographics: DemographicsRecord | null;
  /** R-EVAL, R-IIP: milestones reached, oldest first. */
  milestones: MilestoneRecord[];
  release: ReleaseRecord | null;
  intakeScheduledFor?: string;
  iip?: { goals: string[]; at: string; by: Actor };
  servicesDelivered: CaseView['servicesDelivered'];
  servicesWithdrawn: CaseState['servicesWithdrawn'];
  exit?: CaseState['exit'];
}

/** R-ROI: IIP goal categories, whether a service was withdrawn, the category of an exit — nothing else. */
export interface CaseManagementSummary {
  level: 'SUMMARY';
  iipGoals: string[];
  serviceWithdrawn: boolean;
  exitCategory: ExitReason | null;
}

export function caseManagementSection(
  view: CaseView,
  release: ReleaseRecord | null,
  access: Access,
  evaluation: { demographics: DemographicsRecord | null; milestones: MilestoneRecord[] } = {
    demographics: null,
    milestones: [],
  },
): CaseManagementRecord | CaseManagementSummary | null {
  const { demographics } = evaluation;
  if (access.caseManagement === 'SUMMARY') {
    return {
      level: 'SUMMARY',
      iipGoals: [...(view.iip?.goals ?? [])],
      serviceWithdrawn: view.servicesWithdrawn.some((s) => !s.reinstatedAt),
      exitCategory: view.exit?.reason ?? null,
    };
  }
  if (access.caseManagement !== 'FULL') return null;
  return {
    level: 'FULL',
    milestones: evaluation.milestones.map((m) => ({ milestone: m.milestone, reachedOn: m.reachedOn })),
    demographics: demographics && {
      raceEthnicity: {
        answer: demographics.raceEthnicity.answer,
        categories: [...demographics.raceEthnicity.categories],
      },
      gender: demographics.gender,
      preferredLanguage: demographics.preferredLanguage,
      housingAtReferral: demographics.housingAtReferral,
      recordedAt: demographics.recordedAt,
      recordedBy: demographics.recordedBy,
    },
    release: release && { ...release, providers: [...release.providers] },
    intakeScheduledFor: view.intakeScheduledFor,
    iip: view.iip && { goals: [...view.iip.goals], at: view.iip.at, by: actorRef(view.iip.by) },
    servicesDelivered: view.servicesDelivered.map((s) => ({
      service: s.service,
      provider: s.provider,
      at: s.at,
      by: actorRef(s.by),
    })),
    servicesWithdrawn: view.servicesWithdrawn.map((s) => ({
      service: s.service,
      reason: s.reason,
      note: s.note,
      at: s.at,
      by: actorRef(s.by),
      reinstatedAt: s.reinstatedAt,
    })),
    exit: view.exit && { reason: view.exit.reason, at: view.exit.at, by: actorRef(view.exit.by) },
  };
}
