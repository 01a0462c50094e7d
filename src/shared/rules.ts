/**
 * The protocol's rule ids (../shared/PROTOCOL.md). Code, events, notices, deadlines and error messages
 * cite these ids so that anyone can trace a behaviour back to the protocol text.
 */
export const RULES = {
  'R-CALL': 'on referral, the on-call case management team is called',
  'R-PACKET': 'the prosecutor with jurisdiction receives the diversion packet',
  'R-SCREEN': 'initial screening right away; leaving before it is reported to sergeant and prosecutor',
  'R-SCENE': 'a return to the scene within the exclusion window alerts the sergeant',
  'R-VICTIM': 'the victim may object to the prosecutor within one week',
  'R-INTAKE': 'intake no later than the deadline (30 days from referral), extendable with who and why',
  'R-CONSENT': 'release of information signed (or verbal, memorialized) no later than intake; rescindable',
  'R-ENROLL': 'in LEAD only when intake and consent are both complete within the deadline',
  'R-MISSED': 'a missed intake deadline is notified to the prosecutor with jurisdiction within one week',
  'R-EXIT': 'exits are recorded with who, when and why, and the project manager is told',
  'R-JURISDICTION': 'prosecutor notices go to the office with jurisdiction',
  'R-ROI': 'three kinds of information, each with its readers: referral record, program status, case-management record',
  'R-DISCLOSE': 'every disclosure of the referral or case-management record outside case management is recorded',
  'R-STAFFING':
    'monthly staffing list and client-level report; names only under a release covering staffing or a nomination',
  'R-EL-OFFENSE':
    "the jurisdiction's offense catalogue marks each offense eligible or not; a known ineligible one is a reason, open to an override",
  'R-EL-NORIGHT':
    'eligibility is advice, never a right: the officer decides; the reasons and the decision are recorded',
  'R-EL-ADULT': 'the person is 18 or older on the incident date',
  'R-EL-MEDICAL': 'a medical condition needing immediate treatment comes first',
  'R-EL-CONSENT-LATER': 'a person unable to consent now is referred; consent is sought later',
  'R-EL-VICTIM': 'for an offense with an identifiable victim the officer consults the victim where possible',
  'R-EL-WARRANT': 'a DOC warrant or violation goes to the DOC NCI team, who decide whether to refer',
  'R-EX-DRUG-AMOUNT': 'more than 7 grams of drugs excludes, except marijuana delivery/PWI and prescription pills',
  'R-EX-AMENABLE': 'a person who does not appear amenable to diversion is excluded',
  'R-EX-PROFIT': 'delivery for profit above subsistence excludes',
  'R-EX-EXPLOIT': 'exploiting minors or others in a drug-dealing enterprise excludes',
  'R-EX-PROMOTING': 'suspected promotion of prostitution excludes',
  'R-EX-ORDER': 'an order protecting a current LEAD participant excludes (checked by the service, never naming them)',
  'R-EX-SAFETY': 'diversion inconsistent with immediate victim or community safety excludes',
  'R-EX-HISTORY-LIFETIME': 'a conviction ever for the most serious offenses excludes',
  'R-EX-HISTORY-10Y': 'a listed conviction excludes unless more than 10 years have elapsed',
  'R-EX-HISTORY-5Y': 'a listed conviction excludes unless more than 5 years have elapsed',
  'R-IIP': 'the participant chooses the goals of their Individual Intervention Plan',
  'R-SERVICE-WITHDRAW': 'a specific service can be withdrawn for lack of progress; this is not an exit',
  'R-EL-OVERRIDE': 'an officer who books an ineligible person may ask the sergeant for an override',
  'R-EL-PRIOR': 'a prior referral does not block a new one; it is shown to the officer',
  'R-SC-PREREQ': 'a social contact states how law violations were verified, in the catchment area, within 24 months',
  'R-SC-SOURCE': 'a community-sourced social contact names the officer or sergeant who vouches for it',
  'R-SC-APPROVAL': 'a LEAD-trained sergeant approves or denies a social contact; unreviewed after 7 days it is stuck',
  'R-SC-PDA': 'the project manager is told of every social contact when made and when resolved',
  'R-SC-CAPACITY': 'approved social contacts are taken as capacity allows, oldest approval first',
  'R-SC-CONTACT': 'after approval the person is found; if willing, case management is called',
  'R-SC-REASSESS': 'an approval is good for six months; then it is re-assessed: renewed or closed',
  'R-COORD': "a current participant's new arrest, booking, charge or referral alerts their case manager at once",
  'R-SC-FROM-ARREST':
    'a person not diverted on the current charge may be referred as a social contact from the arrest record',
} as const;

export type RuleId = keyof typeof RULES;
