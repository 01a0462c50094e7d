import type { Stage } from '../../shared/case-vocabulary';
import type { Role } from '../../shared/roles';
import { outcomeLabel, stageLabel } from './codes';
import { localTime, localTimeFromNow, type TimeOptions } from './time';
/* Where a case stands and what the reader does next. */

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
